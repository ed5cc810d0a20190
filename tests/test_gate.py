"""Evaluation gate: the seed article and every dev gold article scored against their gold records.

tests/gold/dev holds the 22 dev gold articles (texts/NAME.txt with the `# url:` and
`# published:` header lines, NAME.jsonl); the seed article is the fixture
fixtures/zj_commerce_2026_plan.txt, scored against its gold in the same folder.
tests/gold/gate_floors.json pins, next to checksums of the gold files:
- seed: F1 at the quantity, fact and initiative levels and attribute accuracies;
- dev: the overall figures (micro-averaged over the articles, as the scorer does: F1 at the
  quantity, fact and initiative levels, and fact F1 with status, qualifier, subject or versus
  right too) and, per article, its fact F1 and quantity F1.

The floors are the scores measured when they were pinned. They only go up:
`python tests/test_gate.py --raise` pins better scores and refuses to lower any floor. A
changed gold file fails the gate until it is re-pinned with `--raise --new-gold`, which
sets the floors of the changed articles (and the overall ones) to what is measured now.
"""
from __future__ import annotations

import functools
import hashlib
import json
import math
import sys
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import gate_scoring as gs  # noqa: E402

FIXTURE = HERE.parent / "fixtures" / "zj_commerce_2026_plan.txt"
DEV = HERE / "gold" / "dev"
SEED_GOLD = DEV / "zj_commerce_2026_plan.jsonl"
FLOORS = HERE / "gold" / "gate_floors.json"
PUBLISHED = "2026-01-21"
SEED_KEYS = ["quantity_f1", "fact_f1", "initiative_f1", "status_accuracy", "qualifier_accuracy", "versus_accuracy"]
ARTICLE_KEYS = ["fact_f1", "quantity_f1"]
# overall dev figures: F1s only (an accuracy over fact pairs falls when recall rises)
DEV_KEYS = ["quantity_f1", "fact_f1", "initiative_f1"] + [f"fact_{k}_f1" for k in gs.ATTRIBUTES]


def floors() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


def seed_checksum() -> str:
    return hashlib.sha256(SEED_GOLD.read_bytes()).hexdigest()[:16]


def article_checksum(name: str) -> str:
    data = (DEV / f"{name}.jsonl").read_bytes() + (DEV / "texts" / f"{name}.txt").read_bytes()
    return hashlib.sha256(data).hexdigest()[:12]


def _counts(doc: dict, gold_path: Path) -> Counter:
    gold, gold_initiatives = gs.read_gold(gold_path)
    return gs.counts(gold, gold_initiatives, doc["facts"], [i["name"] for i in doc["initiatives"]])


@functools.cache
def measure_seed() -> dict:
    import zjnews_extract

    doc = zjnews_extract.extract(FIXTURE.read_text(encoding="utf-8"), published=PUBLISHED).to_dict()
    return gs.scores(_counts(doc, SEED_GOLD))


@functools.cache
def dev_counts() -> dict[str, Counter]:
    """Each dev article extracted once per session and tallied against its gold."""
    out = {}
    for name in gs.gold_names(DEV):
        body, url, published = gs.read_text(DEV / "texts" / f"{name}.txt")
        out[name] = _counts(gs.extract_plain(body, published, url), DEV / f"{name}.jsonl")
    return out


def measure_dev() -> dict:
    per_article = dev_counts()
    overall = gs.scores(sum(per_article.values(), Counter()))
    return {"overall": {k: overall[k] for k in DEV_KEYS},
            "articles": {name: {k: gs.scores(c)[k] for k in ARTICLE_KEYS} for name, c in per_article.items()}}


# ---------------------------------------------------------------- the seed article


def test_seed_gold_file_is_the_one_the_floors_were_pinned_on():
    assert seed_checksum() == floors()["seed"]["gold_sha256"]


@pytest.mark.parametrize("key", SEED_KEYS)
def test_seed_score_is_not_below_its_floor(key):
    got = measure_seed()[key]
    assert got >= floors()["seed"][key] - 1e-9, f"{key} fell to {got:.4f}"


# ---------------------------------------------------------------- the dev articles


def test_dev_gold_is_the_one_the_floors_were_pinned_on():
    pinned = floors()["dev"]
    assert gs.gold_names(DEV) == sorted(pinned["articles"]), "articles added or removed: --raise --new-gold"
    assert gs.gold_digest(DEV) == pinned["gold_sha256"], "a gold file changed: --raise --new-gold"


@pytest.mark.parametrize("key", DEV_KEYS)
def test_dev_overall_score_is_not_below_its_floor(key):
    got = measure_dev()["overall"][key]
    assert got >= floors()["dev"]["overall"][key] - 1e-9, f"overall {key} fell to {got:.4f}"


@pytest.mark.parametrize("name", gs.gold_names(DEV))
def test_dev_article_is_not_below_its_floors(name):
    pinned = floors()["dev"]["articles"][name]
    assert article_checksum(name) == pinned["gold_sha256"], f"the gold of {name} changed: --raise --new-gold"
    got = measure_dev()["articles"][name]
    fell = [f"{k} {got[k]:.4f} < {pinned[k]}" for k in ARTICLE_KEYS if got[k] < pinned[k] - 1e-9]
    assert not fell, f"{name}: " + "; ".join(fell)


# ---------------------------------------------------------------- raising the floors


def _pin(value: float) -> float:
    return math.floor(value * 1e4) / 1e4


def _raise(old: dict, current: dict, keys, label: str, changes: list[str]) -> dict:
    """max(old floor, current score) per key; every move and every score below its floor is reported."""
    new = {key: old[key] for key in keys if key in old}
    for key in keys:
        was, now = old.get(key), _pin(current[key])
        if was is None or now > was:
            new[key] = now
            changes.append(f"{label} {key}: {was} -> {now}")
        elif current[key] < was - 1e-9:
            changes.append(f"{label} {key}: {current[key]:.4f} is BELOW the floor {was} (kept)")
    return new


def raise_floors(new_gold: bool = False) -> int:
    """Pin the current scores where they beat the floors; never lower one.

    Exit 1, writing nothing, when gold changed without --new-gold; exit 1, after raising the
    others, when a score is below its floor.
    """
    old = floors()
    changes: list[str] = []
    seed_old = old.get("seed", {})
    if seed_old.get("gold_sha256") != seed_checksum():
        if not new_gold:
            print("the seed gold changed: run with --new-gold to re-pin it", file=sys.stderr)
            return 1
        seed_old = {"gold_sha256": seed_checksum()}
        changes.append("seed: gold changed, floors re-pinned")
    seed = _raise(seed_old, measure_seed(), SEED_KEYS, "seed", changes) | {"gold_sha256": seed_checksum()}

    dev_old = old.get("dev", {"articles": {}, "overall": {}})
    measured = measure_dev()
    names = gs.gold_names(DEV)
    changed = [n for n in names if dev_old["articles"].get(n, {}).get("gold_sha256") != article_checksum(n)]
    dropped = sorted(set(dev_old["articles"]) - set(names))
    if (changed or dropped) and not new_gold:
        print(f"dev gold changed ({', '.join(changed + dropped)}): run with --new-gold to re-pin", file=sys.stderr)
        return 1
    articles = {}
    for name in names:
        base = {} if name in changed else dev_old["articles"][name]
        if name in changed:
            changes.append(f"{name}: gold new or changed, floors re-pinned")
        articles[name] = _raise(base, measured["articles"][name], ARTICLE_KEYS, name, changes)
        articles[name]["gold_sha256"] = article_checksum(name)
    changes += [f"{name}: gold removed" for name in dropped]
    overall_old = {} if (changed or dropped) else dev_old["overall"]
    overall = _raise(overall_old, measured["overall"], DEV_KEYS, "overall", changes)
    dev = {"gold_sha256": gs.gold_digest(DEV), "overall": overall, "articles": articles}

    FLOORS.write_text(json.dumps({"seed": seed, "dev": dev}, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    print("\n".join(changes) if changes else "no floor moved")
    return 1 if any("BELOW" in c for c in changes) else 0


if __name__ == "__main__":
    if "--raise" not in sys.argv:
        print("usage: python tests/test_gate.py --raise [--new-gold]", file=sys.stderr)
        sys.exit(2)
    sys.exit(raise_floors(new_gold="--new-gold" in sys.argv))
