"""Basis (facts/basis.py), period type and the enrichment of whole documents."""
from __future__ import annotations

import pytest

import zjnews_extract
from zjnews_extract.enrich import period_type
from zjnews_extract.facts.basis import clause_before, find_basis
from zjnews_extract.records import Period


def _basis(marked: str, kind: str = "growth", year: int | None = None) -> str | None:
    start = marked.index("|")
    return find_basis(marked.replace("|", ""), start, kind, year)


@pytest.mark.parametrize(("marked", "kind", "year", "expected"), [
    ("全省进出口5.5万亿元，同比增长|5.4%", "growth", None, "同比"),
    ("全省进出口5.5万亿元，增长|5.4%", "growth", None, "同比"),  # the default of a growth rate
    ("居民消费价格环比上涨|0.2%", "growth", None, "环比"),
    ("增速比上月回落|0.3个百分点", "pp", None, "环比"),
    ("与2019年相比，接待游客增长|12%", "growth", 2023, "比2019年"),  # 相比 leads into the next clause
    ("早稻面积比2021年减少|3万亩", "value", 2022, "同比"),  # the year before the period is plain 同比
    ("比2019年增加|50万亩", "value", 2022, "比2019年"),
    ("全年增长5.4%，高于预期目标|0.4个百分点", "pp", None, "目标"),
    ("各项贷款余额比年初增加|1.2万亿元", "value", None, "比年初"),
    ("社会融资规模比上年同期多增|871亿元", "value", None, "同比"),
    ("人民币贷款增加|3.2万亿元", "value", None, None),  # new loans: an amount, not a change
    ("出口|4.18万亿元", "value", None, None),
    ("占全国份额|15.5%", "percent", None, None),
    ("同比增长5%，环比增长|1%", "growth", None, "环比"),  # the nearest cue wins
    ("比上年增长3%、较上月增长|1%", "growth", None, "环比"),  # in one clause too
    ("“入世”20年，出口总值年均增长|14.8%", "growth", None, "年均"),
])
def test_basis_is_read_from_the_words_before_the_number(marked, kind, year, expected):
    assert _basis(marked, kind, year) == expected


def test_a_change_over_several_years_has_no_default_basis():
    text = "出口总值增长14.8倍"
    assert find_basis(text, 6, "growth", 2001, 2021) is None
    assert find_basis(text, 6, "growth", 2021, 2021) == "同比"


def test_the_clause_stops_at_a_comma_unless_it_leads_in():
    text = "同比增长5%，环比增长1%"
    assert clause_before(text, len(text) - 2) == "环比增长"
    assert clause_before("与上年相比，出口增长3%", 10) == "与上年相比，出口增长"


@pytest.mark.parametrize(("start", "end", "text", "stock", "expected"), [
    ("2025-01-01", "2025-06-30", "1—6月", False, "cumulative"),
    ("2025-01-01", "2025-12-31", "2025年", False, "cumulative"),
    ("2025-06-01", "2025-06-30", "6月份", False, "month"),
    ("2025-06-01", "2025-06-30", "6月末", False, "point"),
    ("2025-01-01", "2025-07-31", "7月", True, "point"),  # a balance is held at a moment
    ("2025-04-01", "2025-06-30", "二季度", False, "range"),
    ("2025-10-01", "2025-10-07", "10月1日至7日", False, "range"),
    ("2021-01-01", "2025-12-31", "十四五", False, "years"),
])
def test_period_types(start, end, text, stock, expected):
    assert period_type(Period(start=start, end=end, text=text), stock=stock) == expected


def test_no_period_no_type():
    assert period_type(None) is None


def test_a_document_carries_the_new_fields():
    doc = zjnews_extract.extract("2025年，全省实现进出口额5.55万亿元，同比增长5.4%。规上工业增加值增长6%。",
                                 published="2026-01-21")
    assert doc.published == "2026-01-21T00:00:00+08:00"
    assert doc.reference_date == "2026-01-21"
    assert doc.extractor_version == zjnews_extract.__version__
    by_text = {f.text: f for f in doc.facts}
    assert by_text["5.55万亿元"].indicator == "trade.total" and by_text["5.55万亿元"].basis is None
    assert by_text["5.4%"].basis == "同比" and by_text["5.4%"].period_type == "cumulative"
    assert by_text["6%"].indicator == "industry.value_added" and by_text["6%"].scope == "规模以上"


def test_a_count_of_breakdowns_reads_what_grew_after_its_number():
    doc = zjnews_extract.extract("1—8月，全省32个大类行业中有25个行业增加值保持同比增长，全省131种产品中有63种产品产量"
                                 "实现增长。", published="2024-09-20")
    by_text = {f.text: f for f in doc.facts}
    assert by_text["25个"].indicator == "industry.value_added.growing_count"
    assert by_text["63种"].indicator == "industry.output.growing_count"
    assert by_text["32个"].indicator is None and by_text["131种"].indicator is None  # the classification's size


def test_a_contribution_and_a_context_alias_in_a_document():
    doc = zjnews_extract.extract("1—6月，全省新设外商投资企业1200家，投资总额150亿美元。上半年，第二产业对全省地区生产总值"
                                 "增长的贡献率为42.5%。", published="2025-07-20")
    by_text = {f.text: f for f in doc.facts}
    assert by_text["150亿美元"].indicator == "fdi.total_investment"
    assert by_text["1200家"].indicator == "fdi.new_enterprises"
    # the facts stage names this rate by its last word (贡献率); the clause before it holds part and whole
    assert by_text["42.5%"].indicator == "gdp.contribution_rate:secondary"
