"""Find many literal names in a text at once, in time linear in the text.

A regex alternation of thousands of names (a page quoting thousands of slogans) tries
every name at every position; here the positions are first found by their first
character (one character class, scanned in C), then only the names' few lengths are
looked up in a set. A few names (an ordinary article's dozens) are still one alternation:
its cost per position is bounded by that few, and it runs in C.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex


# Why: up to this many names an alternation is faster than the set look-ups and still linear.
SMALL = 100


class NameSet:
    """A set of literal names with leftmost-longest search, like an alternation sorted longest first."""

    def __init__(self, names: Iterable[str]):
        self.names = frozenset(n for n in names if n)
        self.lengths = sorted({len(n) for n in self.names}, reverse=True)
        firsts = "".join(sorted({regex.escape(n[0]) for n in self.names}))
        self._firsts = regex.compile(f"[{firsts}]") if firsts else None
        self._alternation = (regex.compile("|".join(regex.escape(n) for n in sorted(self.names, key=len, reverse=True)))
                             if 0 < len(self.names) <= SMALL else None)

    def __bool__(self) -> bool:
        return bool(self.names)

    def starts(self, text: str) -> Iterator[int]:
        """Positions where some name may start (its first character is there)."""
        if self._firsts is not None:
            for m in self._firsts.finditer(text):
                yield m.start()

    def at(self, text: str, start: int) -> Iterator[str]:
        """Every name that starts at `start`, longest first."""
        for size in self.lengths:
            candidate = text[start:start + size]
            if len(candidate) == size and candidate in self.names:
                yield candidate

    def finditer(self, text: str) -> Iterator[tuple[int, str]]:
        """(start, name) of the leftmost-longest names, not overlapping, left to right."""
        if self._alternation is not None:
            for m in self._alternation.finditer(text):
                yield m.start(), m.group()
            return
        cursor = 0
        for start in self.starts(text):
            if start < cursor:
                continue
            name = next(self.at(text, start), None)
            if name is not None:
                yield start, name
                cursor = start + len(name)
