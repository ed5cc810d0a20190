"""What a batch works on: one Item per page, made from whatever the caller gave."""
from __future__ import annotations

import os
from datetime import date, datetime

import msgspec


class Item(msgspec.Struct, frozen=True, kw_only=True):
    """One page to extract: where it is (a file) or the page itself, and what is known about it."""

    doc_id: str
    path: str | None = None  # a file the worker reads
    content: bytes | str | None = None  # the page itself (JSON Lines, WARC)
    url: str | None = None
    published: str | None = None
    charset: str | None = None  # from the HTTP Content-Type of a WARC response
    error_type: str | None = None  # set when the item could not even be listed or parsed
    error_message: str | None = None


def printable_id(text: str) -> str:
    """`text` as valid UTF-8: a file name's undecodable bytes (kept by Python as lone surrogates)
    become \\xNN escapes, so the name can be written in a JSON or CSV line and still be recognised."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # surrogates that are no escaped bytes
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def error_item(doc_id: str, exc: BaseException | str, kind: str | None = None, url: str | None = None) -> Item:
    """An item that carries the problem found while listing it, so it ends as an error record."""
    if isinstance(exc, BaseException):
        kind = kind or type(exc).__name__
        message = str(exc) or kind
    else:
        message = exc
    return Item(doc_id=printable_id(doc_id), url=url, error_type=kind or "InputError",
                error_message=printable_id(message))


def as_item(value, index: int | None = None) -> Item:
    """What extract_many accepts: an Item, a path, or a dict {doc_id?, html|text, url?, published?}.

    Anything else, or a dict without a page, becomes an error item; a dict without doc_id or url
    is named by its place in the input ("#17"), so nothing is refused and nothing goes missing."""
    place = f"#{index}" if index is not None else "#?"
    if isinstance(value, Item):
        return value
    if isinstance(value, (str, os.PathLike)):
        name = os.path.normpath(os.fspath(value))
        if printable_id(name) != name:
            return error_item(name, "the file name is not valid UTF-8", "InputError")
        return Item(doc_id=name, path=name)
    if isinstance(value, dict):
        doc_id = value.get("doc_id") or value.get("url")
        doc_id = doc_id if isinstance(doc_id, str) and doc_id else place
        url = value.get("url") if isinstance(value.get("url"), str) else None
        published = value.get("published")
        page = value.get("html", value.get("text"))
        if not isinstance(page, (str, bytes)):
            return error_item(doc_id, 'a dict item needs "html" or "text" (a str or bytes)', "InputError", url)
        if isinstance(published, (date, datetime)):
            published = published.isoformat()
        if published is not None and not isinstance(published, str):
            return error_item(doc_id, '"published" must be a YYYY-MM-DD string', "InputError", url)
        return Item(doc_id=printable_id(doc_id), content=page, url=url, published=published)
    return error_item(place, f"cannot make a batch item from {type(value).__name__}", "InputError")
