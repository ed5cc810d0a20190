"""Public holidays as periods: the first and last day of a holiday in a given year.

The days are data (data/holidays.toml, made by scripts/make_holidays.py from the State
Council's arrangements and the lunar calendar); a fact of 春节假期 covers the month or
months they fall in.
"""
from __future__ import annotations

from datetime import date

from ...data import load_toml


def holiday_days(key: str, year: int) -> tuple[date, date] | None:
    """(first day, last day) of holiday `key` (spring_festival, national_day …) in `year`."""
    days = load_toml("holidays.toml").get(key, {}).get(str(year))
    if not days:
        return None
    return date.fromisoformat(days[0]), date.fromisoformat(days[1])
