"""Sentences and clauses of an article, as offsets into the text.

A sentence ends at 。！？!? or a line break (the headline and each paragraph are
lines); a clause ends at ，,；;：: inside a sentence. Offsets let every fact point
back at the exact characters it came from.
"""
from __future__ import annotations

import re
from typing import NamedTuple

_SENTENCE_END = re.compile(r"[。！？!?\n]+")
# Why the spaces: headlines separate their parts with a space (营收322.96亿元 净利润172亿).
_CLAUSE_END = re.compile(r"[，,；;：:]|(?<=[^\x00-\x7f])[ \u3000\t]+(?=[^\x00-\x7f])")


class Piece(NamedTuple):
    """A half-open span [start, end) of the article text."""

    start: int
    end: int

    def text(self, full: str) -> str:
        return full[self.start:self.end]


def _spans(text: str, start: int, end: int, boundary: re.Pattern[str]) -> list[Piece]:
    pieces, cursor = [], start
    for m in boundary.finditer(text, start, end):
        if m.start() > cursor:
            pieces.append(Piece(*_trim(text, cursor, m.start())))
        cursor = m.end()
    if cursor < end:
        pieces.append(Piece(*_trim(text, cursor, end)))
    return [p for p in pieces if p.end > p.start]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding white space so a span starts and ends on a visible character."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Piece]:
    """Sentences in order; the closing mark is left out, white space trimmed."""
    return _spans(text, 0, len(text), _SENTENCE_END)


def split_clauses(text: str, sentence: Piece) -> list[Piece]:
    """Clauses of one sentence, in order."""
    return _spans(text, sentence.start, sentence.end, _CLAUSE_END)


def index_of(pieces: list[Piece], offset: int) -> int:
    """The index of the piece holding `offset` (or the last one that starts before it)."""
    lo, hi = 0, len(pieces) - 1
    found = -1
    while lo <= hi:
        mid = (lo + hi) // 2
        if pieces[mid].start <= offset:
            found, lo = mid, mid + 1
        else:
            hi = mid - 1
    return found
