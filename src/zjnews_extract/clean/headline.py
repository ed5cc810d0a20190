"""The headline of a page: the line the <title> starts with, not the <title> with its site suffix."""
from __future__ import annotations

import json
import re

from . import chrome
from .article import squash
from .dates import find_datetime
from .html import Line

# "<headline>_网易财经", "<headline> - 山西省人民政府门户网站", "<headline>--文化--人民网"
# (?!(?<=\s)\s): a match never starts inside a run of spaces (the run's first space starts it), so
# a long run costs one pass, not one pass per space.
_TITLE_SEPARATORS = re.compile(r"(?!(?<=\s)\s)\s*(?:__?|--+|\s[-–—|｜]\s|\s_|_\s)\s*")
# A headline line must cover this share of the <title>'s first part to be trusted over it.
_MIN_COVER = 0.6

# A headline is a short line without sentence-ending punctuation.
_MAX_HEADLINE = 80
_SENTENCE_PUNCT = re.compile(r"。|[，,].*[，,].*[，,]|[:：]$")
# How far above the article block, and above the dateline, a headline is looked for.
_ABOVE_BLOCK = 15
_ABOVE_DATELINE = 4

# Meta tags that carry the article's own headline, most specific first.
_TITLE_METAS = ("articletitle", "og:title", "twitter:title", "headline", "title")


def read_meta(root) -> dict[str, str]:
    """<meta name|property|itemprop=… content=…>, keys lower-cased, first value wins."""
    metas: dict[str, str] = {}
    for m in root.iter("meta"):
        key = m.get("name") or m.get("property") or m.get("itemprop") or m.get("http-equiv")
        content = m.get("content")
        if key and content and content.strip():
            metas.setdefault(re.sub(r"\s+", "", key).lower(), content.strip())
    return metas


def json_ld(root) -> list[dict]:
    """The page's JSON-LD objects (the ones that parse)."""
    found: list[dict] = []
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text[:200_000])
        except (ValueError, RecursionError):
            continue
        items = data if isinstance(data, list) else [data]
        found.extend(item for item in items if isinstance(item, dict))
    return found


def page_title(root) -> str:
    el = root.find(".//title")
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else ""


def find_headline(lines: list[Line], title: str, metas: dict[str, str],
                  block_start: int | None = None) -> tuple[str | None, int | None]:
    """(headline, index of its line in `lines`, or None when read from <title> or meta)."""
    full = squash(title)
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    first = max(parts, key=len) if parts else title
    best, best_at = None, None
    if full:
        for i, line in enumerate(lines):
            if not 4 <= line.chars <= 120 or line.text[0] != title[0]:
                continue
            flat = squash(line.text)
            if not full.startswith(flat):
                continue
            if line.link_chars * 2 > line.chars and not line.heading:  # a menu link named like the site
                continue
            if best is None or len(flat) > len(squash(best)):
                best, best_at = line.text, i
        if best is not None and len(squash(best)) >= _MIN_COVER * len(squash(first)):
            return best, best_at
    # <title> that does not start with the headline ("频道名-网站-headline"): a heading it contains.
    if full:
        inside = [(i, line) for i, line in enumerate(lines) if line.heading in ("h1", "h2", "h3")
                  and not line.link_chars and 8 <= line.chars <= 120 and squash(line.text) in full]
        if inside:
            i, line = max(inside, key=lambda pair: pair[1].chars)
            return line.text, i
    for key in _TITLE_METAS:
        meta = metas.get(key)
        if meta and len(meta) >= 4:
            flat = squash(meta)
            for i, line in enumerate(lines):
                if line.chars == len(flat) and squash(line.text) == flat:
                    return line.text, i
            for i, line in enumerate(lines):  # og:title cut short: the heading it starts
                if line.heading and not line.link_chars and line.chars <= 120 and squash(line.text).startswith(flat):
                    return line.text, i
            if not full or full.startswith(flat) or flat in full:
                return meta, None
    # No <title> to go by: the page's only first-level heading.
    h1 = [(i, line) for i, line in enumerate(lines) if line.heading == "h1" and not line.link_chars
          and 4 <= line.chars <= 120]
    if h1 and (not full or len({squash(line.text) for _, line in h1}) == 1):
        return h1[0][1].text, h1[0][0]
    if block_start is not None:
        found = _above_dateline(lines, block_start)
        if found:
            return found
    if first and len(squash(first)) >= 4:
        return first.strip(), None
    return None, None


def _above_dateline(lines: list[Line], block_start: int) -> tuple[str, int] | None:
    """The short line right above the dateline/source block that opens the article."""
    low, high = max(0, block_start - _ABOVE_BLOCK), min(len(lines), block_start + 3)
    for k in range(low + 1, high):
        if not is_header_line(lines[k].text):
            continue
        candidates = [i for i in range(k - 1, max(low - 1, k - 1 - _ABOVE_DATELINE), -1)
                      if lines[i].link_chars * 2 <= lines[i].chars and could_be_headline(lines[i].text)]
        if candidates:  # the highest heading (h2 over an h3 subtitle), else the nearest line
            i = min(candidates, key=lambda i: (lines[i].heading or "h9", k - i))
            return lines[i].text, i
    return None


def could_be_headline(line: str) -> bool:
    flat = squash(line)
    return 4 <= len(flat) <= _MAX_HEADLINE and not _SENTENCE_PUNCT.search(line) and chrome.match(line) is None \
        and not _table_row(line)


def _table_row(line: str) -> bool:
    """营业总收入(元) | 同比增长(%) | …, 2023-12-31 | -0.45 | 114.65亿 |: a row of cells, never a headline nor
    a dateline (a date may label a row: a company's results by report date)."""
    return line.count("|") >= 2


def is_header_line(line: str) -> bool:
    """A dateline, source or byline line: what sits right under a headline."""
    if _table_row(line):
        return False
    rule = chrome.match(line)
    if rule is not None and rule.reason in ("dateline", "source-line", "page-info", "byline", "font-size"):
        return True
    return len(line) <= 80 and find_datetime(line) is not None and not chrome.reads_as_prose(line)

