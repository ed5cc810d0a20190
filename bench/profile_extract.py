"""Where extract() spends its time: cProfile over the corpus pages and the seed article.

    .venv/bin/python bench/profile_extract.py [--corpus ../shared/corpus/pages] [--rounds 5] [--top 30]
        [--sort tottime|cumtime] [--seed-only | --pages-only]

Every page is extracted once before profiling (jieba, patterns and lexicons loaded), then
--rounds passes over all inputs run under cProfile, the text caches emptied before each input
(bench/_common.py) so each costs what a never-seen page would. The top functions are printed by own time
(tottime) and the top stages by cumulative time; bench/README.md quotes this output.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
from pathlib import Path

from _common import DEFAULT_CORPUS, ROOT, SEED, SEED_PUBLISHED, forget_text_caches, text_caches


def inputs(corpus: Path, seed_only: bool, pages_only: bool) -> list[tuple[object, object]]:
    items: list[tuple[object, object]] = []
    if not seed_only:
        folders = [corpus, ROOT / "fixtures" / "pages"] if corpus.is_dir() else [ROOT / "fixtures" / "pages"]
        for folder in folders:
            items += [(p.read_bytes(), None) for p in sorted(folder.iterdir()) if p.suffix in (".html", ".htm")]
    if not pages_only:
        items.append((SEED.read_text(encoding="utf-8"), SEED_PUBLISHED))
    return items


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--sort", default="tottime", choices=["tottime", "cumtime"])
    ap.add_argument("--seed-only", action="store_true")
    ap.add_argument("--pages-only", action="store_true")
    ap.add_argument("--dump", type=Path, help="also write the raw profile here (for snakeviz, pstats)")
    args = ap.parse_args()

    from zjnews_extract import extract
    from zjnews_extract.pipeline import warm_up

    warm_up()
    items = inputs(args.corpus, args.seed_only, args.pages_only)
    for source, published in items:
        extract(source, published=published)
    caches = text_caches()
    profile = cProfile.Profile()
    for _ in range(args.rounds):
        for source, published in items:
            forget_text_caches(caches)
            profile.enable()
            extract(source, published=published)
            profile.disable()
    if args.dump:
        profile.dump_stats(args.dump)
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.strip_dirs().sort_stats(args.sort).print_stats(args.top)
    total = sum(v[2] for v in stats.stats.values())
    print(f"{len(items)} inputs x {args.rounds} rounds; {total * 1000 / (len(items) * args.rounds):.2f} ms "
          f"of own time per input under the profiler")
    print(out.getvalue())


if __name__ == "__main__":
    main()
