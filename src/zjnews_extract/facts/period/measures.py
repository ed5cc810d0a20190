"""What a number measures can change the time it covers (data/periods.toml [measures]).

A balance (余额, 存量) is a stock, stated as of the last month of the period in context
(今年一季度…住户存款余额 -> March); its change since the year began (比年初增加, 同比多增)
is a flow from January to that month, and so is any amount's change against the year's start
(年末总人口…比上年末增加10.03万人). A harvest (夏粮, 早稻) is the whole year's, in a report on part of it.
Over the years a review names (这五年, “十二五”期间) a level reached is the last year's and a change's starting
value the year before them's; a meeting's attendance is the published month's.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

import regex

from ...records import Period
from .calendar_days import first_day, last_day, make_period, month_end
from .grammar import in_year_harvest, lexicon, whole_year_plan


@cache
def _words() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    m = lexicon()["measures"]
    return tuple(m["stock_heads"]), tuple(m["since_year_start"]), frozenset(m["since_year_start_versus"])


def _names_stock(words: str, stocks: tuple[str, ...]) -> bool:
    """A stock's name is in `words` (总资产, 净资产), not as part of a flow's ratio (净资产收益率)."""
    return any(w in words for w in stocks) \
        and not any(w in words for w in lexicon()["measures"]["stock_head_flows"])


def period_of_measure(period: Period | None, metric: str | None, kind: str | None = None,
                      versus: str | None = None, before: str = "", whole: str = "",
                      event: Callable[[str], Period | None] | None = None, unit: str | None = None,
                      published: date | None = None) -> Period | None:
    """`period` as the metric `metric` covers it (see the module docstring); `before` is the words
    before the number (比上年末增长1.5%: the basis said there); `whole` the metric of the whole the
    number is a part of (其中…: parts.py), a stock when the whole is one; `event` the span of days said
    before the number that holds a given day (国庆假期, 春运), if any; `unit` the number's, `published` the page's date."""
    if kind == "value" and metric and _attends_meeting(metric, unit):
        # 应到代表738人，实到730人: counted on the meeting's day, the month the page reports it in
        if published is None:
            return None
        return make_period(first_day(published.year, published.month), last_day(published.year, published.month), "")
    if period is None or not metric or not period.start or not period.end:
        return period
    if review_years(period):
        if _level_reached(metric, before):
            # 这五年…人均可支配收入分别达4.71万元: where the years ended, the last one's level
            return one_year(period, int(period.end[:4]))
        if starts_change(before):
            # 由7070美元增加到1.15万美元: where the years started, the level of the year before them
            return one_year(period, int(period.start[:4]) - 1)
    if in_year_harvest().search(metric) or kind == "value" and whole_year_plan().search(metric):
        # 前三季度…夏粮总产量13926万吨, 早稻产量12.42万吨: a harvest is the year's, whatever months the report covers;
        # so is the year's plan (1-10月份… 在建重点项目年度计划投资285.4亿元)
        return whole_year(period)
    stocks, since_start, since_versus = _words()
    m = lexicon()["measures"]
    if kind == "value" and period.start[:7] == period.end[:7] and any(w in (period.text or "") for w in m["as_of_marks"]) \
            and any(w in metric or w in before[-6:] for w in m["to_date_flows"]):
        # 截至3月累计用电量2.99亿千瓦时, 9月末…新增贷款1694.16亿元: counted from January to that month; but
        # 国庆假期…截至10月7日，全省A级景区累计接待游客: a day inside a month sums the holiday's days said before it
        held = event(period.end) if event and _day_within_month(period) else None
        return Period(start=held.start if held else period.end[:4] + "-01-01", end=period.end, text=period.text)
    if period.start[:7] == period.end[:7] and period.start[5:7] != "01" and _whole_month(period) \
            and any(w in metric or w in before[-6:] for w in m["summed_from_january"]) \
            and not _names_stock(metric, stocks):
        # 2月份…工业用电累计增长: what a month's report sums is summed from January (a month's, not a
        # holiday's: 国庆假期…累计接待游客 is summed over the holiday)
        return Period(start=period.end[:4] + "-01-01", end=period.end, text=period.text)
    bases = tuple(mark + v for v in since_versus for mark in ("比", "较"))
    if (kind == "value" or kind == "growth" and not _names_stock(metric, stocks)) \
            and (versus in since_versus or any(w in metric or w in before for w in bases)
                 or _since_named_year_end(metric + before, period)):
        start = period.end[:4] + "-01-01"  # 比上年末增加10.03万人: the change since January
        return period if start >= period.start else Period(start=start, end=period.end, text=period.text)
    if not (_names_stock(metric, stocks) or _names_stock(whole, stocks)) or any(w in metric for w in m["to_date_flows"]):
        return period  # (生猪、能繁母猪存栏、出栏和猪肉产量: stocks and flows named together keep the span)
    if kind == "value" and metric.endswith(tuple(m["stock_changes"])) and period.start[:7] != period.end[:7]:
        return period  # 上半年…贷款余额…增加11.56万亿元: the stock's change over the months named, a flow
    if any(w in metric for w in since_start):
        start = period.end[:4] + "-01-01"
    else:
        start = period.end[:7] + "-01"
    if start == period.start:
        return period
    return Period(start=start, end=period.end, text=period.text)


def review_years(period: Period) -> bool:
    """Whole years, more than one (这五年, “十二五”期间): the span a review looks back on."""
    return bool(period.start) and period.start[:4] < period.end[:4] \
        and period.start[5:7] == "01" and period.end[5:7] == "12"


def one_year(period: Period, year: int) -> Period:
    return Period(start=f"{year}-01-01", end=f"{year}-12-31", text=period.text)


def starts_change(before: str) -> bool:
    """由 or 从 right before the figure: the starting value of a change (由7070美元增加到…)."""
    return before.rstrip("的 ").endswith(tuple(lexicon()["measures"]["from_value_before"]))


# the list before a later member, read from its end backwards (anchored at the start of the reversed words, so
# one attempt: linear)
_LISTED_BEFORE_REVERSED = regex.compile(r"^(?:[、和及与][^\d，,。；;、和及与]{0,4}+[\d.]++)++")


def _level_reached(metric: str, before: str) -> bool:
    m = lexicon()["measures"]
    # (分别达4.71万元和2.47万元: a later member of the list the verb heads)
    listed = _LISTED_BEFORE_REVERSED.match(before[::-1])
    tail = (before[:len(before) - listed.end()] if listed else before).rstrip("的为 ")
    return tail.endswith(tuple(m["level_reached_before"])) \
        and not any(w in before or w in metric for w in m["over_years_words"])


def _attends_meeting(metric: str, unit: str | None) -> bool:
    m = lexicon()["measures"]
    return unit in m["meeting_attendance_units"] and any(w in metric for w in m["meeting_attendance"])


_NAMED_YEAR_END = regex.compile(r"(?:比|较)((?:19|20)\d{2})年(?:末|底)")


def _since_named_year_end(words: str, period: Period) -> bool:
    """比2020年末增加2083亿元 in a report on 2021: the year before's end named by its number, as 比上年末."""
    return any(int(y) == int(period.end[:4]) - 1 for y in _NAMED_YEAR_END.findall(words))


def whole_year(period: Period | None) -> Period | None:
    """The whole year of a period within one year (1-10月 -> that year); any other period as it is."""
    if period is None or not period.start or not period.end or period.start[:4] != period.end[:4] \
            or (period.start[5:], period.end[5:]) == ("01-01", "12-31"):
        return period
    year = period.start[:4]
    return Period(start=f"{year}-01-01", end=f"{year}-12-31", text=period.text)


def whole_year_of(period: Period | None) -> str | None:
    """The year of a period that is one whole year (2023年), else None."""
    if period is None or not period.start or not period.end or period.start[:4] != period.end[:4] \
            or (period.start[5:], period.end[5:]) != ("01-01", "12-31"):
        return None
    return period.start[:4]


def year_plan(period: Period | None, measure: str) -> Period | None:
    """A table column of the year's plan (年投资计划) covers the whole year, as the prose's does."""
    return whole_year(period) if measure and whole_year_plan().search(measure) else period


def _day_within_month(period: Period) -> bool:
    """One day that is not its month's last (截至10月7日; not 截至6月30日, a half year's end)."""
    return period.start == period.end and not month_end(period.end)


def _whole_month(period: Period) -> bool:
    """2月 (2月1日-2月28日), not a holiday or a run of days inside it (国庆假期 10月1日-7日)."""
    start, end = date.fromisoformat(period.start), date.fromisoformat(period.end)
    return start.day == 1 and (end + timedelta(days=1)).month != end.month
