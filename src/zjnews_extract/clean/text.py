"""Pasted page text (no markup): lines, headline and header block, by the same rules as HTML."""
from __future__ import annotations

import re

from . import chrome
from .article import squash
from .dates import find_datetime

_SPACES = re.compile(r"[ \t\u00a0\u3000\u200b\u2002\u2003\u2009\ufeff]+")
# A headline is a short line without sentence-ending punctuation.
_MAX_HEADLINE = 80
_SENTENCE_PUNCT = re.compile(r"[。；]|[，,].*[，,]")
# How far below the headline the dateline / source block may sit.
_HEADER_REACH = 4


def text_lines(text: str) -> list[str]:
    out = []
    for raw in text.splitlines():
        line = _SPACES.sub(" ", raw).strip()
        if line:
            out.append(line)
    return out


def _could_be_headline(line: str) -> bool:
    flat = squash(line)
    return 4 <= len(flat) <= _MAX_HEADLINE and not _SENTENCE_PUNCT.search(line) and chrome.match(line) is None


def _is_header_line(line: str) -> bool:
    """A dateline, source or byline line: what sits right under a headline."""
    rule = chrome.match(line)
    if rule is not None and rule.reason in ("dateline", "source-line", "page-info", "byline", "font-size"):
        return True
    return len(line) <= 80 and find_datetime(line) is not None and not chrome.reads_as_prose(line)


def find_text_headline(lines: list[str]) -> int | None:
    """Index of the headline: the nearest short line above the first dateline/source block,
    else the first line when the body starts right under it."""
    first_prose = next((i for i, l in enumerate(lines) if chrome.reads_as_prose(l) and len(l) >= 30), len(lines))
    for k in range(1, min(first_prose + 1, 60, len(lines))):
        if not _is_header_line(lines[k]):
            continue
        for i in range(k - 1, max(-1, k - 1 - _HEADER_REACH), -1):
            if _could_be_headline(lines[i]):
                return i
    if first_prose > 0 and _could_be_headline(lines[0]) and first_prose <= 2:
        return 0
    return None
