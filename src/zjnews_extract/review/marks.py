"""The article text as HTML paragraphs with every fact and initiative mention marked.

One <p> per line of the document text. Spans may nest or overlap (an initiative's
name can hold a number; two spans can cross); HTML elements cannot cross, so a span
that must give way is closed and opened again, as two marks with the same data
attribute. Facts win: when a fact and an initiative cross, the initiative is the one
cut, so a fact is one mark unless its span runs over a line break.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

FACT, INITIATIVE = 2, 1  # precedence: the higher stays whole when two spans cross


@dataclass(frozen=True)
class Mark:
    """A span of the text to highlight, with the tag that opens it (already escaped)."""

    start: int
    end: int
    opening: str  # e.g. '<mark class="fact k-value" data-fact="…" tabindex="0">'
    precedence: int = FACT


def fact_mark(fact) -> Mark:
    """The mark of one fact: kind colour, target outline, focusable for the keyboard."""
    classes = f"fact k-{class_token(fact.kind)}" + (" target" if fact.status == "target" else "")
    opening = (f'<mark class="{classes}" data-fact="{escape(fact.id)}" tabindex="0" role="button" '
               f'aria-haspopup="dialog">')
    return Mark(fact.start, fact.end, opening, FACT)


def initiative_marks(initiatives) -> list[Mark]:
    """Every mention of every named initiative, numbered in document order of the list."""
    marks = []
    for number, initiative in enumerate(initiatives):
        opening = (f'<mark class="initiative" data-initiative="{number}" '
                   f'title="{escape(initiative.name)}">')
        marks.extend(Mark(m.start, m.end, opening, INITIATIVE) for m in initiative.mentions)
    return marks


def paragraphs_html(text: str, marks: Iterable[Mark]) -> str:
    """The text as <p> elements, one per line, with the marks laid in; text is always escaped."""
    by_line: dict[int, list[Mark]] = {}
    line_starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(i + 1)
    for mark in marks:
        start, end = max(0, mark.start), min(len(text), mark.end)
        if start >= end:
            continue
        first = bisect.bisect_right(line_starts, start) - 1
        last = bisect.bisect_right(line_starts, end - 1) - 1
        for line in range(first, last + 1):  # a span over a line break becomes one piece per line
            line_end = line_starts[line + 1] - 1 if line + 1 < len(line_starts) else len(text)
            piece = Mark(max(start, line_starts[line]), min(end, line_end), mark.opening, mark.precedence)
            if piece.start < piece.end:
                by_line.setdefault(line, []).append(piece)
    out = []
    for line, line_start in enumerate(line_starts):
        line_end = line_starts[line + 1] - 1 if line + 1 < len(line_starts) else len(text)
        out.append("<p>" + _line_html(text, line_start, line_end, by_line.get(line, [])) + "</p>")
    return "\n".join(out)


def _line_html(text: str, start: int, end: int, marks: list[Mark]) -> str:
    """One line: a stack of open marks; a mark that must give way is closed and reopened."""
    if not marks:
        return escape(text[start:end], quote=False)
    starting: dict[int, list[Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    points = sorted({start, end, *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[Mark] = []
    pos = start
    for point in points:
        if point > pos:
            out.append(escape(text[pos:point], quote=False))
            pos = point
        ending = [i for i, m in enumerate(stack) if m.end == point]
        if ending:
            # close down to the deepest mark that ends here; reopen the ones above it that go on
            lifted = stack[ending[0]:]
            out.extend("</mark>" for _ in lifted)
            del stack[ending[0]:]
            for m in lifted:
                if m.end != point:
                    out.append(m.opening)
                    stack.append(m)
        # longer spans open first so they hold the shorter ones; at equal length, facts hold initiatives
        for mark in sorted(starting.get(point, ()), key=lambda m: (-m.end, -m.precedence)):
            # a lesser mark on top that ends sooner would cut this one later: cut it now instead
            lifted = []
            while stack and stack[-1].end < mark.end and stack[-1].precedence < mark.precedence:
                lifted.append(stack.pop())
                out.append("</mark>")
            out.append(mark.opening)
            stack.append(mark)
            for m in reversed(lifted):
                out.append(m.opening)
                stack.append(m)
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def class_token(value: str) -> str:
    """A class-name-safe form of a record value (kinds are plain words; anything else is dropped)."""
    return "".join(ch for ch in str(value) if ch.isascii() and (ch.isalnum() or ch in "-_")) or "other"
