"""Months or quarters listed one by one before a list of figures in the same order (7、8、9三个月，
失业率分别为5.1%、5.1%和4.9%; 一、二、三季度…分别为1.5%、1.9%和2.2%): each figure is its own
month's or quarter's, not the last one's; and a span of years before as many figures as it has years
(2025-2027年营业收入分别为83.2/102.2/118.2亿元): each figure is its own year's."""
from __future__ import annotations

from collections.abc import Callable
from functools import cache

import regex

from ...records import Period
from ..lexicon import alternation
from .calendar_days import first_day, last_day, make_period, num
from .grammar import lexicon

_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"


_QUARTER = r"[一二三四1-4]"


@cache
def _pattern() -> tuple[regex.Pattern, int]:
    cfg = lexicon()["month_list"]
    # (?r): the nearest list before the figures; each item a month, 月 optional but for the last
    pattern = regex.compile(rf"(?r)(?<![\d\-—～~至到])(?:(?P<items>(?:{_MONTH}月?、)+{_MONTH})"
                            rf"(?:{alternation(cfg['closers'])})"
                            rf"|(?<![第前后上下\d])(?P<quarters>(?:{_QUARTER}、)+{_QUARTER})"
                            rf"(?:{alternation(cfg['quarter_closers'])}))")
    return pattern, int(cfg["reach"])


def listed_months(text: str, start: int, end: int, n: int, year_of: Callable[[], int | None]) -> list[Period] | None:
    """The n months listed in text[start:end] (nearest to `end`), as periods of the year `year_of()`
    gives (asked only when such a list stands there), or None."""
    pattern, reach = _pattern()
    m = pattern.search(text, max(start, end - reach), end)
    if not m:
        return None
    quarters = m.group("quarters")
    items = [s.rstrip("月") for s in (quarters or m.group("items")).split("、")]
    if len(items) != n:
        return None
    numbers = [num(s) for s in items]
    if any(b <= a for a, b in zip(numbers, numbers[1:], strict=False)):
        return None  # months in a list run forwards: anything else is not a calendar list
    year = year_of()
    if year is None:
        return None
    if quarters:
        return [make_period(first_day(year, 3 * k - 2), last_day(year, 3 * k), m.group()) for k in numbers]
    return [make_period(first_day(year, k), last_day(year, k), m.group()) for k in numbers]


def period_list_span(text: str, n: int) -> tuple[int, int] | None:
    """Where a list of n months or quarters stands in `text` (一、二、三季度GDP…), else None: the
    list dates the figures, it names none of them."""
    pattern, _ = _pattern()
    m = pattern.search(text)
    if m is None or len((m.group("quarters") or m.group("items")).split("、")) != n:
        return None
    return m.start(), m.end()


# what stays of such a list in the words before a figure once the period reader took its last item
_LIST_REST = regex.compile(rf"(?:{_MONTH}月?、)+")


def without_period_list_rest(words: str) -> str:
    """一、二、GDP环比增速 -> GDP环比增速: the first items of a list of months or quarters left in `words`."""
    return _LIST_REST.sub("", words, count=1)


def month_by_month(period: Period | None, n: int, said: str) -> list[Period] | None:
    """The n months of `period` in order when it spans exactly n (at least three) whole months of one
    year and `said` (the sentence before the figures) names it: 9月至12月同比分别上涨1.5%、1.8%、2.0%、2.0%,
    1—6月份全省CPI分别上涨0、0.3%…; with 累计 before them each runs from January. (A two-month span is
    left whole: 1-2月 is a release's one period, and its figures said 分别 are mostly of two things.)"""
    if period is None or not period.start or not period.end or n < 3 or not period.text \
            or period.text not in said or "月" not in period.text or "季" in period.text \
            or period.start[8:] != "01" or period.start[:4] != period.end[:4]:
        return None
    year, first, last = int(period.start[:4]), int(period.start[5:7]), int(period.end[5:7])
    if period.end != last_day(year, last).isoformat() or last - first + 1 != n:
        return None
    running = any(w in said for w in lexicon()["month_list"]["cumulative"])  # each from January
    return [make_period(first_day(year, 1 if running else k), last_day(year, k), period.text)
            for k in range(first, last + 1)]


def year_by_year(period: Period | None, n: int) -> list[Period] | None:
    """The n whole years of `period` in order when it spans exactly n of them (2025-2027年 and three
    figures said 分别), else None."""
    if period is None or not period.start or not period.end or n < 2 \
            or period.start[5:] != "01-01" or period.end[5:] != "12-31":
        return None
    first, last = int(period.start[:4]), int(period.end[:4])
    if last - first + 1 != n:
        return None
    return [make_period(first_day(y, 1), last_day(y, 12), period.text) for y in range(first, last + 1)]
