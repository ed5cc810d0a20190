"""Public holidays as periods: the first and last day of a holiday in a given year.

The days are data (data/holidays.toml, made by scripts/make_holidays.py from the State
Council's arrangements and the lunar calendar); a fact of 春节假期 covers the month or
months they fall in.
"""
from __future__ import annotations

from datetime import date, timedelta

from ...data import load_toml
from .grammar import CN_DIGITS, lexicon


# Why: a text about a holiday still to come (预计春节假期…) appears at most a few weeks before it.
_PREVIEW_DAYS = 30


def holiday_days(key: str | list[str], year: int) -> tuple[date, date] | None:
    """(first day, last day) of holiday `key` (spring_festival, national_day …) in `year`; for a list of
    keys (中秋国庆: two feasts named together), from the first day of the earliest to the last of the latest."""
    if isinstance(key, list):
        spans = [d for k in key if (d := holiday_days(k, year)) is not None]
        return (min(s[0] for s in spans), max(s[1] for s in spans)) if len(spans) == len(key) else None
    days = load_toml("holidays.toml").get(key, {}).get(str(year))
    if not days:
        return None
    return date.fromisoformat(days[0]), date.fromisoformat(days[1])


def holiday_mention(g, year, published, explicit, kind, mention):
    """春节假期, 2016年春节, 国庆黄金周: the holiday's own days in the year the text gives, else the
    published year (a holiday report appears during or just after it)."""
    name, suffix = (g["hol"], g["holsuf"]) if g["hol"] else (g["hol2"], g["holsuf2"])
    one = g.get("holone") or g.get("holone2")  # 春运首日: the first day, as 第一天
    if not suffix and not explicit and not g.get("hollen") and not g.get("holfirst") and not one:
        return None  # 欢度春节: the feast, not a period the text reports on (春节7天 is the holiday)
    key = lexicon()["holidays"]["names"][name]
    if year is None:
        if published is None:
            return mention(None, None, False, kind)
        year = published.year
        coming = holiday_days(key, year)
        if coming is not None and (coming[0] - published).days > _PREVIEW_DAYS:
            # 端午假期全国累计旅游收入122.8亿元 on a page of January 2021: months before this year's 端午, so
            # the holiday reported on is last year's (a preview of a coming holiday is written days before it)
            year -= 1
    days = holiday_days(key, year)
    if days is None:
        return None
    if first := g.get("holfirst"):  # 春运前20天: from its first day, that many days
        n = int(first) if first.isdigit() else CN_DIGITS.get(first, 10)
        return mention(days[0], days[0] + timedelta(days=n - 1), explicit, kind)
    nth = g["holday"] or g["holday2"] or ("1" if one else None)
    if nth:  # 春节黄金周第二天: that one day of the holiday
        n = int(nth) if nth.isdigit() else CN_DIGITS.get(nth, 10)
        day = days[0] + timedelta(days=n - 1)
        if day <= days[1]:
            return mention(day, day, explicit, kind)
    return mention(days[0], days[1], explicit, kind)


# Why: a report on a holiday named only by its kind (黄金周, 小长假) is written during it or within days after.
_AFTER_DAYS = 15


def holiday_kind_mention(word: str, published: date | None, kind, mention):
    """黄金周 or 小长假 with no holiday's name: the holiday of that kind (data [holidays] kinds) that the
    published date falls in or follows by at most two weeks; None without a published date or such a
    holiday (a year-end review's 黄金周 is no period)."""
    if published is None:
        return None
    best = None
    for key in lexicon()["holidays"]["kinds"][word]:
        for year in (published.year, published.year - 1):
            days = holiday_days(key, year)
            if days and days[0] <= published and (published - days[1]).days <= _AFTER_DAYS \
                    and (best is None or days[1] > best[1]):
                best = days
    return mention(best[0], best[1], False, kind) if best else None


def lunar_day_mention(word: str, year: int | None, published: date | None, explicit: bool, mention):
    """大年初一, 除夕, 正月十五: that day, counted from the lunar new year of the year the text gives,
    else of the published date's year (a report on the days around it appears within weeks)."""
    if year is None:
        if published is None:
            return None
        year = published.year
        if (days := holiday_days("lunar_new_year", year)) is not None and (days[0] - published).days > _PREVIEW_DAYS:
            year -= 1  # 大年初一 on a page of December: the new year just past, not the coming one
    days = holiday_days("lunar_new_year", year)
    if days is None:
        return None
    day = days[0] + timedelta(days=lexicon()["holidays"]["lunar_days"][word])
    return mention(day, day, explicit, "span")
