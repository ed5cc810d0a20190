"""Cleaning: bytes or page text -> article text + metadata + removal log.

    clean_page(source) -> CleanedPage

`source` is HTML (str or bytes in any Chinese encoding), text pasted from a
browser window, or a list of those (the pages of one article). Steps:
decode.py (bytes -> str), html.py (tree and visual lines), select.py (which
block is the article), article.py + chrome.py (line rules, removal log),
headline.py, dates.py, byline.py (metadata), text.py (pasted text).
"""
from __future__ import annotations

import re

from ..errors import InputError
from ..records import CleanedPage, Removed
from . import chrome
from .article import filter_lines, squash
from .byline import find_authors, find_editor, find_source, find_tags
from .dates import date_in_url, find_datetime
from .decode import decode_bytes
from .headline import find_headline, json_ld, page_title, read_meta
from .html import looks_like_html, page_lines, parse_html
from .select import lines_within, main_block
from .text import find_text_headline, text_lines

__all__ = ["clean_page"]

# Meta tags that carry the publication time, most specific first.
_DATE_METAS = ("article:published_time", "pubdate", "publishdate", "og:time", "og:release_date",
               "weibo:article:create_at", "datepublished", "publish_time", "publishtime", "ptime",
               "firstpublishedtime", "dc.date", "dcterms.created", "date")
_SOURCE_METAS = ("contentsource", "source", "mediaid", "og:site_name")
# Site names after the headline in <title>, and what an outlet's name ends with.
_TITLE_PARTS = re.compile(r"\s*(?:__?|--+|\s[-–—|｜]\s|\s_|_\s|_)\s*")
_OUTLET_END = re.compile(r"^\D*(网|社|台|站)$")  # "BBC中文网"; not "2007年第23号国务院公报"
# Lines under the headline searched for the dateline, source and byline.
_HEADER_LINES = 12
# Pages beyond this are cut: no news article is longer, and parsing stays fast.
_MAX_CHARS = 2_000_000
_NOT_TEXT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)


def clean_page(source, *, url: str | None = None) -> CleanedPage:
    """One article's text and metadata from one page, or from the list of its pages."""
    if isinstance(source, (list, tuple)):
        if not source:
            raise InputError("an empty list of pages was given")
        return _merge([_clean_one(s, url=url) for s in source])
    return _clean_one(source, url=url)


def _clean_one(source, *, url: str | None) -> CleanedPage:
    encoding = method = None
    if isinstance(source, (bytes, bytearray, memoryview)):
        text, encoding, method = decode_bytes(bytes(source))
    elif isinstance(source, str):
        text = source
    else:
        raise InputError(f"source must be str, bytes or a list of them, not {type(source).__name__}")
    if not text.strip():
        raise InputError("input is empty")
    if len(text) > _MAX_CHARS:
        # Inline scripts, styles and base64 blobs can be megabytes: drop them before cutting.
        text = _NOT_TEXT.sub(" ", text)[:_MAX_CHARS]
    if looks_like_html(text):
        root = parse_html(text)
        if root is not None:
            return _clean_html(root, url=url, encoding=encoding, method=method)
    if "\x00" in text or _binary_share(text) > 0.05:
        raise InputError("input looks like a binary file, not a page")
    return _clean_text(text, url=url, encoding=encoding, method=method)


def _binary_share(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n\f") or ch == "\ufffd")
    return bad / max(1, len(sample))


def _clean_html(root, *, url, encoding, method) -> CleanedPage:
    lines = page_lines(root)
    metas = read_meta(root)
    headline, head_at = find_headline(lines, page_title(root), metas)
    block = main_block(lines)
    # No prose anywhere (a one-line item): every line is a candidate, the line rules decide.
    inside = lines_within(lines, block) if block is not None else list(lines)
    inside_ids = {id(line) for line in inside}
    filtered = filter_lines([(line.text, line.link_chars) for line in inside], headline)
    removed = [Removed(text=line.text, reason="outside article block") for line in lines if id(line) not in inside_ids
               and not (head_at is not None and line is lines[head_at])]
    removed.extend(filtered.removed)

    # The header: from under the headline down to the first paragraph of prose.
    start = lines.index(inside[0]) if inside else len(lines)
    top = head_at + 1 if head_at is not None and head_at < start else max(0, start - 6)
    header = _header(line.text for line in lines[top:top + 40])
    end = lines.index(inside[-1]) + 1 if inside else len(lines)
    below = [line.text for line in lines[end:end + _HEADER_LINES]]  # some pages print the dateline under the article
    meta_lines = filtered.chrome_lines + header
    # Nearest first: header and byline lines, then the first and last paragraphs, then under the article.
    groups = [meta_lines, filtered.kept[:2] + filtered.kept[-2:], filtered.notices, below]

    published = (find_datetime(" ".join(header)) or _meta_date(metas, root)
                 or find_datetime(" ".join(below)) or date_in_url(url or metas.get("og:url") or metas.get("url")))
    source = (_first(find_source, groups) or _first_meta(metas, _SOURCE_METAS)
              or _site_from_title(page_title(root), headline))
    source = _strip_label(source)
    last = filtered.kept[-1] if filtered.kept else None
    authors = (find_authors(_no_captions(meta_lines), None) or find_authors(_no_captions(groups[1]), last)
               or find_authors(_no_captions(below), None))
    body = ([headline] if headline else []) + filtered.kept
    return CleanedPage(
        text="\n".join(body), title=headline, published=published, source=source, authors=authors,
        editor=find_editor(meta_lines), tags=find_tags(meta_lines),
        encoding=encoding, encoding_method=method, removed=removed,
    )


def _clean_text(text: str, *, url, encoding, method) -> CleanedPage:
    lines = text_lines(text)
    head_at = find_text_headline(lines)
    headline = lines[head_at] if head_at is not None else None
    removed: list[Removed] = []
    if head_at:
        removed = [Removed(text=line, reason="before headline") for line in lines[:head_at]]
    body_lines = lines[head_at:] if head_at is not None else lines
    filtered = filter_lines([(line, 0) for line in body_lines], headline)
    removed.extend(filtered.removed)
    header = body_lines[1:1 + _HEADER_LINES] if head_at is not None else body_lines[:_HEADER_LINES]
    header = [h for h in header if not (chrome.reads_as_prose(h) and len(h) > 80)] + filtered.kept[:1]
    near = header + filtered.chrome_lines + filtered.kept[:2] + filtered.kept[-2:]
    published = find_datetime(" ".join(header)) or date_in_url(url)
    body = ([headline] if headline else []) + filtered.kept
    return CleanedPage(
        text="\n".join(body), title=headline, published=published,
        source=_strip_label(find_source(near) or find_source(filtered.notices)),
        authors=find_authors(_no_captions(near), filtered.kept[-1] if filtered.kept else None),
        editor=find_editor(filtered.chrome_lines), tags=find_tags(filtered.chrome_lines),
        encoding=encoding, encoding_method=method, removed=removed,
    )


def _first(find, groups):
    """The first group of lines that gives an answer."""
    for lines in groups:
        found = find(lines)
        if found:
            return found
    return None


def _no_captions(texts: list[str]) -> list[str]:
    """A photo caption names the photographer ("新华社记者 张三 摄"), not the reporter."""
    return [t for t in texts if (rule := chrome.match(t)) is None or rule.reason != "caption"]


def _header(texts) -> list[str]:
    """Lines up to the first paragraph of prose: where datelines, sources and bylines sit."""
    header = []
    for text in texts:
        if len(header) >= _HEADER_LINES or (chrome.reads_as_prose(text) and len(text) >= 30
                                             and chrome.match(text) is None):
            break
        header.append(text)
    return header


def _site_from_title(title: str, headline: str | None) -> str | None:
    """'港特首…道歉 - BBC中文网 - 两岸三地' -> 'BBC中文网': the outlet named after the headline."""
    rest = title
    if headline and squash(title).startswith(squash(headline)):
        rest = title[len(headline):] if title.startswith(headline) else title
    for part in _TITLE_PARTS.split(rest):
        part = part.strip()
        if 2 <= len(part) <= 20 and _OUTLET_END.search(part):
            return part
    return None


def _meta_date(metas: dict[str, str], root) -> str | None:
    for key in _DATE_METAS:
        value = metas.get(key)
        if value:
            found = find_datetime(value)
            if found:
                return found
    for item in json_ld(root):
        value = item.get("datePublished") or item.get("pubDate")
        if isinstance(value, str):
            found = find_datetime(value)
            if found:
                return found
    return None


def _first_meta(metas: dict[str, str], keys) -> str | None:
    for key in keys:
        if metas.get(key):
            return metas[key]
    return None


def _strip_label(source: str | None) -> str | None:
    """'来源：人民网-文化频道 原创稿' -> '人民网-文化频道'."""
    if not source:
        return None
    found = find_source([source]) if "来源" in source else None
    source = (found or source).strip()
    return source[:40] or None


def _merge(pages: list[CleanedPage]) -> CleanedPage:
    """The pages of one article: one headline, the bodies in order, metadata from the first page that has it."""
    first = pages[0]
    title = next((p.title for p in pages if p.title), None)
    body: list[str] = [title] if title else []
    seen = set()
    for page in pages:
        for line in page.text.split("\n"):
            if not line or (title and squash(line) == squash(title)):
                continue
            if line in seen and len(line) < 40:  # a page footer printed on every page
                continue
            seen.add(line)
            body.append(line)
    authors: list[str] = []
    for page in pages:
        authors.extend(a for a in page.authors if a not in authors)
    return CleanedPage(
        text="\n".join(body), title=title,
        published=next((p.published for p in pages if p.published), None),
        source=next((p.source for p in pages if p.source), None), authors=authors,
        editor=next((p.editor for p in pages if p.editor), None),
        tags=next((p.tags for p in pages if p.tags), []),
        encoding=first.encoding, encoding_method=first.encoding_method,
        removed=[r for p in pages for r in p.removed],
    )
