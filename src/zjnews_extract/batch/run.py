"""Many items -> one outcome each (extract_many), and a whole run into its outputs (run_batch)."""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import msgspec

from ..errors import InputError
from ..records import Document
from .items import Item, as_item
from .work import DEFAULT_MAX_BYTES, Outcome, Work, default_extract, process_item
from .writers import WRITERS, CsvWriter, JsonLinesWriter, TextFormat, Writer, as_writer, format_for

DEFAULT_TIMEOUT = 120.0  # seconds per item: a 20 MB page takes a few; a runaway pattern never ends
OUTPUTS = ("document", "json", "csv")
_TEXT_OUTPUTS = {"json": JsonLinesWriter, "csv": CsvWriter}


def check_settings(*, workers=None, timeout=None, max_bytes=DEFAULT_MAX_BYTES, published=None) -> None:
    """Refuse settings that cannot work, before any work starts."""
    if workers is not None and (not isinstance(workers, int) or isinstance(workers, bool) or workers < 0):
        raise InputError(f"workers must be a whole number, 0 or more (0: in this process), not {workers!r}")
    if timeout is not None and (not isinstance(timeout, (int, float)) or not timeout > 0):
        raise InputError(f"timeout must be a number of seconds above 0 (or None: no limit), not {timeout!r}")
    if not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes <= 0:
        raise InputError(f"max_bytes must be a whole number of bytes above 0, not {max_bytes!r}")
    from ..pipeline import reference_date  # noqa: PLC0415

    reference_date(published)  # a bad date stops here, not on every item


def extract_many(items: Iterable, *, workers: int | None = None, published=None, output: str = "document",
                 timeout: float | None = DEFAULT_TIMEOUT, ordered: bool = True, max_bytes: int = DEFAULT_MAX_BYTES,
                 extract: Callable[[bytes | str, Item, Any], Document] | None = None,
                 formats: tuple[TextFormat, ...] | None = None, keep_document: bool | None = None,
                 engine: str = "local", scheduler: str | None = None, partition_size: int = 64
                 ) -> Iterator[Outcome]:
    """One Outcome per item, streamed, in input order (ordered=False: as they finish).

    items: Items (see iter_items), paths, or dicts {doc_id, html|text, url, published}; anything
    else is that item's error record. workers: processes (default: all cores); 0 runs in this process
    (no time limit, no crash isolation). output: "document" (Outcome.document), "json" or "csv"
    (Outcome.data: the item's JSON line or CSV rows, made in the worker). Files over `max_bytes` are
    refused unread. Settings are checked here, before any work; only the library's own errors
    (ExtractError) leave this function and the iterator it returns.
    """
    check_settings(workers=workers, timeout=timeout, max_bytes=max_bytes, published=published)
    if engine not in ("local", "dask"):
        raise InputError(f"unknown engine {engine!r}: local or dask")
    if formats is None:
        if output not in OUTPUTS:
            raise InputError(f"unknown output {output!r}; one of {OUTPUTS}")
        formats = (TextFormat(_TEXT_OUTPUTS[output].name, _TEXT_OUTPUTS[output].serialise),) \
            if output in _TEXT_OUTPUTS else ()
        keep_document = output == "document" if keep_document is None else keep_document
    work = Work(published=published, formats=tuple(formats), keep_document=bool(keep_document),
                max_bytes=max_bytes, extract=extract or default_extract)
    if engine == "dask":
        from .dask_engine import extract_many_dask  # noqa: PLC0415

        return extract_many_dask(_checked(items), work=work, scheduler=scheduler, workers=workers,
                                 partition_size=partition_size)
    if workers is None:
        workers = os.cpu_count() or 1
    return _local(_numbered(items), workers=workers, work=work, timeout=timeout, ordered=ordered)


def _local(stream: Iterator[tuple[int, Item]], *, workers: int, work: Work, timeout: float | None,
           ordered: bool) -> Iterator[Outcome]:
    if workers == 0:
        for index, item in stream:
            yield process_item(index, item, work)
        return
    from .pool import run_pool  # noqa: PLC0415

    yield from run_pool(stream, workers=workers, work=work, timeout=timeout or float("inf"), ordered=ordered)


def _checked(items: Iterable) -> Iterator:
    """The caller's items; an iterable that fails is the library's InputError, not the caller's exception."""
    try:
        iterator = iter(items)
    except TypeError:
        raise InputError(f"items must be an iterable of items, not {type(items).__name__}") from None
    while True:
        try:
            value = next(iterator)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001
            raise InputError(f"the items could not be read on: {type(exc).__name__}: {exc}") from exc
        yield value


def _numbered(items: Iterable) -> Iterator[tuple[int, Item]]:
    for index, value in enumerate(_checked(items)):
        yield index, as_item(value, index)


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


def run_batch(items: Iterable, out_path: str | None = None, *, fmt: str | None = None, pretty: bool = False,
              writers: Iterable = (), workers: int | None = None, published=None,
              resume: bool = False, force: bool = False, engine: str = "local", scheduler: str | None = None,
              timeout: float | None = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES, partition_size: int = 64,
              on_result: Callable[[Outcome, Summary], None] | None = None, summary: Summary | None = None
              ) -> Summary:
    """Extract every item into its outputs, one record per item, in input order.

    The outputs: `out_path` in `fmt` (jsonl, json, csv or parquet; default: by the file name, else
    jsonl), and any `writers` beside it (Writer instances, or store writers such as
    store.DuckDBWriter). An existing output is written over only with `force`; with `resume`, an
    item is done again only when some output lacks it, and written only to the outputs that lack it.
    Pass a `summary` to read the counts so far if the run is interrupted.
    """
    check_settings(workers=workers, timeout=timeout, max_bytes=max_bytes, published=published)
    outputs: list[Writer] = [as_writer(w) for w in writers]
    if out_path is not None:
        outputs.insert(0, WRITERS[format_for(out_path, fmt)](out_path, pretty=pretty))
    if not outputs:
        raise InputError("run_batch needs out_path or writers")
    summary = summary if summary is not None else Summary()
    opened: list[Writer] = []
    outcomes = None
    started = time.monotonic()
    try:
        held: list[set[str] | None] = []
        for writer in outputs:
            held.append(writer.open(resume=resume, force=force))
            opened.append(writer)
        known = [done for done in held if done is not None]
        done = set.intersection(*known) if known else set()
        formats = tuple({f.name: f for w in outputs if (f := w.text_format()) is not None}.values())
        outcomes = extract_many(_skip_done(items, done, summary), workers=workers, published=published,
                                formats=formats, keep_document=any(w.needs_document for w in outputs),
                                timeout=timeout, max_bytes=max_bytes, engine=engine, scheduler=scheduler,
                                partition_size=partition_size)
        for outcome in outcomes:
            for writer, has in zip(outputs, held):
                if not has or outcome.doc_id not in has:
                    writer.write(outcome)
            summary.add(outcome)
            if on_result is not None:
                on_result(outcome, summary)
    finally:
        if outcomes is not None:
            outcomes.close()  # stops the workers now, also when the run is interrupted
        for writer in opened:
            writer.close()
        summary.seconds = time.monotonic() - started
    return summary


def _skip_done(items: Iterable, done: set[str], summary: Summary) -> Iterator:
    for index, value in enumerate(_checked(items)):
        item = as_item(value, index)
        if item.doc_id in done:
            summary.skipped += 1
            continue
        yield item
