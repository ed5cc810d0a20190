"""Batch inputs: command-line arguments -> a lazy stream of items, one per page.

An argument is a file, a folder (walked recursively, pages picked by extension),
a glob, or `-` for a list of such arguments on standard input. JSON Lines files
give one item per line ({"url", "html"} or {"url", "text", "published"}) and
WARC / WARC.gz files one item per HTML response record (needs the `warc` extra).

Every item has a stable `doc_id`: the file path as found (normalised), the WARC
record id, or `path:line` for a JSON Lines row. Anything that cannot be listed or
parsed (a missing path, an unreadable folder, a broken JSON line) becomes an item
that carries its error, so it ends as an error record instead of vanishing.
Nothing here reads a page file: workers do, so the parent stays light. The only thing kept
per item is its doc_id (to list each item once): tens of bytes, not the page.
"""
from __future__ import annotations

import re
import glob
import gzip
import json
import os
from collections.abc import Iterable, Iterator
from typing import IO

import msgspec

# Files picked when walking a folder; a file named explicitly is read whatever its name.
PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
# WARC payloads taken as pages (the rest of a crawl, images and scripts, is not an item)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


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


def _error_item(doc_id: str, exc: BaseException | str, kind: str | None = None) -> Item:
    if isinstance(exc, BaseException):
        kind = kind or type(exc).__name__
        message = str(exc) or kind
    else:
        message = exc
    return Item(doc_id=doc_id, error_type=kind or "InputError", error_message=message)


def _has_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    return name.lower().endswith(suffixes)


def iter_items(inputs: Iterable[str], *, stdin: IO[str] | None = None,
               exclude: Iterable[str] = ()) -> Iterator[Item]:
    """Every item named by `inputs`, lazily, in argument order; each doc_id at most once.

    `exclude`: files never read as input, e.g. the batch's own output inside a folder it walks
    (read while it grows, it would feed itself forever).
    """
    seen: set[str] = set()
    skip = {os.path.realpath(path) for path in exclude}
    for item in _expand(inputs, stdin, skip):
        if item.doc_id in seen:  # the same file reached twice (folder + glob) is one item
            continue
        seen.add(item.doc_id)
        yield item


def _expand(inputs: Iterable[str], stdin: IO[str] | None, skip: set[str]) -> Iterator[Item]:
    for arg in inputs:
        if arg == "-":
            stream = stdin if stdin is not None else _stdin()
            for line in stream:
                name = line.strip()
                if name and name != "-":
                    yield from _one_argument(name, skip)
        else:
            yield from _one_argument(arg, skip)


def _stdin() -> IO[str]:
    import sys  # noqa: PLC0415

    return sys.stdin


def _one_argument(arg: str, skip: set[str]) -> Iterator[Item]:
    if os.path.isdir(arg):
        yield from _walk(arg, skip)
    elif os.path.lexists(arg):
        yield from _file_items(arg, skip)
    elif glob.has_magic(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            yield _error_item(arg, "no file matches this pattern", "FileNotFoundError")
        for match in matches:
            if os.path.isdir(match):
                yield from _walk(match, skip)
            else:
                yield from _file_items(match, skip)
    else:
        yield _error_item(os.path.normpath(arg), "no such file or folder", "FileNotFoundError")


def _walk(folder: str, skip: set[str]) -> Iterator[Item]:
    """Files under `folder` with a known suffix, sorted by name so the order is stable."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:  # e.g. PermissionError: one error record names the folder
        yield _error_item(os.path.normpath(folder), exc)
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir(follow_symlinks=False)  # a link back up the tree would loop
        except OSError as exc:
            yield _error_item(os.path.normpath(entry.path), exc)
            continue
        if is_dir:
            yield from _walk(entry.path, skip)
        elif _has_suffix(entry.name, PAGE_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES):
            yield from _file_items(entry.path, skip)


def _file_items(path: str, skip: set[str]) -> Iterator[Item]:
    name = os.path.normpath(path)
    if skip and os.path.realpath(name) in skip:
        return
    if _has_suffix(name, JSONL_SUFFIXES):
        yield from _jsonl_items(name)
    elif _has_suffix(name, WARC_SUFFIXES):
        yield from _warc_items(name)
    else:
        yield Item(doc_id=name, path=name)


def _jsonl_items(path: str) -> Iterator[Item]:
    """One item per non-blank line; doc_id `path:line` (line numbers from 1)."""
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        stream = opener(path, "rb")
    except OSError as exc:
        yield _error_item(path, exc)
        return
    with stream:
        lineno = 0
        while True:
            try:
                raw = stream.readline()
            except (OSError, EOFError) as exc:  # truncated gzip, unreadable
                yield _error_item(f"{path}:{lineno + 1}", exc)
                return
            if not raw:
                return
            lineno += 1
            if raw.strip():
                yield _jsonl_item(raw, f"{path}:{lineno}")


def _jsonl_item(raw: bytes, doc_id: str) -> Item:
    try:
        row = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        return _error_item(doc_id, f"not a JSON line: {exc}", "InputError")
    if not isinstance(row, dict):
        return _error_item(doc_id, "a JSON Lines row must be an object with html or text", "InputError")
    page = row.get("html")
    if page is None:
        page = row.get("text")
    if not isinstance(page, str):
        return _error_item(doc_id, 'a JSON Lines row needs "html" or "text" as a string', "InputError")
    url = row.get("url")
    published = row.get("published")
    return Item(doc_id=doc_id, content=page, url=url if isinstance(url, str) else None,
                published=published if isinstance(published, str) else None)


def _warc_items(path: str) -> Iterator[Item]:
    """HTML response (and resource) records; doc_id is the WARC-Record-ID."""
    try:
        from warcio.archiveiterator import ArchiveIterator  # noqa: PLC0415
    except ImportError:
        yield _error_item(path, "reading WARC files needs warcio: pip install 'zjnews-extract[warc]'",
                          "MissingDependency")
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115  (closed below, generator-wide)
    except OSError as exc:
        yield _error_item(path, exc)
        return
    with stream:
        records = ArchiveIterator(stream)
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except Exception as exc:  # noqa: BLE001  (a broken WARC: one error record, then stop)
                yield _error_item(f"{path}@{records.offset}", f"WARC file unreadable here: {exc}", "InputError")
                return
            if record.rec_type not in ("response", "resource"):
                continue
            if record.rec_type == "response" and record.http_headers is not None:
                ctype = record.http_headers.get_header("Content-Type") or ""
            else:
                ctype = record.rec_headers.get_header("Content-Type") or ""
            if ctype and not ctype.split(";")[0].strip().lower().startswith(_HTML_TYPES):
                continue
            record_id = record.rec_headers.get_header("WARC-Record-ID") or f"{path}@{records.offset}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                payload = record.content_stream().read()
            except Exception as exc:  # noqa: BLE001  (bad chunked / gzip body: the record's own error)
                yield _error_item(record_id, f"WARC record body unreadable: {exc}", "InputError")
                continue
            charset = _CHARSET.search(ctype)
            yield Item(doc_id=record_id, content=payload, url=url, charset=charset.group(1) if charset else None)


def as_item(value) -> Item:
    """What extract_many accepts: an Item, a path, or a dict {doc_id?, html|text, url?, published?}."""
    if isinstance(value, Item):
        return value
    if isinstance(value, (str, os.PathLike)):
        name = os.path.normpath(os.fspath(value))
        return Item(doc_id=name, path=name)
    if isinstance(value, dict):
        page = value.get("html", value.get("text"))
        doc_id = value.get("doc_id") or value.get("url")
        if not isinstance(doc_id, str):
            raise TypeError("a dict item needs a doc_id (or url) string")
        if not isinstance(page, (str, bytes)):
            return _error_item(doc_id, 'a dict item needs "html" or "text"', "InputError")
        return Item(doc_id=doc_id, content=page, url=value.get("url"), published=value.get("published"))
    raise TypeError(f"cannot make a batch item from {type(value).__name__}")
