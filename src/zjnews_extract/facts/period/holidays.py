"""Public holidays as periods: the first and last day of a holiday in a given year.

The days are data (data/holidays.toml, made by scripts/make_holidays.py from the State
Council's arrangements and the lunar calendar); a fact of 春节假期 covers the month or
months they fall in.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ...data import load_toml
from .grammar import CN_DIGITS, lexicon


def holiday_days(key: str, year: int) -> tuple[date, date] | None:
    """(first day, last day) of holiday `key` (spring_festival, national_day …) in `year`."""
    days = load_toml("holidays.toml").get(key, {}).get(str(year))
    if not days:
        return None
    return date.fromisoformat(days[0]), date.fromisoformat(days[1])


def holiday_mention(g, year, published, explicit, kind, mention):
    """春节假期, 2016年春节, 国庆黄金周: the holiday's own days in the year the text gives, else the
    published year (a holiday report appears during or just after it)."""
    name, suffix = (g["hol"], g["holsuf"]) if g["hol"] else (g["hol2"], g["holsuf2"])
    if not suffix and not explicit:
        return None  # 欢度春节: the feast, not a period the text reports on
    if year is None:
        if published is None:
            return mention(None, None, False, kind)
        year = published.year
    days = holiday_days(lexicon()["holidays"]["names"][name], year)
    if days is None:
        return None
    nth = g["holday"] or g["holday2"]
    if nth:  # 春节黄金周第二天: that one day of the holiday
        n = int(nth) if nth.isdigit() else CN_DIGITS.get(nth, 10)
        day = days[0] + timedelta(days=n - 1)
        if day <= days[1]:
            return mention(day, day, explicit, kind)
    return mention(days[0], days[1], explicit, kind)


def this_years_holiday(text: str, out: list, dated: list[int]) -> list:
    """A report on part of a year (杭州春节假期接待游客…, 今年春运上海铁路局…, 前三季度杭州GDP…): its
    bare 今年 is that part, not the whole year (今年游客数比2019年增加近70%, 今年汽车出口3.82万辆),
    unless its sentence plans (今年预计增长7%: the year's goal)."""
    spans = [i for i in dated if out[i].kind == "span"]
    if not spans:
        return out
    first = out[spans[0]]
    if first.period is None or not first.period.start or not _part_of_year(first):
        return out
    year = first.period.end[:4]
    this_year = {w for w, offset in lexicon()["relative_years"].items() if offset == 0}
    return [replace(m, period=first.period) if m.kind == "span" and m.text in this_year and m.period is not None
            and m.period.start == f"{year}-01-01" and m.period.end == f"{year}-12-31"
            and m.start > first.start and not text.startswith("的", m.end) and not _plans(text, m.end) else m
            for m in out]  # (今年的大季作物种植: the year's season, named as the year's)


def _part_of_year(mention) -> bool:
    """A holiday, or months of one year from January (前三季度, 1-9月, 上半年) that end before December."""
    if any(name in mention.text for name in lexicon()["holidays"]["names"]):
        return True
    p = mention.period
    return p.start[:4] == p.end[:4] and p.start[5:] == "01-01" and p.end[5:7] != "12"


def _plans(text: str, pos: int) -> bool:
    """A plan's cue in the sentence from `pos` (今年全市GDP预计增长7%)."""
    from ..lexicon import cues  # noqa: PLC0415  (facts words; the period grammar does not need them)

    end = next((i for i in range(pos, min(len(text), pos + 80)) if text[i] in "。；;！？!?\n"), min(len(text), pos + 80))
    return any(w in text[pos:end] for w in cues()["status"]["strong"])
