"""Where a batch run's outcomes go: one Writer per output, chosen by name from WRITERS.

A writer says how one outcome looks in its format (`serialise`, run in the worker, so the parent
only writes) and keeps its output: `open` (refusing to write over a file unless resuming or forced,
and on resume returning the doc_ids already written), `write` per outcome in input order, `close`.

To add an output (a database table, Parquet): subclass Writer, set `name` (the --format value, or
the name of a separate option), `suffixes` if an output file name should select it, and either
`serialise` (text made in the worker; `write` finds it in outcome.texts[name]) or
`needs_document = True` (write gets outcome.document); then add the class to WRITERS below.
run_batch takes any list of writer instances, so an extra sink runs beside the main output.
"""
from __future__ import annotations

import csv
import io
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Callable, ClassVar

import msgspec

from ..output import BATCH_CSV_FIELDS, batch_csv_rows, csv_header, document_json, uncsv_cell
from .work import Outcome, error_record

_FLUSH_SECONDS = 0.5  # what is on disk is what --resume can keep


class OutputError(Exception):
    """The output cannot be written as asked (a missing or read-only folder, a file in the way)."""


@dataclass(frozen=True)
class TextFormat:
    """What a worker needs to make one format's text of an outcome (picklable: a module-level function)."""

    name: str
    serialise: Callable[[Outcome, bool], str]
    pretty: bool = False


class Writer:
    """One output of a batch run (see the module docstring to add one)."""

    name: ClassVar[str] = ""
    suffixes: ClassVar[tuple[str, ...]] = ()  # output file names that select this format
    resumable: ClassVar[bool] = True  # can append to what an interrupted run wrote
    pretty_ok: ClassVar[bool] = False  # accepts --pretty
    needs_document: ClassVar[bool] = False  # write() reads outcome.document (sent from the worker)

    def __init__(self, path: str, *, pretty: bool = False) -> None:
        if pretty and not self.pretty_ok:
            raise OutputError(f"--pretty is for json output, not {self.name}")
        self.path = path
        self.pretty = pretty

    @staticmethod
    def serialise(outcome: Outcome, pretty: bool = False) -> str:
        raise NotImplementedError

    def text_format(self) -> TextFormat | None:
        """What the workers make for this writer; None when it reads outcome.document instead."""
        if self.needs_document:
            return None
        return TextFormat(self.name, type(self).serialise, self.pretty)

    def open(self, *, resume: bool = False, force: bool = False) -> set[str] | None:
        """Get ready to write; with `resume`, the doc_ids already written (None: this writer cannot tell)."""
        return None

    def write(self, outcome: Outcome) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (called after the last outcome, and when a run stops half way)."""


class FileWriter(Writer):
    """A writer that appends text to one file, flushed often enough for --resume to keep what it wrote."""

    header: ClassVar[str] = ""

    def __init__(self, path: str, *, pretty: bool = False) -> None:
        super().__init__(path, pretty=pretty)
        self._fh = None
        self._flushed = time.monotonic()

    def open(self, *, resume: bool = False, force: bool = False) -> set[str] | None:
        check_output_path(self.path)
        exists = os.path.exists(self.path) and os.path.getsize(self.path) > 0
        if exists and not resume and not force:
            raise OutputError(f"{self.path} exists; add --resume to finish that run, or --force to write over it")
        if resume and not self.resumable:
            raise OutputError(f"--resume is for jsonl or csv output, not {self.name}")
        try:
            if resume and exists:
                done, keep = self.already_written()
                with open(self.path, "r+b") as fh:
                    fh.truncate(keep)
                    if keep == 0:
                        fh.write(self.header.encode("utf-8"))
            else:
                done = set()
                with open(self.path, "wb") as fh:
                    fh.write(self.header.encode("utf-8"))
            self._fh = open(self.path, "ab")  # noqa: SIM115  (closed in close())
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        return done

    def already_written(self) -> tuple[set[str], int]:
        """(doc_ids in the file, bytes of it to keep): whole records stay, a torn end is cut."""
        raise NotImplementedError

    def write(self, outcome: Outcome) -> None:
        self._put(outcome.texts[self.name])

    def _put(self, text: str) -> None:
        try:
            self._fh.write(text.encode("utf-8"))
            now = time.monotonic()
            if now - self._flushed > _FLUSH_SECONDS:
                self._fh.flush()
                self._flushed = now
        except OSError as exc:  # a full disk, a folder gone: one line, not a traceback
            raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from None

    def close(self) -> None:
        if self._fh is not None:
            fh, self._fh = self._fh, None
            try:
                fh.close()
            except OSError as exc:
                raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from None


def check_output_path(path: str) -> None:
    """A one-line refusal for an output that cannot be: a folder, a missing or read-only folder."""
    if path == "-":
        raise OutputError("batch writes a file (so that --resume can read it back); name it with -o")
    if os.path.isdir(path):
        raise OutputError(f"{path} is a folder; -o names the output file")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError(f"the output folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise OutputError(f"cannot write {path}: permission denied")


class _IdOnly(msgspec.Struct):
    doc_id: str | None = None


class JsonLinesWriter(FileWriter):
    """One JSON line per item: the document, or the error record."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")

    @staticmethod
    def serialise(outcome: Outcome, pretty: bool = False) -> str:
        return _record_json(outcome, pretty=False) + "\n"

    def already_written(self) -> tuple[set[str], int]:
        done: set[str] = set()
        keep = 0
        with open(self.path, "rb") as fh:
            for line in iter(fh.readline, b""):
                doc_id = _line_id(line) if line.endswith(b"\n") else None
                if doc_id is None and keep == 0 and line.endswith(b"\n"):
                    raise OutputError(f"{self.path} does not look like a batch output (jsonl); not resuming into it")
                if doc_id is None:
                    break  # a torn line: everything from here is redone
                done.add(doc_id)
                keep += len(line)
        return done, keep


def _line_id(line: bytes) -> str | None:
    try:
        return msgspec.json.decode(line, type=_IdOnly).doc_id
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None


def _record_json(outcome: Outcome, *, pretty: bool) -> str:
    record = outcome.document if outcome.error is None else error_record(outcome.doc_id, outcome.error, outcome.url)
    return document_json(record, pretty=pretty)


class JsonWriter(FileWriter):
    """One JSON document: an array holding one element per item (indented with --pretty)."""

    name = "json"
    suffixes = (".json",)
    resumable = False  # an unfinished array has no clean place to continue from
    pretty_ok = True
    header = "["

    def __init__(self, path: str, *, pretty: bool = False) -> None:
        super().__init__(path, pretty=pretty)
        self._count = 0

    @staticmethod
    def serialise(outcome: Outcome, pretty: bool = False) -> str:
        return _record_json(outcome, pretty=pretty)

    def write(self, outcome: Outcome) -> None:
        self._put(("\n" if self._count == 0 else ",\n") + outcome.texts[self.name])
        self._count += 1

    def close(self) -> None:
        if self._fh is not None:
            self._put("\n]\n" if self._count else "]\n")
        super().close()


class CsvWriter(FileWriter):
    """One row per fact with the document's columns, one row for an item without facts or in error."""

    name = "csv"
    suffixes = (".csv",)
    header = csv_header(BATCH_CSV_FIELDS)

    @staticmethod
    def serialise(outcome: Outcome, pretty: bool = False) -> str:
        doc = outcome.document if outcome.error is None else None
        return batch_csv_rows(doc, doc_id=outcome.doc_id, url=outcome.url, error=outcome.error)

    def already_written(self) -> tuple[set[str], int]:
        """An item may span several rows and a cell several lines: whole records are read back (a
        record is complete when its quotes pair up), and the last item is redone, its rows may be cut."""
        done: set[str] = set()
        header = self.header.encode("utf-8")
        with open(self.path, "rb") as fh:
            first = fh.readline()
            if first != header and header.startswith(first) and not fh.read(1):
                return set(), 0  # killed while the header was written: start again
            if first != header:
                raise OutputError(f"{self.path} is not a batch CSV file of this version (header differs)")
            keep = last_start = len(header)
            last_id = None
            for record in _csv_records(fh):
                doc_id = _record_id(record)
                if doc_id is None:
                    break
                if doc_id != last_id:
                    last_id, last_start = doc_id, keep
                done.add(doc_id)
                keep += len(record)
        if last_id is not None:
            done.discard(last_id)
            keep = last_start
        return done, keep


def _csv_records(fh) -> Iterator[bytes]:
    """Whole CSV records (one or more physical lines), as written; a torn last one ends the stream."""
    pending = b""
    for line in iter(fh.readline, b""):
        pending += line
        if pending.count(b'"') % 2 == 0 and pending.endswith(b"\n"):
            yield pending
            pending = b""


def _record_id(record: bytes) -> str | None:
    try:
        row = next(csv.reader(io.StringIO(record.decode("utf-8"), newline="")))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        return None
    return uncsv_cell(row[0]) if row and row[0] else None


class StoreOutput(Writer):
    """A writer of the store (store/: DuckDB tables, Parquet parts) as a batch output. Store writers
    take each item's JSON line (outcome.data) and keep their own resume state."""

    def __init__(self, sink, path: str, *, pretty: bool = False) -> None:
        super().__init__(path, pretty=pretty)
        self.sink = sink

    def text_format(self) -> TextFormat:
        return TextFormat(JsonLinesWriter.name, JsonLinesWriter.serialise)

    def open(self, *, resume: bool = False, force: bool = False) -> set[str] | None:
        try:
            return self.sink.open(resume=resume)
        except (ValueError, OSError) as exc:
            raise OutputError(str(exc)) from None

    def write(self, outcome: Outcome) -> None:
        line = outcome.texts[JsonLinesWriter.name]
        self.sink.write(outcome if outcome.data == line else msgspec.structs.replace(outcome, texts={"jsonl": line}))

    def close(self) -> None:
        try:
            self.sink.close()
        except (ValueError, OSError) as exc:
            raise OutputError(str(exc)) from None


class ParquetOutput(StoreOutput):
    """A folder of Parquet part files, one row per fact with the document's columns (store/parquet_writer.py)."""

    name = "parquet"

    def __init__(self, path: str, *, pretty: bool = False) -> None:
        from ..store.parquet_writer import ParquetWriter  # noqa: PLC0415  (duckdb loads only when it opens)

        super().__init__(ParquetWriter(path), path, pretty=pretty)

    def open(self, *, resume: bool = False, force: bool = False) -> set[str] | None:
        if not resume and not force and self.sink.parts():
            raise OutputError(f"{self.path} holds Parquet parts; add --resume to finish that run, or --force to "
                              "write over them")
        return super().open(resume=resume, force=force)


def as_writer(sink) -> Writer:
    """A Writer, or any object with open(resume=)/write(outcome)/close() (a store writer), as a Writer."""
    return sink if isinstance(sink, Writer) else StoreOutput(sink, str(getattr(sink, "path", "") or type(sink).__name__))


# Every output format, by the name --format takes: add a new writer class here. (A sink that runs beside
# the main output, such as the DuckDB store of --db, is a StoreOutput made by the command line.)
WRITERS: dict[str, type[Writer]] = {cls.name: cls for cls in (JsonLinesWriter, JsonWriter, CsvWriter, ParquetOutput)}


def format_for(path: str, fmt: str | None = None) -> str:
    """The format asked for, else the one the output file's name selects, else JSON Lines."""
    if fmt:
        if fmt not in WRITERS:
            raise OutputError(f"unknown format {fmt!r}; one of {', '.join(WRITERS)}")
        return fmt
    lower = path.lower()
    return next((name for name, cls in WRITERS.items() if cls.suffixes and lower.endswith(cls.suffixes)), "jsonl")
