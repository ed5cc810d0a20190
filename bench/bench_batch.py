"""Batch speed: zjnews-extract against trafilatura, and 1 -> 2 workers, on the same machine in one run.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/bench_batch.py [--corpus ../shared/corpus/pages] [--repeat N] [--slices 5]

The HTML corpus is repeated until there are at least --min-docs documents (default 2000). Each
single-process pass goes over all of them; its pages/s is the median over --slices equal slices
(a median of several runs without reading the corpus many times). Measured:

1. one process, pages/s: zjnews-extract (bytes -> cleaning, metadata, facts) against trafilatura
   bare_extraction(with_metadata=True) and trafilatura's text-only extract(); ratios.
2. the batch command's engine (run_batch: read files, extract, serialise, write JSON Lines) with
   1 and 2 workers, each in a fresh child process timed after warm-up: items/s, speed-up, and peak
   memory (PSS of the batch process and its workers summed, so pages shared after fork count once;
   RSS sum shown too).
"""
from __future__ import annotations

import argparse
import math
import os
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "pages"


def corpus(folder: Path, min_docs: int, repeat: int | None) -> tuple[list[Path], int]:
    pages = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".html", ".htm"))
    if not pages:
        sys.exit(f"no .html pages in {folder}")
    times = repeat or math.ceil(min_docs / len(pages))
    return pages, times


def rate_by_slices(func, blobs: list[bytes], slices: int) -> tuple[float, float, float]:
    """(median pages/s over the slices, overall pages/s, pages per CPU second) for func, in one pass.

    Pages per CPU second is what a shared, busy machine changes least; wall-clock rates are the goal's.
    """
    size = math.ceil(len(blobs) / slices)
    rates, total = [], 0.0
    cpu_began = time.process_time()
    for start in range(0, len(blobs), size):
        chunk = blobs[start:start + size]
        began = time.perf_counter()
        for blob in chunk:
            func(blob)
        spent = time.perf_counter() - began
        total += spent
        rates.append(len(chunk) / spent)
    return statistics.median(rates), len(blobs) / total, len(blobs) / (time.process_time() - cpu_began)


def _tree_memory(proc) -> tuple[float, float, float]:
    """Summed PSS and RSS (MiB) of a process and all its children, and the largest child's PSS."""
    import psutil

    pss = rss = worker = 0
    for member in [proc, *proc.children(recursive=True)]:
        try:
            info = member.memory_full_info()
        except psutil.Error:  # a worker that just ended
            continue
        pss += getattr(info, "pss", info.rss)
        rss += info.rss
        if member.pid != proc.pid:
            worker = max(worker, getattr(info, "pss", info.rss))
    return pss / 2**20, rss / 2**20, worker / 2**20


def batch_rate(corpus_dir: Path, times: int, workers: int) -> dict:
    """run_batch over the repeated corpus in a fresh child process, its memory sampled from here.

    A child of its own, so that this process's corpus copy and a sampling thread (which would make
    the batch fork from a threaded parent, hence use forkserver) change nothing. Timed after warm-up.
    """
    import psutil

    child = subprocess.Popen([sys.executable, __file__, "--batch-child", str(workers), "--corpus", str(corpus_dir),
                              "--repeat", str(times)], stdout=subprocess.PIPE, text=True)
    proc = psutil.Process(child.pid)
    peak_pss = peak_rss = peak_worker = 0.0
    cpu_before = os.times()
    while child.poll() is None:
        try:
            pss, rss, worker = _tree_memory(proc)
        except psutil.Error:
            break
        peak_pss, peak_rss, peak_worker = max(peak_pss, pss), max(peak_rss, rss), max(peak_worker, worker)
        time.sleep(0.1)
    out, _ = child.communicate()
    if child.returncode != 0:
        sys.exit(f"batch child failed ({child.returncode})")
    cpu_after = os.times()
    result = json.loads(out.strip().splitlines()[-1])
    result.update(pss=peak_pss, rss=peak_rss, worker_pss=peak_worker,
                  cpu=(cpu_after.children_user + cpu_after.children_system)
                  - (cpu_before.children_user + cpu_before.children_system))
    return result


def batch_child(corpus_dir: Path, times: int, workers: int) -> None:
    from zjnews_extract.batch import Item, run_batch
    from zjnews_extract.pipeline import warm_up

    warm_up()
    paths, _ = corpus(corpus_dir, 0, times)
    items = (Item(doc_id=f"{p}#{k}", path=str(p)) for k in range(times) for p in paths)
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        summary = run_batch(items, os.path.join(tmp, "out.jsonl"), workers=workers)
        spent = time.perf_counter() - began
    print(json.dumps({"rate": summary.items / spent, "errors": summary.errors, "facts": summary.facts,
                      "items": summary.items}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .html pages")
    parser.add_argument("--repeat", type=int, default=None, help="times to repeat the corpus (default: to --min-docs)")
    parser.add_argument("--min-docs", type=int, default=2000)
    parser.add_argument("--slices", type=int, default=5, help="slices of a pass; pages/s is their median")
    parser.add_argument("--skip-trafilatura", action="store_true")
    parser.add_argument("--batch-child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.batch_child is not None:
        batch_child(args.corpus, args.repeat, args.batch_child)
        return

    paths, times = corpus(args.corpus, args.min_docs, args.repeat)
    print(f"corpus: {len(paths)} pages x {times} = {len(paths) * times} documents, {os.cpu_count()} cores, "
          f"python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.2f}")

    # The batch first, while this process holds no corpus in memory and no trafilatura:
    # its peak memory is then the batch's own.
    one = batch_rate(args.corpus, times, 1)
    two = batch_rate(args.corpus, times, 2)
    for workers, r in ((1, one), (2, two)):
        print(f"batch, {workers} worker{'s' if workers > 1 else ' '}: {r['rate']:7.1f} items/s, peak memory "
              f"{r['pss']:6.0f} MiB PSS ({r['rss']:.0f} MiB RSS summed), largest worker {r['worker_pss']:.0f} MiB PSS, "
              f"{1000 * r['cpu'] / r['items']:.1f} CPU ms/item, {r['errors']} errors, {r['facts']} facts")
    print(f"speed-up 1 -> 2 workers: {two['rate'] / one['rate']:.2f}x wall clock (goal >= 1.8); "
          f"{2 * one['cpu'] / one['items'] / (two['cpu'] / two['items']):.2f}x on CPU time per item "
          f"(what two idle cores would give)")

    from zjnews_extract.pipeline import extract_document, warm_up

    blobs = [p.read_bytes() for p in paths] * times
    warm_up()
    extract_document(blobs[0])
    zj_median, zj_all, zj_cpu = rate_by_slices(extract_document, blobs, args.slices)
    print(f"zjnews-extract (clean + metadata + facts), 1 process: {zj_median:7.1f} pages/s "
          f"(overall {zj_all:.1f}, {zj_cpu:.1f} per CPU second)")
    if not args.skip_trafilatura:
        import trafilatura

        trafilatura.bare_extraction(blobs[0], with_metadata=True)
        meta_median, meta_all, meta_cpu = rate_by_slices(
            lambda b: trafilatura.bare_extraction(b, with_metadata=True), blobs, args.slices)
        print(f"trafilatura bare_extraction(with_metadata=True):    {meta_median:7.1f} pages/s "
              f"(overall {meta_all:.1f}, {meta_cpu:.1f} per CPU second)")
        text_median, text_all, text_cpu = rate_by_slices(trafilatura.extract, blobs, args.slices)
        print(f"trafilatura extract() text only:                    {text_median:7.1f} pages/s "
              f"(overall {text_all:.1f}, {text_cpu:.1f} per CPU second)")
        print(f"ratio zjnews-extract / trafilatura with metadata: {zj_median / meta_median:.2f}x (goal >= 7; bench_pages.py alternates rounds)")
        print(f"ratio zjnews-extract / trafilatura text only:     {zj_median / text_median:.2f}x (goal >= 4.5)")
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
          f"(other processes' load slows the wall-clock figures, most of all with 2 workers)")


if __name__ == "__main__":
    main()
