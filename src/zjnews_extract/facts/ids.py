"""A fact's id: stable across runs, derived from its span and its text."""
from __future__ import annotations

import hashlib

from ..records import Quantity


def fact_id(q: Quantity) -> str:
    """Stable across runs: derived from the span and the text."""
    return span_id(q.start, q.end, q.text)


def span_id(start: int, end: int, text: str) -> str:
    """A fact's id from its span and its text."""
    return hashlib.blake2s(f"{start}:{end}:{text}".encode(), digest_size=6).hexdigest()
