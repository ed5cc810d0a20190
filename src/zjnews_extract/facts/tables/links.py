"""Which column of amounts a growth or points column describes (当月同比增长 -> 当月产量): header.py
links the columns once they are read."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .header import Column


# columns of the same time a year back (上年同期, 上年本月, 上年初至上年报告期末): what a change is compared with
_YEAR_AGO = (("relative", "year_ago"), ("relative", "month_year_ago"), ("relative", "ytd_year_ago"))


def link_columns(columns: list[Column]) -> tuple[Column, ...]:
    """Each growth or pp column describes the column of amounts before it (the one of the
    same period words when there is one: 当月同比增长 -> 当月产量)."""
    out = []
    for col in columns:
        if col.role == "figures" and col.kind in ("growth", "pp"):
            wanted = ("growth",) if col.kind == "pp" else (None, "index")
            before = [c for c in columns[:col.index] if c.role == "figures" and c.kind in wanted
                      and c.period not in _YEAR_AGO]  # 上年同期 is what it is compared with
            if col.kind == "pp" and not before:
                before = [c for c in columns[:col.index] if c.role == "figures" and c.kind in (None, "index")]
            same = [c for c in before if col.period and c.period == col.period]
            if not same and col.kind == "growth" and col.period:
                same = [c for c in columns if c.role == "figures" and c.kind in wanted and c.period == col.period]
            dated = [c for c in before if c.period and c.period[0] in ("year", "month", "report_date")]
            if not same and len(dated) >= 2 and len({c.period[0] for c in dated}) == 1:
                # 2023年 | 2022年 | 增减变动幅度, 2023年12月31日 | 2023年1月1日 | 增减变动幅度: the change is the
                # latest column's, the earlier one is what it is compared with
                before = [max(dated, key=lambda c: c.period[1])]
            ref = (same or before or [None])[-1] if not same else same[0]
            if ref is not None:
                col = replace(col, refers_to=ref.index)
        out.append(col)
    return tuple(out)


def change_unit(columns: list[Column], is_change: Callable[[str], bool]) -> list[Column]:
    """地区 | 1-6月 | 上年同期 | 增减(家) | 增长(%): the amounts whose change is counted in 家 are counted in
    家 too, when their own headers name no unit (one unit among the changes, or none is given)."""
    units = {c.unit for c in columns if c.role == "figures" and c.kind is None and c.unit is not None
             and c.unit.kind == "value" and is_change(c.header)}
    if len(units) != 1:
        return columns
    unit = units.pop()
    return [replace(c, unit=unit) if c.role == "figures" and c.kind is None and c.unit is None else c
            for c in columns]
