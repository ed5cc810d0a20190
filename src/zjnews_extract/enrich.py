"""After the facts: what each fact says in the terms of a dataset.

For every fact of a document: the canonical indicator and scope of its metric
(indicators/), the basis of a change (facts/basis.py, read from the words before the number),
and the type of its period (a point in time, one month, a cumulative span from January, another
span within a year, or several years). Facts are immutable: each is replaced by a copy with the
new fields filled. No file I/O; the catalogue and word lists load once.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import cache

import msgspec

from .data import load_toml
from .facts.basis import find_basis
from .indicators import catalogue, match_metric, unit_family
from .records import Fact, Period
from .text import CLAUSE_ENDS, SENTENCE_ENDS


def enrich_facts(text: str, facts: list[Fact]) -> list[Fact]:
    """The facts of `text` with indicator, scope, basis and period_type filled."""
    return [enrich_fact(text, fact) for fact in facts]


_CONTEXT_BEFORE = 400  # characters of the paragraph before a fact that may name its indicator
_CONTEXT_AFTER = 200
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]")
_CLAUSE_END = re.compile(f"[{SENTENCE_ENDS}{CLAUSE_ENDS}]")
_COUNT_REACH = 60  # characters after a count that may finish its phrase (39个行业增加值保持同比增长)
_CLAUSE_REACH = 80  # characters before a contribution rate that may name its part and whole


def context(text: str, fact: Fact) -> str:
    """The words around a fact that may name what its metric leaves out: its paragraph up to the end
    of its sentence (其中，钢材…; 分行业看，…增加值… then 汽车制造业增长9.8%), at most a few hundred
    characters each side, so the time stays linear in the text."""
    lower = max(0, fact.start - _CONTEXT_BEFORE)
    begin = text.rfind("\n", lower, fact.start) + 1 or lower
    upper = min(len(text), fact.end + _CONTEXT_AFTER)
    found = _SENTENCE_END.search(text, fact.end, upper)
    end = found.end() if found else upper
    return text[max(begin, lower):end]


def counted_phrase(text: str, fact: Fact) -> str | None:
    """A count of breakdowns (39个行业增加值…, 418种产品产量…) says what grew after its metric: the clause
    from the number on (39个行业增加值保持同比增长), when it begins with the metric; else None."""
    metric = fact.metric or ""
    nouns = catalogue().words.breakdown_nouns
    # 行业 or 增加值保持同比增长的行业 (the facts stage names a set by what defines it)
    noun = next((n for n in nouns if metric.startswith(n) or metric.endswith("的" + n)), None)
    if fact.kind != "value" or unit_family(fact.unit) != "count" or noun is None:
        return None
    found = _CLAUSE_END.search(text, fact.end, min(len(text), fact.end + _COUNT_REACH))
    rest = text[fact.end:found.start() if found else min(len(text), fact.end + _COUNT_REACH)]
    head = metric if metric.startswith(noun) else noun
    return rest if rest.startswith(head) and rest != head else None


def contribution_phrase(text: str, fact: Fact) -> str | None:
    """A contribution whose metric is the contribution word alone (贡献率 of 第二产业对GDP增长的贡献率为42.5%)
    is read with its clause up to that word, where its part and whole are; else None."""
    metric = fact.metric or ""
    if metric not in catalogue().words.contribution:
        return None
    lower = max(0, fact.start - _CLAUSE_REACH)
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, lower, fact.start)), default=lower)
    at = text.rfind(metric, clause_start, fact.start)
    return text[clause_start:at + len(metric)] if at > clause_start else None


def enrich_fact(text: str, fact: Fact) -> Fact:
    found = match_metric(fact.metric, kind=fact.kind, unit=fact.unit,
                         sentence=lambda: context(text, fact) or fact.sentence)
    if found.indicator is None and (longer := counted_phrase(text, fact) or contribution_phrase(text, fact)):
        read = match_metric(longer, kind=fact.kind, unit=fact.unit)
        found = read if read.indicator else found
    period = fact.period
    year, end_year = _year(period and period.start), _year(period and period.end)
    return msgspec.structs.replace(
        fact, indicator=found.indicator, scope=found.scope,
        basis=fact.basis or find_basis(text, fact.start, fact.kind, year, end_year),  # (a table cell's: its header's)
        period_type=period_type(period, metric=fact.metric or "", stock=_is_stock(found.indicator)),
    )


@cache
def _words() -> dict[str, list[str]]:
    return load_toml("period_types.toml")


def _is_stock(indicator: str | None) -> bool:
    if indicator is None:
        return False
    entry = catalogue().indicators.get(indicator.split(":")[0])
    return bool(entry and entry.stock)


def _year(day: str | None) -> int | None:
    try:
        return int(day[:4]) if day else None
    except ValueError:
        return None


def period_type(period: Period | None, *, metric: str = "", stock: bool = False) -> str | None:
    """point, month, cumulative, range or years; None when there is no period."""
    if period is None or not period.start or not period.end:
        return None
    try:
        start, end = date.fromisoformat(period.start), date.fromisoformat(period.end)
    except ValueError:
        return None
    if start.year != end.year:
        return "years"
    words = _words()
    if stock or any(w in (period.text or "") for w in words["point_period_words"]) \
            or any(w in metric for w in words["point_metric_words"]):
        return "point"
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if start.month == end.month:
        return "month" if whole_months else "range"
    if start.month == 1 and whole_months:
        return "cumulative"
    return "range"
