"""The patterns reach.py reads a time's surroundings with (words in data/periods.toml [words] and
facts_cues.toml [period]): built once, each named for what it finds right after a time."""
from __future__ import annotations

from functools import cache
import re
from re import escape as regex_escape

from ...text import CLAUSE_ENDS, SENTENCE_ENDS
from ..lexicon import cues
from .grammar import lexicon


@cache
def trend() -> re.Pattern:
    """份平稳向好趋势 right after a time: the trend is that time's (data [words] trend_nouns)."""
    nouns = "|".join(map(regex_escape, lexicon()["words"]["trend_nouns"]))
    return re.compile(rf"份?[\u4e00-\u9fff]{{0,6}}?(?:{nouns})")


@cache
def stated_value() -> re.Pattern:
    """…增长0.1%，1—6月份为下降0.3%: the earlier months' own value, said after 为."""
    changes = "|".join(cues()["period"]["stated_value_changes"])
    # (上月为持平: a flat month is a value stated too, with no figure)
    # (运载率为83.2%，2023年则为85.7%: 则 between, the earlier year's own rate: HJ, LM, KH and ten more pages)
    return re.compile(rf"[则亦也]?为(?:(?:{changes})?[-−]?[\d０-９]|持平)")


@cache
def numbered_event() -> re.Pattern:
    """第4次会议, 第三次临时股东大会 after a year: the year's numbered event (data [words] numbered_events)."""
    events = "|".join(map(regex_escape, lexicon()["words"]["numbered_events"]))
    return re.compile(rf"度?第[0-9一二三四五六七八九十]{{1,3}}次(?:临时)?(?:{events})")


@cache
def named_event() -> re.Pattern:
    """冬奥会, 金融危机 right after a year (2022年冬奥会, 2008年金融危机): the year names an event (data [words] named_events)."""
    events = "|".join(map(regex_escape, lexicon()["words"]["named_events"]))
    return re.compile(rf"[\u4e00-\u9fff]{{0,2}}?(?:{events})")


@cache
def points_after() -> re.Pattern:
    """份? 提高 5.0 个百分点 right after a time: a change in points against it (data [words] points_change_verbs)."""
    verbs = "|".join(map(regex_escape, lexicon()["words"]["points_change_verbs"]))
    return re.compile(rf"份?(?:{verbs})\s?[\d.]{{1,6}}\s?个?百分点")


@cache
def transition() -> re.Pattern:
    """由上月下降1.6%转为上涨3.0%: the time's own figure, then a change of direction."""
    to = "|".join(map(regex_escape, sorted(lexicon()["words"]["transition_to"], key=len, reverse=True)))
    return re.compile(rf"[^，,。；;！？\d]{{0,8}}?[-+]?\d{{1,12}}(?:\.\d{{1,6}})?\s?(?:%|％|个百分点)?(?:{to})")


@cache
def word_pattern(key: str) -> re.Pattern:
    """The pattern periods.toml [words] holds under `key` (now_in_set, goals_listed, now_reported, goal_after,
    goal_share_after), compiled once."""
    return re.compile(lexicon()["words"][key])


@cache
def chart_caption() -> re.Pattern:
    return re.compile(cues()["period"]["chart_caption"], re.M)  # ^ at the line start (a pos)


@cache
def _chart_caption_inline() -> re.Pattern:
    return re.compile(cues()["period"]["chart_caption"].lstrip("^"))  # (no ^: read where a line would start)


def inline_caption(text: str, at: int) -> bool:
    """A chart's caption (图1: ) opens at most 8 characters before `at`, after a space that follows a sentence's end:
    a page that ran its lines together (…3782美元。 图1: 2000-2006年地区生产总值完成情况 第三产业比重提高。)."""
    i = text.rfind("图", max(0, at - 8), at)
    j = i - 1
    while j >= 0 and i - j <= 4 and text[j] in " \t\u3000":  # (a few spaces back, not a copy of the text before)
        j -= 1
    return j < i - 1 and j >= 0 and text[j] in "。！？；" and _chart_caption_inline().match(text, i, at + 1) is not None


@cache
def own_rate() -> re.Pattern:
    nouns = "|".join(map(regex_escape, sorted(lexicon()["words"]["own_rate_nouns"], key=len, reverse=True)))
    return re.compile(rf"(?:同期|同月)?\s?[-+]?\d{{1,12}}(?:\.\d{{1,6}})?\s?[%％]的(?:较高|较低|高|低)?(?:{nouns})")


@cache
def word_tuple(key: str) -> tuple[str, ...]:
    """A word list of periods.toml [words] as a tuple for str.startswith / endswith (built once)."""
    return tuple(lexicon()["words"][key])


def figureless_clause(text: str, end: int) -> bool:
    """Words but no digit from `end` to the end of its clause (not 预计今年1-6月份, which opens its sentence)."""
    for i, ch in enumerate(text[end:end + 60]):
        if ch in CLAUSE_ENDS or ch in SENTENCE_ENDS:
            return i >= 2
        if ch.isdigit():
            return False
    return False


@cache
def released_now() -> re.Pattern:
    """今天公布, 昨日公佈的 right before a time: what is released today is the latest time of its kind (data
    [words] release_days, release_verbs)."""
    w = lexicon()["words"]
    days = "|".join(map(regex_escape, w["release_days"]))
    verbs = "|".join(map(regex_escape, w["release_verbs"]))
    return re.compile(rf"(?:{days})(?:{verbs})[了的]?(?:数据显示[:：]?)?\s?$")
