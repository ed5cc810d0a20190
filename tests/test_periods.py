"""Period mentions: short sentences of our own, each with the mentions expected (text, first day, last day)."""
from __future__ import annotations

from datetime import date

import pytest

from zjnews_extract.facts.period import PeriodIndex, find_periods

# (sentence, published, [(mention text, start, end, kind)])
CASES = [
    # a year, a relative year, months of a relative year
    ("2025年全市实现产值120亿元。", "2026-01-21", [("2025年", "2025-01-01", "2025-12-31", "span")]),
    ("去年1—11月，园区实际使用外资8亿美元。", "2026-01-21", [("去年1—11月", "2025-01-01", "2025-11-30", "span")]),
    ("今年1—5月，客流增长12%。", "2024-06-10", [("今年1—5月", "2024-01-01", "2024-05-31", "span")]),
    ("明年计划新增10家。", "2024-06-10", [("明年", "2025-01-01", "2025-12-31", "span")]),
    ("新一年，全省将举办活动300场。", "2026-01-21", [("新一年", "2026-01-01", "2026-12-31", "span")]),
    # month ranges with their several separators, and single months
    ("1-4月出口增长；1至5月进口下降；1月至8月零售额回升。", "2022-09-10",
     [("1-4月", "2022-01-01", "2022-04-30", "span"), ("1至5月", "2022-01-01", "2022-05-31", "span"),
      ("1月至8月", "2022-01-01", "2022-08-31", "span")]),
    ("2024年1—2月份，产量增长7%。", "2024-03-20", [("2024年1—2月份", "2024-01-01", "2024-02-29", "span")]),
    ("2023年1-7月，投资下降。7月份，指数为93。", "2023-08-15",
     [("2023年1-7月", "2023-01-01", "2023-07-31", "span"), ("7月份", "2023-07-01", "2023-07-31", "span")]),
    ("2月末，余额为5亿元；4月单月增长6%。", "2022-05-12",
     [("2月末", "2022-02-01", "2022-02-28", "span"), ("4月单月", "2022-04-01", "2022-04-30", "span")]),
    ("前5个月，销量增长；今年前五月，收入增长。", "2018-06-19",
     [("前5个月", "2018-01-01", "2018-05-31", "span"), ("今年前五月", "2018-01-01", "2018-05-31", "span")]),
    # quarters and halves
    ("一季度营收增长；第一季度利润增长；前三季度投资增长。", "2022-10-20",
     [("一季度", "2022-01-01", "2022-03-31", "span"), ("第一季度", "2022-01-01", "2022-03-31", "span"),
      ("前三季度", "2022-01-01", "2022-09-30", "span")]),
    ("上半年，地区生产总值增长5%。", "2024-07-19", [("上半年", "2024-01-01", "2024-06-30", "span")]),
    # a bare quarter that would start after the published date is last year's
    ("四季度，出口回落。", "2022-01-20", [("四季度", "2021-10-01", "2021-12-31", "span")]),
    ("1—11月，出口增长。", "2026-01-10", [("1—11月", "2025-01-01", "2025-11-30", "span")]),
    ("一季度营收增长。", "2022-01-20", [("一季度", "2021-01-01", "2021-03-31", "span")]),
    ("上半年力争增长6%。", "2024-05-10", [("上半年", "2024-01-01", "2024-06-30", "span")]),
    # bare words take the year of the nearest earlier year the text names
    ("2011年上半年旅游收入增长。上半年接待游客100万人次。", "2015-05-20",
     [("2011年上半年", "2011-01-01", "2011-06-30", "span"), ("上半年", "2011-01-01", "2011-06-30", "span")]),
    ("2025年，出口增长。自贸区全年实现交易额4万亿元。", "2026-01-21",
     [("2025年", "2025-01-01", "2025-12-31", "span"), ("全年", "2025-01-01", "2025-12-31", "span")]),
    # year to date, as of, since
    ("今年以来已举办43场。", "2022-04-27", [("今年以来", "2022-01-01", "2022-04-30", "span")]),
    ("年初至今，订单增长。", "2024-03-20", [("年初至今", "2024-01-01", "2024-03-31", "span")]),
    ("截至4月底，累计设立企业100家。", "2018-05-24", [("截至4月底", "2018-04-01", "2018-04-30", "span")]),
    ("截至2022年4月末，存款余额增长。", "2022-05-12", [("截至2022年4月末", "2022-04-01", "2022-04-30", "span")]),
    ("今年截至4月底新设企业33家。", "2018-05-24", [("今年截至4月底", "2018-01-01", "2018-04-30", "span")]),
    ("自2020年3月以来，外贸连续增长。", "2022-05-12", [("自2020年3月以来", "2020-03-01", "2022-05-31", "span")]),
    # several years, and cumulative growth against a distant base year
    ("2001年至2021年，年均增长14%。2016—2020年投资翻番。", "2022-01-20",
     [("2001年至2021年", "2001-01-01", "2021-12-31", "span"), ("2016—2020年", "2016-01-01", "2020-12-31", "span")]),
    ("2021年，进出口增长。与2001年相比，增长14.3倍。", None,
     [("2021年", "2021-01-01", "2021-12-31", "span"), ("与2001年相比", "2001-01-01", "2021-12-31", "span")]),
    # five-year plans only when used as a time
    ("“十三五”期间，投资增长；十四五开局之年实现进位；十五五规划编制启动。", "2022-01-20",
     [("“十三五”期间", "2016-01-01", "2020-12-31", "span"), ("十四五开局之年", "2021-01-01", "2021-12-31", "span")]),
    # days are days; a page timestamp is a day too
    ("1月21日，省商务厅召开会议。", "2026-01-21", [("1月21日", "2026-01-21", "2026-01-21", "day")]),
    ("发布时间：2024-03-20 13:50:37", "2024-03-20", [("2024-03-20 13:50:37", "2024-03-20", "2024-03-20", "day")]),
    # now words: the published month
    ("目前国内有2086个经销商。", "2022-04-27", [("目前", "2022-04-01", "2022-04-30", "now")]),
    # comparison bases are not periods
    ("增长22.4%，较2020年提高；比上年增加12万吨，比去年同期增加14家。", "2022-01-20", []),
    ("同比增长5%，环比增长1%。", "2022-01-20", []),
    ("收入与上年持平，客流恢复到2019年水平。", "2022-01-20", []),
    # a record's base is not a period
    ("净利润创下2019年一季度以来新高。", "2022-04-27", []),
    # ordinals and "the most in N years" are not periods; "N years since" looks back from last year
    ("第131届广交会吸引了近9年最多的客商。", "2022-04-27", []),
    ("入世20年来，外贸快速发展。", "2022-01-20", [("20年来", "2002-01-01", "2021-12-31", "span")]),
    ("过去五年，年均增长6%。", "2026-02-01", [("过去五年", "2021-01-01", "2025-12-31", "span")]),
    ("今后五年，年均增长5%以上。", "2026-02-01", [("今后五年", "2026-01-01", "2030-12-31", "span")]),
    # year ends and years in Chinese digits
    ("截至2025年底，累计设立企业900家；今年底前建成。", "2026-02-01",
     [("截至2025年底", "2025-12-01", "2025-12-31", "span"), ("今年底", "2026-12-01", "2026-12-31", "span")]),
    ("二〇二五年，全市生产总值增长5%。", "2026-02-01", [("二〇二五年", "2025-01-01", "2025-12-31", "span")]),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), CASES)
def test_period_mentions(sentence, published, expected):
    pub = date.fromisoformat(published) if published else None
    got = [(m.text, m.period.start, m.period.end, m.kind) for m in find_periods(sentence, pub) if m.kind != "base"]
    assert got == expected


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
        ("去年1—11月", "carry"), ("2021年年末", "clause"), ("4月单月", "paragraph"), ("自2020年3月以来", "sentence")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("2025年起步良好。", [("2025年", "2025-01", "2025-12")]),
    ("从2020年开始，连续增长。", [("从2020年开始", "2020-01", "2026-01")]),
    ("5月起，实施新政。", [("5月起", "2026-05", "2026-12")]),
])
def test_since_words(sentence, expected):
    got = [(m.text, m.period.start[:7], m.period.end[:7]) for m in find_periods(sentence, date(2026, 1, 25))]
    assert got == expected
