"""Pages per CPU second: zjnews-extract against trafilatura, side by side in one process.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/bench_pages.py [--corpus ../shared/corpus/pages] [--rounds 9] [--warm-caches]

Three readers go over the same corpus pages (raw bytes, in memory) in alternating rounds (the order
rotates each round, so a burst of load from other processes falls on each of them in turn):

- zjnews-extract: extract(bytes) -> decoding, cleaning, metadata, facts, initiatives, the Document;
- trafilatura bare_extraction(with_metadata=True): main text and metadata;
- trafilatura extract(): main text only.

Each page's CPU time (time.process_time, this process only) is taken alone; a round's rate is its
pages over its summed CPU time, and the figures are the medians over rounds, plus the median of the
per-round ratios. Before each zjnews-extract page the caches keyed by text are emptied
(bench/_common.py), so every page costs what a never-seen page would; --warm-caches keeps them
(a corpus repeated as-is then times cache hits).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from _common import corpus_pages, forget_text_caches, text_caches


def cpu_pass(func, blobs, before=None) -> float:
    """Summed CPU seconds of func over the blobs, `before` (untimed) run ahead of each."""
    spent = 0.0
    for blob in blobs:
        if before is not None:
            before()
        c0 = time.process_time()
        func(blob)
        spent += time.process_time() - c0
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=None, help="folder of .html pages")
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--warm-caches", action="store_true", help="keep the text caches between pages")
    args = ap.parse_args()

    import trafilatura

    import zjnews_extract
    from zjnews_extract.pipeline import warm_up

    paths = corpus_pages(args.corpus)
    blobs = [p.read_bytes() for p in paths]
    warm_up()
    caches = text_caches()
    forget = None if args.warm_caches else (lambda: forget_text_caches(caches))
    readers = {
        "zjnews-extract": (zjnews_extract.extract, forget),
        "trafilatura+metadata": (lambda b: trafilatura.bare_extraction(b, with_metadata=True), None),
        "trafilatura text-only": (trafilatura.extract, None),
    }
    for func, before in readers.values():  # first calls load what each loads lazily
        cpu_pass(func, blobs[:3], before)
    print(f"{len(blobs)} pages ({sum(map(len, blobs)) / 1e6:.1f} MB), {args.rounds} alternating rounds, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}, python {sys.version.split()[0]}, "
          f"trafilatura {trafilatura.__version__}, text caches {'kept' if args.warm_caches else 'emptied before each page'}")
    rates: dict[str, list[float]] = {name: [] for name in readers}
    names = list(readers)
    for r in range(args.rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            func, before = readers[name]
            rates[name].append(len(blobs) / cpu_pass(func, blobs, before))
    ours = rates["zjnews-extract"]
    for name in names:
        med = statistics.median(rates[name])
        print(f"{name:<22} {med:7.1f} pages per CPU second (median; min {min(rates[name]):.1f}, "
              f"max {max(rates[name]):.1f}); {1000 / med:6.2f} ms a page")
    for name, goal in (("trafilatura+metadata", 7.0), ("trafilatura text-only", 4.5)):
        paired = statistics.median(a / b for a, b in zip(ours, rates[name]))
        print(f"zjnews-extract / {name:<22}: {statistics.median(ours) / statistics.median(rates[name]):.2f}x "
              f"(ratio of medians), {paired:.2f}x (median of per-round ratios); goal >= {goal}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
