"""Batch inputs: command-line arguments -> a lazy stream of items, one per page.

An argument is a file, a folder (walked recursively, pages picked by extension), a glob, or `-`
for a list of such arguments on standard input. JSON Lines files give one item per line
({"url", "html"} or {"url", "text", "published"}) and WARC / WARC.gz files one item per HTML
response record (warc.py; needs the `warc` extra).

Every item has a stable `doc_id`: the file path as found (normalised), the WARC record id, or
`path:line` for a JSON Lines row. Anything that cannot be listed or parsed (a missing path, an
unreadable folder, a broken JSON line, a file name that is not UTF-8) becomes an item that carries
its error, so it ends as an error record instead of vanishing or stopping the others. Nothing
here reads a page file: workers do, so the parent stays light; the only thing kept per file is
its real path, to list each file once.
"""
from __future__ import annotations

import glob
import gzip
import json
import os
from collections.abc import Iterable, Iterator
from typing import IO

from .items import Item, error_item, printable_id
from .work import DEFAULT_MAX_BYTES
from .warc import WARC_SUFFIXES, warc_items

__all__ = ["Item", "iter_items", "count_items", "missing_inputs", "PAGE_SUFFIXES", "JSONL_SUFFIXES", "WARC_SUFFIXES"]

# Files picked when walking a folder; a file named explicitly is read whatever its name.
PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_SKIP_CHUNK = 1 << 20  # how a JSON line over the size limit is skipped: a megabyte at a time


def _has_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    return name.lower().endswith(suffixes)


def iter_items(inputs: Iterable[str], *, stdin: IO | None = None, exclude: Iterable[str] = (),
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every item named by `inputs`, lazily, in argument order; each file at most once.

    `exclude`: files never read as input, e.g. the batch's own output inside a folder it walks
    (read while it grows, it would feed itself forever). `max_bytes`: a JSON Lines row or WARC
    record over this size is an error item, skipped without holding it in memory.
    """
    lister = _Lister({os.path.realpath(path) for path in exclude}, max_bytes)
    for arg in inputs:
        if arg == "-":
            for name in _names(stdin):
                yield from lister.argument(name)
        else:
            yield from lister.argument(arg)


def _names(stdin: IO | None) -> Iterator[str]:
    """Names on standard input, one a line; bytes that are not UTF-8 are kept as Python keeps them
    in file names (surrogate escapes), so the file is still found and named in its error record."""
    if stdin is None:
        import sys  # noqa: PLC0415

        stdin = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
    for line in stdin:
        name = os.fsdecode(line) if isinstance(line, bytes) else line
        name = name.strip("\r\n").strip()
        if name and name != "-":
            yield name


class _Lister:
    def __init__(self, skip: set[str], max_bytes: int) -> None:
        self.skip = skip
        self.seen: set[str] = set()  # real paths of files listed so far
        self.warc_ids: set[str] = set()  # WARC record ids so far: a repeated one gets its place added
        self.max_bytes = max_bytes

    def argument(self, arg: str) -> Iterator[Item]:
        if os.path.isdir(arg):
            yield from self.walk(arg)
        elif os.path.lexists(arg):
            yield from self.file(arg)
        elif glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield error_item(arg, "no file matches this pattern", "FileNotFoundError")
            for match in matches:
                yield from (self.walk(match) if os.path.isdir(match) else self.file(match))
        else:
            yield error_item(os.path.normpath(arg), "no such file or folder", "FileNotFoundError")

    def walk(self, folder: str) -> Iterator[Item]:
        """Files under `folder` with a known suffix, sorted by name so the order is stable."""
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:  # e.g. PermissionError: one error record names the folder
            yield error_item(os.path.normpath(folder), exc)
            return
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)  # a link back up the tree would loop
            except OSError as exc:
                yield error_item(os.path.normpath(entry.path), exc)
                continue
            if is_dir:
                yield from self.walk(entry.path)
            elif _has_suffix(entry.name, PAGE_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES):
                yield from self.file(entry.path)

    def file(self, path: str) -> Iterator[Item]:
        name = os.path.normpath(path)
        real = os.path.realpath(name)
        if real in self.skip or real in self.seen:  # the same file reached twice (folder + glob) is one item
            return
        self.seen.add(real)
        if printable_id(name) != name:
            yield error_item(name, "the file name is not valid UTF-8", "InputError")
        elif _has_suffix(name, JSONL_SUFFIXES):
            yield from _jsonl_items(name, self.max_bytes)
        elif _has_suffix(name, WARC_SUFFIXES):
            yield from warc_items(name, self.warc_ids, self.max_bytes)
        else:
            yield Item(doc_id=name, path=name)


def _jsonl_items(path: str, max_bytes: int) -> Iterator[Item]:
    """One item per non-blank line; doc_id `path:line` (line numbers from 1)."""
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        stream = opener(path, "rb")
    except OSError as exc:
        yield error_item(path, exc)
        return
    with stream:
        lineno = 0
        while True:
            try:
                raw = stream.readline(max_bytes + 1)
                too_long = len(raw) > max_bytes and not raw.endswith(b"\n")
                while too_long and (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                    pass
            except (OSError, EOFError) as exc:  # truncated gzip, unreadable
                yield error_item(f"{path}:{lineno + 1}", exc)
                return
            if not raw:
                return
            lineno += 1
            if too_long:
                yield error_item(f"{path}:{lineno}", f"the line is longer than the limit of {max_bytes:,} bytes "
                                 "(--max-bytes)", "InputTooLarge")
            elif raw.strip():
                yield _jsonl_item(raw, f"{path}:{lineno}")


def _jsonl_item(raw: bytes, doc_id: str) -> Item:
    try:
        row = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        return error_item(doc_id, f"not a JSON line: {exc}", "InputError")
    if not isinstance(row, dict):
        return error_item(doc_id, "a JSON Lines row must be an object with html or text", "InputError")
    page = row.get("html")
    if page is None:
        page = row.get("text")
    url = row.get("url") if isinstance(row.get("url"), str) else None
    if not isinstance(page, str):
        return error_item(doc_id, 'a JSON Lines row needs "html" or "text" as a string', "InputError", url)
    published = row.get("published")
    return Item(doc_id=doc_id, content=page, url=url, published=published if isinstance(published, str) else None)


def missing_inputs(inputs: Iterable[str]) -> list[str]:
    """The arguments that name nothing: a path that does not exist, a glob that matches no file."""
    missing = []
    for arg in inputs:
        if arg == "-" or os.path.lexists(arg):
            continue
        if not glob.has_magic(arg) or not next(glob.iglob(arg, recursive=True), None):
            missing.append(arg)
    return missing


def count_items(inputs: Iterable[str], *, exclude: Iterable[str] = ()) -> int | None:
    """How many items the arguments give, when that is known without reading any file: page files,
    folders and globs of them; None when a JSON Lines or WARC file, or standard input, is among them."""
    inputs = list(inputs)
    if "-" in inputs:
        return None
    lister = _Counter({os.path.realpath(path) for path in exclude}, DEFAULT_MAX_BYTES)
    try:
        return sum(1 for arg in inputs for _ in lister.argument(arg))
    except _RowsUnknown:
        return None


class _RowsUnknown(Exception):
    """A file of many items (JSON Lines, WARC): how many, only reading it tells."""


class _Counter(_Lister):
    def file(self, path: str) -> Iterator[Item]:
        if _has_suffix(path, JSONL_SUFFIXES + WARC_SUFFIXES):
            raise _RowsUnknown
        return super().file(path)
