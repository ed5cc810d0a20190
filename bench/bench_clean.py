"""Cleaning speed alone: pages per second on one core, median of several runs.

    .venv/bin/python bench/bench_clean.py [--corpus ../shared/corpus] [--runs 5]

Reads every page under CORPUS/pages (raw bytes, any encoding) into memory first,
then times zjnews_extract.clean.clean_page on all of them, run after run.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from zjnews_extract.clean import clean_page


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus",
                    help="a folder with pages/ (default: ../shared/corpus)")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    folder = args.corpus / "pages" if (args.corpus / "pages").is_dir() else args.corpus
    pages = [p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.suffix in (".html", ".htm", ".txt")]
    if not pages:
        raise SystemExit(f"no pages under {folder}")
    clean_page(pages[0])  # load the rule files once, outside the timing
    rates, cpu_rates = [], []
    for _ in range(args.runs):
        t0, c0 = time.perf_counter(), time.process_time()
        for raw in pages:
            clean_page(raw)
        rates.append(len(pages) / (time.perf_counter() - t0))
        cpu_rates.append(len(pages) / max(1e-9, time.process_time() - c0))
    size = sum(map(len, pages)) / 1e6
    # CPU time is the fair figure on a shared machine; wall time is what a user sees.
    print(f"{len(pages)} pages, {size:.1f} MB; clean_page on one core: median {statistics.median(cpu_rates):.1f} "
          f"pages/s of CPU time, {statistics.median(rates):.1f} pages/s wall "
          f"(wall min {min(rates):.1f}, max {max(rates):.1f}; {args.runs} runs)")


if __name__ == "__main__":
    main()
