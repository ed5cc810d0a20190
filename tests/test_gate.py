"""Evaluation gate: the fixture article scored against its hand-made gold records.

The floors below are the scores measured when they were pinned. They may only go
up: run `python tests/test_gate.py --raise` after an improvement to pin the new
figures (it refuses to lower any floor). The gold file's checksum is pinned too,
so a changed gold file cannot quietly move the goalposts.
"""
from __future__ import annotations

import hashlib
import json
import math
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from gate_scoring import read_gold, score  # noqa: E402

FIXTURE = HERE.parent / "fixtures" / "zj_commerce_2026_plan.txt"
GOLD = HERE / "gold" / "zj_commerce_2026_plan.jsonl"
FLOORS = HERE / "gold" / "gate_floors.json"
PUBLISHED = "2026-01-21"


def measure() -> dict:
    import zjnews_extract

    doc = zjnews_extract.extract(FIXTURE.read_text(encoding="utf-8"), published=PUBLISHED).to_dict()
    gold, gold_initiatives = read_gold(GOLD)
    return score(gold, gold_initiatives, doc["facts"], [i["name"] for i in doc["initiatives"]])


def floors() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


def test_gold_file_is_the_one_the_floors_were_pinned_on():
    assert hashlib.sha256(GOLD.read_bytes()).hexdigest()[:16] == floors()["gold_sha256"]


@pytest.fixture(scope="module")
def measured():
    return measure()


@pytest.mark.parametrize("key", ["quantity_f1", "fact_f1", "initiative_f1", "status_accuracy",
                                 "qualifier_accuracy", "versus_accuracy"])
def test_score_is_not_below_its_floor(measured, key):
    assert measured[key] >= floors()[key] - 1e-9, f"{key} fell to {measured[key]:.3f}"


def raise_floors() -> None:
    """Pin the current scores where they beat the floors; never lower one."""
    current, old = measure(), floors()
    new = dict(old)
    for key, value in current.items():
        new[key] = max(old.get(key, 0.0), math.floor(value * 1e4) / 1e4)
    new["gold_sha256"] = old["gold_sha256"]
    FLOORS.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps({k: (old.get(k), new[k]) for k in current}, indent=1))


if __name__ == "__main__" and "--raise" in sys.argv:
    raise_floors()
