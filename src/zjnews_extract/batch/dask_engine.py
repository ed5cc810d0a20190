"""The Dask engine: the same per-item function over partitions of items on a distributed cluster.

Items are read here, in the client, as a stream, and cut into partitions of `partition_size`; a
bounded number of partitions is in flight at a time (a few per worker), so the client never holds a
whole crawl (a WARC of 20 000 pages is 3 GB of HTML) and workers never wait for one. Each worker runs
process_item on its partition (every failure an error record) and sends the outcomes back. Each
finished partition is written aside as a part file, and parts are read back in input order as soon
as they are contiguous, so the client holds at most the parts that finished out of order.
"""
from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator

import msgspec

from ..errors import InputError
from .items import as_item
from .work import Outcome, Work, process_item

_PART_TYPE = list[Outcome]
_IN_FLIGHT_PER_WORKER = 3  # partitions submitted and not yet back, per worker thread: none waits, memory stays flat


def _partition(pairs: list, work: Work) -> list[Outcome]:
    """One partition on a Dask worker: one outcome per (index, item), in order."""
    return [process_item(index, item, work) for index, item in pairs]


def _partitions(items: Iterable, size: int) -> Iterator[list]:
    numbered = ((index, as_item(value, index)) for index, value in enumerate(items))
    while chunk := list(itertools.islice(numbered, size)):
        yield chunk


def extract_many_dask(items: Iterable, *, work: Work, scheduler: str | None = None, workers: int | None = None,
                      partition_size: int = 64, parts_dir: str | None = None,
                      in_flight: int | None = None) -> Iterator[Outcome]:
    """Outcomes of `items` in input order, computed on a Dask cluster.

    scheduler: the address of a running cluster (tcp://host:8786); None starts a LocalCluster with
    `workers` processes. in_flight: partitions submitted at a time (default: 3 per worker thread).
    Dask has no per-item time limit: a hung item holds its partition."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed  # noqa: PLC0415
    except ImportError:
        raise InputError("the dask engine needs dask: pip install 'zjnews-extract[dask]'") from None
    partitions = _partitions(items, max(1, partition_size))
    first = next(partitions, None)
    if first is None:
        return
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    own_dir = parts_dir is None
    parts = parts_dir or tempfile.mkdtemp(prefix="zjnews-parts-")
    try:
        threads = sum(client.nthreads().values()) or 1
        limit = max(2, in_flight or _IN_FLIGHT_PER_WORKER * threads)
        pending = itertools.chain([first], partitions)
        order: dict[str, int] = {}  # future key -> part number, while in flight
        numbers = itertools.count()
        running = as_completed()

        def submit(count: int) -> None:
            for pairs in itertools.islice(pending, count):
                future = client.submit(_partition, pairs, work, pure=False)
                order[future.key] = next(numbers)
                running.add(future)

        submit(limit)
        finished: set[int] = set()
        next_part = 0
        for future in running:
            part_no = order.pop(future.key)
            _write_part(_part_path(parts, part_no), future.result())
            future.release()
            finished.add(part_no)
            submit(1)  # one back, one out
            while next_part in finished:  # read back in order, as soon as the next part is there
                yield from _read_part(_part_path(parts, next_part))
                finished.discard(next_part)
                next_part += 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if own_dir:
            shutil.rmtree(parts, ignore_errors=True)


def _part_path(folder: str, part_no: int) -> str:
    return os.path.join(folder, f"part-{part_no:06d}.msgpack")


def _write_part(path: str, outcomes: list[Outcome]) -> None:
    """A finished partition on disk (written aside, then renamed)."""
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(msgspec.msgpack.encode(outcomes))
    os.replace(tmp, path)


def _read_part(path: str) -> Iterator[Outcome]:
    with open(path, "rb") as fh:
        outcomes = msgspec.msgpack.decode(fh.read(), type=_PART_TYPE)
    os.remove(path)
    yield from outcomes
