"""What a clause with no number names (全国居民消费价格指数同比由涨转平, 从GDP总量来看, 各市GDP增速分别为:,
营收占比最大的是…): the thing later figures leave out. Used by resolve.py and the sentence walk."""
from __future__ import annotations

from functools import cache

import regex

from ..lexicon import alternation, cues
from .heads import is_junk, is_method_clause, measurable
from .nouns import has_verb, is_generic, leading_noun, trailing_noun
from .window import drop_place_group, peel, read_window


@cache
def _superlative_pick() -> regex.Pattern:
    return regex.compile(cues()["metric"]["superlative_pick"])


@cache
def gap_nouns() -> tuple[str, ...]:
    return tuple(cues()["metric"]["gap_nouns"])


def clause_topic(clause: str) -> str:
    """What a clause with no number is about, when it names a quantity: the noun phrase that
    opens it (全国居民消费价格指数同比由涨转平), else the one that ends it (…举办出口网上交易会)."""

    if is_method_clause(clause):
        return stated_topic(clause)
    if clause.lstrip(" ，,").startswith(tuple(cues()["metric"]["compare"])):
        return ""  # …增长8.3%，高于工业增长速度，占GDP的10.8%: a benchmark, not what the next figure is of
    if heading := list_heading(clause, False):
        return heading  # 齐鲁银行不良贷款率最高，达到1.29%: the superlative's thing
    if pick := _superlative_pick().search(clause):
        member = clause[pick.end():].strip(" ，,")
        member = member if not has_verb(member) else trailing_noun(member)
        if member and measurable(member):
            return member  # 营收占比最大的是手续费及佣金净收入，为24.41亿元: the member's figure
    rest, _ = peel(clause)
    lead = leading_noun(rest)
    if lead and measurable(lead) and not lead.endswith(gap_nouns()):
        return lead
    tail = trailing_noun(clause)
    return tail if tail and measurable(tail) and not tail.endswith(gap_nouns()) else ""


def stated_topic(clause: str) -> str:
    """从GDP总量来看 names what the next figures are of; 从环比看, 从结构看, 分行业看 only how they are cut."""
    topic = _topic().fullmatch(clause.strip(" ，,"))
    x = topic.group("x").rpartition("的")[2] if topic else ""
    if not x or x.endswith(tuple(cues()["metric"]["topic_dimensions"])):
        return ""  # 从出口国别看: how the figures are cut
    for rate in cues()["metric"]["topic_rates"]:
        if x.endswith(rate) and measurable(x[:-len(rate)]):
            x = x[:-len(rate)]  # 从财政收入增速来看: the rates given are 财政收入's growth
            break
    return x if measurable(x) and not is_generic(x) and not is_junk(x) else ""


@cache
def _heading_ends(colon_after: bool) -> tuple[str, ...]:
    m = cues()["metric"]
    ends = tuple(m["list_heading_ends"]) + (tuple(m["list_heading_colon_ends"]) if colon_after else ())
    return tuple(sorted(ends, key=len, reverse=True))


def list_heading(clause: str, colon_after: bool) -> str:
    """各市GDP增速分别为(:杭州12.3%、…), 不良贷款率最高(，达到1.29%): what a figure-less clause names, else ""."""
    words = clause.strip(" ，,")
    m = cues()["metric"]
    if top := next((e for e in m["superlative_ends"] if words.endswith(e)), None):
        words = words[:-len(top)]
        for field in m["superlative_fields"]:
            words = words.removesuffix(field)  # 增幅全省最高: the field the figure leads
        name = read_window(words).metric
        # (长城汽车、中国联通、中煤能源资本化率最高: a list of doers ranked together is no name)
        return name if name and "、" not in name and measurable(name) and not is_junk(name) else ""
    end = next((e for e in _heading_ends(colon_after) if words.endswith(e)), None)
    if end is None:
        return ""
    words = words[:-len(end)]
    for respective in m["list_order_marks"]:
        words = words.removesuffix(respective)
    for drop in m["list_heading_drop"]:
        words = words.removesuffix(drop)  # 接待情况: how it went, not what was counted
    name = read_window(words).metric
    if "、" in name and end in m["list_heading_drop"] \
            and (last := read_window(words.rsplit("、", 1)[1]).metric) and measurable(last):
        # 各县市区、市属开发区生产总值完成情况: the kinds of places listed after it are its items, not its name
        name = drop_place_group(last)
    if host := next((v for v in m["host_verbs"] if v in name[1:]), None):
        name = name[name.index(host, 1):]  # 四家5A级景区接待: the sites are the items listed, each its own subject
    return name if name and measurable(name) and not is_generic(name) and not is_junk(name) else ""


def may_state_topic(clause: str) -> bool:
    """A cheap test before peeling a clause for stated_topic: its topic words are there."""
    return _topic().search(clause) is not None


@cache
def _topic() -> regex.Pattern:
    return regex.compile("|".join(f"(?:{form})" for form in cues()["metric"]["stated_topics"]))


@cache
def _superlative() -> regex.Pattern:
    m = cues()["metric"]
    return regex.compile(rf"(?:{alternation(m['superlative_links'])})(?P<x>[^，,；;。]{{2,16}}?)"
                         rf"(?:{alternation(m['superlatives'])})的(?:{alternation(m['superlative_classes'])})$")


def superlative_measure(clause: str) -> str:
    """安徽省成为接待游客总数最多的省份: the measure the place is first in (接待游客总数), else ""."""
    m = _superlative().search(clause.strip(" ，,"))
    x = m.group("x").strip() if m else ""
    return x if x and measurable(x) and not is_junk(x) else ""
