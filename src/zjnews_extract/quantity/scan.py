"""The grammar's scan, dispatched on the character a match would start with.

The grammar is one alternation (skip patterns, fixed shapes, the quantity). Tried as one
pattern, every position that passes the first-character prefilter pays for every branch:
some thirty guards and the quantity's optional groups, 4-15 µs a position. Here each branch
carries the set of characters it can start with, the positions worth trying are found by one
character class (stdlib `re`, a C loop), and each position is matched by a pattern made of only
the branches its character can start, in the grammar's order. Leftmost-first alternation
means a branch that cannot match at a position never changes which one wins there, so the
matches are the ones the whole pattern gives (tests compare the two). The branch sets are
compiled on first use, each once. `groups_of` reads a quantity match's groups in one call.
"""
from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Iterator
from dataclasses import dataclass

import regex


@dataclass(frozen=True)
class Branch:
    text: str  # the branch's pattern (a named group, or a bare skip pattern)
    starts: frozenset[str] | None  # characters it can start with; None: any character
    skip: bool = False  # a skip pattern: it goes inside the one (?P<skip>...) group


class Scanner:
    """`finditer(text)`: the grammar's matches, left to right, as `pattern.finditer` gives them.

    The last branch (the quantity, most of the grammar's size) is compiled on its own and tried
    after the others fail: compiling it into every branch set would take seconds.
    """

    def __init__(self, branches: list[Branch], last: Branch, flags: int, firsts: str, guards: dict[str, str]):
        # firsts: every character a match can start with; guards: a lookahead the position must
        # also pass when it holds that character (万 starts a match only as 万余, 万分之 …)
        self._branches = branches
        self._last = last
        self._flags = flags
        self._finder = re.compile("[" + "".join(re.escape(c) for c in sorted(firsts)) + "]")
        self._key: dict[str, tuple] = {}
        for c in firsts:
            chosen = tuple(i for i, b in enumerate(branches) if b.starts is None or c in b.starts)
            self._key[c] = (chosen, last.starts is None or c in last.starts, guards.get(c))
        self._compiled: dict[tuple, tuple] = {}
        self._by_char: dict[str, tuple] = {}

    def kinds(self) -> int:
        """How many different branch sets the characters need (one compiled pattern each)."""
        return len(set(self._key.values()))

    def patterns_for(self, char: str) -> tuple:
        """(the first branches' pattern or None, the last branch's pattern or None) at `char`."""
        found = self._by_char.get(char)
        if found is None:
            key = self._key[char]
            found = self._compiled.get(key)
            if found is None:
                found = self._compiled[key] = self._compile(*key)
            self._by_char[char] = found
        return found

    def compile_all(self) -> None:
        """Every branch set now (before workers fork, so they share the compiled patterns)."""
        for c in self._key:
            self.patterns_for(c)

    def _compile(self, chosen: tuple, with_last: bool, guard: str | None) -> tuple:
        skips = [self._branches[i].text for i in chosen if self._branches[i].skip]
        alts = ["(?P<skip>" + "|".join(skips) + ")"] if skips else []
        alts += [self._branches[i].text for i in chosen if not self._branches[i].skip]
        first = self._guarded("\n|".join(alts), guard) if alts else None
        last = None
        if with_last:
            last = self._compiled.get(("last", guard))
            if last is None:
                last = self._compiled["last", guard] = self._guarded(self._last.text, guard)
        return first, last

    def _guarded(self, body: str, guard: str | None) -> regex.Pattern:
        if guard:
            body = f"(?={guard})(?:{body}\n)"
        return regex.compile(body, self._flags)

    def finditer(self, text: str) -> Iterator:
        search = self._finder.search
        by_char = self._by_char
        pos = 0
        while True:
            found = search(text, pos)
            if found is None:
                return
            p = found.start()
            c = text[p]
            first, last = by_char.get(c) or self.patterns_for(c)
            m = first.match(text, p) if first is not None else None
            if m is None and last is not None:
                m = last.match(text, p)
            if m is None:
                pos = p + 1
                continue
            yield m
            end = m.end()
            pos = end if end > p else p + 1


_GROUP_TUPLES: dict = {}


def groups_of(m):
    """A q-match's groups by name as one tuple (g.num, g.unit): one C call for all of them, where
    twenty `m.group(name)` calls cost ten times as much."""
    make = _GROUP_TUPLES.get(m.re)
    if make is None:
        names = sorted(m.re.groupindex, key=m.re.groupindex.get)
        if len(set(m.re.groupindex.values())) != m.re.groups:  # an unnamed or shared group: no flat tuple
            raise ValueError("every group of the quantity pattern must have a name of its own")
        make = _GROUP_TUPLES[m.re] = namedtuple("QuantityGroups", names)._make
    return make(m.groups())
