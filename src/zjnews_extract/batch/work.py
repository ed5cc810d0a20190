"""One item to one Outcome, in a worker or in this process; every failure is that item's error.

Each output format's text is made here, in the worker, by the writer classes that asked for it
(writers.py): cheap to send back, and the parent stays free to write.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import msgspec

from ..errors import InputTooLarge
from ..records import Document
from .items import Item, printable_id

DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # per page: ten times the largest news page seen; /dev/zero stops here
_MESSAGE_LIMIT = 500  # characters of an exception message kept in an error record


class Outcome(msgspec.Struct, kw_only=True):
    """The result for one item: its place in the input, and a document or an error."""

    index: int
    doc_id: str
    url: str | None = None
    document: Document | None = None  # when asked for (output="document", or a writer that needs it)
    error: dict[str, str] | None = None  # {"type", "message"}
    facts: int = 0
    texts: dict[str, str] = msgspec.field(default_factory=dict)  # format name -> this item in that format

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def data(self) -> str | None:
        """The item's text when one text format was asked for (output="json" or "csv")."""
        return next(iter(self.texts.values()), None)


def error_record(doc_id: str, error: dict[str, str], url: str | None = None) -> dict[str, Any]:
    """The record written for an item that failed: doc_id, url, error {type, message}."""
    return {"doc_id": doc_id, "url": url, "error": error}


def error_of(exc: BaseException) -> dict[str, str]:
    message = str(exc) or type(exc).__name__
    if len(message) > _MESSAGE_LIMIT:
        message = message[:_MESSAGE_LIMIT] + "…"
    return {"type": type(exc).__name__, "message": printable_id(message)}


def default_extract(source: bytes | str, item: Item, published) -> Document:
    from ..pipeline import extract_document  # noqa: PLC0415

    return extract_document(source, url=item.url, published=item.published or published, doc_id=item.doc_id,
                            charset=item.charset)


@dataclass(frozen=True)
class Work:
    """What every item of a run shares: sent to each worker once."""

    published: Any = None
    formats: tuple = ()  # writer classes whose text each outcome carries (see writers.py)
    keep_document: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES
    extract: Callable[[bytes | str, Item, Any], Document] = field(default=default_extract)


def read_capped(path: str, max_bytes: int) -> bytes:
    """A file's bytes, refused past `max_bytes` without reading more (endless /dev/zero, a 500 MB dump)."""
    with open(path, "rb") as fh:
        info = os.fstat(fh.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise InputTooLarge(f"the file holds {info.st_size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLarge(f"the input goes on past the limit of {max_bytes:,} bytes (--max-bytes)")
    return data


def process_item(index: int, item: Item, work: Work) -> Outcome:
    """One item to one Outcome; every exception becomes the item's error, none escapes."""
    try:
        if item.error_type is not None:
            outcome = Outcome(index=index, doc_id=item.doc_id, url=item.url,
                              error={"type": item.error_type, "message": item.error_message or ""})
            return formatted(outcome, work)
        if item.content is not None:
            if len(item.content) > work.max_bytes:
                raise InputTooLarge(f"the page holds {len(item.content):,} bytes or characters, over the limit "
                                    f"of {work.max_bytes:,} (--max-bytes)")
            source = item.content
        else:
            source = read_capped(item.path, work.max_bytes)
        doc = work.extract(source, item, work.published)
        outcome = Outcome(index=index, doc_id=item.doc_id, url=item.url, document=doc, facts=len(doc.facts))
    except Exception as exc:  # noqa: BLE001  (isolation: one item's failure is that item's record)
        outcome = Outcome(index=index, doc_id=item.doc_id, url=item.url, error=error_of(exc))
    return formatted(outcome, work)


def formatted(outcome: Outcome, work: Work) -> Outcome:
    """The outcome with each asked-for format's text; a document that cannot be written is an error too."""
    try:
        outcome.texts = {fmt.name: fmt.serialise(outcome, fmt.pretty) for fmt in work.formats}
    except Exception as exc:  # noqa: BLE001
        outcome = Outcome(index=outcome.index, doc_id=printable_id(outcome.doc_id), url=_printable(outcome.url),
                          error=error_of(exc))
        outcome.texts = {fmt.name: fmt.serialise(outcome, fmt.pretty) for fmt in work.formats}
    if not work.keep_document:
        outcome.document = None
    return outcome


def _printable(text: str | None) -> str | None:
    return None if text is None else printable_id(text)
