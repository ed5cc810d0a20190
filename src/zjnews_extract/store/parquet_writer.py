"""Parquet as a batch sink: a folder of part files, one row per fact with its document's columns.

For corpora that outgrow one database file: each flush of `flush_every` items becomes one
part-NNNNNN.parquet (written by DuckDB's COPY under a temporary name, then renamed, so a part is
whole or absent). An item without facts, or that failed, is one row with its doc_id and null
fact columns, so every item is found again: open(resume=True) reads the doc_ids of the parts
there; without resume the folder's part files are removed first (like a JSON Lines output is
truncated). Query the folder with DuckDB: SELECT … FROM read_parquet('DIR/*.parquet').
"""
from __future__ import annotations

import glob
import os
import tempfile

from .duckdb_writer import connect, release
from .tables import PARQUET_COLUMNS, outcome_document, parquet_rows, read_json_sql, write_jsonl

_PART = "part-{:06d}.parquet"


class ParquetWriter:
    def __init__(self, folder: str, *, flush_every: int = 1000) -> None:
        self.folder = folder
        self.flush_every = max(1, flush_every)
        self._rows: list[dict] = []
        self._items = 0
        self._next_part = 0
        self._con = None
        self._stage = None

    def parts(self) -> list[str]:
        return sorted(glob.glob(os.path.join(glob.escape(self.folder), "part-*.parquet")))

    def open(self, *, resume: bool = False) -> set[str]:
        if os.path.exists(self.folder) and not os.path.isdir(self.folder):
            raise ValueError(f"{self.folder} is a file; --format parquet writes a folder of part files")
        os.makedirs(self.folder, exist_ok=True)
        self._con = connect(":memory:")
        self._stage = tempfile.mkdtemp(prefix="zjnews-parquet-")
        done: set[str] = set()
        if resume:
            for part in self.parts():
                done |= {r[0] for r in self._con.execute(
                    "SELECT DISTINCT doc_id FROM read_parquet(?)", [part]).fetchall()}
        else:
            for part in self.parts():
                os.remove(part)
        for stale in glob.glob(os.path.join(glob.escape(self.folder), "*.parquet.tmp")):
            os.remove(stale)  # a part a killed run was writing
        numbers = [int(os.path.basename(p)[5:11]) for p in self.parts()]
        self._next_part = max(numbers, default=-1) + 1
        return done

    def write(self, outcome) -> None:
        doc = outcome_document(outcome.data, outcome.error)
        self._rows.extend(parquet_rows(outcome.doc_id, outcome.url, doc, outcome.error))
        self._items += 1
        if self._items >= self.flush_every:
            self.flush()

    def flush(self) -> None:
        if not self._rows or self._con is None:
            return
        staged = os.path.join(self._stage, "rows.jsonl")
        write_jsonl(staged, self._rows)
        final = os.path.join(self.folder, _PART.format(self._next_part))
        tmp = final + ".tmp"
        target = tmp.replace("'", "''")
        self._con.execute(f"COPY ({read_json_sql(staged, PARQUET_COLUMNS)}) TO '{target}' (FORMAT parquet)")
        os.replace(tmp, final)
        self._next_part += 1
        self._rows, self._items = [], 0

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._con, self._stage = release(self._con, self._stage)
