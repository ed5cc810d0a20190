"""Invisible characters (zero-width spaces, joiners, BOMs, soft hyphens) removed before reading.

Pages copied from the web carry them inside numbers (5\\u200b.5万亿元); read as they are, they
split one number into two wrong ones. The reader works on the visible text; `Visible.span`
maps a span of it back to the text as given, so a quantity's text still equals text[start:end].
The characters are data (data/quantity_skip.toml, [invisible]).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..data import load_toml

_INVISIBLE: regex.Pattern | None = None


def _pattern() -> regex.Pattern:
    global _INVISIBLE
    if _INVISIBLE is None:
        chars = load_toml("quantity_skip.toml")["invisible"]["chars"]
        _INVISIBLE = regex.compile("[" + "".join(regex.escape(c) for c in chars) + "]+")
    return _INVISIBLE


@dataclass(frozen=True)
class Visible:
    text: str  # the text without invisible characters
    origin: list[int] | None  # origin[i]: index in the given text of visible character i; None if none removed

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1


def visible(text: str) -> Visible:
    """The text without invisible characters, and where each kept character came from (linear)."""
    pat = _pattern()
    if not pat.search(text):
        return Visible(text, None)
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in pat.finditer(text):
        parts.append(text[pos:m.start()])
        origin.extend(range(pos, m.start()))
        pos = m.end()
    parts.append(text[pos:])
    origin.extend(range(pos, len(text)))
    return Visible("".join(parts), origin)
