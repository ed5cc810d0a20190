"""Quantities: every amount, count, percentage, growth, pp and rank in a text.

grammar.py builds the one pattern; reading.py turns each match into an item;
context.py runs the passes that need neighbouring items (ranges, lists, money
context, change signs, growth or share). `find_quantities` runs them in order.
"""
from __future__ import annotations

from ..records import Quantity
from .context import changes, cue_kind, lists, money_context, ranges
from .grammar import lexicon
from .reading import Item, fixed_item, item_from_match


def find_quantities(text: str) -> list[Quantity]:
    """Every numeric mention in `text`, in order, with offsets into `text`."""
    if not text:
        return []
    lex = lexicon()
    items: list[Item] = []
    for m in lex.pattern.finditer(text):
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
    money_context(items, text, lex)
    changes(items, text, lex)
    cue_kind(items, text, lex)
    out = []
    for it in items:
        if it.kind == "time" or (it.kind == "number" and not it.bare_ok):
            continue
        out.append(Quantity(text=text[it.start:it.end], start=it.start, end=it.end, kind=it.kind,
                            value=round(float(it.value), 10), unit=it.unit, qualifier=it.qualifier))
    return out
