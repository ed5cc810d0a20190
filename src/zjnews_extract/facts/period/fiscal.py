"""A company's own year and half, when they are not the calendar's. A fiscal year is named by the year it
ends in (2015财政年度, 二零零八財政年度, 2014财年) and the grammar reads it as that calendar year; a text that also
writes its reporting span out by its end (截至2024年6月30日止年度, 截至9月底止中期業績) says which months the
company's year or half are, and its fiscal year and bare 上半年 are those months (天王's 2024财政年度 is July
2023 to June 2024; 香港興業's 上半年總體營業額, after 截至9月底止中期業績, is April to September)."""
from __future__ import annotations

from dataclasses import replace

from ...records import Period


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
