"""A gap in points that is a contribution to another thing's growth (拉动GDP增长6.4个百分点): the words
that say so, read by resolve.py (the doer's name) and assemble.py."""
from __future__ import annotations

from functools import cache

import regex

from ..lexicon import alternation, cues


@cache
def _contribution_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    verbs = alternation(cues()["versus"]["contribution_verbs"])
    # 拉动全市规模以上工业1.4个百分点 (the lifted thing right before the points), 拉动GDP增长6.4个百分点
    return (regex.compile(rf"(?:{verbs})[^，,；;]{{1,16}}+$"),
            regex.compile(rf"(?:{verbs})[^，,；;]{{1,16}}?增长"))


def contribution(raw: str) -> str:
    """拉动GDP增长 in the words before a gap in points: a contribution to another thing's growth."""
    at_end, grew = _contribution_patterns()
    m = at_end.search(raw.rstrip()) or grew.search(raw)
    return m.group() if m else ""
