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
from ..lexicon import alternation, cues
from .grammar import lexicon, this_year_words
from .runs import sentence_start


def average_span(period: Period | None, published: date | None) -> Period | None:
    """`period` widened back to the published year when it is one later year, else unchanged."""
    if period is None or published is None or not period.start or not period.end:
        return period
    first, last = int(period.start[:4]), int(period.end[:4])
    if first != last or last <= published.year:
        return period
    return Period(start=f"{published.year}-01-01", end=f"{last}-12-31", text=period.text)


_YEARS_AVERAGED = regex.compile(r"^(?P<n>[两二三四五六七八九十]|\d{1,2})年平均$")
_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def years_averaged(period: Period | None, average: str) -> Period | None:
    """两年平均增长6.4% in a report on 2021 covers 2020-2021: the years an average names, to the period's
    year (GUIDELINES: an average over years is YYYY..YYYY); any other average leaves `period`."""
    m = _YEARS_AVERAGED.match(average)
    if period is None or not m or not period.end:
        return period
    n = int(m.group("n")) if m.group("n").isdigit() else _COUNT[m.group("n")]
    last = int(period.end[:4])
    return Period(start=f"{last - n + 1}-01-01", end=f"{last}-12-31", text=period.text) if n >= 2 else period


def past_average_span(period: Period | None, before: str, published: date | None) -> Period | None:
    """A rate averaged over years whose `period` is one year: the span the words `before` it name
    (from the start of its sentence, and the text before for a plan's name). 从2011年的1520亿元增加到
    2016年的2243.1亿元，年均增长8.6% covers 2011-2016; 在2007年…的基础上…到今年的1114.1亿斤…年均增长
    12.6% runs to the published year; “十三五”时期…2020年生产总值…年均增长6.6% covers the plan's years,
    2016-2020. An average over one year is none: with no span in the words the period stays."""
    if period is None or not period.start or not period.end or period.start[:4] != period.end[:4]:
        return period
    year = int(period.start[:4])
    sentence = before[sentence_start(before, len(before)):]
    years = {int(y) for y in _YEAR.findall(sentence)}
    if published is not None and any(w in sentence for w in this_year_words()):
        years.add(published.year)
    if len(years) == 1:
        years.add(year)  # 在2007年…的基础上 with the figure's own year
    first, last = (min(years), max(years)) if years else (year, year)
    if first == last:
        plan = next((span for span in reversed(_plans_named(before)) if span[1] == year), None)
        if plan is None:
            return period
        first, last = plan
    return Period(start=f"{first}-01-01", end=f"{last}-12-31", text=period.text)


_YEAR = regex.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")


def plan_increment_span(period: Period | None, metric: str | None, before: str) -> Period | None:
    """到2025年，风电新增约1100万千瓦 after “十四五”期间…: an increment aimed at by a five-year plan's last year
    (到/至 that year, a flow word in the metric) is added over the plan's years (2021..2025); `period`
    otherwise (a level aimed at stays that year; a year's own 新增 without 到 is that year's)."""
    if period is None or not metric or not period.start or period.start[:4] != period.end[:4] \
            or not any(v in metric for v in cues()["metric"]["flow_name_verbs"]):
        return period
    year = int(period.start[:4])
    sentence = before[sentence_start(before, len(before)):]
    if not any(f"{to}{year}年" in sentence for to in cues()["period"]["short_as_of"]):
        return period
    plan = next((span for span in reversed(_plans_named(before)) if span[1] == year), None)
    return Period(start=f"{plan[0]}-01-01", end=f"{plan[1]}-12-31", text=period.text) if plan else period

def _plans_named(text: str) -> list[tuple[int, int]]:
    """The years of the five-year plans `text` names (十三五 -> 2016-2020), in order."""
    plans = lexicon()["five_year_plans"]
    return [tuple(plans[m.group()]) for m in _plan_names().finditer(text)]


@cache
def _plan_names() -> regex.Pattern:
    return regex.compile(alternation(lexicon()["five_year_plans"]))


def target_level_year(period: Period | None, kind: str, figure: str, clause: Callable[[], str]) -> Period | None:
    """The last year of a span of years `period`, for a level (`kind` value, percent or rank, a level
    word in the `figure` or right before it) that the words of its `clause()` before it do not sum or
    average over the years; `period` otherwise."""
    if period is None or kind not in ("value", "percent", "rank") or not period.start or not period.end:
        return period
    last = period.end[:4]
    if period.start[:4] == last or not (period.start.endswith("-01-01") and period.end.endswith("-12-31")):
        return period  # one year, or days across New Year (元旦假期 2022-12-31..2023-01-02): no span of years
    level, over = _plan_words()
    before = clause()
    if over.search(before) or not (level.match(figure) or level.search(before[-4:])):
        return period
    return Period(start=f"{last}-01-01", end=f"{last}-12-31", text=period.text)


@cache
def _plan_words() -> tuple[regex.Pattern, regex.Pattern]:
    words = lexicon()["plan_years"]
    return regex.compile(alternation(words["level_marks"])), regex.compile(alternation(words["over_years"]))
