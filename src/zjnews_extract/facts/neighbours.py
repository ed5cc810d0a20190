"""Passes over an article's facts in text order that make a figure agree with the one right before
it: an amount converted in brackets takes the converted amount's metric, subject and period; a growth
right after its amount covers what the amount covers. Used by assemble.py."""
from __future__ import annotations

import msgspec
import regex

from ..records import Fact

# Why: a conversion in brackets follows the amount it converts within a few words
# (3459亿元(人民币,下同,约646亿新元), 100亿元（约合14亿美元）).
_CONVERSION_GAP = regex.compile(r"(?<!\s)\s*+[（(][^（）()]{0,12}+")


def conversions(text: str, facts: list[Fact]) -> list[Fact]:
    """An amount converted in brackets is a record of its own with the metric, subject and
    period of the amount it converts (GUIDELINES: other currencies; 26703千公顷(40054万亩) alike)."""
    out: list[Fact] = []
    for f in facts:
        prev = out[-1] if out else None
        if prev is not None and f.kind == prev.kind == "value" and f.unit != prev.unit \
                and _is_money(f.unit) == _is_money(prev.unit) and _CONVERSION_GAP.fullmatch(text, prev.end, f.start):
            f = msgspec.structs.replace(f, metric=prev.metric, subject=prev.subject, period=prev.period)
        out.append(f)
    return out


def growth_of_amounts(facts: list[Fact]) -> list[Fact]:
    """A growth right after the amount it describes (same sentence, same metric, the same time words)
    covers what the amount covers: the amount's own words may have widened it (截至3月累计用电量2.99亿
    千瓦时，同比增长15.3%: January to March for both)."""
    out: list[Fact] = []
    for f in facts:
        prev = out[-1] if out else None
        if prev is not None and f.kind == "growth" and prev.kind == "value" and f.metric and f.metric == prev.metric \
                and f.sentence == prev.sentence and f.period is not None and prev.period is not None \
                and f.period.text == prev.period.text and f.period.end == prev.period.end \
                and (prev.period.start or "") < (f.period.start or ""):
            f = msgspec.structs.replace(f, period=prev.period)
        out.append(f)
    return out


def _is_money(unit: str | None) -> bool:
    return bool(unit) and len(unit) == 3 and unit.isascii() and unit.isupper()
