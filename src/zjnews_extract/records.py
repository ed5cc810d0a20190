"""The typed, immutable records the library returns, and their JSON Schema.

Every record is a frozen msgspec Struct: cheap to build, hashable, and it
serialises straight to JSON with every key present (None as null). The JSON
Schema published under data/schema.json is generated from these types.
"""
from __future__ import annotations

from typing import Any, Literal

import msgspec

Kind = Literal["value", "percent", "growth", "pp", "rank", "number"]
Qualifier = Literal["exact", "over", "under", "approx"]
Status = Literal["actual", "target"]


class Record(msgspec.Struct, frozen=True, kw_only=True):
    """Base of every record: plain JSON-ready data on demand."""

    def to_dict(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)

    def to_json(self) -> str:
        return msgspec.json.encode(self).decode("utf-8")


class Quantity(Record, frozen=True, kw_only=True):
    """One numeric mention: the number as written, where it is, and what it is worth."""

    text: str  # as written, with unit and any qualifier word touching it
    start: int  # offsets into the text that was parsed
    end: int
    kind: Kind
    value: float | None  # base units: 5.55万亿元 -> 5.55e12; signed for changes
    unit: str | None  # ISO currency, measure word, physical unit, "%", "pp"; None for rank / bare number
    qualifier: Qualifier = "exact"


class Period(Record, frozen=True, kw_only=True):
    """The time a fact covers: first and last day, and the words that said so."""

    start: str | None  # YYYY-MM-DD
    end: str | None  # YYYY-MM-DD
    text: str | None  # the words it was read from, e.g. 去年1—11月


class Fact(Record, frozen=True, kw_only=True):
    """One stated fact: a quantity tied to what, whom, when and whether achieved."""

    id: str  # stable across runs: derived from the span and the text
    text: str  # exactly Document.text[start:end]
    start: int
    end: int
    kind: Kind
    value: float | None
    unit: str | None
    qualifier: Qualifier = "exact"
    metric: str | None = None
    subject: str | None = None
    period: Period | None = None
    status: Status = "actual"
    versus: str | None = None
    sentence: str = ""  # the sentence it was read from (300 characters each side, of a longer one)


class Span(Record, frozen=True, kw_only=True):
    start: int
    end: int


class Initiative(Record, frozen=True, kw_only=True):
    """A named program, campaign or slogan, with every place it is mentioned."""

    name: str
    mentions: list[Span] = []


class Removed(Record, frozen=True, kw_only=True):
    """Lines the cleaner dropped, and why: one entry per run of lines dropped for one reason."""

    text: str
    reason: str


class CleanedPage(Record, frozen=True, kw_only=True):
    """What the cleaning stage hands on: article text and page metadata."""

    text: str  # the headline (when found) as first line, then the body paragraphs, one per line
    title: str | None = None
    published: str | None = None  # ISO 8601 with +08:00 when the page gives a time
    source: str | None = None  # outlet named by 来源
    authors: list[str] = []  # reporters, as printed names
    editor: str | None = None
    tags: list[str] = []
    encoding: str | None = None  # for bytes input: the codec used
    # how it was chosen: bom, utf-8, utf-8-lenient, declared, declared-lenient (a few bad bytes
    # replaced), detected; None for text input
    encoding_method: str | None = None
    removed: list[Removed] = []


class Document(Record, frozen=True, kw_only=True):
    """One article: cleaned text, metadata, facts and initiatives."""

    doc_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    authors: list[str] = []
    editor: str | None = None
    tags: list[str] = []
    encoding: str | None = None
    encoding_method: str | None = None
    text: str = ""
    facts: list[Fact] = []
    initiatives: list[Initiative] = []
    removed: list[Removed] = []

    def to_html(self) -> str:
        """A self-contained HTML page to review this document: every fact highlighted in the text,
        its record on hover, a sortable facts table, the removed lines; no external request."""
        from .review import document_html  # noqa: PLC0415  (records stay light; the page code loads on use)

        return document_html(self)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a Document, generated from the types above."""
    schema = msgspec.json.schema(Document)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "zjnews_extract Document"
    return schema
