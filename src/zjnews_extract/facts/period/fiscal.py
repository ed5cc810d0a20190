"""A company's own year and half, when they are not the calendar's. A fiscal year is named by the year it
ends in (2015财政年度, 二零零八財政年度, 2014财年) and the grammar reads it as that calendar year; a text that also
writes its reporting span out by its end (截至2024年6月30日止年度, 截至9月底止中期業績) says which months the
company's year or half are, and its fiscal year and bare 上半年 are those months (天王's 2024财政年度 is July
2023 to June 2024; 香港興業's 上半年總體營業額, after 截至9月底止中期業績, is April to September)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import regex

from ...records import Period
from .calendar_days import last_day


# Why: an as-of month closed by 止 and then the year's word (截至今年6月底止，全年股東應佔盈利: DJ's 新鴻基地產) writes out
# a company's year that ends in that month, as 止年度 does.
_ENDED_YEAR_AFTER = regex.compile(r"\s{0,3}+止\s{0,3}+[，,、]?+\s{0,3}+(?:的\s{0,3}+)?(?:全年|年度)")  # (bounded: linear)


def fiscal_years(text: str, raw, mentions: list) -> list:
    """`mentions` with the page's calendar-year words moved to its company's year when the page writes out, in its
    first lines, a year that ends in a month other than December (see the module doc)."""
    ended = _company_year(text, raw, mentions)
    if ended is None:
        return mentions
    end_month = int(ended.end[5:7])
    slots = {m.start(): g for m, g in raw}
    out = []
    for mention in mentions:
        p, g = mention.period, slots.get(mention.start, {})
        if p is not None and p.start and p.end and p.start[5:] == "01-01" and p.end[5:] == "12-31" \
                and (g.get("full") or g.get("rel") or g.get("y")) and not g.get("fy"):
            # 全年, 本年度: the company's year the page reports; 去年 or 二零二一年: the company's year ending in it
            year = int(ended.end[:4]) if g.get("full") else int(p.end[:4])
            mention = replace(mention, period=Period(start=date(year - 1, end_month % 12 + 1, 1).isoformat(),
                                                     end=last_day(year, end_month).isoformat(),
                                                     text=p.text))
        out.append(mention)
    return out


_HEAD = 300  # (the page's first lines: a results page names its year at the top)


def _company_year(text: str, raw, mentions: list) -> Period | None:
    """The first year-long span ending in a month other than December that the page's first lines write out."""
    for mention in mentions:
        p = mention.period
        if mention.start > _HEAD:
            break  # (mentions come in text order)
        if p is None or not p.start or not p.end or p.end[5:7] == "12":
            continue
        if _year_long(p) and p.start[5:7] != "01" and "止" in text[mention.start:mention.end + 1]:
            return p  # 截至二零二二年三月三十一日止年度, 截至今3月底止全年 (not 去年4月起: a run since, no year of the firm's)
        if p.start[:7] == p.end[:7] and _ENDED_YEAR_AFTER.match(text, mention.end):
            y, mo = int(p.end[:4]), int(p.end[5:7])  # 截至今年6月底止，全年
            return Period(start=date(y - 1, mo % 12 + 1, 1).isoformat(), end=p.end, text=mention.text)
    return None


def fiscal_months(raw, mentions: list) -> list:
    """`mentions` with each fiscal-year mention set to the ended year-long span of the same end year, and each
    first half of a calendar year to the ended half-year span that ends in that year, where the text has one
    (`raw`: the grammar's matches and their slots, in text order)."""
    fiscal_at = {m.start() for m, g in raw if g.get("fy")}
    first_half_at = {m.start() for m, g in raw if g.get("half") and not g.get("asof")}
    if not fiscal_at and not first_half_at:
        return mentions  # (the common case: nothing to move, no span to look for)
    years = _ended(raw, mentions, lambda g: g.get("endyr"))
    # (止中期, and 止6个月 as 有利集团's 截至2022年9月30日止6个月中期业绩 writes its half)
    halves = _ended(raw, mentions, lambda g: g.get("endhalf") or g.get("endn") in _SIX)
    if not (fiscal_at and years or first_half_at and halves):
        return mentions
    out = []
    for mention in mentions:
        p = mention.period
        if p is not None and p.start and p.end:
            if mention.start in fiscal_at and p.start[5:] == "01-01" and p.end[5:] == "12-31":
                mention = _moved(mention, years.get(p.end[:4]))
            elif mention.start in first_half_at and p.start[5:] == "01-01" and p.end[5:] == "06-30":
                mention = _moved(mention, halves.get(p.end[:4]))
        out.append(mention)
    return out


_SIX = ("6", "六")


def _ended(raw, mentions: list, closes) -> dict[str, Period]:
    """End year -> the span of the first …止 mention whose slots `closes` accepts (止年度, 止中期, 止6个月)."""
    at = {m.start() for m, g in raw if closes(g) and g.get("asof")}
    spans: dict[str, Period] = {}
    for mention in mentions:
        p = mention.period
        if mention.start in at and p is not None and p.start and p.end:
            spans.setdefault(p.end[:4], p)
    return spans


def _moved(mention, span: Period | None):
    if span is None or mention.period.start == span.start:
        return mention
    return replace(mention, period=Period(start=span.start, end=span.end, text=mention.period.text))


def _year_long(p: Period) -> bool:
    start, end = date.fromisoformat(p.start), date.fromisoformat(p.end)
    return (end.year - start.year) * 12 + end.month - start.month == 11 and start.day == 1
