"""A run of days (10月1日至7日, 2023年11月1日至2024年1月4日) read from the grammar's slots."""
from __future__ import annotations

from datetime import date

from .calendar_days import num


def day_range(g, year, explicit, kind, mention):
    """10月1日至7日, 2023年11月1日至2024年1月4日: from the first day to the last."""
    try:
        first = date(year, num(g["rm1"]), int(g["rd1"]))
        last = date(int(g["ry2"]) if g["ry2"] else year, num(g["rm2"]) if g["rm2"] else first.month, int(g["rd2"]))
    except ValueError:
        return None
    if last < first:
        return None
    return mention(first, last, explicit or bool(g["ry2"]), kind)
