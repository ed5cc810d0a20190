"""Calendar arithmetic of period words: numerals of months and years, first and last days."""
from __future__ import annotations

import calendar
from datetime import date

from ...records import Period
from .grammar import CN_DIGITS


def num(token: str) -> int:
    """1, 01, 十一, 五, 三十一 -> int."""
    if token.isdigit():
        return int(token)
    if token == "元":
        return 1  # 元月: the first month
    if "十" in token:  # 十一, 二十, 三十一 (a day written out)
        tens, _, ones = token.partition("十")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)
    return CN_DIGITS[token]


def count(token: str) -> int:
    """5, 十, 二十, 四十 -> int (numbers of years)."""
    if token.isdigit():
        return int(token)
    if "十" in token:
        tens, _, ones = token.partition("十")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)
    return CN_DIGITS.get(token, 0)


def first_day(y: int, m: int) -> date:
    return date(y, m, 1)


def last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def make_period(start: date | None, end: date | None, text: str) -> Period | None:
    if start is None or end is None:
        return None
    return Period(start=start.isoformat(), end=end.isoformat(), text=text)


def streak_period(period: Period | None, months: int, since: bool = False) -> Period | None:
    """连续16个月 up to August 2021 -> May 2020 to August 2021: the months a streak covers, ending
    with the month its sentence speaks of; with `since` (自2020年3月以来连续26个月), starting with
    the month the streak is said to run from."""
    if period is None or not period.end or months < 1 or months > 1200:
        return period
    if since and period.start:
        begin = date.fromisoformat(period.start)
        index = begin.year * 12 + begin.month - 1 + (months - 1)
        return make_period(begin, last_day(index // 12, index % 12 + 1), period.text)
    end = date.fromisoformat(period.end)
    index = end.year * 12 + end.month - 1 - (months - 1)
    return make_period(first_day(index // 12, index % 12 + 1), end, period.text)


def year_before(p: Period | None) -> Period | None:
    """The same stretch of time one year earlier (29 February becomes the 28th)."""
    if p is None or not p.start or not p.end:
        return p

    def back(day: str) -> str:
        y, rest = int(day[:4]) - 1, day[4:]
        return f"{y}{'-02-28' if rest == '-02-29' else rest}"

    return Period(start=back(p.start), end=back(p.end), text=p.text)


def month_before(p: Period | None) -> Period | None:
    """The month before a one-month period (6月 -> 5月); None for a longer period."""
    if p is None or not p.start or not p.end or p.start[:7] != p.end[:7]:
        return None
    index = int(p.start[:4]) * 12 + int(p.start[5:7]) - 2
    y, m = index // 12, index % 12 + 1
    return make_period(first_day(y, m), last_day(y, m), p.text)


def month_end(day: str) -> bool:
    """Whether `day` (YYYY-MM-DD) is its month's last."""
    d = date.fromisoformat(day)
    return d == last_day(d.year, d.month)
