"""Published tables: the cases in cases/facts_tables.jsonl (real tables, and short ones of our
own for the edge cases), each read end to end by extract(); every fact on a table line must
be the expected one, in order. Expected facts were written by hand from the tables."""
from __future__ import annotations

import json
import math
import re
from datetime import date
from pathlib import Path

import msgspec
import pytest

import zjnews_extract

CASES = Path(__file__).parent / "cases" / "facts_tables.jsonl"
_FIELDS = ("text", "kind", "unit", "metric", "subject", "status", "qualifier", "versus", "basis")


def _cases():
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            yield pytest.param(case, id=case["name"])


def _months(compact: str | None) -> tuple[str, str] | None:
    """2014-H1 -> (2014-01, 2014-06); 2018-04..2018-05; 2020; 2013-Q1; None."""
    if compact is None:
        return None
    first, _, last = compact.partition("..")
    a, b = _bounds(first), _bounds(last or first)
    return a[0], b[1]


def _bounds(p: str) -> tuple[str, str]:
    if m := re.fullmatch(r"(\d{4})-H([12])", p):
        h = int(m[2])
        return f"{m[1]}-{6 * h - 5:02d}", f"{m[1]}-{6 * h:02d}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", p):
        q = int(m[2])
        return f"{m[1]}-{3 * q - 2:02d}", f"{m[1]}-{3 * q:02d}"
    if re.fullmatch(r"\d{4}", p):
        return f"{p}-01", f"{p}-12"
    return p, p


def _on_table_line(text: str, start: int, spaced: bool | str = False) -> bool:
    """A bar line, or a line holding one figure alone (a table pasted one cell per line); in a case of
    space-separated columns, a line of cells with no sentence mark; in a case of cells run together
    (spaced: "glued"), a line ending in a figure with no sentence mark."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if spaced == "glued":
        # (cells run together: a label and figures, no sentence mark)
        return re.search(r"(?:[\d%％]|个百分点)$", line.strip()) is not None and not re.search(r"[。，；:：]|,(?!\d)", line)
    if spaced:
        # (a comma between digits is a thousands separator, no sentence mark)
        return re.search(r"\S\s+\S", line.strip()) is not None and not re.search(r"[。，；]|,(?!\d)", line)
    return "|" in line or re.fullmatch(r"\s*[-+]?\d[\d,.]*\s*(?:以上|左右|以内|以下|[吨头只个万亿元]{1,2})?\s*", line) is not None


@pytest.mark.parametrize("case", list(_cases()))
def test_table_case(case):
    published = date.fromisoformat(case["published"]) if case.get("published") else None
    doc = zjnews_extract.extract(case["text"], published=published, url=case.get("url"))
    got = [f for f in doc.facts if _on_table_line(doc.text, f.start, case.get("spaced", False))]
    want = case["expect"]
    known_wrong = case.get("known_wrong", {})  # field -> why it is not read right yet
    assert [g.text for g in got] == [w["text"] for w in want]
    wrong = set()
    for g, w in zip(got, want):
        assert doc.text[g.start:g.end] == g.text
        assert math.isclose(g.value, w["value"], rel_tol=1e-9), (g, w)
        months = (g.period.start[:7], g.period.end[:7]) if g.period and g.period.start else None
        pairs = [(f, getattr(g, f), w[f]) for f in _FIELDS if f in w] + [("period", months, _months(w["period"]))]
        for field, have, expected in pairs:
            if field in known_wrong:
                wrong.update([field] if have != expected else [])
            else:
                assert have == expected, (field, g, w)
    assert wrong == set(known_wrong), f"known wrong fields now right: {set(known_wrong) - wrong}"


def test_lines_of_words_with_bars_are_prose():
    doc = zjnews_extract.extract("全省经济稳中向好\n一季度全省生产总值增长6.1% | 浙江在线\n工业增加值增长7.2%。",
                                 published=date(2024, 4, 20))
    assert {"6.1%", "7.2%"} <= {f.text for f in doc.facts}
    doc = zjnews_extract.extract("全省经济稳中向好\n一季度全省生产总值增长6.1% | 浙江在线\n出口增长5.2% | 新华网",
                                 published=date(2024, 4, 20))
    assert {"6.1%", "5.2%"} <= {f.text for f in doc.facts}


def test_numbers_in_captions_labels_numbering_and_footnotes_are_no_facts():
    text = ("2023年民营企业前10名营业收入\n序号 | 企业名称 | 营业收入(亿元)\n1 | 甲集团 | 120.5\n"
            "2 | 乙公司2号厂 | 98.0\n注:1.营业收入2000万元以上的企业纳入统计。")
    doc = zjnews_extract.extract(text, published=date(2024, 3, 1))
    assert [f.text for f in doc.facts] == ["120.5", "98.0"]
    assert [f.subject for f in doc.facts] == ["甲集团", "乙公司2号厂"]


def test_table_spans_cover_caption_rows_and_footnote():
    from zjnews_extract.facts.tables import find_table_facts
    from zjnews_extract.quantity import find_quantities

    text = "正文第一段，全年增长5%。\n表1 主要指标\n指标 | 2023年\n产量(万吨) | 12.5\n注:数据为初步统计。\n正文第二段。"
    facts, spans = find_table_facts(text, find_quantities(text), subject=None, period_at=lambda _: None, published=None)
    assert [text[s:e] for s, e in spans] == ["表1 主要指标\n指标 | 2023年\n产量(万吨) | 12.5\n注:数据为初步统计。"]
    assert [(f.text, f.value, f.unit, f.metric, f.period.start) for f in facts] == [("12.5", 125000.0, "吨", "产量", "2023-01-01")]


def test_dates_codes_and_page_counters_in_tables_are_no_facts():
    text = ("重点项目进展\n项目 | 开工时间 | 总投资(亿元) | 联系电话\n甲工程 | 2023.12 | 12.5 | 87654321\n"
            "乙工程 | 2024.03 | 8.0 | 87654322\n阅读 | 1234 | | \n点赞 | 56 | |")
    doc = zjnews_extract.extract(text, published=date(2024, 5, 1))
    assert [(f.text, f.metric, f.value) for f in doc.facts] == [("12.5", "甲工程总投资", 1.25e9), ("8.0", "乙工程总投资", 8e8)]


def test_units_from_prose_never_scale_a_cell_down():
    # prose 0.41 and 0.36 of a unit whose figures are the cells' over ten: no unit counts a figure down,
    # so the table keeps its bare figures (a zero scale would have invented 0)
    from zjnews_extract.facts.tables.prose_units import units_from_prose  # noqa: PLC0415
    from zjnews_extract.records import Fact, Quantity  # noqa: PLC0415

    cells = [Fact(id=str(i), text=t, start=100 + 10 * i, end=104 + 10 * i, kind="value", value=v, unit=None)
             for i, (t, v) in enumerate([("4.1", 4.1), ("3.6", 3.6)])]
    prose = [Quantity(text=t, start=s, end=s + 6, kind="value", value=v, unit="吨")
             for t, s, v in [("4.1万吨", 0, 0.41), ("3.6万吨", 10, 0.36)]]
    assert units_from_prose(cells, prose, 100, 200) == cells
    scaled = units_from_prose(cells, [msgspec.structs.replace(q, value=q.value * 1e5) for q in prose], 100, 200)
    assert [(f.unit, f.value) for f in scaled] == [("吨", 41000.0), ("吨", 36000.0)]
