"""Each `check` rule, and `series` conflicts, on a small store made by hand."""
from __future__ import annotations

import json

import pytest

from zjnews_extract.cli import main
from zjnews_extract.records import Document, Fact, Period
from zjnews_extract.store import DuckDBWriter, run_checks, series_records

YEAR_2025 = Period(start="2025-01-01", end="2025-12-31", text="2025年")
YEAR_2024 = Period(start="2024-01-01", end="2024-12-31", text="2024年")


def fact(n: int, text: str, value: float, indicator: str, subject: str, *, kind: str = "value", unit: str | None = "CNY",
         period: Period = YEAR_2025, basis: str | None = None, versus: str | None = None,
         qualifier: str = "exact") -> Fact:
    return Fact(id=f"f{n}", text=text, start=n * 10, end=n * 10 + len(text), kind=kind, value=value, unit=unit,
                qualifier=qualifier, metric=indicator, indicator=indicator, subject=subject, period=period,
                basis=basis, versus=versus)


def store(tmp_path, docs: dict[str, list[Fact]]) -> str:
    db = str(tmp_path / "hand.duckdb")
    writer = DuckDBWriter(db)
    writer.open()
    for doc_id, facts in docs.items():
        writer.write_document(Document(doc_id=doc_id, text="x" * 1000, facts=facts))
    writer.close()
    return db


def findings(db: str, rule: str) -> list[dict]:
    return list(run_checks(db, (rule,)))


def test_sum_rule_flags_parts_that_do_not_add_up_beyond_rounding(tmp_path):
    db = store(tmp_path, {
        "good": [fact(1, "5.55万亿元", 5.55e12, "trade.total", "浙江"), fact(2, "4.18万亿元", 4.18e12, "trade.exports", "浙江"),
                 fact(3, "1.36万亿元", 1.36e12, "trade.imports", "浙江")],  # 5.54 vs 5.55: within rounding
        "bad": [fact(1, "100亿元", 1e10, "trade.total", "江苏"), fact(2, "70亿元", 7e9, "trade.exports", "江苏"),
                fact(3, "40亿元", 4e9, "trade.imports", "江苏")],
        "breakdown": [fact(1, "10.0亿元", 1e9, "trade.total:usa", "福建"), fact(2, "6.0亿元", 6e8, "trade.exports:usa", "福建"),
                      fact(3, "5.0亿元", 5e8, "trade.imports:usa", "福建")],  # 10 = 6 + 5 only to the nearest 1亿
    })
    found = findings(db, "sum")
    assert sorted({f["facts"][0]["doc_id"] for f in found}) == ["bad", "breakdown"]
    bad = next(f for f in found if f["facts"][0]["doc_id"] == "bad")
    assert bad["stated"] == 1e10 and bad["expected"] == pytest.approx(1.1e10)
    assert [f["indicator"] for f in bad["facts"]] == ["trade.total", "trade.exports", "trade.imports"]


def test_share_rule_compares_a_share_with_part_over_whole(tmp_path):
    db = store(tmp_path, {
        "good": [fact(1, "60亿美元", 6e9, "fdi.actual", "浙江", unit="USD"),
                 fact(2, "15亿美元", 1.5e9, "fdi.actual:hong_kong", "浙江", unit="USD"),
                 fact(3, "25%", 25.0, "fdi.actual:hong_kong", "浙江", kind="percent", unit="%")],
        "bad": [fact(1, "60亿美元", 6e9, "fdi.actual", "江苏", unit="USD"),
                fact(2, "15亿美元", 1.5e9, "fdi.actual:hong_kong", "江苏", unit="USD"),
                fact(3, "35%", 35.0, "fdi.actual:hong_kong", "江苏", kind="percent", unit="%")],
        "versus": [fact(1, "2.6万亿元", 2.6e12, "trade.total", "经开区"),
                   fact(2, "51.4%", 51.4, "trade.total", "经开区", kind="percent", unit="%", versus="全省"),
                   fact(3, "5.55万亿元", 5.55e12, "trade.total", "全省")],
    })
    found = findings(db, "share")
    assert sorted(f["facts"][0]["doc_id"] for f in found) == ["bad", "versus"]
    bad = next(f for f in found if f["facts"][0]["doc_id"] == "bad")
    assert bad["stated"] == 35.0 and bad["expected"] == pytest.approx(25.0)


def test_growth_rule_compares_growth_with_the_levels_of_consecutive_years(tmp_path):
    db = store(tmp_path, {
        "2024": [fact(1, "100亿元", 1e10, "retail.sales", "浙江", period=YEAR_2024),
                 fact(2, "100亿元", 1e10, "retail.sales", "江苏", period=YEAR_2024),
                 fact(3, "100亿元", 1e10, "gdp", "浙江", period=YEAR_2024)],
        "2025": [fact(1, "110亿元", 1.1e10, "retail.sales", "浙江"),
                 fact(2, "10.0%", 10.0, "retail.sales", "浙江", kind="growth", unit="%", basis="同比"),
                 fact(3, "110亿元", 1.1e10, "retail.sales", "江苏"),
                 fact(4, "5%", 5.0, "retail.sales", "江苏", kind="growth", unit="%", basis="同比"),
                 fact(5, "120亿元", 1.2e10, "gdp", "浙江"),  # GDP grows at comparable prices: not checked
                 fact(6, "5%", 5.0, "gdp", "浙江", kind="growth", unit="%", basis="同比")],
    })
    found = findings(db, "growth")
    assert len(found) == 1 and found[0]["facts"][0]["subject"] == "江苏"
    assert found[0]["expected"] == pytest.approx(10.0) and found[0]["stated"] == 5.0


def test_unit_rule_flags_one_value_stated_with_two_units(tmp_path):
    db = store(tmp_path, {
        "a": [fact(1, "4.18万亿元", 4.18e12, "trade.exports", "浙江")],
        "b": [fact(1, "4.18万亿美元", 4.18e12, "trade.exports", "浙江", unit="USD"),
              fact(2, "6000亿美元", 6e11, "trade.imports", "浙江", unit="USD")],
        "c": [fact(1, "6000亿元", 6e11, "trade.imports", "江苏")],  # another subject: no finding
    })
    found = findings(db, "unit")
    assert len(found) == 1 and {f["unit"] for f in found[0]["facts"]} == {"CNY", "USD"}


def test_bounds_take_no_part_in_checks(tmp_path):
    db = store(tmp_path, {"a": [fact(1, "超100亿元", 1e10, "trade.total", "浙江", qualifier="over"),
                                fact(2, "70亿元", 7e9, "trade.exports", "浙江"), fact(3, "40亿元", 4e9, "trade.imports", "浙江")]})
    assert findings(db, "sum") == []


def test_series_marks_conflicts_beyond_rounding(tmp_path):
    db = store(tmp_path, {
        "a": [fact(1, "5.55万亿元", 5.55e12, "trade.total", "浙江"), fact(2, "3.1万亿元", 3.1e12, "trade.total", "江苏")],
        "b": [fact(1, "5.548万亿元", 5.548e12, "trade.total", "浙江"), fact(2, "3.3万亿元", 3.3e12, "trade.total", "江苏")],
        "c": [fact(1, "5.55万亿元", 5.55e12, "trade.total", "浙江")],
    })
    zhejiang = series_records(db, "trade.total", subject="浙江省")
    assert [(r["value"], r["docs"], r["conflict"]) for r in zhejiang] == [(5.548e12, ["b"], False),
                                                                         (5.55e12, ["a", "c"], False)]
    jiangsu = series_records(db, "trade.total", subject="江苏")
    assert [r["conflict"] for r in jiangsu] == [True, True]


def test_check_command_prints_json_lines_and_exits_1_on_findings(tmp_path, capsys):
    db = store(tmp_path, {"bad": [fact(1, "100亿元", 1e10, "trade.total", "江苏"), fact(2, "70亿元", 7e9, "trade.exports", "江苏"),
                                  fact(3, "40亿元", 4e9, "trade.imports", "江苏")]})
    assert main(["check", db]) == 1
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [line["rule"] for line in lines] == ["sum"] and "1 finding" in captured.err
    assert main(["check", db, "--rule", "unit"]) == 0
