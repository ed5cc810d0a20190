"""How many dev gold facts get an indicator: on the gold metric phrases and on the library's own output.

    python bench/measure_indicators.py --gold tests/gold/dev [--phrases tests/cases/indicator_phrases.jsonl]

1. gold phrases: every gold fact's metric (with its kind and unit) through the matcher;
2. library output: zjnews_extract.extract() on each gold text (published date as reference),
   the share of its facts with an indicator, and of the gold facts it found (paired one to one
   on kind, unit and value) the share whose library fact has an indicator;
3. agreement: for those pairs where both the gold phrase and the library's phrase map, the share
   that map to the same id (the same statistic in other words must get one id);
4. with --phrases: the share of annotated news phrases read as annotated, per set.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import zjnews_extract
from zjnews_extract.indicators import catalogue, match_metric

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from gate_scoring import read_text


def same_quantity(g: dict, f) -> bool:
    if g.get("kind") != f.kind or (g.get("unit") or None) != (f.unit or None):
        return False
    a, b = g.get("value"), f.value
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--phrases", type=Path, help="annotated phrases (tests/cases/indicator_phrases.jsonl)")
    args = ap.parse_args()
    if args.phrases:
        phrase_pass_rates(args.phrases)
    gold_total = gold_mapped = lib_total = lib_mapped = paired = paired_mapped = both = agree = 0
    disagreements = []
    for gold_file in sorted(args.gold.glob("*.jsonl")):
        text_file = args.gold / "texts" / f"{gold_file.stem}.txt"
        if not text_file.exists():
            continue
        gold = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]
        gold = [g for g in gold if "metric" in g]
        body, url, published = read_text(text_file)
        doc = zjnews_extract.extract(body, published=published,
                                     url=url if url and url.startswith("http") else None)
        gold_total += len(gold)
        lib_total += len(doc.facts)
        lib_mapped += sum(f.indicator is not None for f in doc.facts)
        used: set[int] = set()
        for g in gold:
            g_id = match_metric(g.get("metric"), kind=g.get("kind"), unit=g.get("unit")).indicator
            gold_mapped += g_id is not None
            match = next((i for i, f in enumerate(doc.facts) if i not in used and f.text == g.get("text")
                          and same_quantity(g, f)), None)
            if match is None:
                match = next((i for i, f in enumerate(doc.facts) if i not in used and same_quantity(g, f)), None)
            if match is None:
                continue
            used.add(match)
            f = doc.facts[match]
            paired += 1
            paired_mapped += f.indicator is not None
            if g_id and f.indicator:
                both += 1
                agree += g_id == f.indicator
                if g_id != f.indicator:
                    disagreements.append((gold_file.stem, g.get("metric"), g_id, f.metric, f.indicator))
    print(f"catalogue: {len(catalogue().indicators)} indicators, {len(catalogue().members)} breakdown members")
    print(f"gold metric phrases:   {gold_mapped}/{gold_total} = {gold_mapped / gold_total:.3f} with an indicator")
    print(f"library output, all:   {lib_mapped}/{lib_total} = {lib_mapped / lib_total:.3f} of its facts")
    print(f"library output, found: {paired_mapped}/{paired} = {paired_mapped / paired:.3f} of the gold facts it found"
          f" ({paired}/{gold_total} found)")
    print(f"agreement where both map: {agree}/{both} = {agree / both:.3f}")
    for row in disagreements:
        print("  differ:", *row)


def phrase_pass_rates(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for number in sorted({r.get("set", 1) for r in rows}):
        subset = [r for r in rows if r.get("set", 1) == number]
        good = 0
        for r in subset:
            found = match_metric(r["phrase"], kind=r["kind"], unit=r["unit"])
            good += found.indicator == r["expect"] and (r["scope"] is None or found.scope == r["scope"])
        print(f"phrases, set {number}:       {good}/{len(subset)} = {good / len(subset):.3f} read as annotated")


if __name__ == "__main__":
    main()
