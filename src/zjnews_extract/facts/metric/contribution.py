"""A gap in points that is a contribution to another thing's growth (拉动GDP增长6.4个百分点): the words
that say so, read by resolve.py (the doer's name) and assemble.py."""
from __future__ import annotations

from functools import cache

import regex

from typing import TYPE_CHECKING

from ..lexicon import alternation, cues
from .heads import measurable

if TYPE_CHECKING:
    from ..frames import Frame


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


def lifting_doer(name: str, frame: "Frame", lift: str) -> str:
    """What did the lifting: the previous number's thing in the sentence (石油和天然气开采业增加值
    同比增长4.6%，拉动…), else the thing named last, without its 对…的贡献率 part; never the lifted
    thing itself nor another pull."""
    # (…基础设施投资增长7.4%,对全省投资增长的贡献率为59.1%,拉动全省投资增长1.8个百分点: the sentence's
    # earlier things, latest first, when the last two name the lifted thing)
    own = _own_doer(name, lift)
    if own:
        return own  # 全年最终消费支出拉动国内生产总值增长5.3个百分点: the figure's own words name who lifted
    for thing in (frame.last_metric, frame.base, *reversed(frame.bases), name):
        thing = (thing or "").split("对", 1)[0]
        if thing and thing not in lift and lift[2:] not in thing and not contribution(thing):
            return thing
    return ""


def _own_doer(name: str, lift: str) -> str:
    """The doer a pull's own words name before its verb (最终消费支出 in 最终消费支出拉动国内生产总值), when it
    names a measure; else ""."""
    verb = lift[:2]
    at = name.find(verb) if verb else -1
    doer = name[:at] if at >= 2 else ""
    return doer if doer and measurable(doer) else ""
