"""Text copied from a PDF keeps the PDF's line ends inside its sentences (an exchange announcement:
预计 2023 年半 / 年度归属于母公司所有者的 / 净利润 1.78 亿元到 2.08 亿元,…). A line end is a sentence end
everywhere else, so such a break cuts a period (半 / 年度) and a name (所有者的 / 净利润) in two. The facts
are read from the text with those breaks taken out, and every offset is mapped back, so a fact's span
is still its own characters of Document.text.

A break is taken for a wrap only in a text where at least one break cuts a word or a figure from its
unit (what only a page's edge does), and only between two long lines of prose: the line before ends inside a sentence and inside a word or figure, the next one runs on (long,
or ending its sentence), and neither is a table row or a list item."""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from ..text import LIST_MARK
from . import words
from .lexicon import cues

# Why: a PDF page's line holds some 35 Han characters; a line of web prose that long without a
# sentence end is rare, and a heading or a byline is shorter.
_WIDE = 40  # display columns (a Han character counts two)
# Why: one wrap-like break can be a heading over its paragraph; a PDF paragraph of three lines has two.
_MIN_WRAPS = 2
_ENDS_SENTENCE = re.compile(r"[。！？!?；;：:…”\"」』）).]\s*$")
# Why: a PDF line ends wherever the page does, inside a word or a number (年半 / 年度, 所有者的 / 净利润);
# a web page's paragraph that lost its 。 ends after a word, and often after a comma too: only a break
# with a word or a figure on both sides is taken.
_ENDS_INSIDE = re.compile(r"[\u4e00-\u9fff0-9０-９A-Za-z%％]$")
_OPENS_RUN_ON = re.compile(r"^[\u4e00-\u9fff0-9０-９]")
# how many characters on each side of a break are segmented to see whether a word runs across it
_JUNCTION = 4
# a row of a table: cells set apart by bars, tabs or wide gaps, or two figures side by side
# (a figure is matched from its first digit only, so a long run of digits is read once)
_TABLE_ROW = re.compile(r"[|\t]|\S {2,}\S|(?<![\d,.])\d[\d,.]*%?\s+[-−+]?\d")
# Why: a table row whose cells run together (营业收入(元)632,348,717.0715.28%…) holds figures and no
# punctuation of prose (a Chinese comma, a comma not inside a figure, a 。).
_FIGURE = re.compile(r"\d[\d,.]*")
_PROSE_MARK = re.compile(r"[，。；、]|,(?!\d)|(?<!\d),")
_FIGURES_IN_ROW = 3


@dataclass(frozen=True, slots=True)
class Unwrapped:
    """`text` with the wrap breaks taken out; `dropped` holds their offsets in the original."""

    text: str
    dropped: tuple[int, ...] = ()
    # where each dropped break stood in `text`
    shifted: tuple[int, ...] = ()

    def original(self, offset: int) -> int:
        """The offset in the original text of the character at `offset` of `self.text`."""
        return offset + bisect.bisect_right(self.shifted, offset)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of [start, end) of `self.text`."""
        return (self.original(start), self.original(end - 1) + 1) if end > start else (self.original(start),) * 2


def unwrap(text: str) -> Unwrapped:
    """`text` with the line ends of a PDF's wrapped paragraphs taken out (see the module docstring)."""
    breaks = _wrap_breaks(text)
    if len(breaks) < _MIN_WRAPS:
        return Unwrapped(text)
    out, last = [], 0
    for b in breaks:
        out.append(text[last:b])
        last = b + 1
    out.append(text[last:])
    return Unwrapped("".join(out), tuple(breaks), tuple(b - i for i, b in enumerate(breaks)))


def _wrap_breaks(text: str) -> list[int]:
    lines = text.split("\n")
    found, at = [], 0
    for line, after in zip(lines, lines[1:]):
        at += len(line)
        if _wraps(line, after):
            found.append(at)
        at += 1
    if not any(_splits_word(text, b) for b in found):
        return []  # breaks between whole words only: a web page's paragraphs that lost their 。
    return found


def _splits_word(text: str, at: int) -> bool:
    """True when the break at `at` cuts a word (半 / 年度, 上 / 市公司) or a figure from its unit (3000 /
    万元): what only a page's edge does."""
    before, after = text[max(0, at - _JUNCTION):at], text[at + 1:at + 1 + _JUNCTION]
    if before[-1:].isdigit() and after.startswith(tuple(cues()["layout"]["unit_starts"])):
        return True
    pos = 0
    for w, _ in words.words(before + after):
        if pos < len(before) < pos + len(w):
            return True
        pos += len(w)
    return False


def _wraps(line: str, after: str) -> bool:
    body = line.rstrip()
    # (the cheap tests first: most lines end a sentence; a line of fewer than _WIDE / 2 characters is narrow)
    if not _ENDS_INSIDE.search(body) or not _OPENS_RUN_ON.match(after) or len(body) * 2 < _WIDE \
            or _ENDS_SENTENCE.search(body) or _width(body) < _WIDE:
        return False
    if _row(body) or _row(after) or LIST_MARK.match(after):
        return False
    return _width(after.rstrip()) >= _WIDE or bool(_ENDS_SENTENCE.search(after))


def _row(line: str) -> bool:
    return bool(_TABLE_ROW.search(line)) or len(_FIGURE.findall(line)) >= _FIGURES_IN_ROW \
        and not _PROSE_MARK.search(line)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
