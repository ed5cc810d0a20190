"""The Dask engine: the same per-item function over dask.bag partitions on a distributed cluster.

Items are listed here, in the client, and shipped in partitions; each worker runs process_item on
its partition (every failure an error record) and sends the outcomes back. Each finished partition
is written aside as a part file, and parts are read back in input order as soon as they are
contiguous, so the client holds at most the parts that finished out of order.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator

import msgspec

from ..errors import InputError
from .items import as_item
from .work import Outcome, Work, process_item

_PART_TYPE = list[Outcome]


def _partition(pairs: list, work: Work) -> list[Outcome]:
    """One bag partition on a Dask worker: one outcome per (index, item), in order."""
    return [process_item(index, item, work) for index, item in pairs]


def extract_many_dask(items: Iterable, *, work: Work, scheduler: str | None = None, workers: int | None = None,
                      partition_size: int = 64, parts_dir: str | None = None) -> Iterator[Outcome]:
    """Outcomes of `items` in input order, computed on a Dask cluster.

    scheduler: the address of a running cluster (tcp://host:8786); None starts a LocalCluster with
    `workers` processes. Dask has no per-item time limit: a hung item holds its partition."""
    try:
        import dask.bag as db  # noqa: PLC0415
        from dask.distributed import Client, LocalCluster, as_completed  # noqa: PLC0415
    except ImportError:
        raise InputError("the dask engine needs dask: pip install 'zjnews-extract[dask]'") from None
    listed = [(index, as_item(value, index)) for index, value in enumerate(items)]
    if not listed:
        return
    size = max(1, partition_size)
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
        bag = db.from_sequence(listed, partition_size=size).map_partitions(_partition, work)
        futures = client.compute(bag.to_delayed())
        order = {future.key: n for n, future in enumerate(futures)}
        del listed
        finished: set[int] = set()
        next_part = 0
        for future in as_completed(futures):
            part_no = order[future.key]
            _write_part(_part_path(parts, part_no), future.result())
            future.release()
            finished.add(part_no)
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
