"""Pasted page text (no markup): lines, headline and header block, by the same rules as HTML."""
from __future__ import annotations

import re

from ..records import CleanedPage, Removed
from . import chrome
from .article import filter_lines
from .byline import find_authors, find_editor, find_source, find_tags
from .dates import date_in_url, find_datetime
from .headline import could_be_headline, is_header_line
from .metadata import HEADER_LINES, no_captions, strip_label

_SPACES = re.compile(r"[ \t\u00a0\u3000\u200b\u2002\u2003\u2009\ufeff]+")
# How far below the headline the dateline / source block may sit.
_HEADER_REACH = 4


def text_lines(text: str) -> list[str]:
    out = []
    for raw in text.splitlines():
        line = _SPACES.sub(" ", raw).strip()
        if line:
            out.append(line)
    return out


def find_text_headline(lines: list[str]) -> int | None:
    """Index of the headline: the nearest short line above the first dateline/source block,
    else the first line when the body starts right under it."""
    first_prose = next((i for i, l in enumerate(lines) if chrome.reads_as_prose(l) and len(l) >= 30), len(lines))
    for k in range(1, min(first_prose + 1, 60, len(lines))):
        if not is_header_line(lines[k]):
            continue
        for i in range(k - 1, max(-1, k - 1 - _HEADER_REACH), -1):
            if could_be_headline(lines[i]):
                return i
    if first_prose > 0 and could_be_headline(lines[0]) and first_prose <= 2:
        return 0
    return None


def clean_text(text: str, *, url, encoding, method) -> CleanedPage:
    lines = text_lines(text)
    head_at = find_text_headline(lines)
    headline = lines[head_at] if head_at is not None else None
    removed: list[Removed] = []
    if head_at:
        removed = [Removed(text="\n".join(lines[:head_at]), reason="before headline")]
    body_lines = lines[head_at:] if head_at is not None else lines
    filtered = filter_lines([(line, 0) for line in body_lines], headline)
    removed.extend(filtered.removed)
    header = body_lines[1:1 + HEADER_LINES] if head_at is not None else body_lines[:HEADER_LINES]
    header = [h for h in header if not (chrome.reads_as_prose(h) and len(h) > 80)] + filtered.kept[:1]
    near = header + filtered.chrome_lines + filtered.kept[:2] + filtered.kept[-2:]
    stated = find_datetime(" ".join(header))
    published = stated or date_in_url(url)
    body = ([headline] if headline else []) + filtered.kept
    return CleanedPage(
        text="\n".join(body), title=headline, published=published, dated_by_url=bool(published and not stated),
        source=strip_label(find_source(near) or find_source(filtered.notices)),
        authors=find_authors(no_captions(near), filtered.kept[-1] if filtered.kept else None),
        editor=find_editor(filtered.chrome_lines), tags=find_tags(filtered.chrome_lines),
        encoding=encoding, encoding_method=method, removed=removed,
    )
