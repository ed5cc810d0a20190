"""Pages that space their figures (在已公布的 28 个省区市中, 增长 5.5% 左右, 比 2018 年减少 341.3 千公顷): the
grammar lets one space stand between a figure and its measure word, qualifier or verb; these say when a
spaced measure word is no unit after all. Used by reading.py and context.py."""
from __future__ import annotations

import regex

_HAN = regex.compile(r"\p{Han}")
# Why: a change verb before a figure is a word or two, maybe 了 and a space (增长了 5%).
VERB_LOOK = 5
# 减少 3.55 个百|分点: a 个百分点 cut by the page
_CUT_POINTS = ("个百", "个\n")
# a space or two, then another figure: the next cell of a table row (bounded: linear wherever it is searched)
_CELL_AFTER = regex.compile(r"[ \t]{1,3}+[-+−－]?[0-9]")


def loose_spaced_unit(text: str, m, pre: str | None, start: int) -> bool:
    """A measure word one space after its figure (28 个省区市, 5 座。) that is no unit after all: the
    figure opens its line (1 本年度报告摘要: a list's number), or the next cell's figure or a cut
    个百分点 follows it (减少 0.52 个 -0.96). `m` is the quantity's match, `pre` its qualifier."""
    start = m.end("pre") if pre else start
    unit_start, unit_end = m.start("unit"), m.end("per") if m.group("per") else m.end("unit")
    if text[unit_start - 1:unit_start] != " " or not _HAN.match(text[unit_start:unit_start + 1]) \
            or text.startswith(("个百分点", "百分点"), unit_start):
        return False
    return start == 0 or text[start - 1] == "\n" or _CELL_AFTER.match(text, unit_end) is not None \
        or text.startswith(_CUT_POINTS, unit_start)
