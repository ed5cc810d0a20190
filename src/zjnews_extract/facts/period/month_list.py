"""Months listed one by one before a list of figures in the same order (7、8、9三个月，失业率
分别为5.1%、5.1%和4.9%): each figure is its own month's, not the last month's."""
from __future__ import annotations

from collections.abc import Callable
from functools import cache

import regex

from ...records import Period
from ..lexicon import alternation
from .calendar_days import first_day, last_day, make_period, num
from .grammar import lexicon

_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"


@cache
def _pattern() -> tuple[regex.Pattern, int]:
    cfg = lexicon()["month_list"]
    # (?r): the nearest list before the figures; each item a month, 月 optional but for the last
    pattern = regex.compile(rf"(?r)(?<![\d\-—～~至到])(?P<items>(?:{_MONTH}月?、)+{_MONTH})"
                            rf"(?:{alternation(cfg['closers'])})")
    return pattern, int(cfg["reach"])


def listed_months(text: str, start: int, end: int, n: int, year_of: Callable[[], int | None]) -> list[Period] | None:
    """The n months listed in text[start:end] (nearest to `end`), as periods of the year `year_of()`
    gives (asked only when such a list stands there), or None."""
    pattern, reach = _pattern()
    m = pattern.search(text, max(start, end - reach), end)
    if not m:
        return None
    items = [s.rstrip("月") for s in m.group("items").split("、")]
    if len(items) != n:
        return None
    months = [num(s) for s in items]
    if any(b <= a for a, b in zip(months, months[1:], strict=False)):
        return None  # months in a list run forwards: anything else is not a calendar list
    year = year_of()
    if year is None:
        return None
    return [make_period(first_day(year, k), last_day(year, k), m.group()) for k in months]
