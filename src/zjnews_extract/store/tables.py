"""The store's tables and how one batch outcome becomes their rows.

documents: one row per input item (an item that failed is a row with its error), facts: one row
per fact, initiatives: one row per named initiative. Dates are DATE, the publication time a
TIMESTAMP in Beijing time, values DOUBLE. Rows are staged as JSON Lines and loaded with DuckDB's
read_json in one statement per table: row-by-row inserts from Python are a hundred times slower.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

import msgspec

from ..records import Document
from ..script import simplified_shadow

DOCUMENT_COLUMNS = {
    "doc_id": "VARCHAR", "url": "VARCHAR", "title": "VARCHAR", "published": "TIMESTAMP",
    "reference_date": "DATE", "extractor_version": "VARCHAR", "source": "VARCHAR", "authors": "VARCHAR[]",
    "editor": "VARCHAR", "tags": "VARCHAR[]", "encoding": "VARCHAR", "encoding_method": "VARCHAR",
    "text": "VARCHAR", "facts": "INTEGER", "initiatives": "INTEGER", "error_type": "VARCHAR",
    "error_message": "VARCHAR",
}
FACT_COLUMNS = {
    "doc_id": "VARCHAR", "ord": "INTEGER", "fact_id": "VARCHAR", "text": "VARCHAR", "kind": "VARCHAR",
    "value": "DOUBLE", "unit": "VARCHAR", "qualifier": "VARCHAR", "metric": "VARCHAR", "indicator": "VARCHAR",
    "subject": "VARCHAR", "scope": "VARCHAR", "period_start": "DATE", "period_end": "DATE",
    "period_text": "VARCHAR", "period_type": "VARCHAR", "status": "VARCHAR", "basis": "VARCHAR",
    "versus": "VARCHAR", "start": "INTEGER", "end": "INTEGER", "sentence": "VARCHAR",
}
INITIATIVE_COLUMNS = {"doc_id": "VARCHAR", "name": "VARCHAR", "mentions": "INTEGER"}
TABLES = {"documents": (DOCUMENT_COLUMNS, "doc_id"), "facts": (FACT_COLUMNS, "doc_id, ord"),
          "initiatives": (INITIATIVE_COLUMNS, "doc_id, name")}
# The Parquet layout: one row per fact with the document's columns (an item without facts, or that
# failed, is one row with its doc_id), so that every item can be found again on resume.
PARQUET_DOC_COLUMNS = ("doc_id", "url", "title", "published", "source", "reference_date", "extractor_version",
                       "error_type", "error_message")
PARQUET_COLUMNS = {**{k: DOCUMENT_COLUMNS[k] for k in PARQUET_DOC_COLUMNS},
                   **{k: v for k, v in FACT_COLUMNS.items() if k != "doc_id"}}


def create_statements() -> list[str]:
    out = []
    for name, (columns, key) in TABLES.items():
        cols = ", ".join(f'"{c}" {t}' for c, t in columns.items())
        out.append(f"CREATE TABLE IF NOT EXISTS {name} ({cols}, PRIMARY KEY ({key}))")
    out.append("CREATE INDEX IF NOT EXISTS facts_indicator ON facts (indicator)")
    return out


def timestamp(published: str | None) -> str | None:
    """2026-01-21T20:27:38+08:00 -> 2026-01-21 20:27:38 (the records always carry +08:00)."""
    return published[:19].replace("T", " ") if published and len(published) >= 19 else None


def outcome_document(data: str | None, error: dict | None) -> Document | None:
    """The Document of a batch outcome's JSON line (None for an error record)."""
    if error is not None or not data:
        return None
    return msgspec.json.decode(data, type=Document)


def document_row(doc_id: str, url: str | None, doc: Document | None, error: dict | None) -> dict[str, Any]:
    if doc is None:
        return {"doc_id": doc_id, "url": url, "facts": 0, "initiatives": 0,
                "error_type": (error or {}).get("type"), "error_message": (error or {}).get("message")}
    return {
        "doc_id": doc_id, "url": doc.url if doc.url is not None else url, "title": doc.title,
        "published": timestamp(doc.published), "reference_date": doc.reference_date,
        "extractor_version": doc.extractor_version, "source": doc.source, "authors": doc.authors,
        "editor": doc.editor, "tags": doc.tags, "encoding": doc.encoding, "encoding_method": doc.encoding_method,
        "text": doc.text, "facts": len(doc.facts), "initiatives": len(doc.initiatives),
    }


def fact_rows(doc_id: str, doc: Document) -> Iterable[dict[str, Any]]:
    for ord_, f in enumerate(doc.facts):
        p = f.period
        yield {
            "doc_id": doc_id, "ord": ord_, "fact_id": f.id, "text": f.text, "kind": f.kind, "value": f.value,
            # in simplified characters, so a series joins the pages of both scripts (輛 and 辆 are one unit)
            "unit": simplified_shadow(f.unit) if f.unit else f.unit, "qualifier": f.qualifier, "metric": f.metric, "indicator": f.indicator,
            "subject": f.subject, "scope": f.scope, "period_start": p.start if p else None,
            "period_end": p.end if p else None, "period_text": p.text if p else None,
            "period_type": f.period_type, "status": f.status, "basis": f.basis, "versus": f.versus,
            "start": f.start, "end": f.end, "sentence": f.sentence,
        }


def initiative_rows(doc_id: str, doc: Document) -> Iterable[dict[str, Any]]:
    seen = set()
    for i in doc.initiatives:
        if i.name not in seen:
            seen.add(i.name)
            yield {"doc_id": doc_id, "name": i.name, "mentions": len(i.mentions)}


def parquet_rows(doc_id: str, url: str | None, doc: Document | None, error: dict | None) -> list[dict[str, Any]]:
    head = {k: v for k, v in document_row(doc_id, url, doc, error).items() if k in PARQUET_DOC_COLUMNS}
    facts = [{**head, **{k: v for k, v in row.items() if k != "doc_id"}} for row in fact_rows(doc_id, doc)] \
        if doc is not None else []
    return facts or [head]


def write_jsonl(path: str, rows: Iterable[dict[str, Any]]) -> int:
    n = 0
    encoder = msgspec.json.Encoder()
    with open(path, "wb") as fh:
        for row in rows:
            fh.write(encoder.encode(row))
            fh.write(b"\n")
            n += 1
    return n


def read_json_sql(path: str, columns: dict[str, str]) -> str:
    """A SELECT of a staged JSON Lines file with the table's column types."""
    spec = ", ".join(f"'{c}': '{t}'" for c, t in columns.items())
    cols = ", ".join(f'"{c}"' for c in columns)
    return (f"SELECT {cols} FROM read_json('{_quote(path)}', format='newline_delimited', "
            f"columns={{{spec}}}, timestampformat='%Y-%m-%d %H:%M:%S')")


def _quote(path: str) -> str:
    return os.fspath(path).replace("'", "''")
