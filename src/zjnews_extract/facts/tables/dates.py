"""The period of a column: its own words (2014, 1-9月, 本月, 1-本季, 上年同期) read against
the table's period (the article's period where the table starts), else that period."""
from __future__ import annotations

import calendar
from datetime import date

import regex

from ...records import Period


def _month_span(y: int, m1: int, m2: int, text: str) -> Period:
    last = calendar.monthrange(y, m2)[1]
    return Period(start=f"{y:04d}-{m1:02d}-01", end=f"{y:04d}-{m2:02d}-{last:02d}", text=text)


def _year_back(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    d = min(d, calendar.monthrange(y - 1, m)[1])
    return f"{y - 1:04d}-{m:02d}-{d:02d}"


def relative(rel: str, ref: Period | None, text: str) -> Period | None:
    """本月 (month), 1-本月 (ytd), 本季 (quarter), 1-本季 (ytd_quarter), 本年 (year), 上年同期 (year_ago),
    本报告期 (period), 本报告期末 (period_end), 本报告期初 (before_start) and 上年度末 (prior_year_end) of the table's period `ref`."""
    if ref is None or not ref.start or not ref.end:
        return None
    end = date.fromisoformat(ref.end)
    y, m = end.year, end.month
    q_end = (m - 1) // 3 * 3 + 3
    if rel == "month":
        return _month_span(y, m, m, text)
    if rel == "ytd":
        return _month_span(y, 1, m, text)
    if rel == "quarter":
        return _month_span(y, q_end - 2, q_end, text)
    if rel == "ytd_quarter":
        return _month_span(y, 1, q_end, text)
    if rel == "year":
        return _month_span(y, 1, 12, text)
    if rel == "year_end":
        # the end of a year only when the table covers the whole year; otherwise the table's period
        return _month_span(y, 12, 12, text) if ref.start[5:] == "01-01" and m == 12 else ref
    if rel == "period":
        return Period(start=ref.start, end=ref.end, text=text)
    if rel == "period_end":
        return _month_span(y, m, m, text)
    if rel == "before_start":
        first = date.fromisoformat(ref.start)
        y0, m0 = (first.year, first.month - 1) if first.month > 1 else (first.year - 1, 12)
        return _month_span(y0, m0, m0, text)
    if rel == "prior_year_end":
        return _month_span(y - 1, 12, 12, text)  # 上年度末 under a quarter's report: last December
    if rel == "month_year_ago":
        return _month_span(y - 1, m, m, text)
    if rel == "ytd_year_ago":
        return _month_span(y - 1, 1, m, text)
    if rel == "year_ago":
        return Period(start=_year_back(ref.start), end=_year_back(ref.end), text=text)
    return None


def column_period(spec: tuple[str, str] | None, ref: Period | None, published: date | None) -> Period | None:
    """The period a column's header words give, `ref` when they give none."""
    if spec is None:
        return ref
    how, words = spec
    if how == "year":
        return Period(start=f"{words}-01-01", end=f"{words}-12-31", text=words)
    if how == "relative":
        return relative(words, ref, words)
    if how == "report_date" and (dated := label_period(words, None)):
        return dated[0]
    if how == "month":
        y, m = (int(x) for x in words.split("-"))
        return _month_span(y, m, m, words)
    from ..period import find_periods  # noqa: PLC0415

    # the table's year, at its end: a header's 1-9月 beside 1-6月 is the same year's (the rule that
    # a span past the published month is last year's belongs to the published date only)
    anchor = date(int(ref.end[:4]), 12, 31) if ref is not None and ref.end else published
    for m in find_periods(words, anchor):
        if m.kind == "span" and m.period is not None:
            return m.period
    return ref


_LABEL_MONTH = regex.compile(r"^(?:((?:19|20)\d{2})年)?(\d{1,2})月份?$")
_LABEL_YEAR = regex.compile(r"^((?:19|20)\d{2})年?$")
# a report date (2023-12-31, 2024-06-30): the reporting period that ends on it, from January (报告期)
# (20241231: a finance portal's column of a year's results, the date written without marks)
_LABEL_REPORT_DATE = regex.compile(r"^((?:19|20)\d{2})(?:[-/.](03|06|09|12)[-/.]|(03|06|09|12))(30|31)$")


def is_report_date(text: str) -> bool:
    """2023-12-31, 20231231: the day a reporting period ends, as a column's title."""
    return _LABEL_REPORT_DATE.match(text.strip()) is not None


def label_period(name: str, year: int | None) -> tuple[Period, int] | None:
    """A row label that is a time (2016年2月, 3月, 2015年, a report date 2023-12-31): the row's period, and the year later
    bare months of the column take (a time series: 2016年12月, 2017年1月, 2月); else None."""
    name = name.strip()
    if m := _LABEL_MONTH.match(name):
        y = int(m.group(1)) if m.group(1) else year
        month = int(m.group(2))
        if y is None or not 1 <= month <= 12:
            return None
        return _month_span(y, month, month, name), y
    if m := _LABEL_YEAR.match(name):
        y = int(m.group(1))
        return _month_span(y, 1, 12, name), y
    if m := _LABEL_REPORT_DATE.match(name):
        y = int(m.group(1))
        return _month_span(y, 1, int(m.group(2) or m.group(3)), name), y  # 2023-12-31 | 114.65亿: the year's results
    return None


# a title's year in brackets at its end: 居民消费价格指数(2021), Consumer Price Indices(2021)
_TITLE_YEAR = regex.compile(r"[(（]((?:19|20)\d{2})[)）]\s*$")


def caption_year(captions) -> Period | None:
    """The year a table's title gives in brackets at its end (8-6 居民消费价格指数(2021)), else None."""
    for line in captions:
        if (m := _TITLE_YEAR.search(line)) is not None:
            return column_period(("year", m.group(1)), None, None)
    return None
