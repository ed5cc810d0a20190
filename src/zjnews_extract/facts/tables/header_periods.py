"""The period words of a table header's cell (2014, 1-9月, 本月, 1-本月, 上年同期, 2025-09-30, 4月份 over
累计): what dates its column, relative to the table's period or written out. Used by header.py."""
from __future__ import annotations

from functools import cache

import regex

from ..lexicon import alternation
from .dates import label_period
from .layout import words


_YEAR = regex.compile(r"(?:19|20)\d{2}")


@cache
def _patterns():
    return {
        "relative": regex.compile(alternation(words()["periods"]["relative"])),
        "year": regex.compile(words()["periods"]["year_header"]),
        "versus": regex.compile(alternation(words()["header"]["versus"])),
    }


_SPECIFIC = ("month_year_ago", "ytd_year_ago", "month", "ytd", "quarter", "ytd_quarter", "year_end", "period_end",
             "before_start", "prior_year_end", "year_ago", "year", "period")


_MONTHS_WRITTEN = regex.compile(r"\d\s*月")
# a year leading the words of a header of several rows (2008 社会消费品零售总额 (亿元))
_LEADING_YEAR = regex.compile(r"^\s*((?:19|20)\d{2})(?:年|年度)?\s+\D")
# one month written alone (4月份), not the end of a span (1-4月)
_ONE_MONTH = regex.compile(r"(?<![\d\-—~～至到]\s*)(?<!\d)(1[0-2]|0?[1-9])\s*月")
# a column dated by a day (2023年12月31日 | 2023年1月1日 over a balance sheet's items): a moment, its month
# (本报告期末 2012年6月30日, 本报告期初 2011年12月31日: a title before the day, the day dates the column)
_DAY = regex.compile(r"((?:19|20)\d{2})年(1[0-2]|0?[1-9])月([12]\d|3[01]|0?[1-9])日\s*[)）]?$")
# (not 1-3季度, the first three quarters: the period grammar reads that)
MONTHS_ONLY = regex.compile(r"^(?:1[0-2]|0?[1-9])\s*[-—~～]\s*(?:1[0-2]|0?[1-9])(?![\d月季])")


def header_period(rest: str) -> tuple[str, str] | None:
    """The period words of a header: 本月 / 1-本月 (relative to the table's period), a year,
    or words the period grammar reads (1-9月, 2014年上半年). 比去年同期 is a comparison, not one."""
    pats = _patterns()
    if label_period(rest, None):
        return ("report_date", rest.strip())  # 2025-09-30 | 2024-12-31: the reporting periods that end then
    if day := _DAY.search(rest.strip()):
        return ("month", f"{day.group(1)}-{int(day.group(2)):02d}")  # 2023年12月31日 over balances: that month
    m = pats["year"].match(rest)
    if m:
        # 2011年末 | 2010年末 over a company's balances: a moment, December of that year
        return ("month", f"{m.group('y')}-12") if m.group("end") else ("year", m.group("y"))
    found = [words()["periods"]["relative"][m.group()] for m in pats["relative"].finditer(rest)
             if rest[max(0, m.start() - 1):m.start()] not in ("比", "较", "与", "上")]  # 比上年末: a comparison
    if found and _MONTHS_WRITTEN.search(rest):
        if "ytd" in found and (one := _ONE_MONTH.search(rest)):
            # 4月份 over 累计 | 当月: the months summed up to the month written, from January
            return ("words", f"1-{one.group(1)}月")
        return ("words", rest)  # 1-3月累计: the months written out date the column, 累计 says only how
    if found:  # 本年 over 1-本月: the most specific words of a header of several rows
        return ("relative", min(found, key=_SPECIFIC.index))
    if m := MONTHS_ONLY.match(rest):
        return ("words", m.group() + "月")  # 8月 | 1-8 over a monthly report's columns: January to August
    plain = pats["versus"].sub("", rest)  # 比上年同月: the month compared with, no date of the column
    if (lead := _LEADING_YEAR.match(plain)) and not _MONTHS_WRITTEN.search(plain) and "季" not in plain \
            and "半年" not in plain:
        return ("year", lead.group(1))  # 2008 over 社会消费品零售总额 | 增长: a year a column group spans
    if _YEAR.search(plain) or "月" in plain or "季" in plain or "半年" in plain:
        return ("words", rest)
    return None
