"""Output formats shared by the commands: JSON, JSON Lines and one CSV row per fact."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import IO, Any

import msgspec

from .records import Document

CSV_FIELDS = ["doc_id", "id", "text", "kind", "value", "unit", "qualifier", "metric", "subject",
              "period_start", "period_end", "period_text", "status", "versus", "start", "end", "sentence"]


def document_json(doc: Document | dict[str, Any], *, pretty: bool = False) -> str:
    """A document (or an error record) as one JSON text, UTF-8 characters kept as they are."""
    if pretty:
        data = doc.to_dict() if isinstance(doc, Document) else doc
        return json.dumps(data, ensure_ascii=False, indent=2)
    return msgspec.json.encode(doc).decode("utf-8")


def fact_rows(doc: Document) -> Iterator[dict[str, Any]]:
    """One flat row per fact, the period split into its parts."""
    for fact in doc.facts:
        period = fact.period
        yield {
            "doc_id": doc.doc_id, "id": fact.id, "text": fact.text, "kind": fact.kind, "value": fact.value,
            "unit": fact.unit, "qualifier": fact.qualifier, "metric": fact.metric, "subject": fact.subject,
            "period_start": period.start if period else None, "period_end": period.end if period else None,
            "period_text": period.text if period else None, "status": fact.status, "versus": fact.versus,
            "start": fact.start, "end": fact.end, "sentence": fact.sentence,
        }


def csv_writer(stream: IO[str]) -> csv.DictWriter:
    writer = csv.DictWriter(stream, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    return writer


# The batch command's CSV: the fact columns plus the item's error, and at least one row per item
# (a document without facts, or an error, is one row with its doc_id) so that no item goes missing.
BATCH_CSV_FIELDS = [*CSV_FIELDS, "error_type", "error_message"]


def batch_csv_header() -> str:
    return _csv_text([dict(zip(BATCH_CSV_FIELDS, BATCH_CSV_FIELDS))])


def batch_csv_rows(doc: Document | None, *, doc_id: str, error: dict[str, str] | None = None) -> str:
    """An item's rows as CSV text; one physical line per row (line breaks in cells become spaces)."""
    rows = list(fact_rows(doc)) if doc is not None and error is None else []
    if not rows:
        rows = [{"doc_id": doc_id, "error_type": (error or {}).get("type"),
                 "error_message": (error or {}).get("message")}]
    return _csv_text(rows)


def _csv_text(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=BATCH_CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    for row in rows:
        writer.writerow({k: " ".join(v.splitlines()) if isinstance(v, str) else v for k, v in row.items()})
    return buffer.getvalue()
