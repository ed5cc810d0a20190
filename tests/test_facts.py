"""find_facts properties that are no single case: spans, ids, and the case loader itself.

What each fact should say is kept as data in tests/cases/facts_*.jsonl and run by
tests/test_fact_cases.py.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import test_fact_cases as cases  # noqa: E402

from zjnews_extract.facts import find_facts  # noqa: E402

SENTENCES = [c for name in cases.SENTENCE_FILES for c in cases.load(name)]


def test_every_fact_points_back_at_its_characters():
    texts = ["江苏省今年上半年实现外贸进出口2.8万亿元，同比增长4.1%。\n全市新增市场主体12.5万户。"]
    for text in texts + [c["text"] for c in SENTENCES]:
        facts, _ = find_facts(text, published=date(2025, 7, 20))
        for f in facts:
            assert text[f.start:f.end] == f.text
            assert f.sentence and f.sentence in text


def test_ids_are_stable_across_runs_and_unique():
    text = "上半年，江苏外贸进出口2.8万亿元，同比增长4.1%，其中出口1.8万亿元。"
    a, _ = find_facts(text, published=date(2025, 7, 20))
    b, _ = find_facts(text, published=date(2025, 7, 20))
    assert [f.id for f in a] == [f.id for f in b]
    assert len({f.id for f in a}) == len(a)


# ---------------------------------------------------------------- the loader can fail


def _case(expect, **extra):
    return {"text": "上半年，广东出口2.1万亿元，增长6.2%，高于全国1.3个百分点。", "published": "2025-07-20",
            "expect": expect, "why": "a test of the loader", "known_wrong": None, **extra}


def test_the_loader_reports_each_kind_of_miss():
    assert cases.sentence_problems(_case([{"text": "6.2%", "metric": "出口", "period": "2025-01..2025-06"}])) == []
    wrong = [
        [{"text": "6.2%", "metric": "进口"}],
        [{"text": "6.2%", "period": "2024"}],
        [{"text": "6.2%", "value": 6.3}],
        [{"text": "1.3个百分点", "versus": {"not": "全国"}}],
        [{"text": "1.3个百分点", "metric": {"same_as": {"text": "6.2%", "field": "versus"}}}],
        [{"text": "6.2%", "metirc": "出口"}],  # a misspelt field is an error, not a skipped check
        [{"text": "7.2%"}],
    ]
    for expect in wrong:
        assert cases.sentence_problems(_case(expect)), expect
    assert cases.sentence_problems(_case([{"text": "6.2%"}], only=True))
    assert cases.sentence_problems(_case([], absent=["2.1万亿"]))
