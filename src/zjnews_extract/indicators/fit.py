"""What a reading of a metric phrase gives, and whether an indicator can have a fact's kind and unit."""
from __future__ import annotations

import re

import msgspec

from .catalogue import Indicator, catalogue

_ISO_CODE = re.compile(r"^[A-Z]{3}$")


class IndicatorMatch(msgspec.Struct, frozen=True):
    """What the catalogue makes of one metric phrase; `reason` says why when `indicator` is None."""

    indicator: str | None
    scope: str | None
    reason: str = "matched"


def unit_family(unit: str | None) -> str | None:
    """The family of a fact's unit: money for ISO currency codes, a listed family, else count."""
    if unit is None:
        return None
    for family, units in catalogue().unit_families.items():
        if unit in units:
            return family
    if _ISO_CODE.match(unit):
        return "money"
    return "count"


def takes(ind: Indicator, kind: str | None, unit: str | None) -> bool:
    """Whether facts of this kind (and, for a value, this unit) can be of the indicator."""
    if kind is None:
        return True
    if kind not in catalogue().kinds(ind):
        return False
    return kind != "value" or unit_family(unit) in ind.units
