"""Fact F1 per held-out set: the blind sets kept in tests/gold/heldout, scored as the gate scores.

Each set is a folder in the gold layout (texts/NAME.txt with `# url:` / `# published:` header
lines, NAME.jsonl). Sets were annotated from the guidelines by people who never ran the code;
tests/gold/heldout/README.md lists what each score was when the set arrived (the blind figure).
Once scored, a set is dev data: a later figure here is no longer blind.

    .venv/bin/python bench/score_heldout.py [SET_DIR ...] [--articles]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import gate_scoring as gs  # noqa: E402

HELDOUT = ROOT / "tests" / "gold" / "heldout"


def score_set(folder: Path, show_articles: bool) -> Counter:
    total: Counter = Counter()
    for name in gs.gold_names(folder):
        body, url, published = gs.read_text(folder / "texts" / f"{name}.txt")
        gold, gold_initiatives = gs.read_gold(folder / f"{name}.jsonl")
        try:
            document = gs.extract_plain(body, published, url)
        except Exception as error:  # one broken article must not hide the others' scores
            print(f"  {name}: error {error!r}")
            total += Counter(gold=len(gold))
            continue
        c = gs.counts(gold, gold_initiatives, document["facts"], document.get("initiatives") or [])
        if show_articles:
            print(f"  {name:<40} gold {c['gold']:>4} pred {c['pred']:>4} fact tp {c['fact_tp']:>4}")
        total += c
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--articles", action="store_true", help="a line per article too")
    args = parser.parse_args()
    folders = args.sets or sorted(p for p in HELDOUT.iterdir() if p.is_dir())
    overall: Counter = Counter()
    for folder in folders:
        c = score_set(folder, args.articles)
        overall += c
        s = gs.scores(c)
        print(f"{folder.name:<6} fact F1 {s['fact_f1']:.3f}  quantity F1 {s['quantity_f1']:.3f}"
              f"  ({c['fact_tp']} of {c['gold']} gold facts, {c['pred']} predicted)")
    s = gs.scores(overall)
    print(f"all {len(folders)} sets: fact F1 {s['fact_f1']:.3f}, quantity F1 {s['quantity_f1']:.3f}")


if __name__ == "__main__":
    main()
