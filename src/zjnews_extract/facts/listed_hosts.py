"""Runs of sites, each with its count of visitors: 接待游客分别为天水麦积山风景名胜区10.9万人次、平凉崆峒山
9.5万人次…, 三峡大坝1.76万人次、…、神农架9.81万人次. A bare name in such a run is the host of its count,
not what is counted, whether or not the gazetteer knows it (data: [metric] host_count_units)."""
from __future__ import annotations

from functools import cache

import regex

from ..records import Quantity
from . import metric as M
from . import words
from .lexicon import alternation, cues, match_place
from .metric.heads import measurable

# Why: a site's name is short; a longer run of words is a clause, not a name.
_NAME_MAX = 16
_RUN_MARKS = "、，,；;"


@cache
def _host_units() -> frozenset[str]:
    return frozenset(cues()["metric"]["host_count_units"])


@cache
def _host_verbs() -> tuple[str, ...]:
    return tuple(cues()["metric"]["host_verbs"])


@cache
def _respective() -> regex.Pattern:
    return regex.compile(rf"(?:{alternation(cues()['grammar']['respective_marks'])})(?:为|是|达到|达)?\s*[:：]?")


def counts_hosts(q: Quantity) -> bool:
    """A count whose run may name its hosts (人次)."""
    return q.kind == "value" and q.unit in _host_units()


def host_item(raw: str, w: M.Window, q: Quantity, host_run: bool, last_metric: str,
              opens_clause: bool, before_clause: str = "") -> tuple[str, str] | None:
    """(host, measure) when the figure is one site's count in a run of sites: its words are a bare name,
    and either the measure stands before a 分别 mark in front of the name, or the run's figure before
    was a site's count too (`host_run`) and named the measure (`last_metric`), this one after a 、 or
    opening its clause (…；雁山愚自乐园1.06万人次), or its clause opens the whole's parts (其中:龙潭峡8500人次,
    `before_clause` the words just before its clause); else None. (A name the segmenter tags as a verb, 临潭冶力关,
    is still a name: only the run says what it is.)"""
    if not counts_hosts(q) or w.share or w.change:
        return None
    marks = list(_respective().finditer(raw))
    if marks and _bare_name(after := raw[marks[-1].end():].strip()):
        # (read from the words themselves: the window may have taken the first site for the measure's doer)
        before = raw[:marks[-1].start()]
        measure = _hosts_measure(M.read_window(before, q.kind).metric if before.strip() else "")
        if measure and measurable(measure):
            return after, measure
    if not w.metric:
        return None
    name = w.metric
    if w.subject and raw.strip(_RUN_MARKS + " ").endswith(w.subject + w.metric):
        name = w.subject + w.metric  # 阳朔《印象·刘三姐》: the place is part of the site's name
    if host_run and (opens_clause or raw.lstrip()[:1] in _RUN_MARKS) and last_metric and measurable(last_metric) \
            and (named := _named_before_verb(name)):
        return named  # …；龙脊梯田接待11.48万人次；蜈支洲岛接待2.25万人次: the next site of the run, its verb said again
    if not _bare_name(name) or measurable(w.metric):
        return None
    if host_run and (opens_clause or raw.lstrip()[:1] in _RUN_MARKS) and last_metric and measurable(last_metric):
        return name, _hosts_measure(last_metric)
    if _parts_opened().search(before_clause) and last_metric and measurable(last_metric):
        # 全市景区接待游客20.76万人次,其中:龙潭峡8500人次,龙门石窟4500人次: the whole's sites, named after 其中
        return name, _hosts_measure(last_metric)
    return None


@cache
def _parts_opened() -> regex.Pattern:
    return regex.compile(rf"(?:{alternation(cues()['grammar']['parts_marks'])})\s*[:：,，]\s*$")


def _bare_name(name: str) -> bool:
    """Words that may name a site: short, no figure, no measure, no verb at the end, no visitors
    (旅行社有组织出境旅游者: who came, not who hosted; 国内航线完成: a verb, no name)."""
    return bool(name) and len(name) <= _NAME_MAX and not any(ch.isdigit() for ch in name) \
        and not any(ch in _RUN_MARKS for ch in name) and not measurable(name) and not _ends_in_verb(name) \
        and not any(noun in name for noun in _visitor_nouns())


def _named_before_verb(metric: str) -> tuple[str, str] | None:
    """(site, measure) when `metric` is a bare name, then a host verb and what it counts (世外桃源接待,
    大渡口南海温泉接待游客), else None."""
    verb = min((i for v in _host_verbs() if (i := metric.find(v)) >= 2), default=-1)
    if verb < 0 or not _bare_name(site := metric[:verb]) or site.startswith(_WHOLE_MARKS) \
            or any(pos in _CLASS_TAGS and w.isalnum() for w, pos in words.words(site)):
        return None  # (所属各公园景点, 主要景区, A级景区: a class of sites, which the metric keeps)
    return site, metric[verb:]


# Why: the tags of the words that make a class of sites, not one: pronouns (各, 其他), distinguishing words
# (主要, 所属), numerals and measure words (5A级), letters (A级); not the marks of a quoted name (《印象·刘三姐》)
_CLASS_TAGS = frozenset({"r", "b", "m", "q", "x"})


def _hosts_measure(measure: str) -> str:
    """三家5A级旅游景区接待游客, 融创文旅城接待游客 -> 接待游客: the items are the hosts, not the sites named before."""
    verb = next((measure.find(v) for v in _host_verbs() if v in measure), -1)
    return measure[verb:] if verb > 0 else measure


def site_subject(subject: str | None) -> bool:
    """A subject that is a site, not a whole place (永靖黄河三峡, not 全省 or 杭州)."""
    if not subject:
        return False
    m = match_place(subject)
    return not (m is not None and m.end() == len(subject)) and not subject.startswith(_WHOLE_MARKS)


_WHOLE_MARKS = ("全",)


def _ends_in_verb(name: str) -> bool:
    ws = words.words(name)
    return bool(ws) and ws[-1][1].startswith("v") and len(ws[-1][0]) >= 2


@cache
def _visitor_nouns() -> tuple[str, ...]:
    """The nouns of those a host receives (游客, 旅游者): the words before [implied_units] 人次."""
    return tuple(k for k, unit in cues()["implied_units"].items() if unit in _host_units() and k != "人次")


def names_host(metric: str | None) -> bool:
    """融创文旅城接待游客: a measure that names its host before the host verb (a run of its parts may follow:
    其中雪世界48217人次,陆地乐园44680人次)."""
    return bool(metric) and any(metric.find(v) >= 2 for v in _host_verbs())
