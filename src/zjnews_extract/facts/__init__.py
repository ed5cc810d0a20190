"""Facts: article text -> quantities -> facts and initiatives.

Placeholder until the facts issue lands: one fact per quantity, no attributes.
"""
from __future__ import annotations

from datetime import date

from ..records import Fact, Initiative


def find_facts(text: str, *, published: date | None = None,
               title: str | None = None) -> tuple[list[Fact], list[Initiative]]:
    from .quantities import find_quantities  # noqa: PLC0415

    facts = [Fact(id=f"f{q.start}-{q.end}", text=q.text, start=q.start, end=q.end, kind=q.kind, value=q.value,
                  unit=q.unit, qualifier=q.qualifier)
             for q in find_quantities(text) if q.kind != "number"]
    return facts, []


def warm_up() -> None:
    pass
