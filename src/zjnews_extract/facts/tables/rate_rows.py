"""How the row of a rate reads in a company's table: whether its change is in points or a growth of the rate
(both levels in the row decide), and which rows under it keep the % its label states. Used by read.py."""
from __future__ import annotations

from .cells import Figure
from .labels import is_measure
from .layout import words
from .units import Unit


def relative_change(fig: Figure, found) -> bool:
    """0.73% | 2.83% | -74.20%: with both levels of a rate in the row, a change that is the relative one, not the
    difference in points, is a growth of the rate."""
    levels = [f.value for c, f in found if c.kind is None and f.percent]
    if len(levels) < 2 or not levels[1]:
        return False
    now, before = levels[0], levels[1]
    return abs((now - before) / before * 100 - fig.value) < _CHANGE_TOLERANCE < abs(now - before - fig.value)


_CHANGE_TOLERANCE = 0.06  # (a change rounded to two decimals from levels rounded to two)


def amount_after_rate(carried: Unit | None, name: str) -> bool:
    """A row naming an amount of its own (研发投入合计) under a rate's row (加权平均净资产收益率(%)): the % stays the
    rate's; parts of the rate and other rates (研发投入占营业收入的比例) still take it."""
    return carried is not None and carried.kind == "percent" and is_measure(name) \
        and not name.endswith(tuple(words()["labels"]["rate_endings"]))
