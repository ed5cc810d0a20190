"""A bare measure after a named one in the same sentence: 汽车产量131.27万辆…；销量119.47万辆 is
汽车销量, 东部地区房地产开发投资…；中部地区投资… is 房地产开发投资 (data: [metric.siblings])."""
from __future__ import annotations

from functools import cache

from ..lexicon import cues
from .heads import measurable
from .nouns import is_body
from .topics import clause_topic


@cache
def _host_verbs() -> frozenset[str]:
    return frozenset(cues()["metric"]["host_verbs"])


@cache
def _families() -> dict[str, tuple[str, ...]]:
    """Each measure -> the measures of its family, longest first (产销量 before 销量)."""
    out: dict[str, tuple[str, ...]] = {}
    for family in cues()["metric"]["siblings"]["families"]:
        ordered = tuple(sorted(family, key=len, reverse=True))
        for member in family:
            out[member] = ordered
    return out


def sibling_name(name: str, bases: tuple[str, ...], new_place: bool) -> str:
    """The thing `name` measures when the sentence named it for a sibling measure just before
    (汽车产量 -> 销量 is 汽车销量), or for the same measure of another place (`new_place`:
    东部地区房地产开发投资 -> 中部地区投资 is 房地产开发投资); "" when it names its own."""
    if not bases or bases[-1] == name:
        return ""
    base = bases[-1]
    if new_place and len(base) > len(name) and base.endswith(name) and measurable(base[:-len(name)]) \
            and not is_body(base[:-len(name)]):
        # not 奇彩梦园接待 -> 片区接待: a body's own figure is not a kind of the measure; nor 会员企业粗钢日均产量 ->
        # 全国粗钢日均产量: the population the first figure counted is not the nation's
        return base
    if new_place and name in _host_verbs() and len(base) > len(name):
        # 渝中区接待国内游客252.3万人次…；万盛经开区接待53.13万人次: the same verb, its object left out
        if base.startswith(name):
            return base
        return "" if name in base else name + base  # (…奇彩梦园接待: a body's own figure, no object to share)
    for head in _families().get(name, ()):
        if base.endswith(head) and len(base) > len(head):
            thing = base[:-len(head)]
            return "" if thing.endswith(("的", "、", "和", "及")) else thing + name
    return ""


# a measure's head written alone once its thing was named as a topic: 销售量 after …销售结束了…
_HEAD_ENDS = ("量", "额", "值")


def topic_kind_name(name: str, prev_clause: str) -> str:
    """The thing a bare measure repeats from the figure-less clause before it: 中国品牌乘用车销售结束了去年的下降
    趋势，销售量达到356.67万辆 (the dev gold's car release) -> 中国品牌乘用车销售量; 金属矿及矿砂进口额大幅增长，进口额
    达339.3亿元 (a 宁波 customs report) -> 金属矿及矿砂进口额. "" when the topic names another thing."""
    if not name or len(name) > 4 or not prev_clause:
        return ""
    topic = clause_topic(prev_clause)  # (read only for a short bare measure: it segments the clause)
    if not topic or topic == name:
        return ""
    stem = name[:-1] if len(name) >= 3 and name.endswith(_HEAD_ENDS) else name
    for tail in (name, stem):
        if topic.endswith(tail) and len(topic) - len(tail) >= 2:
            return topic[:-len(tail)] + name
    return ""
