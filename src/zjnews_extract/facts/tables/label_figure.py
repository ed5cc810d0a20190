"""Tables of one figure column stored as lines of a label and its figure, nothing or spaces between
(a statistics bureau's 主要数据 table copied by a portal):

    指 标2023年1-3月份
    同比增长(%)
    固定资产投资(不含农户)5.1
    其中:国有控股10.0
    按构成分
    建筑安装工程4.1

At least min_rows such lines in a run (lines of a section's name may stand between them), under a
header line that names the figure column (a growth word or a unit in brackets), and optionally a line
above that of the label column's title and the column's period. The rows are read as bar-separated
rows are: the cells keep their offsets in the text.
"""
from __future__ import annotations

from functools import cache

import regex

from .layout import Cell, Row, Table, enough_lines, label_titles, scan_tables, squash, words
from .spaced import captions_above, text_lines
from .units import read_unit, unit_above, unit_line


@cache
def _patterns():
    return {
        "row": regex.compile(r"^\s*(?P<label>[^\d\n|]*?[\p{Han})）])\s*(?P<fig>[-−]?\d+(?:\.\d+)?)\s*$"),
        "section": regex.compile(r"^\s*(?P<label>[\p{Han}:：()（）、]+)\s*$"),
        # (possessive steps: a run of spaces is crossed once)
        "title": regex.compile(r"[(（]\s*+(?P<unit>[^()（）\d\s]{1,6}+)\s*+[)）]?+\s*+$"),
        "growth": regex.compile("|".join(map(regex.escape, words()["header"]["growth_words"]))),
        "label_title": regex.compile(r"^\s*(?P<t>(?:" + "|".join(
            r"\s*".join(map(regex.escape, t)) for t in sorted(label_titles(), key=len, reverse=True)) + r"))\s*"),
    }


def may_be_label_figure(text: str) -> bool:
    """Cheap test: min_rows lines that end in a figure right after a Han character or a bracket."""
    return enough_lines(text, lambda line: len(line) <= 60 and _patterns()["row"].match(line) is not None,
                        words()["label_figure"]["min_rows"])


def find_label_figure(text: str) -> list[Table]:
    """Every such table of `text`."""
    lines = text_lines(text)
    # (a run that makes no table from its first line makes none from a later one: it ends at the same
    # line with fewer rows; so the scan goes on after it, once over the text)
    return scan_tables(len(lines), lambda i: _table_at(text, lines, i))


def _is_row(body: str) -> regex.Match | None:
    p = _patterns()
    m = p["row"].match(body)
    if m is None or p["label_title"].fullmatch(m.group("label")) or squash(m.group("label")) in label_titles():
        return None  # 指 标 202117: the header's label title and a period, no row
    return m


def _column_title(body: str) -> bool:
    """同比增长(%), 绝对量(亿元): a line that names the figure column."""
    p = _patterns()
    text = body.strip()
    if not text or len(text) > 16 or any(ch.isdigit() for ch in text):
        return False
    unit = p["title"].search(text)
    return bool(p["growth"].search(text)) or unit is not None and read_unit(unit.group("unit")) is not None


def _table_at(text: str, lines, i: int) -> tuple[Table | None, int]:
    """The table whose header line (the column's title) is line i, or None, and the line after the run."""
    if not _column_title(lines[i][1]):
        return None, i + 1
    rows: list[Row] = []
    j, k = i + 1, 0
    lay = words()["label_figure"]
    while j < len(lines):
        start, body = lines[j]
        if not body.strip():
            j += 1
            continue
        if (m := _is_row(body)) is not None:
            label = Cell(start + m.start("label"), start + m.end("label"), m.group("label"))
            fig = Cell(start + m.start("fig"), start + m.end("fig"), m.group("fig"))
            rows.append(Row(label.start, fig.end, (label, fig)))
            k += 1
        elif (m := _patterns()["section"].match(body)) and len(m.group("label")) <= lay["section_max_chars"]:
            label = Cell(start + m.start("label"), start + m.end("label"), m.group("label"))
            rows.append(Row(label.start, label.end, (label, Cell(label.end, label.end, ""))))
        else:
            break
        j += 1
    while rows and not rows[-1].cells[1].text:
        rows.pop()  # a section line after the last row is no part of the table
    if k < lay["min_rows"]:
        return None, j
    start, body = lines[i]
    title = Cell(start + len(body) - len(body.lstrip()), start + len(body.rstrip()), body.strip())
    heads = [Row(title.start, title.end, (Cell(title.start, title.start, ""), title))]
    top = i
    if i > 0 and (above := _period_line(lines[i - 1])) is not None:
        heads.insert(0, above)  # 指 标2023年1-3月份 over 同比增长(%): the label's title and the column's period
        top = i - 1
    captions, cap_start = captions_above(lines, top)
    if not any(unit_line(c) for c in captions) and (unit := unit_above(text, cap_start)):
        captions.append(unit)
    return Table(rows=(*heads, *rows), captions=tuple(captions), start=cap_start, end=rows[-1].end,
                 rows_start=heads[0].start), j


def _period_line(line: tuple[int, str]) -> Row | None:
    """指 标2023年1-3月份: the label column's title, then the words over the figure column."""
    start, body = line
    m = _patterns()["label_title"].match(body)
    if m is None or not regex.search(r"\p{Han}", body[m.end():]):
        return None  # (指 标 202117: a period whose marks the copy lost, 2021年1—7月, is no header cell)
    rest = body[m.end():].rstrip()
    label = Cell(start + m.start("t"), start + m.end("t"), m.group("t"))
    over = Cell(start + m.end(), start + m.end() + len(rest), rest)
    return Row(label.start, over.end, (label, over))
