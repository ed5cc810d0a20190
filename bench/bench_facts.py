"""Facts extraction time per article: find_facts on the fixture's Document.text.

Reports the median of several runs after a warm-up (jieba loaded, patterns compiled),
and how much of it each stage takes: jieba segmentation, quantities, periods,
initiatives, and the rest (the sentence walk). The segmentation cache is cleared
(and the metric reader's) before every run so each run costs what a new article would.

    .venv/bin/python bench/bench_facts.py [--runs 30] [FILE --published YYYY-MM-DD]
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

import zjnews_extract
from zjnews_extract.facts import find_facts, metric, warm_up
from zjnews_extract.facts import words as segment

ROOT = Path(__file__).resolve().parents[1]


def timed(module, name: str, spent: dict[str, float], label: str) -> None:
    """Wrap module.name so that its time is added to spent[label]."""
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - t0

    setattr(module, name, wrapper)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", default=str(ROOT / "fixtures" / "zj_commerce_2026_plan.txt"))
    ap.add_argument("--published", default="2026-01-21")
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()

    published = date.fromisoformat(args.published)
    text = zjnews_extract.extract(Path(args.file).read_text(encoding="utf-8"), published=published).text
    warm_up()
    find_facts(text, published=published)  # warm-up run: lexicons, patterns, user words

    from zjnews_extract import quantity as quantities  # noqa: PLC0415
    from zjnews_extract.facts import initiatives  # noqa: PLC0415
    from zjnews_extract.facts import period as periods  # noqa: PLC0415

    spent: dict[str, float] = defaultdict(float)
    segment._load()
    cut_cache = segment._cut  # its lru cache, emptied before each run
    timed(segment, "_cut", spent, "jieba")  # the segmenter (jieba or rjieba: segment.engine_name())
    timed(quantities, "find_quantities", spent, "quantities")
    timed(periods, "find_periods", spent, "periods")
    timed(initiatives, "find_initiatives", spent, "initiatives")

    totals, cpu, shares = [], [], defaultdict(list)
    for _ in range(args.runs):
        cut_cache.cache_clear()
        metric.clear_caches()
        spent.clear()
        t0, c0 = time.perf_counter(), time.process_time()
        facts, inits = find_facts(text, published=published)
        total = time.perf_counter() - t0
        cpu.append(time.process_time() - c0)
        totals.append(total)
        for label, value in spent.items():
            shares[label].append(value / total)

    median = statistics.median(totals)
    print(f"segmenter: {segment.engine_name()}")
    print(f"article: {Path(args.file).name}, {len(text)} characters, {len(text.encode())} bytes UTF-8; "
          f"{len(facts)} facts, {len(inits)} initiatives")
    print(f"find_facts: median {median * 1000:.2f} ms over {args.runs} runs "
          f"(min {min(totals) * 1000:.2f}, max {max(totals) * 1000:.2f}); "
          f"{median * 1000 / (len(text.encode()) / 7000):.2f} ms per 7 kB; "
          f"CPU time median {statistics.median(cpu) * 1000:.2f} ms")
    if hasattr(os, "getloadavg"):
        print(f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs: wall time grows with other work)")
    for label in ("jieba", "quantities", "periods", "initiatives"):
        print(f"  {label:<12} {statistics.median(shares[label]) * 100:5.1f} % of the time")


if __name__ == "__main__":
    main()
