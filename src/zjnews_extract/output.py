"""Output formats shared by the commands: JSON, JSON Lines and one CSV row per fact."""
from __future__ import annotations

import csv
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
