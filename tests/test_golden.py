"""End-to-end golden output of the fixture article (tests/golden/*.expected.jsonl).

The expected file was generated once and then read line by line against the article
by hand: every metric, subject, period, status and benchmark below was checked. Known
imperfections are kept as they are and listed in tests/golden/README.md, so that a
change shows up here as a diff to review, not as silent drift.

To regenerate after a reviewed change: python tests/test_golden.py --write
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
FIXTURE = HERE.parent / "fixtures" / "zj_commerce_2026_plan.txt"
EXPECTED = HERE / "golden" / "zj_commerce_2026_plan.expected.jsonl"
PUBLISHED = "2026-01-21"
FIELDS = ("text", "start", "end", "kind", "value", "unit", "qualifier", "metric", "subject", "period", "status",
          "versus")


def current_lines() -> list[dict]:
    import zjnews_extract

    doc = zjnews_extract.extract(FIXTURE.read_text(encoding="utf-8"), published=PUBLISHED)
    lines = []
    for f in doc.facts:
        row = {k: getattr(f, k) for k in FIELDS}
        row["period"] = None if f.period is None else f"{f.period.start}..{f.period.end}"
        lines.append(row)
    lines.append({"initiatives": [i.name for i in doc.initiatives]})
    return lines


def expected_lines() -> list[dict]:
    return [json.loads(line) for line in EXPECTED.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_fixture_output_matches_the_reviewed_golden_file():
    got, want = current_lines(), expected_lines()
    assert [r.get("text") for r in got] == [r.get("text") for r in want]
    for g, w in zip(got, want):
        assert g == w


def test_fact_texts_are_slices_of_the_document_text():
    import zjnews_extract

    doc = zjnews_extract.extract(FIXTURE.read_text(encoding="utf-8"), published=PUBLISHED)
    assert all(doc.text[f.start:f.end] == f.text for f in doc.facts)


if __name__ == "__main__" and "--write" in sys.argv:
    EXPECTED.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in current_lines()), encoding="utf-8")
