"""The years an average yearly rate covers.

A rate averaged over years (年均增长12%以上) named with the year it runs to (到2017年, “十二五”末)
covers the years from the text's own year to that one: a work report of January 2013 aiming 到2017年
speaks of 2013-2017, a plan of 2011 for the end of 十二五 of 2011-2015. A span already stated
(“十四五”时期, 2011-2016年) stays.
"""
from __future__ import annotations

from datetime import date

from ...records import Period


def average_span(period: Period | None, published: date | None) -> Period | None:
    """`period` widened back to the published year when it is one later year, else unchanged."""
    if period is None or published is None or not period.start or not period.end:
        return period
    first, last = int(period.start[:4]), int(period.end[:4])
    if first != last or last <= published.year:
        return period
    return Period(start=f"{published.year}-01-01", end=f"{last}-12-31", text=period.text)
