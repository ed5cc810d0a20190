"""A flow stated "as of" a month's or a quarter's end (截至7月底全县工业总产值, 一季度末全市生猪出栏) covers
the year up to that end, and so do its ratios and ranks (截至2016年底…快递业务量占全省70.8%,
截至2017年末…成本收入比28.34%, 截至6月末…累计总产值…占全国规模工业总产值的13.44%); a stock (余额, 存栏,
共有…家) is the level at that end (GUIDELINES: a stock as of a month is that month). Words in data/periods.toml [as_of]."""
from __future__ import annotations

from functools import cache

import regex

from ...records import Period
from ..lexicon import alternation
from .grammar import lexicon


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern]:
    words = lexicon()["as_of"]
    return (regex.compile(words["end_marks"]), regex.compile(alternation(words["flows"])),
            regex.compile(alternation(words["stocks"])), regex.compile(words["closed_span"]))


def year_to_end(period: Period | None, metric: str | None, kind: str, before: str) -> Period | None:
    """January to the end `period` names, when it is a month's or a quarter's end and the figure
    is a flow (neither its metric nor the words `before` it say a stock); `period` itself otherwise."""
    if period is None or not period.start or not metric or kind not in ("value", "growth", "percent", "pp", "rank"):
        return period
    marks, flows, stocks, closed = _patterns()
    if not marks.search(period.text or "") or closed.search(period.text or "") or period.start[5:7] == "01" \
            or period.start[:4] != period.end[:4]:
        return period
    # (a stock's name inside a year's ratio, 净资产收益率 or 总资产周转率, names a flow: measures' stock_head_flows)
    flow_ratio = any(w in metric for w in lexicon()["measures"]["stock_head_flows"])
    if not flow_ratio and (stocks.search(metric) or stocks.search(before) or not flows.search(metric)):
        return period
    return Period(start=f"{period.start[:4]}-01-01", end=period.end, text=period.text)
