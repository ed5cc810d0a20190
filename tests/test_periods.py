"""Period mentions: short sentences of our own (tests/cases/periods_developed_on.jsonl), each with the
mentions expected (text, first day, last day, kind), and how far a period reaches."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from zjnews_extract.facts.period import PeriodIndex, find_periods

CASES = Path(__file__).parent / "cases" / "periods_developed_on.jsonl"


def _cases():
    for i, line in enumerate(CASES.read_text(encoding="utf-8").splitlines()):
        if line.strip():
            case = json.loads(line)
            yield pytest.param(case, id=f"developed_on-{i:02d}")


@pytest.mark.parametrize("case", list(_cases()))
def test_period_mentions(case):
    """Each case: a sentence, its published date, the mentions expected (text, first day, last day, kind).

    Comparison bases (kind "base") are left out here; known_wrong is a strict xfail."""
    pub = date.fromisoformat(case["published"]) if case["published"] else None
    got = [{"text": m.text, "start": m.period.start, "end": m.period.end, "kind": m.kind}
           for m in find_periods(case["text"], pub) if m.kind != "base"]
    if case.get("known_wrong"):
        assert got != case["expect"], f"known_wrong case now passes, remove the flag: {case['known_wrong']}"
    else:
        assert got == case["expect"], case["why"]


def test_comparison_bases_are_mentions_of_their_own_kind():
    found = find_periods("增长22.4%，较2020年提高；比上年增加12万吨。收入与上年持平。", date(2022, 1, 20))
    assert [(m.text, m.kind, m.reach) for m in found] == [
        ("2020年", "base", "none"), ("上年", "base", "none"), ("上年", "base", "none")]


def test_offsets_are_into_the_text():
    text = "回顾过去，去年1—11月增长，今年以来回升。"
    for m in find_periods(text, date(2026, 1, 21)):
        assert text[m.start:m.end] == m.text == m.period.text


def test_explicit_year_flag():
    found = find_periods("2025年出口增长。一季度回落。", date(2026, 1, 21))
    assert [(m.text, m.explicit_year) for m in found] == [("2025年", True), ("一季度", False)]


def test_relative_words_without_a_published_date_take_the_text_year():
    found = find_periods("去年进出口破4万亿元。2021年，全省进出口4.14万亿元。", None)
    assert [(m.text, m.period.start[:4]) for m in found] == [("去年", "2021"), ("2021年", "2021")]


def test_bare_words_without_any_year_are_unresolved():
    found = find_periods("一季度营收增长。", None)
    assert [(m.text, m.period) for m in found] == [("一季度", None)]


def test_calendar_widget_date_does_not_set_the_year():
    text = "2021年09月02日 星期四\n浙江一季度进出口增长"
    found = find_periods(text, date(2022, 4, 27))
    assert found[-1].text == "一季度" and found[-1].period.start == "2022-01-01"


def test_a_look_back_does_not_set_the_year_of_later_words():
    found = find_periods("2021年产量增长，达近9年最高，十年来首次。全年面积增长。", date(2021, 12, 15))
    assert [(m.text, m.period.start[:4]) for m in found][-1] == ("全年", "2021")


# --- how far a period reaches: PeriodIndex.period_at ---------------------------------------------



def _period_of(text: str, number: str, published: date | None = date(2022, 5, 12), nth: int = 0):
    mentions = find_periods(text, published)
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(number, offset + 1)
    p = PeriodIndex(text, mentions).period_at(offset)
    return None if p is None else (p.start[:7], p.end[:7])


def test_a_moment_inside_a_clause_reaches_only_that_clause():
    text = "2021年，公司营收100亿元。拟以2021年年末总股本10亿股为基数，每10股派发红利20元。"
    assert _period_of(text, "10亿股") == ("2021-12", "2021-12")
    assert _period_of(text, "20元") == ("2021-01", "2021-12")


def test_an_as_of_that_opens_the_clause_carries():
    text = "截至2018年4月底，全省累计设立企业6万家，投资总额6000亿美元。"
    assert _period_of(text, "6000亿美元") == ("2018-04", "2018-04")


def test_a_single_month_stays_in_its_paragraph():
    text = "1-4月，出口增长10%。4月单月，出口增长5%。\n分项看，机电产品出口增长8%。"
    assert _period_of(text, "5%") == ("2022-04", "2022-04")
    assert _period_of(text, "8%") == ("2022-01", "2022-04")


def test_a_single_month_with_nothing_longer_before_it_carries():
    text = "3月份，价格上涨2%。\n其中食品价格上涨4%。"
    assert _period_of(text, "4%") == ("2022-03", "2022-03")


def test_a_since_stays_in_its_sentence():
    text = "1-4月，出口增长10%。\n自2020年3月以来，外贸连续26个月增长。机电产品出口增长8%。"
    assert _period_of(text, "26个月") == ("2020-03", "2022-05")
    assert _period_of(text, "8%") == ("2022-01", "2022-04")


def test_a_number_before_any_period_takes_the_first_one():
    text = "首次跻身全国前三\n2021年，全省进出口增长22%。"
    assert _period_of(text, "前三", None) == ("2021-01", "2021-12")


def test_reach_values():
    found = find_periods("去年1—11月增长。拟以2021年年末总股本为基数。4月单月增长。自2020年3月以来增长。", date(2022, 5, 12))
    assert [(m.text, m.reach) for m in found] == [
        ("去年1—11月", "carry"), ("2021年年末", "none"), ("4月单月", "paragraph"), ("自2020年3月以来", "sentence")]
    # (以…为基数 with no figure inside frames a base: its time dates nothing; with one, 以2021年年末总股本10亿股为基数,
    # it dates that figure: test_a_moment_inside_a_clause_reaches_only_that_clause)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("2025年起步良好。", [("2025年", "2025-01", "2025-12")]),
    ("从2020年开始，连续增长。", [("从2020年开始", "2020-01", "2026-01")]),
    ("5月起，实施新政。", [("5月起", "2026-05", "2026-12")]),
])
def test_since_words(sentence, expected):
    got = [(m.text, m.period.start[:7], m.period.end[:7]) for m in find_periods(sentence, date(2026, 1, 25))]
    assert got == expected


def test_an_undated_text_returns_from_an_earlier_years_paragraph():
    # the census paragraph speaks of 2023; the next paragraph's bare 年末 is the bulletin's 2024 again
    text = ("2024年，全县经济稳中向好。\n全年全县生产总值316亿元，增长6%。\n"
            "2023年经济普查结果：生产总值296亿元。\n年末全县常住人口77万人。")
    assert _period_of(text, "77万人", None) == ("2024-12", "2024-12")
    assert _period_of(text, "296亿元", None) == ("2023-01", "2023-12")


def test_a_month_and_day_in_chinese_numerals():
    # 十二月5日 once crashed (int('十二')) when a published date was given; a Hong Kong filing writes its
    # year end out: 截至二零一八年十二月三十一日止年度 is the year 2018
    found = find_periods("十二月5日，全市接待游客5万人次。", date(2024, 12, 6))
    assert [(m.text, m.period.start, m.period.end) for m in found] == [("十二月5日", "2024-12-05", "2024-12-05")]
    text = "截至二零一八年十二月三十一日止年度，本集团的收益约为100.4百万港元。"
    assert _period_of(text, "100.4", date(2019, 3, 20)) == ("2018-01", "2018-12")


def test_an_issue_month_under_a_title_casts_no_vote():
    # an undated bulletin read from the month after its date line: 2022年3月 under the title is when it was
    # issued; 全年 is the year it reports on, 2021
    text = "某县2021年国民经济和社会发展统计公报\n某县统计局\n2022年3月\n2021年是开局之年。\n一、综合\n全年实现地区生产总值98亿元。"
    assert _period_of(text, "98亿元", date(2022, 4, 1)) == ("2021-01", "2021-12")
