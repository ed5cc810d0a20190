"""Golden cases for the quantity parser: developed-on, bugs-found and evaluated-on, plus invariants.

quantities_evaluated_on.jsonl holds real news sentences annotated before the reader was run on
them; a case the reader still gets wrong carries `known_wrong` (why) and is an expected failure
that must keep failing until fixed (strict xfail), so the file stays an honest measure.
"""
from __future__ import annotations

import json
import math
import time
from pathlib import Path

import pytest

import zjnews_extract
from zjnews_extract.quantity import grammar as q

CASES = Path(__file__).parent / "cases"
FIXTURE = Path(__file__).parents[1] / "fixtures" / "zj_commerce_2026_plan.txt"


def _load(name: str):
    lines = (CASES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


CASE_FILES = ("quantities_developed_on.jsonl", "quantities_bugs_found.jsonl", "quantities_evaluated_on.jsonl")


def _cases():
    for name in CASE_FILES:
        for i, case in enumerate(_load(name)):
            marks = [pytest.mark.xfail(reason=case["known_wrong"], strict=True)] if "known_wrong" in case else []
            yield pytest.param(case, id=f"{name.split('_', 1)[1].split('.')[0]}-{i}", marks=marks)


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
    """The first-character prefilter and the dispatching scanner are speed-ups only: same matches as the plain grammar."""
    plain = q.build(prefilter=False).pattern
    fast = q.lexicon().pattern
    texts = [FIXTURE.read_text(encoding="utf-8")] + [c["input"] for n in CASE_FILES for c in _load(n)]
    scanner = q.lexicon().scanner
    for text in texts:
        want = [(m.span(), m.lastgroup) for m in plain.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in fast.finditer(text)] == want
        # the scanner tries at each position only the branches its character can start: same matches
        got = list(scanner.finditer(text))
        assert [(m.span(), m.lastgroup) for m in got] == want
        assert [_filled(m) for m in got] == [_filled(m) for m in plain.finditer(text)]


def _filled(m) -> dict:
    return {k: v for k, v in m.groupdict().items() if v is not None}


def test_empty_and_plain_text():
    assert zjnews_extract.quantities("") == []
    assert zjnews_extract.quantities("没有任何数字的句子。") == []


def test_long_runs_stay_linear():
    # a megabyte-class line of digits and scale characters must not blow up (bounded repetition)
    for text in ("1" * 200_000, "1万" * 20_000, "万" * 50_000, "1-" * 20_000, "同比5%" * 5_000):
        found = zjnews_extract.quantities(text)
        assert all(text[x.start:x.end] == x.text for x in found)


def _cpu(fn, text: str, runs: int = 3) -> float:
    """Least CPU time of a few runs: other jobs on the machine only ever add to a run."""
    best = math.inf
    for _ in range(runs):
        t0 = time.process_time()
        fn(text)
        best = min(best, time.process_time() - t0)
    return best


def _grows_linearly(make, small: int, fn=zjnews_extract.quantities) -> None:
    """Time at 10x the size is at most ~2.5x of ten times the small one (quadratic would be 100x)."""
    fn(make(small))  # warm the grammar
    t_small, t_big = _cpu(fn, make(small)), _cpu(fn, make(small * 10))
    assert t_big / max(t_small, 1e-4) < 25, (t_small, t_big)


def test_overflow_on_40_yi_in_a_row_or_more_than_308_fullwidth_digits():
    # issue 12: OverflowError; a number past float range is no number: nothing raised, nothing invented
    for text in ("1" + "亿" * 40 + "元", "出口" + "亿" * 45 + "元", "４" * 400 + "元", "１" * 309,
                 "9" * 400 + "万元", "1" + "万" * 80, "一" + "亿" * 40 + "元", "增长" + "9" * 400 + "倍",
                 "第" + "9" * 400 + "名", "前" + "9" * 400, "1-" + "1" + "亿" * 40 + "元", "9" * 400 + "强"):
        found = zjnews_extract.quantities(text)
        assert all(math.isfinite(x.value) and text[x.start:x.end] == x.text for x in found), (text[:12], found)
    # right below the edge the value is still read
    assert [x.value for x in zjnews_extract.quantities("1" + "亿" * 38 + "元")] == [1e304]


def test_list_of_bare_integers_sharing_one_unit_written_once_is_linear():
    # issue 12: 出口0、1、2、…万元 was quadratic (5 s at 5,000 numbers, 20 s at 10,000)
    def make(n):
        return "出口" + "、".join(str(i) for i in range(n)) + "万元"

    found = zjnews_extract.quantities(make(300))
    assert len(found) == 300 and all(x.unit == "CNY" for x in found)
    assert found[0].value == 0 and found[-1].value == 299 * 1e4
    _grows_linearly(make, 1000)


def test_zero_width_characters_inside_a_number_are_read_past():
    # issue 12: 5\u200b.5万亿元 gave 5 and 5e11; the span keeps pointing into the text as given
    for text, want in (("出口5\u200b.5万亿元", 5.5e12), ("增长5\ufeff.5%", 5.5), ("5\u200c5\u200d0万元", 5.5e6),
                       ("\u200b营收1,2\u00ad34亿元", 1.234e11), ("\u2060" * 5 + "3\u200e.14吨", 3.14)):
        found = zjnews_extract.quantities(text)
        assert len(found) == 1, (text, found)
        x = found[0]
        assert x.value == want and text[x.start:x.end] == x.text
        assert x.text[0] not in "\u200b\u2060" and x.text[-1] in "元%吨"
    # spans after the invisible run stay exact too
    text = "\u200b" * 3 + "出口4.18万亿元、增长7.2%，高于全国1.1个百分点"
    assert [(text[x.start:x.end], x.value) for x in zjnews_extract.quantities(text)] == [
        ("4.18万亿元", 4.18e12), ("7.2%", 7.2), ("1.1个百分点", 1.1)]


def test_zero_width_characters_keep_the_reader_linear():
    _grows_linearly(lambda n: "增长5\u200b.5%，" * n, 500)


def test_ansi_escape_codes_are_no_amounts():
    # issue 12: ANSI escape codes in a title became a fact (\x1b[31m read as 31 metres)
    found = zjnews_extract.quantities("\x1b[1;31m浙江出口增长5%\x1b[0m")
    assert [(x.text, x.value) for x in found] == [("5%", 5.0)]


@pytest.mark.parametrize("unit", [
    "降幅比上月扩大1.5个百分点，比一季度收窄0.5个百分点；",  # decline-rate walk over continued clauses
    "分别以3.8%和",  # a list waiting for a rate named after it
    "0.5到",  # range joins before a pp
    "同增1.9%和",  # an adjacent verb over a list
    "| +2.5 ",  # table cells with signs
    "2555.6億元(新台幣,下同)，",  # currency notes
    "超百亿元的领航",  # thresholds with modifiers
    "連3個月",  # streaks
    "1兆3,248億",  # 兆 runs
    "出超",  # qualifier inside a noun
    "下调10个基点，分别为2.85%，",  # a level after a pp change
])
def test_new_mechanisms_stay_linear(unit):
    _grows_linearly(lambda n: unit * n, 300)
