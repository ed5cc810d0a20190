"""Text pasted from a PDF: its line ends inside sentences are read through (facts/unwrap.py), the
facts' spans stay the characters of the text, and web prose or table rows are left as they are."""
from __future__ import annotations

import pytest
from linear_time import assert_linear

from zjnews_extract.facts import find_facts
from zjnews_extract.facts.unwrap import unwrap

# A results forecast as a PDF copy gives it: lines cut at the page's edge, inside words and figures.
FORECAST = (
    "某某装备股份有限公司\n"
    "2025 年半年度业绩预告\n"
    "一、本期业绩预告情况\n"
    "经财务部门初步测算，公司预计 2025 年半年度实现归属于母公司所有者的净利润 2.40 亿元到 2.6\n"
    "0 亿元，与上年同期相比，将增加 0.51 亿元到 0.71 亿元，同比增加 27%到 38%。预计 2025 年半\n"
    "年度实现归属于母公司所有者的扣除非经常性损益的净利润 2.10 亿元到 2.30 亿元，与上年同\n"
    "期相比，将增加 0.40 亿元到 0.60 亿元。\n"
    "二、本期业绩预增的主要原因\n"
    "主营产品订单增加。\n"
)

# Web prose whose paragraphs lost their 。: lines end after whole words, and are left alone.
WEB = (
    "前三季度全市外贸进出口增势良好，民营企业进出口增长近三成，占比继续提高\n"
    "据海关统计，前三季度全市进出口总值812.6亿元，同比增长6.5%，其中出口520.3亿元\n"
    "从主要市场看，对东盟进出口增长12.1%。\n"
)


def _facts(text: str, published: str = "2025-07-12"):
    from datetime import date

    facts, _ = find_facts(text, published=date.fromisoformat(published))
    return facts


def test_a_wrapped_forecast_reads_through_its_line_ends():
    facts = _facts(FORECAST)
    assert all(f.text == FORECAST[f.start:f.end] for f in facts)
    by_text = {f.text: f for f in facts}
    low = by_text["2.40 亿元"]
    assert low.metric == "归属于母公司所有者的净利润"
    assert (low.period.start, low.period.end) == ("2025-01-01", "2025-06-30")
    # a figure cut from its unit by the page's edge is one figure, its span over the break
    assert "2.6\n0 亿元" in by_text
    cut = by_text["2.10 亿元"]  # 2025 年半 / 年度: the half year, not the year
    assert (cut.period.start, cut.period.end) == ("2025-01-01", "2025-06-30")
    assert cut.metric == "归属于母公司所有者的扣除非经常性损益的净利润"


def test_web_prose_and_tables_keep_their_lines():
    assert unwrap(WEB).dropped == ()
    table = "营业收入(元)632,348,717.0715.28%1,664,848,849.63-7.73%\n归属于上市公司股东的净利润(元)10,081,206.43237.26%\n"
    assert unwrap(FORECAST + table).text.endswith(table)


def test_offsets_map_back_to_the_original_text():
    u = unwrap(FORECAST)
    assert len(u.dropped) >= 2 and all(FORECAST[d] == "\n" for d in u.dropped)
    for start in range(0, len(u.text), 7):
        end = min(len(u.text), start + 11)
        s, e = u.span(start, end)
        assert FORECAST[s:e].replace("\n", "") == u.text[start:end].replace("\n", "")


@pytest.mark.slow
def test_unwrap_runs_in_linear_time():
    assert_linear(unwrap, FORECAST * 20, FORECAST * 200)
