"""Quantities: every amount, count, percentage, growth, pp and rank in a text.

visible.py reads past invisible characters; grammar.py builds the grammar; scan.py
finds its matches, each position tried with only the branches its character can start;
reading.py turns each match into an item; context.py runs the passes that need
neighbouring items (ranges, lists, currency notes, money context, change signs) and
cues.py decides growth or share and the sign of every rate. `find_quantities` runs
them in order.
"""
from __future__ import annotations

import math

from ..records import Quantity
from .context import changes, currency_notes, hong_kong_dollars, lists, money_context, ranges
from .cues import cue_kind
from .fixed import fixed_item
from .grammar import lexicon
from .reading import Item, item_from_match
from .visible import visible


def find_quantities(given: str) -> list[Quantity]:
    """Every numeric mention in `given`, in order, with offsets into `given`.

    Invisible characters (5\u200b.5万亿元) are read past; the spans still point into `given`.
    """
    if not given:
        return []
    seen = visible(given)
    text = seen.text
    lex = lexicon()
    items: list[Item] = []
    for m in lex.scanner.finditer(text):
        group = m.lastgroup
        if group == "skip":
            continue
        if group == "q":
            got = item_from_match(m, text, lex)
            if got is None:
                continue
            if isinstance(got, list):
                items.extend(got)
            else:
                items.append(got)
            continue
        items.append(fixed_item(m, group, lex))
    items = [it for it in items if it is not None]
    ranges(items, text, lex)
    lists(items, text)
    currency_notes(items, text, lex)
    hong_kong_dollars(items, text, lex)
    money_context(items, text, lex)
    changes(items, text, lex)
    cue_kind(items, text, lex)
    out = []
    for it in items:
        if it.kind == "time" or (it.kind == "number" and not it.bare_ok):
            continue
        if it.kind != "growth" and text[it.start:it.end].endswith(("位数", "位數")):
            continue  # 两位数 is a size of growth (两位数增长), nothing else (两位数的编号)
        if not math.isfinite(it.value):
            continue  # past float range after a scale (a range's 亿亿…): no number, nothing invented
        start, end = seen.span(it.start + it.lead, it.end)
        out.append(Quantity(text=given[start:end], start=start, end=end, kind=it.kind,
                            value=round(float(it.value), 10), unit=it.unit, qualifier=it.qualifier))
    return out
