"""CPU time of each stage of extract() on the corpus pages and the seed article (no profiler overhead).

    .venv/bin/python bench/stages.py [--corpus ../shared/corpus/pages] [--rounds 5]

Each named function is wrapped to add its own CPU time (nested stages are counted inside their
callers too, so shares do not sum to 100 %). Text caches are emptied before each input.
"""
from __future__ import annotations

import argparse
import importlib
import statistics
import time
from collections import defaultdict
from pathlib import Path

from _common import SEED, SEED_PUBLISHED, corpus_pages, forget_text_caches, text_caches

STAGES = [  # (module, function, label); the module attribute is replaced where it is looked up
    ("zjnews_extract.clean", "decode_bytes", "clean: decode"),
    ("zjnews_extract.clean", "without_invisible", "clean: invisible"),
    ("zjnews_extract.clean", "looks_like_html", "clean: looks_like_html"),
    ("zjnews_extract.clean", "parse_html", "clean: lxml parse"),
    ("zjnews_extract.clean.page", "page_lines", "clean: page lines"),
    ("zjnews_extract.clean.page", "read_meta", "clean: meta"),
    ("zjnews_extract.clean.page", "main_block", "clean: main block"),
    ("zjnews_extract.clean.page", "find_headline", "clean: headline"),
    ("zjnews_extract.clean.page", "filter_lines", "clean: line rules"),
    ("zjnews_extract.clean.page", "find_datetime", "clean: dates"),
    ("zjnews_extract.clean.page", "find_authors", "clean: authors"),
    ("zjnews_extract.clean.text", "clean_text", "clean: pasted text"),
    ("zjnews_extract.clean", "clean_html", "clean: html total"),
    ("zjnews_extract.pipeline", "clean_page", "CLEAN total"),
    ("zjnews_extract.quantity", "find_quantities", "facts: quantities"),
    ("zjnews_extract.facts.period", "find_periods", "facts: periods"),
    ("zjnews_extract.facts.initiatives", "find_initiatives", "facts: initiatives"),
    ("zjnews_extract.facts.context", "article_context", "facts: context"),
    ("zjnews_extract.facts.tables", "find_table_facts", "facts: tables"),
    ("zjnews_extract.facts.notfacts", "fact_quantities", "facts: notfacts"),
    ("zjnews_extract.facts.assemble", "assemble", "facts: assemble (walk)"),
    ("zjnews_extract.facts.words", "_cut", "facts: jieba (_cut)"),
    ("zjnews_extract.pipeline", "find_facts", "FACTS total"),
    ("zjnews_extract.pipeline", "enrich_facts", "ENRICH total"),
    ("zjnews_extract.pipeline", "_extract", "EXTRACT total"),
]


def wrap(spent, label, original):
    def wrapper(*args, **kwargs):
        c0 = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - c0
    for attr in ("cache_clear", "cache_info"):
        if hasattr(original, attr):
            setattr(wrapper, attr, getattr(original, attr))
    return wrapper


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seed-only", action="store_true")
    args = ap.parse_args()
    from zjnews_extract import extract
    from zjnews_extract.pipeline import warm_up

    warm_up()
    items = [] if args.seed_only else [(p.read_bytes(), None) for p in corpus_pages(args.corpus)]
    items.append((SEED.read_text(encoding="utf-8"), SEED_PUBLISHED))
    for source, published in items:
        extract(source, published=published)
    import zjnews_extract.facts as facts_pkg  # find_facts imports its stages inside the function

    for module, _, _ in STAGES:
        importlib.import_module(module)
    caches = text_caches()
    spent: dict[str, float] = defaultdict(float)
    per_round: dict[str, list[float]] = defaultdict(list)
    for module, name, label in STAGES:
        mod = importlib.import_module(module)
        setattr(mod, name, wrap(spent, label, getattr(mod, name)))
        if module == "zjnews_extract.facts.words" and name == "_cut":
            caches = [c for c in caches if c.__name__ != "_cut"] + [mod._cut]
    del facts_pkg
    for _ in range(args.rounds):
        spent.clear()
        for source, published in items:
            forget_text_caches(caches)
            extract(source, published=published)
        for _, _, label in STAGES:
            per_round[label].append(spent[label] * 1000 / len(items))
    total = statistics.median(per_round["EXTRACT total"])
    print(f"{len(items)} inputs, {args.rounds} rounds; CPU ms per input (median of rounds):")
    for _, _, label in STAGES:
        med = statistics.median(per_round[label])
        print(f"  {label:<26} {med:7.3f} ms  {100 * med / total:5.1f} %")


if __name__ == "__main__":
    main()
