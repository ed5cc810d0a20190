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


def _power_of_ten(ratio: float) -> bool:
    return ratio > 0 and math.isclose(10 ** round(math.log10(ratio)), ratio, rel_tol=1e-9)


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
            ratio = q.value / f.value
            if _power_of_ten(ratio):
                found.add((q.unit, round(ratio)))
                agreeing += 1
    if len(found) != 1 or agreeing < _AGREEING_MIN:
        return facts
    unit, scale = found.pop()
    ids = {id(f) for f in unitless}
    return [replace(f, unit=unit, value=f.value * scale) if id(f) in ids else f for f in facts]
