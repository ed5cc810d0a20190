"""Cleaning: bytes or page text -> article text + metadata + removal log.

    clean_page(source) -> CleanedPage

`source` is HTML (str or bytes in any Chinese encoding), text pasted from a
browser window, or a list of those (the pages of one article). Steps:
decode.py (bytes -> str), html.py (tree and visual lines), select.py (which
block is the article), article.py + chrome.py (line rules, removal log),
headline.py, dates.py, byline.py, metadata.py (metadata); page.py puts the
HTML steps together, text.py does the same for pasted text.
"""
from __future__ import annotations

import codecs
import html as html_lib
import re
from collections.abc import Callable

import msgspec

from ..errors import InputError
from ..records import CleanedPage, Removed
from .article import squash
from .decode import decode_bytes
from .html import looks_like_html, parse_html
from .glosses import without_glosses
from .invisible import escape_codes, without_invisible
from .page import clean_html
from .removed import RemovedLog
from .text import clean_text

__all__ = ["clean_page"]

# Pages beyond this are cut: no news article is longer, and parsing stays fast.
_MAX_CHARS = 2_000_000
_TAG = re.compile(r"<[^<>]{0,2000}>")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_BINARY_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")  # control characters (not tab, line or page breaks), U+FFFD
_NOT_TEXT_PAIRS = (("<script", "</script>"), ("<style", "</style>"), ("<!--", "-->"))
# Inline data (an image as a data: URI) is never article text; megabytes of it must not push the article
# past the length cut. Only URIs longer than this go: a short one costs nothing to keep.
_INLINE_DATA = re.compile(r"data:[^\s\"'<>)]{256,}+", re.IGNORECASE)


def clean_page(source, *, url: str | None = None, charset: str | None = None) -> CleanedPage:
    """One article's text and metadata from one page, or from the list of its pages.

    `charset` is what an HTTP Content-Type header said, for bytes; it ranks with the page's own label."""
    if isinstance(source, (list, tuple)):
        if not source:
            raise InputError("an empty list of pages was given")
        return _merge([_clean_one(s, url=url, charset=charset) for s in source])
    return _clean_one(source, url=url, charset=charset)


def _clean_one(source, *, url: str | None, charset: str | None = None) -> CleanedPage:
    encoding = method = utf8 = None
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        text, encoding, method = decode_bytes(data, http_charset=charset)
        if method == "utf-8":
            utf8 = data  # strict UTF-8, no BOM: the text's own UTF-8, which the invisible check reads
    elif isinstance(source, str):
        text = source
    elif _is_soup(source):
        text, encoding, method = _from_soup(source)
    else:
        raise InputError(f"source must be str, bytes, a BeautifulSoup object or a list of them, "
                         f"not {type(source).__name__}")
    if not text or text.isspace():  # (no stripped copy of the page)
        raise InputError("input is empty")
    original = text  # control characters, removed below, are what shows a binary file
    text, notes = without_invisible(text, utf8=utf8)
    cut = ""
    if len(text) > _MAX_CHARS:
        # Inline scripts, styles and base64 blobs can be megabytes: drop them before cutting.
        text = _INLINE_DATA.sub("data:", _drop_scripts(text))
        text, cut = text[:_MAX_CHARS], text[_MAX_CHARS:]
    page = _read(text, url=url, encoding=encoding, method=method, binary=lambda: _looks_binary(original))
    glossless, glossed = without_glosses(page.text)
    if glossed:  # 社會消費(fèi)品零售總額 on a mirror site: the words without their pinyin
        page = msgspec.structs.replace(page, text=glossless, title=without_glosses(page.title or "")[0] or page.title)
        notes = [*notes, *glossed]
    after = []
    if cut.strip():  # said in the removal log, not lost silently (the log shows its start)
        after.append(Removed(text=cut[:200], reason=f"page cut at {_MAX_CHARS:,} characters: {len(cut):,} more not read"))
    if notes or after:
        page = msgspec.structs.replace(page, removed=[*notes, *page.removed, *after])
    return page


def _is_soup(source) -> bool:
    """A BeautifulSoup document or Tag (told by its module, so bs4 is never imported for other input)."""
    return type(source).__module__.startswith("bs4") and hasattr(source, "decode") and hasattr(source, "find_all")


def _from_soup(soup) -> tuple[str, str | None, str]:
    """A page someone already parsed with BeautifulSoup: its markup, read again by our own parser
    (whatever parser bs4 used), and the encoding bs4 found when it was given bytes."""
    markup = soup.decode()
    encoding = getattr(soup, "original_encoding", None)
    if encoding:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            pass
    return markup, encoding, "beautifulsoup"


def _looks_binary(text: str) -> bool:
    return "\x00" in text or _binary_share(escape_codes().sub("", text[:40000])) > 0.05


def _read(text: str, *, url: str | None, encoding: str | None, method: str | None,
          binary: Callable[[], bool]) -> CleanedPage:
    if looks_like_html(text):
        root = parse_html(text)
        page = clean_html(root, url=url, encoding=encoding, method=method) if root is not None else None
        if page is not None and (page.text or not _HAN.search(text)):
            return page
        # Markup libxml2 gives up on (nesting past its depth limit): read it as text without tags.
        stripped = _strip_tags(text)
        if not stripped.strip():
            if page is not None:
                return page
            raise InputError("the page has no text")
        text = stripped
    if binary():  # asked only of text that is not HTML
        raise InputError("input looks like a binary file, not a page")
    return clean_text(text, url=url, encoding=encoding, method=method)


def _drop_scripts(text: str) -> str:
    """Text without <script>, <style> and comments, in one linear pass (a regex with .*? goes
    quadratic on a page full of unclosed <script> tags)."""
    lower = text.lower()
    out, at = [], 0
    upcoming = {opening: lower.find(opening) for opening, _ in _NOT_TEXT_PAIRS}
    while True:
        for opening, _ in _NOT_TEXT_PAIRS:  # only re-search an opening that fell behind
            if 0 <= upcoming[opening] < at:
                upcoming[opening] = lower.find(opening, at)
        starts = [(i, end) for (opening, end) in _NOT_TEXT_PAIRS if (i := upcoming[opening]) >= 0]
        if not starts:
            out.append(text[at:])
            break
        i, end = min(starts)
        out.append(text[at:i])
        j = lower.find(end, i)
        if j < 0:
            break
        at = j + len(end)
    return " ".join(out)


def _strip_tags(text: str) -> str:
    text = _drop_scripts(text)
    text = _TAG.sub("\n", text)
    return html_lib.unescape(text)  # the standard named entities only: nothing is fetched or expanded


def _binary_share(text: str) -> float:
    sample = text[:20000]
    return len(_BINARY_CHARS.findall(sample)) / max(1, len(sample))


def _merge(pages: list[CleanedPage]) -> CleanedPage:
    """The pages of one article: one headline, the bodies in order, metadata from the first page that has it."""
    first = pages[0]
    title = next((p.title for p in pages if p.title), None)
    body: list[str] = [title] if title else []
    repeats = RemovedLog()
    seen = set()
    for page in pages:
        for line in page.text.split("\n"):
            if not line or (title and squash(line) == squash(title)):
                continue
            if line in seen and len(line) < 40:  # a page footer printed on every page
                repeats.add(line, "repeated on an earlier page")
                continue
            seen.add(line)
            body.append(line)
    authors: list[str] = []
    for page in pages:
        authors.extend(a for a in page.authors if a not in authors)
    return CleanedPage(
        text="\n".join(body), title=title,
        published=next((p.published for p in pages if p.published), None),
        dated_by_url=next((p.dated_by_url for p in pages if p.published), False),
        source=next((p.source for p in pages if p.source), None), authors=authors,
        editor=next((p.editor for p in pages if p.editor), None),
        tags=next((p.tags for p in pages if p.tags), []),
        encoding=first.encoding, encoding_method=first.encoding_method,
        removed=[r for p in pages for r in p.removed] + repeats.entries(),
    )
