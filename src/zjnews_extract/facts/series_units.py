"""A fact's unit as a series holds it: the quantity reader keeps a unit as written (927.8亿度), a
fact takes the unit its series is kept in (千瓦时), so that a report in 亿度 and one in 亿千瓦时 make
one series. Spellings are in data/facts_cues.toml [series_units]."""
from __future__ import annotations

from msgspec.structs import replace

from ..records import Fact
from .lexicon import cues


def in_series_units(facts: list[Fact]) -> list[Fact]:
    """`facts` with each unit written the way its series keeps it."""
    units = cues()["series_units"]
    return [replace(f, unit=units[f.unit]) if f.unit in units else f for f in facts]
