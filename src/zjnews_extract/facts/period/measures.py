"""What a number measures can change the time it covers (data/periods.toml [measures]).

A balance (余额, 存量) is a stock, stated as of the last month of the period in context
(今年一季度…住户存款余额 -> March); its change since the year began (比年初增加, 同比多增)
is a flow from January to that month.
"""
from __future__ import annotations

from functools import cache

from ...records import Period
from .grammar import lexicon


@cache
def _words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    m = lexicon()["measures"]
    return tuple(m["stock_heads"]), tuple(m["since_year_start"])


def period_of_measure(period: Period | None, metric: str | None) -> Period | None:
    """`period` as the metric `metric` covers it (see the module docstring)."""
    if period is None or not metric or not period.start or not period.end:
        return period
    stocks, since_start = _words()
    if not any(w in metric for w in stocks):
        return period
    if any(w in metric for w in since_start):
        start = period.end[:4] + "-01-01"
    else:
        start = period.end[:7] + "-01"
    if start == period.start:
        return period
    return Period(start=start, end=period.end, text=period.text)
