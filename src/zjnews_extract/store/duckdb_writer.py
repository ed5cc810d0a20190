"""DuckDB as a batch sink: open, write one batch outcome at a time, close.

Every item becomes one `documents` row (an error record too), its facts `facts` rows and its
initiatives `initiatives` rows. Outcomes are buffered and written `flush_every` items at a time
in one transaction that first deletes the rows of those doc_ids: a document written twice (a
second run, or --resume after a kill) is one row, and a killed run loses at most the buffer,
which the next --resume does again. open(resume=True) returns the doc_ids already stored.
"""
from __future__ import annotations

import os
import shutil
import tempfile

from .tables import (TABLES, create_statements, document_row, fact_rows, initiative_rows, outcome_document,
                     read_json_sql, write_jsonl)


def release(con, stage: str | None) -> tuple[None, None]:
    """Close a writer's connection and remove its staging folder (both may be absent)."""
    if con is not None:
        con.close()
    if stage:
        shutil.rmtree(stage, ignore_errors=True)
    return None, None


def connect(path: str, *, read_only: bool = False):
    """A DuckDB connection (duckdb is imported here, never with the package)."""
    import duckdb  # noqa: PLC0415

    if read_only and not os.path.exists(path):
        raise FileNotFoundError(f"no such database: {path}")
    return duckdb.connect(path, read_only=read_only)


class DuckDBWriter:
    """Writes batch outcomes into the tables documents, facts and initiatives of a DuckDB file."""

    def __init__(self, path: str, *, flush_every: int = 200) -> None:
        self.path = path
        self.flush_every = max(1, flush_every)
        self._con = None
        self._buffer: dict[str, tuple] = {}  # doc_id -> (url, document, error); the last one wins
        self._stage = None

    def open(self, *, resume: bool = False) -> set[str]:
        """Create the tables when missing; with `resume`, the doc_ids already stored."""
        if os.path.isdir(self.path):
            raise ValueError(f"{self.path} is a folder; --db names a DuckDB file")
        try:
            self._con = connect(self.path)
            for statement in create_statements():
                self._con.execute(statement)
        except Exception as exc:  # noqa: BLE001  (duckdb's own error types: not a store, locked, no space)
            raise ValueError(f"cannot use {self.path} as a DuckDB store: {exc}") from None
        self._stage = tempfile.mkdtemp(prefix="zjnews-db-")
        if not resume:
            return set()
        return {row[0] for row in self._con.execute("SELECT doc_id FROM documents").fetchall()}

    def write(self, outcome) -> None:
        """One batch Outcome (doc_id, url, error, and the document's JSON line in `data`)."""
        doc = outcome_document(outcome.data, outcome.error)
        self._buffer[outcome.doc_id] = (outcome.url, doc, outcome.error)
        if len(self._buffer) >= self.flush_every:
            self.flush()

    def write_document(self, doc, *, doc_id: str | None = None) -> None:
        """A Document from the Python API (its doc_id, or the one given)."""
        key = doc_id or doc.doc_id
        if not key:
            raise ValueError("a document needs a doc_id to be stored")
        self._buffer[key] = (doc.url, doc, None)
        if len(self._buffer) >= self.flush_every:
            self.flush()

    def flush(self) -> None:
        if not self._buffer or self._con is None:
            return
        items = list(self._buffer.items())
        files = {name: os.path.join(self._stage, f"{name}.jsonl") for name in TABLES}
        write_jsonl(files["documents"], (document_row(i, url, doc, err) for i, (url, doc, err) in items))
        write_jsonl(files["facts"], (row for i, (_u, doc, _e) in items if doc for row in fact_rows(i, doc)))
        write_jsonl(files["initiatives"],
                    (row for i, (_u, doc, _e) in items if doc for row in initiative_rows(i, doc)))
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(f"CREATE OR REPLACE TEMP TABLE batch_ids AS SELECT doc_id FROM "
                        f"({read_json_sql(files['documents'], {'doc_id': 'VARCHAR'})})")
            for name, (columns, _key) in TABLES.items():
                con.execute(f"DELETE FROM {name} WHERE doc_id IN (SELECT doc_id FROM batch_ids)")
                if os.path.getsize(files[name]):
                    con.execute(f"INSERT INTO {name} {read_json_sql(files[name], columns)}")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        self._buffer.clear()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._con, self._stage = release(self._con, self._stage)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
