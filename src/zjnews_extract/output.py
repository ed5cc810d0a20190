"""Output formats shared by the commands: JSON, JSON Lines, CSV rows of facts, a terminal table."""
from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Iterator
from typing import IO, Any

import msgspec

from .records import Document

# The document's own columns beside each fact, so a row can be read alone (in a spreadsheet, a filter).
DOCUMENT_FIELDS = ["doc_id", "url", "title", "published", "source"]
FACT_FIELDS = ["id", "text", "kind", "value", "unit", "qualifier", "metric", "subject", "period_start",
               "period_end", "period_text", "status", "versus", "start", "end", "sentence"]
CSV_FIELDS = [*DOCUMENT_FIELDS, *FACT_FIELDS]
# The batch command's CSV: the item's error too, and at least one row per item (a document without
# facts, or an error, is one row with its doc_id) so that no item goes missing.
BATCH_CSV_FIELDS = [*CSV_FIELDS, "error_type", "error_message"]

# A cell starting with one of these is read as a formula by spreadsheets (=HYPERLINK(…), +cmd|…, @SUM);
# such a text cell gets a leading apostrophe, shown by no spreadsheet. A cell that starts with an
# apostrophe gets one too, so that reading back (uncsv_cell) is exact.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def document_json(doc: Document | dict[str, Any], *, pretty: bool = False) -> str:
    """A document (or an error record) as one JSON text, UTF-8 characters kept as they are."""
    if pretty:
        data = doc.to_dict() if isinstance(doc, Document) else doc
        return json.dumps(data, ensure_ascii=False, indent=2)
    return msgspec.json.encode(doc).decode("utf-8")


def csv_cell(value: Any) -> Any:
    """A value safe in a spreadsheet: text that would start a formula is neutralised; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def uncsv_cell(cell: str) -> str:
    """The text csv_cell was given, from the cell it wrote."""
    return cell[1:] if cell.startswith("'") else cell


def document_columns(doc: Document | None, doc_id: str | None = None, url: str | None = None) -> dict[str, Any]:
    if doc is None:
        return {"doc_id": doc_id, "url": url}
    return {"doc_id": doc.doc_id if doc.doc_id is not None else doc_id, "url": doc.url if doc.url is not None else url,
            "title": doc.title, "published": doc.published, "source": doc.source}


def fact_rows(doc: Document) -> Iterator[dict[str, Any]]:
    """One flat row per fact, the period split into its parts, the document's columns in front."""
    front = document_columns(doc)
    for fact in doc.facts:
        period = fact.period
        yield {
            **front, "id": fact.id, "text": fact.text, "kind": fact.kind, "value": fact.value, "unit": fact.unit,
            "qualifier": fact.qualifier, "metric": fact.metric, "subject": fact.subject,
            "period_start": period.start if period else None, "period_end": period.end if period else None,
            "period_text": period.text if period else None, "status": fact.status, "versus": fact.versus,
            "start": fact.start, "end": fact.end, "sentence": fact.sentence,
        }


def csv_text(rows: Iterable[dict[str, Any]], fields: list[str]) -> str:
    """Rows as CSV text (RFC 4180: a cell holding a line break or a quote is quoted), cells neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    for row in rows:
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
    return buffer.getvalue()


def csv_header(fields: list[str]) -> str:
    return csv_text([dict(zip(fields, fields))], fields)


def write_csv(doc: Document, stream: IO[str]) -> None:
    """The extract command's CSV: a header, then one row per fact."""
    stream.write(csv_header(CSV_FIELDS))
    stream.write(csv_text(fact_rows(doc), CSV_FIELDS))


def batch_csv_rows(doc: Document | None, *, doc_id: str, url: str | None = None,
                   error: dict[str, str] | None = None) -> str:
    """An item's rows in the batch CSV: one per fact, or one row for an item without facts or in error."""
    rows = list(fact_rows(doc)) if doc is not None and error is None else []
    if not rows:
        rows = [{**document_columns(doc if error is None else None, doc_id, url),
                 "error_type": (error or {}).get("type"), "error_message": (error or {}).get("message")}]
    return csv_text(rows, BATCH_CSV_FIELDS)


# --- the terminal view: just the facts, as a table -------------------------------------------------------

_TABLE = (("text", 16), ("value", 14), ("unit", 5), ("metric", 14), ("subject", 8), ("period", 23),
          ("status", 6), ("versus", 8))


def facts_table(doc: Document) -> str:
    """The facts as an aligned table for a terminal (Chinese characters count two columns)."""
    lines = [_table_line(name for name, _ in _TABLE)]
    lines.append(_table_line("-" * width for _, width in _TABLE))
    for fact in doc.facts:
        period = fact.period
        span = f"{period.start}..{period.end}" if period and period.start else (period.text if period else "")
        value = "" if fact.value is None else f"{fact.value:g}"
        lines.append(_table_line([fact.text, value, fact.unit or "", fact.metric or "", fact.subject or "", span,
                                  fact.status or "", fact.versus or ""]))
    lines.append(f"{len(doc.facts)} facts")
    return "\n".join(lines) + "\n"


def _table_line(cells: Iterable[Any]) -> str:
    return "  ".join(_fit(str(cell), width) for cell, (_, width) in zip(cells, _TABLE)).rstrip()


def _fit(text: str, width: int) -> str:
    """`text` padded, or cut with an ellipsis, to `width` terminal columns."""
    text = " ".join(text.split())
    columns = [2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text]
    if sum(columns) <= width:
        return text + " " * (width - sum(columns))
    out, used = [], 0
    for ch, w in zip(text, columns):
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…" + " " * (width - 1 - used)
