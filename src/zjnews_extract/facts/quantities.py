"""Quantities: every amount, count, percentage, growth, pp and rank in a text.

Placeholder until the quantity parser lands: Arabic percentages only.
"""
from __future__ import annotations

import re

from ..records import Quantity

_PERCENT = re.compile(r"\d+(?:\.\d+)?%")


def find_quantities(text: str) -> list[Quantity]:
    return [Quantity(text=m.group(), start=m.start(), end=m.end(), kind="percent",
                     value=float(m.group()[:-1]), unit="%") for m in _PERCENT.finditer(text)]
