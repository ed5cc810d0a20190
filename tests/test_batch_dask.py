"""The Dask engine on a small LocalCluster writes the same lines as the local engine."""
from pathlib import Path

import pytest

from zjnews_extract.batch import Item, iter_items, run_batch

pytestmark = pytest.mark.dask  # needs the dask extra: run with pytest -m dask (CI does)
pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def scheduler():
    # Threads in this process: starts in a second on 2 cores; the engine only needs an address.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def items(folder):
    listed = list(iter_items([str(folder), str(FIXTURES / "zj_commerce_2026_plan.txt")]))
    listed += [Item(doc_id=f"t{k}", content=f"{2000 + k}年全省出口增长{k}.5%。") for k in range(9)]
    listed.append(Item(doc_id="missing", path=str(FIXTURES / "no-such-page.html")))
    return listed


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_dask_lines_equal_local_lines(tmp_path, scheduler, fmt, batch_folder):
    local, dask = tmp_path / f"local.{fmt}", tmp_path / f"dask.{fmt}"
    a = run_batch(items(batch_folder), str(local), fmt=fmt, workers=1, published="2026-01-21")
    b = run_batch(items(batch_folder), str(dask), fmt=fmt, engine="dask", scheduler=scheduler, partition_size=4,
                  published="2026-01-21")
    assert dask.read_bytes() == local.read_bytes()
    assert (b.items, b.ok, b.errors, b.facts) == (a.items, a.ok, a.errors, a.facts)
    assert b.items == len(items(batch_folder)) and b.errors >= 1  # the missing page at least


def test_dask_resume_appends_only_what_is_missing(tmp_path, scheduler, batch_folder):
    full, out = tmp_path / "full.jsonl", tmp_path / "out.jsonl"
    run_batch(items(batch_folder), str(full), workers=0)
    run_batch(items(batch_folder)[:5], str(out), workers=0)
    summary = run_batch(items(batch_folder), str(out), engine="dask", scheduler=scheduler, partition_size=3,
                        resume=True)
    assert summary.skipped == 5 and summary.items == len(items(batch_folder)) - 5
    assert out.read_bytes() == full.read_bytes()


def test_dask_reads_items_as_a_stream(scheduler):
    """Partitions go out a few at a time: the first outcome comes back long before the input is read
    to its end (a crawl of millions of pages is never held in the client)."""
    from zjnews_extract.batch import extract_many

    pulled = []

    def stream():
        for k in range(60):
            pulled.append(k)
            yield Item(doc_id=f"s{k}", content=f"{2000 + k % 20}年全省出口增长{k % 9}.5%。")

    outcomes = extract_many(stream(), engine="dask", scheduler=scheduler, partition_size=2, output="json")
    first = next(outcomes)
    assert first.doc_id == "s0" and first.ok
    assert len(pulled) < 30  # a handful of partitions in flight, not the whole input
    rest = list(outcomes)
    assert [o.doc_id for o in rest] == [f"s{k}" for k in range(1, 60)]
