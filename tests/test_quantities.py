"""Golden cases for the quantity parser: developed-on and bugs-found, plus invariants."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import zjnews_extract
from zjnews_extract.quantity import grammar as q

CASES = Path(__file__).parent / "cases"
FIXTURE = Path(__file__).parents[1] / "fixtures" / "zj_commerce_2026_plan.txt"


def _load(name: str):
    lines = (CASES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _cases():
    for name in ("quantities_developed_on.jsonl", "quantities_bugs_found.jsonl"):
        for i, case in enumerate(_load(name)):
            yield pytest.param(case, id=f"{name.split('_', 1)[1].split('.')[0]}-{i}")


@pytest.mark.parametrize("case", list(_cases()))
def test_golden(case):
    got = zjnews_extract.quantities(case["input"])
    want = case["expect"]
    assert [g.text for g in got] == [w["text"] for w in want]
    for g, w in zip(got, want):
        assert g.kind == w["kind"], (g, w)
        assert g.unit == w["unit"], (g, w)
        assert math.isclose(g.value, w["value"], rel_tol=1e-9, abs_tol=1e-12), (g, w)
        assert g.qualifier == w.get("qualifier", g.qualifier), (g, w)


def test_offsets_are_exact_on_the_seed_article():
    text = FIXTURE.read_text(encoding="utf-8")
    found = zjnews_extract.quantities(text)
    assert len(found) > 40
    assert all(text[x.start:x.end] == x.text for x in found)
    assert [x.start for x in found] == sorted(x.start for x in found)


def test_seed_article_key_figures():
    found = {(x.text, x.kind, x.unit) for x in zjnews_extract.quantities(FIXTURE.read_text(encoding="utf-8"))}
    assert ("5.55万亿元", "value", "CNY") in found
    assert ("1.1个百分点", "pp", "pp") in found
    assert ("超1800亿元", "value", "CNY") in found
    assert ("6%以上", "growth", "%") in found
    assert not any(t.startswith(("十五五", "2026", "1亿元以上")) for t, _, _ in found)


def test_prefilter_changes_nothing():
    """The first-character prefilter is a speed-up only: same output with and without it."""
    plain = q.build(prefilter=False).pattern
    fast = q.lexicon().pattern
    texts = [FIXTURE.read_text(encoding="utf-8")] + [c["input"] for n in (
        "quantities_developed_on.jsonl", "quantities_bugs_found.jsonl") for c in _load(n)]
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_empty_and_plain_text():
    assert zjnews_extract.quantities("") == []
    assert zjnews_extract.quantities("没有任何数字的句子。") == []


def test_long_runs_stay_linear():
    # a megabyte-class line of digits and scale characters must not blow up (bounded repetition)
    for text in ("1" * 200_000, "1万" * 20_000, "万" * 50_000, "1-" * 20_000, "同比5%" * 5_000):
        found = zjnews_extract.quantities(text)
        assert all(text[x.start:x.end] == x.text for x in found)
