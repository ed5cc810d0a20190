"""A space-separated table's labels that a PDF wrapped over lines: the rest of a label on a line of its
own (籍华人捐赠物资), a label cut before its figures (归属于上市公司股 / 东的扣除非经常性 / 损益的净利润), and a
line that opens the next row's label rather than closing the last one. spaced.py reads the rows."""
from __future__ import annotations

from functools import cache

from . import spaced as S
from .layout import word_across, words


def wrapped_label(line: tuple[int, str]) -> bool:
    """The rest of a long label wrapped onto a line of its own (籍华人捐赠物资, its English after it)."""
    cells = S._cells(line)
    if len(cells) == 1 and S._patterns()["bracketed"].match(cells[0].text):
        return True  # 加权平均净资产收益率 1.41 … / (%) 百分点 分点: the label's unit wrapped, the tails its cells'
    return len(cells) == 1 and bool(S._patterns()["han"].search(cells[0].text)) and len(cells[0].text) <= 12 \
        and not any(ch.isdigit() for ch in cells[0].text) and not S._section(line)


def label_goes_on(lines, first: int, j: int, width: int) -> bool:
    """Line j ends the label of the row above it, cut short (稀释每股收益(元/ 0.05 … / 股), 归属于上市公司股
    1,244,439,446.19 … / 东的扣除非经常性 / 损益的净利润), even after the table's last row: the label so far
    ends in an open bracket or a word that cannot end a name, or line j goes on a word it cut."""
    k, parts = j - 1, []
    while k > first and wrapped_label(lines[k]) and S._row_width(lines[k]) != width:
        parts.insert(0, lines[k][1].strip())
        k -= 1
    if S._row_width(lines[k]) != width:
        return False
    label = S._cells(lines[k])[0].text + "".join(parts)
    if label.endswith(_label_openers()) or label.count("(") + label.count("（") > label.count(")") + label.count("）"):
        return True
    return word_across(label, lines[j][1].strip())  # 归属于上市公司股 / 东的…: 股东 runs over the break


def opens_label(lines, k: int, after: int) -> bool:
    """A wrapped label's line that opens the next row's label rather than closing the last one: it
    ends in a word that cannot end a name (归属于上市公司股东的 over 扣除非经常性损益的净 19,902,297.26 …)."""
    body = lines[k][1].strip()
    return k + 1 < after and S._row_width(lines[k + 1]) > 0 and body.endswith(_label_openers())


@cache
def _label_openers() -> tuple[str, ...]:
    return tuple(words()["labels"]["open_endings"])
