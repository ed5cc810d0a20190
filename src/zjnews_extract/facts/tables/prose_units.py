"""A table that names no unit for its amounts, whose figures the prose around it states with one (a
statistics bureau's 主要数据 table under its release: 社会消费品零售总额41269亿元 in the text, 41269 in the
cell): the amounts take the prose's unit, when the figures stated in both agree on one."""
from __future__ import annotations

import math

import regex
from msgspec.structs import replace

from ...records import Fact, Quantity

_NUMBER = regex.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?")
_AGREEING_MIN = 2  # figures stated in both that must agree before the whole table takes the unit


def _scale(ratio: float) -> int:
    """The scale a cell's figure is counted in (10000 for 万, 1e8 for 亿) when `ratio` is one, else 0:
    a unit only ever counts a cell's figure up, never down."""
    if ratio < 1:
        return 0
    power = 10 ** round(math.log10(ratio))
    return power if math.isclose(power, ratio, rel_tol=1e-9) else 0


def units_from_prose(facts: list[Fact], quantities: list[Quantity], start: int, end: int) -> list[Fact]:
    """`facts` of the table spanning start..end, the unitless amounts given the unit and scale that
    the prose's `quantities` (outside the table) state for the same figures."""
    unitless = [f for f in facts if f.kind == "value" and f.unit is None and f.value]
    if not unitless:
        return facts
    stated: dict[str, list[Quantity]] = {}
    for q in quantities:
        if (q.start < start or q.start >= end) and q.kind == "value" and q.unit and q.value \
                and (m := _NUMBER.match(q.text)):
            stated.setdefault(m.group(), []).append(q)
    found, agreeing = set(), 0
    for f in unitless:
        for q in stated.get(f.text.strip(), ()):
            if scale := _scale(q.value / f.value):
                found.add((q.unit, scale))
                agreeing += 1
    if len(found) != 1 or agreeing < _AGREEING_MIN:
        return facts
    unit, scale = found.pop()
    ids = {id(f) for f in unitless}
    return [replace(f, unit=unit, value=f.value * scale) if id(f) in ids else f for f in facts]
