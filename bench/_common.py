"""What the benchmark scripts share: the inputs, and forgetting what earlier pages taught the caches.

Several readers keep a bounded cache keyed by text (a sentence's words, a line's chrome rule, a
metric phrase's indicator). A benchmark that repeats the corpus would otherwise time cache hits,
not the work a never-seen page costs; `forget_text_caches()` before each page measures the latter.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "zj_commerce_2026_plan.txt"
SEED_PUBLISHED = date(2026, 1, 21)
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "pages"
PAGE_SUFFIXES = (".html", ".htm", ".shtml")


def corpus_pages(folder: Path | None = None) -> list[Path]:
    """The .html pages of the corpus folder (the shared corpus, else fixtures/pages)."""
    folder = folder or (DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else ROOT / "fixtures" / "pages")
    pages = sorted(p for p in folder.iterdir() if p.suffix.lower() in PAGE_SUFFIXES)
    if not pages:
        raise SystemExit(f"no .html pages in {folder}")
    return pages


def text_caches() -> list:
    """Every bounded cache keyed by article text (not the ones holding compiled patterns or data)."""
    import importlib

    found = []
    for module, names in (
        ("zjnews_extract.facts.words", ("_cut",)),
        ("zjnews_extract.facts.metric.window", ("peel", "read_window")),
        ("zjnews_extract.facts.metric.heads", ("measurable", "is_junk")),
        ("zjnews_extract.indicators.matcher", ("_phrase_alone",)),
        ("zjnews_extract.clean.chrome", ("match",)),
        ("zjnews_extract.facts.tables.units", ("read_unit",)),
    ):
        mod = importlib.import_module(module)
        found += [getattr(mod, name) for name in names if hasattr(getattr(mod, name, None), "cache_clear")]
    return found


def forget_text_caches(caches=None) -> None:
    for cached in caches if caches is not None else text_caches():
        cached.cache_clear()
