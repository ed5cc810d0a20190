"""Batch speed: zjnews-extract against trafilatura, and 1 -> 2 workers, on the same machine in one run.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/bench_batch.py [--corpus ../shared/corpus/pages] [--repeat N] [--slices 5]

The HTML corpus is repeated until there are at least --min-docs documents (default 2000). Each
single-process pass goes over all of them; its pages/s is the median over --slices equal slices
(a median of several runs without reading the corpus many times). Measured:

1. one process, pages/s: zjnews-extract (bytes -> cleaning, metadata, facts) against trafilatura
   bare_extraction(with_metadata=True) and trafilatura's text-only extract(); ratios.
2. the batch command's engine (run_batch: read files, extract, serialise, write JSON Lines) with
   1 and 2 workers: items/s, speed-up, and peak memory (PSS of the parent and its workers summed,
   so pages shared after fork count once; RSS sum shown too).
"""
from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import threading
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


class PeakMemory:
    """Samples this process and its children every 0.1 s: peak of summed PSS and of summed RSS (MiB)."""

    def __init__(self) -> None:
        import psutil

        self.me = psutil.Process()
        self.peak_pss = self.peak_rss = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        pss = rss = 0
        for proc in [self.me, *self.me.children(recursive=True)]:
            try:
                info = proc.memory_full_info()
            except Exception:  # noqa: BLE001  (a worker that just ended)
                continue
            pss += getattr(info, "pss", info.rss)
            rss += info.rss
        self.peak_pss = max(self.peak_pss, pss / 2**20)
        self.peak_rss = max(self.peak_rss, rss / 2**20)

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            self._sample()

    def __enter__(self):
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


def batch_rate(paths: list[Path], times: int, workers: int) -> tuple[float, float, float, int, int]:
    """items/s, peak PSS, peak RSS, errors and facts of run_batch over the repeated corpus."""
    from zjnews_extract.batch import run_batch
    from zjnews_extract.batch_inputs import Item

    items = (Item(doc_id=f"{p}#{k}", path=str(p)) for k in range(times) for p in paths)
    with tempfile.TemporaryDirectory() as tmp, PeakMemory() as memory:
        began = time.perf_counter()
        summary = run_batch(items, os.path.join(tmp, "out.jsonl"), workers=workers)
        spent = time.perf_counter() - began
    return summary.items / spent, memory.peak_pss, memory.peak_rss, summary.errors, summary.facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .html pages")
    parser.add_argument("--repeat", type=int, default=None, help="times to repeat the corpus (default: to --min-docs)")
    parser.add_argument("--min-docs", type=int, default=2000)
    parser.add_argument("--slices", type=int, default=5, help="slices of a pass; pages/s is their median")
    parser.add_argument("--skip-trafilatura", action="store_true")
    args = parser.parse_args()

    paths, times = corpus(args.corpus, args.min_docs, args.repeat)
    blobs = [p.read_bytes() for p in paths] * times
    print(f"corpus: {len(paths)} pages x {times} = {len(blobs)} documents, {os.cpu_count()} cores, "
          f"python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.2f}")

    from zjnews_extract.pipeline import extract_document, warm_up

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
        print(f"ratio zjnews-extract / trafilatura with metadata: {zj_median / meta_median:.2f}x (goal >= 2)")
        print(f"ratio zjnews-extract / trafilatura text only:     {zj_median / text_median:.2f}x (goal > 1)")

    one = batch_rate(paths, times, 1)
    two = batch_rate(paths, times, 2)
    for workers, (rate, pss, rss, errors, facts) in ((1, one), (2, two)):
        print(f"batch, {workers} worker{'s' if workers > 1 else ' '}: {rate:7.1f} items/s, peak memory "
              f"{pss:6.0f} MiB PSS ({rss:.0f} MiB RSS summed), {errors} errors, {facts} facts")
    print(f"speed-up 1 -> 2 workers: {two[0] / one[0]:.2f}x (goal >= 1.7)")
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
          f"(other processes' load slows the wall-clock figures, most of all with 2 workers)")


if __name__ == "__main__":
    main()
