"""Many inputs -> one result per item, on all cores or on a Dask cluster. No extraction logic here.

Python API:

    >>> from zjnews_extract.batch import extract_many
    >>> for outcome in extract_many(["a.html", "b.html"], workers=2):
    ...     print(outcome.doc_id, outcome.error or len(outcome.document.facts))

Order: results come in input order (ordered=True, the default); with
ordered=False, as they finish. Every item gives exactly one result: a Document,
or an error {"type", "message"} when anything at all went wrong with that item
(unreadable file, bad bytes, a bug, a worker killed, the time limit).

Local engine: our own small process pool. Each worker warms up once (jieba,
patterns), then takes chunks of items and answers item by item, so the parent
always knows which item a worker is on: an item that runs past `timeout` seconds
gets a TimeoutError record and its worker is replaced; a worker that dies
(segfault, out of memory) costs one WorkerCrash record, never the batch. Work in
flight plus results waiting for their turn are bounded, so memory stays flat
however many items stream through.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import wait
from typing import Any

import msgspec

from .batch_inputs import Item, as_item
from .records import Document

DEFAULT_TIMEOUT = 120.0  # seconds per item: a 20 MB page takes a few; a runaway pattern never ends
DEFAULT_CHUNKSIZE = 8  # items sent to a worker at once: one pipe round trip per chunk, not per item
_MESSAGE_LIMIT = 500  # characters of an exception message kept in an error record

OUTPUTS = ("document", "json", "csv")


class Outcome(msgspec.Struct, kw_only=True):
    """The result for one item: its place in the input, and a document or an error."""

    index: int
    doc_id: str
    url: str | None = None
    document: Document | None = None  # output="document"
    error: dict[str, str] | None = None  # {"type", "message"}
    facts: int = 0
    data: str | None = None  # output="json": one JSON line; output="csv": its rows, newline-ended

    @property
    def ok(self) -> bool:
        return self.error is None


# --- one item (runs in a worker, or in-process with workers=0) -----------------------------------------

def _error(exc: BaseException) -> dict[str, str]:
    message = str(exc) or type(exc).__name__
    if len(message) > _MESSAGE_LIMIT:
        message = message[:_MESSAGE_LIMIT] + "…"
    return {"type": type(exc).__name__, "message": message}


def error_record(doc_id: str, error: dict[str, str], url: str | None = None) -> dict[str, Any]:
    """The line written for an item that failed: doc_id, url, error {type, message}."""
    return {"doc_id": doc_id, "url": url, "error": error}


class _ListedError(Exception):
    """Stands for an error found while listing inputs, under its original type name."""


def _read(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def _extract(source: bytes | str, item: Item, published) -> Document:
    from .pipeline import extract_document  # noqa: PLC0415

    return extract_document(source, url=item.url, published=item.published or published, doc_id=item.doc_id,
                            charset=item.charset)


def process_item(index: int, item: Item, published=None, output: str = "document",
                 extract: Callable[[bytes | str, Item, Any], Document] = _extract) -> Outcome:
    """One item to one Outcome; every exception becomes the item's error, none escapes."""
    try:
        if item.error_type is not None:
            return _formatted(Outcome(index=index, doc_id=item.doc_id, url=item.url,
                                      error={"type": item.error_type, "message": item.error_message or ""}),
                              output)
        source = item.content if item.content is not None else _read(item.path)
        doc = extract(source, item, published)
        outcome = Outcome(index=index, doc_id=item.doc_id, url=item.url, document=doc, facts=len(doc.facts))
        return _formatted(outcome, output)
    except Exception as exc:  # noqa: BLE001  (isolation: one item's failure is that item's record)
        return _formatted(Outcome(index=index, doc_id=item.doc_id, url=item.url, error=_error(exc)), output)


def _formatted(outcome: Outcome, output: str) -> Outcome:
    """Serialise in the worker (cheap to send, and the parent stays free to write)."""
    if output == "document":
        return outcome
    try:
        outcome.data = format_outcome(outcome, output)
    except Exception as exc:  # noqa: BLE001  (a document that cannot be serialised is an error too)
        outcome.document, outcome.facts, outcome.error = None, 0, _error(exc)
        outcome.data = format_outcome(outcome, output)
    outcome.document = None
    return outcome


def format_outcome(outcome: Outcome, output: str) -> str:
    from .output import batch_csv_rows, document_json  # noqa: PLC0415

    if output == "json":
        record = outcome.document if outcome.error is None else error_record(outcome.doc_id, outcome.error,
                                                                               outcome.url)
        return document_json(record) + "\n"
    if output == "csv":
        return batch_csv_rows(outcome.document, doc_id=outcome.doc_id, error=outcome.error)
    raise ValueError(f"unknown output {output!r}; one of {OUTPUTS}")


# --- the local process pool -------------------------------------------------------------------------------

def _warm() -> None:
    try:
        from .pipeline import warm_up  # noqa: PLC0415

        warm_up()
    except Exception:  # noqa: BLE001, S110  (a failed warm-up shows up again, per item, as errors)
        pass


def _worker_main(conn, published, output, extract) -> None:
    """A worker: warm up once, then answer every item of every chunk, one message per item."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _warm()  # after fork this finds everything loaded already: it costs one small page
    conn.send(None)  # ready: the per-item clock starts only now
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            return
        if chunk is None:
            return
        for index, item in chunk:
            conn.send(process_item(index, item, published, output, extract))


class _Worker:
    def __init__(self, ctx, args) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, *args), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.todo: deque[tuple[int, Item]] = deque()  # sent, not answered yet
        self.deadline = float("inf")

    def send(self, chunk: list[tuple[int, Item]], timeout: float) -> None:
        self.todo.extend(chunk)
        self.deadline = time.monotonic() + timeout
        self.conn.send(chunk)

    def stop(self, *, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                kill = True
        if not kill:
            self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()


def _context():
    """How workers start. On Linux, from a parent with no other thread: fork, after warming up here,
    so every worker shares the loaded jieba dictionary and starts at once (and scripts need no
    `if __name__ == "__main__"` guard). Otherwise forkserver (a clean, thread-free parent to fork
    from) or spawn; each worker then warms up itself, once."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        _warm()
        # Loaded objects (the jieba dictionary: millions of them) move out of the collector's reach:
        # a full collection in a worker would otherwise touch, hence copy, every shared page.
        gc.freeze()
        return multiprocessing.get_context("fork")
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        ctx.set_forkserver_preload(["zjnews_extract.pipeline"])
    return ctx


def extract_many(items: Iterable, *, workers: int | None = None, published=None, output: str = "document",
                 chunksize: int = DEFAULT_CHUNKSIZE, timeout: float | None = DEFAULT_TIMEOUT,
                 ordered: bool = True, extract: Callable[[bytes | str, Item, Any], Document] | None = None
                 ) -> Iterator[Outcome]:
    """One Outcome per item, streamed; see the module docstring for order and isolation.

    items: Items (see batch_inputs.iter_items), paths, or dicts {doc_id, html|text, url, published}.
    workers: processes (default: all cores); 0 runs in this process (no time limit, no crash isolation).
    output: "document" (Outcome.document), "json" or "csv" (Outcome.data, serialised in the worker).
    """
    if output not in OUTPUTS:
        raise ValueError(f"unknown output {output!r}; one of {OUTPUTS}")
    extract = extract or _extract
    stream = (as_item(value) for value in items)
    if workers is None:
        workers = os.cpu_count() or 1
    if workers <= 0:
        for index, item in enumerate(stream):
            yield process_item(index, item, published, output, extract)
        return
    yield from _pool(stream, workers=workers, published=published, output=output,
                     chunksize=max(1, chunksize), timeout=timeout or float("inf"), ordered=ordered,
                     extract=extract)


def _pool(stream: Iterator[Item], *, workers: int, published, output: str, chunksize: int, timeout: float,
          ordered: bool, extract) -> Iterator[Outcome]:
    ctx = _context()
    args = (published, output, extract)
    pool = [_Worker(ctx, args) for _ in range(workers)]
    retry: deque[tuple[int, Item]] = deque()  # items of a lost worker's chunk, not yet answered
    done: dict[int, Outcome] = {}  # finished, waiting for their turn (ordered output)
    limit = workers * chunksize * 4  # in flight + waiting: the memory bound
    next_index = 0  # next input index to hand out
    next_out = 0  # next index to yield (ordered)
    exhausted = False
    starts_failed = 0

    def take(n: int) -> list[tuple[int, Item]]:
        nonlocal next_index, exhausted
        chunk = []
        while retry and len(chunk) < n:
            chunk.append(retry.popleft())
        while not exhausted and len(chunk) < n:
            try:
                item = next(stream)
            except StopIteration:
                exhausted = True
                break
            chunk.append((next_index, item))
            next_index += 1
        return chunk

    def lost(worker: _Worker, error: dict[str, str]) -> Outcome:
        """The item a worker was on when it died or ran out of time; the rest of its chunk goes again."""
        index, item = worker.todo.popleft()
        retry.extendleft(reversed(worker.todo))
        worker.todo.clear()
        return process_item(index, Item(doc_id=item.doc_id, url=item.url, error_type=error["type"],
                                        error_message=error["message"]), published, output, extract)

    try:
        while True:
            in_flight = sum(len(w.todo) for w in pool)
            for w in pool:
                if w.ready and not w.todo and in_flight + len(done) < limit:
                    chunk = take(min(chunksize, limit - in_flight - len(done)))
                    if chunk:
                        w.send(chunk, timeout)
                        in_flight += len(chunk)
            if in_flight == 0 and exhausted and not retry:
                break
            now = time.monotonic()
            soonest = min((w.deadline for w in pool if w.todo), default=now + 1.0)
            ready = wait([w.conn for w in pool], timeout=max(0.0, min(soonest - now, 1.0)))
            finished: list[Outcome] = []
            for i, w in enumerate(pool):
                if w.conn not in ready:
                    continue
                try:
                    msg = w.conn.recv()
                except (EOFError, OSError):
                    w.proc.join(1)
                    code = w.proc.exitcode
                    if not w.ready:  # died while warming up: retrying forever would hang the batch
                        starts_failed += 1
                        if starts_failed > 3:
                            raise RuntimeError(f"batch workers die on start (exit code {code})") from None
                    if w.todo:
                        finished.append(lost(w, {"type": "WorkerCrash", "message":
                                                 f"the worker process died (exit code {code}) on this item"}))
                    w.stop(kill=True)
                    pool[i] = _Worker(ctx, args)
                    continue
                if msg is None:
                    w.ready = True
                    continue
                w.todo.popleft()
                w.deadline = time.monotonic() + timeout
                finished.append(msg)
            now = time.monotonic()
            for i, w in enumerate(pool):
                if w.todo and now > w.deadline:
                    finished.append(lost(w, {"type": "TimeoutError", "message":
                                             f"extraction took longer than {timeout:g} s; stopped"}))
                    w.stop(kill=True)
                    pool[i] = _Worker(ctx, args)
            if not ordered:
                yield from finished
                continue
            for outcome in finished:
                done[outcome.index] = outcome
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
        while next_out in done:  # nothing is left behind
            yield done.pop(next_out)
            next_out += 1
    finally:
        for w in pool:
            w.stop(kill=bool(w.todo))


# --- the batch run: items -> an output file, resumable ----------------------------------------------------

class Summary(msgspec.Struct, kw_only=True):
    """What a batch run did; `line()` is the closing line on stderr."""

    items: int = 0  # written in this run
    ok: int = 0
    errors: int = 0
    facts: int = 0
    skipped: int = 0  # already in the output (resume)
    seconds: float = 0.0

    def add(self, outcome: Outcome) -> None:
        self.items += 1
        if outcome.error is None:
            self.ok += 1
            self.facts += outcome.facts
        else:
            self.errors += 1

    def line(self) -> str:
        rate = self.items / self.seconds if self.seconds > 0 else 0.0
        text = (f"{self.items} items, {self.ok} ok, {self.errors} errors, {self.facts} facts, "
                f"{rate:.1f} items/s")
        return text + (f" ({self.skipped} already done, skipped)" if self.skipped else "")


class _IdOnly(msgspec.Struct):
    doc_id: str | None = None


def _line_id(line: bytes, fmt: str) -> str | None:
    """The doc_id of one complete output line, or None when the line is not one of ours."""
    if fmt == "csv":
        import csv  # noqa: PLC0415

        try:
            row = next(csv.reader([line.decode("utf-8")]))
        except (UnicodeDecodeError, csv.Error, StopIteration):
            return None
        return row[0] if row and row[0] else None
    try:
        return msgspec.json.decode(line, type=_IdOnly).doc_id
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None


def prepare_output(path: str, fmt: str, *, resume: bool) -> set[str]:
    """Make `path` ready to append to; with `resume`, the doc_ids it already holds.

    A run killed half way leaves whole lines plus perhaps one torn line at the end. Resume keeps
    the longest prefix of whole, readable lines and cuts the rest. In CSV an item may span several
    rows, so the last item's rows are cut too and that one item is done again.
    """
    from .output import batch_csv_header  # noqa: PLC0415

    header = batch_csv_header().encode("utf-8") if fmt == "csv" else b""
    if not resume or not os.path.exists(path) or os.path.getsize(path) == 0:
        with open(path, "wb") as fh:
            fh.write(header)
        return set()
    done: set[str] = set()
    keep = 0  # bytes of the file that stay
    last_id, last_start = None, 0
    with open(path, "rb") as fh:
        if header:
            first = fh.readline()
            if first != header:
                raise ValueError(f"{path} is not a batch CSV file of this version (header differs)")
            keep = last_start = len(first)
        for line in iter(fh.readline, b""):
            doc_id = _line_id(line, fmt) if line.endswith(b"\n") else None
            if doc_id is None and keep == len(header) and line.endswith(b"\n"):
                raise ValueError(f"{path} does not look like a batch output ({fmt}); not resuming into it")
            if doc_id is None:
                break  # a torn line: everything from here is redone
            if doc_id != last_id:
                last_id, last_start = doc_id, keep
            done.add(doc_id)
            keep += len(line)
    if header and last_id is not None:
        done.discard(last_id)
        keep = last_start
    with open(path, "r+b") as fh:
        fh.truncate(keep)
    return done


def run_batch(items: Iterable[Item], out_path: str | None, *, fmt: str = "jsonl", workers: int | None = None,
              published=None, resume: bool = False, engine: str = "local", scheduler: str | None = None,
              timeout: float | None = DEFAULT_TIMEOUT, chunksize: int = DEFAULT_CHUNKSIZE,
              partition_size: int = 64, on_result: Callable[[Outcome, Summary], None] | None = None,
              writers: list | tuple = ()) -> Summary:
    """Extract every item into `out_path` (JSON Lines or CSV), one line (CSV: rows) per item, input order.

    With `resume`, items whose doc_id is already in the file are skipped and new lines appended.
    `writers` are more sinks (store.DuckDBWriter, store.ParquetWriter: open, write, close); each
    skips on resume what it holds already, and an item is done again when any output lacks it.
    """
    output = "json" if writers else {"jsonl": "json", "csv": "csv"}[fmt]  # sinks read the JSON line
    done_text = prepare_output(out_path, fmt, resume=resume) if out_path else None
    done_by_writer = [w.open(resume=resume) for w in writers]
    held = ([done_text] if done_text is not None else []) + done_by_writer
    done = set.intersection(*held) if held else set()
    summary = Summary()
    todo = _skip_done(items, done, summary)
    started = time.monotonic()
    if engine == "dask":
        outcomes = extract_many_dask(todo, scheduler=scheduler, workers=workers, published=published,
                                     output=output, partition_size=partition_size)
    elif engine == "local":
        outcomes = extract_many(todo, workers=workers, published=published, output=output,
                                chunksize=chunksize, timeout=timeout)
    else:
        raise ValueError(f"unknown engine {engine!r}: local or dask")
    try:
        with open(out_path or os.devnull, "ab") as out:
            last_flush = started
            for outcome in outcomes:
                if out_path and outcome.doc_id not in done_text:
                    out.write(_text_line(outcome, fmt, output).encode("utf-8"))
                for writer, held_already in zip(writers, done_by_writer):
                    if outcome.doc_id not in held_already:
                        writer.write(outcome)
                summary.add(outcome)
                now = time.monotonic()
                if now - last_flush > 0.5:  # what is on disk is what resume can keep
                    out.flush()
                    last_flush = now
                if on_result is not None:
                    on_result(outcome, summary)
    finally:
        for writer in writers:
            writer.close()
    summary.seconds = time.monotonic() - started
    return summary


def _text_line(outcome: Outcome, fmt: str, output: str) -> str:
    """The output file's text for one outcome; CSV rows made here when the worker sent JSON for the sinks."""
    if fmt == "csv" and output == "json":
        from .store.tables import outcome_document  # noqa: PLC0415

        doc = outcome_document(outcome.data, outcome.error)
        return format_outcome(Outcome(index=outcome.index, doc_id=outcome.doc_id, url=outcome.url, document=doc,
                                      error=outcome.error), "csv")
    return outcome.data


def _skip_done(items: Iterable[Item], done: set[str], summary: Summary) -> Iterator[Item]:
    for value in items:
        item = as_item(value)
        if item.doc_id in done:
            summary.skipped += 1
            continue
        yield item


# --- the Dask engine --------------------------------------------------------------------------------------

def _dask_partition(items: list[Item], published, output: str) -> list[tuple]:
    """One bag partition on a Dask worker: (serialised output, doc_id, facts, error) per item, in order."""
    return [(o.data, o.doc_id, o.facts, o.error)
            for o in extract_many(items, workers=0, published=published, output=output)]


def extract_many_dask(items: Iterable, *, scheduler: str | None = None, workers: int | None = None,
                      published=None, output: str = "json", partition_size: int = 64,
                      parts_dir: str | None = None) -> Iterator[Outcome]:
    """The same per-item function over dask.bag partitions on a distributed cluster, in input order.

    scheduler: the address of a running cluster (tcp://host:8786); None starts a LocalCluster with
    `workers` processes. Items are listed here, in the client, and shipped in partitions of
    `partition_size`. Each finished partition is written as a part file of JSON Lines (CSV rows for
    output="csv") in `parts_dir` (default: a temporary folder), and parts are joined back in order as
    soon as they are contiguous, so the client holds at most the parts that finished out of order.
    """
    import shutil  # noqa: PLC0415
    import tempfile  # noqa: PLC0415

    try:
        import dask.bag as db  # noqa: PLC0415
        from dask.distributed import Client, LocalCluster, as_completed  # noqa: PLC0415
    except ImportError as exc:
        raise RuntimeError("the dask engine needs dask: pip install 'zjnews-extract[dask]'") from exc
    if output not in ("json", "csv"):
        raise ValueError("the dask engine writes json or csv output")
    listed = [as_item(value) for value in items]
    if not listed:
        return
    size = max(1, partition_size)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    own_dir = parts_dir is None
    parts = parts_dir or tempfile.mkdtemp(prefix="zjnews-parts-")
    try:
        bag = db.from_sequence(listed, partition_size=size).map_partitions(_dask_partition, published, output)
        futures = client.compute(bag.to_delayed())
        order = {fut.key: n for n, fut in enumerate(futures)}
        del listed
        meta: dict[int, list[tuple]] = {}  # per finished part: (doc_id, facts, error, length) per item
        next_part = 0
        for fut in as_completed(futures):
            part_no = order[fut.key]
            rows = fut.result()
            fut.release()
            meta[part_no] = _write_part(_part_path(parts, part_no), rows)
            while next_part in meta:  # join in order, as soon as the next part is there
                yield from _read_part(_part_path(parts, next_part), meta.pop(next_part), next_part * size)
                next_part += 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if own_dir:
            shutil.rmtree(parts, ignore_errors=True)


def _part_path(folder: str, part_no: int) -> str:
    return os.path.join(folder, f"part-{part_no:06d}.jsonl")


def _write_part(path: str, rows: list[tuple]) -> list[tuple]:
    """A finished partition on disk (written aside, then renamed); its small per-item index back."""
    index = []
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        for data, doc_id, facts, error in rows:
            blob = data.encode("utf-8")
            fh.write(blob)
            index.append((doc_id, facts, error, len(blob)))
    os.replace(tmp, path)
    return index


def _read_part(path: str, index: list[tuple], first: int) -> Iterator[Outcome]:
    with open(path, "rb") as fh:
        for offset, (doc_id, facts, error, length) in enumerate(index):
            data = fh.read(length).decode("utf-8")
            yield Outcome(index=first + offset, doc_id=doc_id, error=error, facts=facts, data=data)
    os.remove(path)
