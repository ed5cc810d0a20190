"""extract() on the seed article against one jieba.lcut pass over its text, in the same run.

    .venv/bin/python bench/bench_seed.py [--rounds 41] [--file F --published D]

After warm-up (jieba's dictionary and our patterns loaded), alternating rounds time, in CPU time of
this process: extract() on the pasted page (the whole pipeline: cleaning, metadata, facts,
initiatives, enrichment, the Document), and jieba.lcut() over the article text (Document.text) and
over the whole input (jieba's defaults: HMM on, as a user would call it; also HMM off, the way the
library calls it). The text caches are emptied before each extract(), so each run costs what a new
article would. Prints medians and the ratios.
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from _common import SEED, SEED_PUBLISHED, forget_text_caches, text_caches


def cpu(func) -> float:
    c0 = time.process_time()
    func()
    return time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--file", type=Path, default=SEED)
    ap.add_argument("--published", default=SEED_PUBLISHED.isoformat())
    ap.add_argument("--rounds", type=int, default=41)
    args = ap.parse_args()

    import zjnews_extract
    from zjnews_extract.facts.words import engine_name
    from zjnews_extract.pipeline import warm_up

    warm_up()
    import jieba  # the reference: jieba itself, as a user would call it

    jieba.setLogLevel(60)
    jieba.initialize()
    given = args.file.read_text(encoding="utf-8")
    doc = zjnews_extract.extract(given, published=args.published)
    article = doc.text
    caches = text_caches()

    def ours():
        zjnews_extract.extract(given, published=args.published)

    tasks = {
        "extract(page)": ours,
        "jieba.lcut(article)": lambda: jieba.lcut(article),
        "jieba.lcut(page)": lambda: jieba.lcut(given),
        "jieba.lcut(article, HMM=False)": lambda: jieba.lcut(article, HMM=False),
    }
    for func in tasks.values():
        func()
    times: dict[str, list[float]] = {name: [] for name in tasks}
    names = list(tasks)
    for r in range(args.rounds):
        for name in names[r % len(names):] + names[:r % len(names)]:
            if name == "extract(page)":
                forget_text_caches(caches)
            times[name].append(cpu(tasks[name]))
    print(f"{args.file.name}: page {len(given)} characters, article {len(article)} characters, {len(doc.facts)} facts, "
          f"{len(doc.initiatives)} initiatives; {args.rounds} alternating rounds, CPU time, "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; the library segments with {engine_name()}")
    med = {name: statistics.median(v) for name, v in times.items()}
    for name in names:
        print(f"  {name:<32} median {med[name] * 1000:6.2f} ms (min {min(times[name]) * 1000:.2f})")
    for name in names[1:]:
        paired = statistics.median(a / b for a, b in zip(times["extract(page)"], times[name]))
        print(f"extract(page) / {name:<32} {med['extract(page)'] / med[name]:.2f} (ratio of medians; "
              f"median of paired ratios {paired:.2f}); goal < 1 against jieba.lcut(article)")


if __name__ == "__main__":
    main()
