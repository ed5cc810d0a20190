#!/usr/bin/env python3
"""Every output of the library on a fixed set of inputs, as one JSON file, to diff before/after a
speed change (a faster reader must give the same bytes).

Inputs: the corpus pages (extract()), fixtures/pages, the seed, the dev texts and the gold texts
(extract() with their published date), and quantities() on every case input of the quantity suites
and on every dev and gold text.

    .venv/bin/python bench/dump_outputs.py -o /tmp/before.json [--shared ../shared]
    diff <(jq -S . /tmp/before.json) <(jq -S . /tmp/after.json)
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SEED, SEED_PUBLISHED, corpus_pages  # noqa: E402


def plain(doc) -> dict:
    return json.loads(doc.to_json())


def quantity_rows(text: str) -> list:
    import msgspec  # noqa: PLC0415

    import zjnews_extract  # noqa: PLC0415

    return json.loads(msgspec.json.encode(zjnews_extract.quantities(text)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()

    import zjnews_extract  # noqa: PLC0415

    out: dict[str, object] = {}
    pages = corpus_pages() + sorted((ROOT / "fixtures" / "pages").glob("*.html"))
    for page in pages:
        out[f"page:{page.parent.name}/{page.name}"] = plain(zjnews_extract.extract(page.read_bytes()))
    out["seed"] = plain(zjnews_extract.extract(SEED.read_text(encoding="utf-8"), published=SEED_PUBLISHED))
    texts = []
    for line in (ROOT / "fixtures" / "dev" / "dev_texts.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts.append((f"dev:{row['name']}", row["text"], row.get("published")))
    gold = args.shared / "gold"
    for txt in sorted((gold / "texts").glob("*.txt")):
        texts.append((f"gold:{txt.stem}", txt.read_text(encoding="utf-8"), None))
    for name, text, published in texts:
        out[name] = plain(zjnews_extract.extract(text, published=published))
        out[f"q:{name}"] = quantity_rows(text)
    for cases in sorted((args.shared / "quantity").glob("*.jsonl")):
        for i, line in enumerate(cases.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                out[f"q:{cases.stem}:{i}"] = quantity_rows(json.loads(line)["input"])
    args.output.write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(out)} outputs -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
