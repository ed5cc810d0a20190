"""A counted group of projects scopes the measures after it (在建重点项目74项，年度计划投资285.4亿元。
1-10月份完成投资258.68亿元): each measure is the group's, not the whole programme's, so the name keeps
the group (在建重点项目完成投资) and the group's figures never share a series with the total's.

The first group counted is the programme the report is on (市重点建设项目296个，总投资…): its measures
keep their plain names. A group's scope runs from its count to the next group count, and no further than
the end of its paragraph when the count opens its sentence, else the end of its sentence (…；170个新开项目
已开工145个。累计完成投资…: the total again). Only the measures a project programme reports (总投资,
年度计划投资, 完成投资, 投资占比, 超序时进度 …) take the group, and one already starting with it is left as
written. Words are data (facts_cues.toml [groups]).
"""
from __future__ import annotations

from functools import cache

import regex
from msgspec.structs import replace

from ..records import Fact
from .period.measures import whole_year, whole_year_of
from .period.runs import sentence_start
from .lexicon import cues


@cache
def _words() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    g = cues()["groups"]
    return tuple(g["heads"]), tuple(g["measures"]), frozenset(g["count_units"])


@cache
def _standing() -> tuple[str, ...]:
    return tuple(cues()["groups"]["standing_measures"])


def scope_groups(text: str, facts: list[Fact]) -> list[Fact]:
    """`facts` (in text order) with the measures inside a project group's scope named after the group."""
    heads, measures, units = _words()
    out: list[Fact] = []
    group, scope_end, programme, year = None, -1, None, None
    for f in facts:
        if f.start >= scope_end:
            group = None
        f = _count_alone(f, heads, measures, units)
        if year and (_is_group_count(f, heads, units) or f.kind == "value" and f.metric and f.metric.endswith(_standing())):
            f = _programme_year(text, f, year)
        if _is_group_count(f, heads, units):
            # the first group counted is the whole programme the report is on: its measures are the
            # report's own (总投资), only the groups after it are parts that need naming
            if programme is None:
                year = whole_year_of(f.period)
            programme = programme or f.metric
            group = f.metric if f.metric != programme else None
            scope_end = _scope_end(text, f)
        elif group and f.metric and f.metric.startswith(measures) and not f.metric.startswith(group):
            f = replace(f, metric=group + f.metric)
        out.append(f)
    return out


_CLAUSE_START = regex.compile(r"(?r)[，,；;：:。！？!?\n]")
_CLAUSE_REACH = 200  # a bounded look back: a clause is never this long


def _programme_year(text: str, f: Fact, year: str) -> Fact:
    """In a programme counted for a year (2023年县级重点项目共530项), a count of its projects or their total
    investment with the months of an earlier clause (1-6月累计完成投资…，其中:在建项目185项) stands for
    that whole year; months its own clause names stay. A programme counted for months (今年1—6月，全省
    203个在建重点项目完成投资…) keeps its groups' months."""
    p = f.period
    if p is None or not p.text or not p.start or not p.end or p.start[:4] != year:
        return f
    whole = whole_year(p)
    if whole is p:
        return f
    lower = max(0, f.start - _CLAUSE_REACH)
    m = _CLAUSE_START.search(text, lower, f.start)
    if p.text in text[m.end() if m else lower:f.start]:
        return f
    return replace(f, period=whole)


_SENTENCE_END = regex.compile(r"[。！？!?\n]")
_OPENER = regex.compile(r"^[\s\u3000]*(?:其中[，,：:]?)?")


def _scope_end(text: str, f: Fact) -> int:
    """The end of the count's sentence; of its paragraph when the group opens the sentence (在建重点项目
    74项，…。1-10月份完成投资…), not when it is one clause of a list (…；170个新开项目已开工145个。
    累计完成投资…: the total again)."""
    lead = text[sentence_start(text, f.start):f.start]
    lead = lead[_OPENER.match(lead).end():]
    end = _SENTENCE_END.search(text, f.end)
    if not regex.search(r"[，,；;：:]", lead) and len(lead) <= len(f.metric or "") + 6:
        end = regex.compile(r"\n").search(text, f.end)
    return end.start() if end else len(text)


def _count_alone(f: Fact, heads: tuple[str, ...], measures: tuple[str, ...], units: frozenset[str]) -> Fact:
    """443个续建项目年度投资完成率99.6%: the count counts the projects; the measure after them is the
    next figure's."""
    if f.kind != "value" or f.unit not in units or not f.metric:
        return f
    for h in heads:
        cut = f.metric.find(h)
        if cut > 0 and f.metric[cut + len(h):].startswith(measures):
            return replace(f, metric=f.metric[:cut + len(h)])
    return f


def _is_group_count(f: Fact, heads: tuple[str, ...], units: frozenset[str]) -> bool:
    """A count of a named kind of project (在建重点项目74项, 现代产业类项目250个); a bare 项目 names
    no group of its own."""
    m = f.metric
    return (f.kind == "value" and f.unit in units and bool(m) and m.endswith(heads)
            and not any(m == h for h in heads))
