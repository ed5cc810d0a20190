"""WARC / WARC.gz files -> one item per HTML response (or resource) record; needs warcio.

Every readable record is an item and every unreadable part of the file is one error item: a
record cut short by a truncated file is an error (its half a page is not a page), a corrupt gzip
member is skipped to the next member that starts a record, and reading goes on. A record id seen
before (crawls repeat them) gets its file and byte offset added, so no record is dropped as a
duplicate and the doc_id stays the same from run to run.
"""
from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterator

from .items import Item, error_item

WARC_SUFFIXES = (".warc", ".warc.gz")
# WARC payloads taken as pages (the rest of a crawl, images and scripts, is not an item)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHARSET = re.compile(r"charset\s*+=\s*+[\"']?([\w.:-]+)", re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b\x08"
_RECORD_START = b"WARC/1."
_SCAN_CHUNK = 1 << 20


def warc_items(path: str, seen_ids: set[str], max_bytes: int) -> Iterator[Item]:
    """HTML response and resource records of one WARC file; doc_id is the WARC-Record-ID."""
    try:
        from warcio.archiveiterator import ArchiveIterator  # noqa: PLC0415
    except ImportError:
        yield error_item(path, "reading WARC files needs warcio: pip install 'zjnews-extract[warc]'",
                         "MissingDependency")
        return
    try:
        fh = open(path, "rb")  # noqa: SIM115  (closed below, generator-wide)
        size = os.fstat(fh.fileno()).st_size
    except OSError as exc:
        yield error_item(path, exc)
        return
    with fh:
        gz = fh.read(3) == _GZIP_MAGIC
        start: int | None = 0
        while start is not None and start < size:
            fh.seek(start)
            records = ArchiveIterator(fh)
            end = start  # just past the last whole record
            try:
                for record in records:
                    at = records.offset
                    item = _record_item(record, path, at, seen_ids, max_bytes)
                    records.read_to_end()
                    end = records.get_record_offset() + records.get_record_length()
                    damage = _damage(record)
                    if damage is not None:  # half a record is no page: its error instead
                        yield error_item(item.doc_id if item is not None else f"{path}@{at}", damage, "InputError",
                                         item.url if item is not None else None)
                    elif item is not None:
                        yield item
            except Exception as exc:  # noqa: BLE001  (a broken record: one error item, then the next readable one)
                failed_at = max(end, records.offset or end)
                start = _next_record(fh, failed_at + 1, gz)
                until = f"to byte {start:,}" if start is not None else "to the end"
                yield error_item(f"{path}@{failed_at}", f"WARC file unreadable from byte {failed_at:,} {until}: {exc}",
                                 "InputError")
                continue
            if _data_after(fh, end):
                yield error_item(f"{path}@{end}", f"the WARC file ends inside a record at byte {end:,} (truncated)",
                                 "InputError")
            return


def _record_item(record, path: str, offset: int, seen_ids: set[str], max_bytes: int) -> Item | None:
    if record.rec_type not in ("response", "resource"):
        return None
    if record.rec_type == "response" and record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    if ctype and not ctype.split(";")[0].strip().lower().startswith(_HTML_TYPES):
        return None
    record_id = record.rec_headers.get_header("WARC-Record-ID") or f"{path}@{offset}"
    if record_id in seen_ids:  # a repeated id: this record is named by its place too
        record_id = f"{record_id}@{path}:{offset}"
    seen_ids.add(record_id)
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        payload = record.content_stream().read(max_bytes + 1)
    except Exception as exc:  # noqa: BLE001  (bad chunked / gzip body: the record's own error)
        return error_item(record_id, f"WARC record body unreadable: {exc}", "InputError", url)
    if len(payload) > max_bytes:
        return error_item(record_id, f"the record is larger than the limit of {max_bytes:,} bytes (--max-bytes)",
                          "InputTooLarge", url)
    charset = _CHARSET.search(ctype)
    return Item(doc_id=record_id, content=payload, url=url, charset=charset.group(1) if charset else None)


def _damage(record) -> str | None:
    """Why a record read to its end is not whole (a truncated file), or None when it is."""
    headers = record.rec_headers
    if not headers.get_header("WARC-Record-ID") or headers.get_header("Content-Length") is None:
        return "the WARC record's header is cut short or malformed (truncated file)"
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if missing > 0:
        return f"the WARC record is cut short: {missing:,} of its bytes are missing (truncated file)"
    return None


def _next_record(fh, position: int, gz: bool) -> int | None:
    """The offset of the next place at or after `position` where a readable record starts."""
    marker = _GZIP_MAGIC if gz else _RECORD_START
    while True:
        fh.seek(position)
        chunk = fh.read(_SCAN_CHUNK + len(marker))
        if len(chunk) < len(marker):
            return None
        at = chunk.find(marker, 0, _SCAN_CHUNK + len(marker))
        if at < 0:
            position += _SCAN_CHUNK
            continue
        if _starts_record(fh, position + at, gz):
            return position + at
        position += at + 1


def _starts_record(fh, position: int, gz: bool) -> bool:
    """A gzip member whose text starts a WARC record, or WARC/1. at the start of a line."""
    fh.seek(max(0, position - 1))
    head = fh.read(65536 + 1)
    if not gz:
        return head[1 if position else 0:].startswith(_RECORD_START) and (position == 0 or head[:1] == b"\n")
    try:
        text = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head[1 if position else 0:], 16)
    except zlib.error:
        return False
    return text.startswith(b"WARC/")


def _data_after(fh, end: int) -> bool:
    """Anything but blank space after the last whole record: the start of a record that was cut."""
    fh.seek(end)
    while chunk := fh.read(_SCAN_CHUNK):
        if chunk.strip(b"\r\n \t\x00"):
            return True
    return False
