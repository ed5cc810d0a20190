"""The years a plan's target covers.

A rate averaged over years (年均增长12%以上) named with the year it runs to (到2017年, “十二五”末)
covers the years from the text's own year to that one: a work report of January 2013 aiming 到2017年
speaks of 2013-2017, a plan of 2011 for the end of 十二五 of 2011-2015. A span already stated
(“十四五”时期, 2011-2016年) stays.

A level aimed at over a plan's years (今后五年…地区生产总值突破3000亿元, “十四五”时期…人均生产总值突破
18万元) is the level of the span's last year; a total over the years (累计完成投资) keeps the span.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache

import regex

from ...records import Period
from ..lexicon import alternation
from .grammar import lexicon


def average_span(period: Period | None, published: date | None) -> Period | None:
    """`period` widened back to the published year when it is one later year, else unchanged."""
    if period is None or published is None or not period.start or not period.end:
        return period
    first, last = int(period.start[:4]), int(period.end[:4])
    if first != last or last <= published.year:
        return period
    return Period(start=f"{published.year}-01-01", end=f"{last}-12-31", text=period.text)


def target_level_year(period: Period | None, kind: str, figure: str, clause: Callable[[], str]) -> Period | None:
    """The last year of a span of years `period`, for a level (`kind` value, percent or rank, a level
    word in the `figure` or right before it) that the words of its `clause()` before it do not sum or
    average over the years; `period` otherwise."""
    if period is None or kind not in ("value", "percent", "rank") or not period.start or not period.end:
        return period
    last = period.end[:4]
    if period.start[:4] == last:
        return period
    level, over = _plan_words()
    before = clause()
    if over.search(before) or not (level.match(figure) or level.search(before[-4:])):
        return period
    return Period(start=f"{last}-01-01", end=f"{last}-12-31", text=period.text)


@cache
def _plan_words() -> tuple[regex.Pattern, regex.Pattern]:
    words = lexicon()["plan_years"]
    return regex.compile(alternation(words["level_marks"])), regex.compile(alternation(words["over_years"]))
