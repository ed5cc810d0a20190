"""The period of each figures column of a table: its own words (2014, 1-9月, 本月, 上年同期, 本报告期末)
read against the table's period, or the column it describes (a growth column is dated by the figures
it compares). Used by read.py."""
from __future__ import annotations

from datetime import date

from ...records import Period
from ..period.calendar_days import year_before
from .dates import column_period, relative
from .header import Column


def chain(col: Column, cols) -> list[Column]:
    """A column and the columns it describes: pp -> growth -> amounts."""
    out = [col]
    while out[-1].refers_to is not None and len(out) < 4:
        out.append(cols[out[-1].refers_to])
    return out


_PERIOD, _YTD = ("relative", "period"), ("relative", "ytd")
_BASES = (("relative", "year_ago"), ("relative", "before_start"), ("relative", "prior_year_end"))  # columns a change is measured against


def column_periods(cols, ref: Period | None, published: date | None) -> dict[int, Period | None]:
    """Column index -> period. 上年同期 is the period of the column before it, a year back."""
    out: dict[int, Period | None] = {}
    spec_of = {col.index: next((c.period for c in chain(col, cols) if c.period), None) for col in cols}
    # 本报告期 beside 年初至报告期末 (a quarterly report's columns): the quarter alone, whatever made the
    # table's period the months from January (三季报 in a portal's title)
    quarter_alone = _PERIOD in spec_of.values() and _YTD in spec_of.values()
    last = ref
    before, before_words = None, False  # the period of the column on the left, and whether its months were written
    for col in cols:
        if col.role not in ("figures", "rank"):
            continue
        spec = spec_of[col.index]
        base = last if spec == ("relative", "year_ago") else ref
        if col.period is None and col.kind in ("growth", "pp") and spec in _BASES and last is not None:
            # 本报告期末 | 本报告期初 | 增减变动幅度(%): a change against the base is dated by the figure compared
            out[col.index] = last
        elif col.kind in ("growth", "pp") and spec == _YTD and before_words and before is not None \
                and before.start and before.start[:7] != before.end[:7]:
            out[col.index] = before  # 1-3月累计 | 累计增长%: the months the figures beside it were summed over
        elif spec is None and col.kind == "percent" and before is not None:
            # 3月 | 1-3月累计 | 增长 | 结构(%): a share with no time words is of the figures beside it
            out[col.index] = before
        elif quarter_alone and spec == _PERIOD:
            out[col.index] = relative("quarter", ref, spec[1])
        else:
            out[col.index] = column_period(spec, base, published)
            if col.kind in ("growth", "pp") and (later := _compared_with(out[col.index], out)) is not None:
                # 2024年1-3月 | 2023年1-3月 | 比上年同期增减(%): a change is the later period's, not its base's
                out[col.index] = later
        before, before_words = out[col.index], bool(spec) and spec[0] == "words"
        if col.kind in (None, "index") and spec not in _BASES:
            last = out[col.index]
    return out


def _compared_with(period: Period | None, dated: dict[int, Period | None]) -> Period | None:
    """The period of a column on the left that `period` is the same months of a year before, if any."""
    if period is None or not period.start or not period.end:
        return None
    return next((p for p in dated.values() if p is not None and p.start and p.end
                 and year_before(p) is not None and (year_before(p).start, year_before(p).end) == (period.start, period.end)),
                None)
