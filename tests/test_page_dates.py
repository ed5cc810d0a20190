"""Dates of a page: a dateline must be a day (2018年1-8月 is none); in its address a full day is the
publication date, a month folder alone only
anchors periods (a monthly statistical report filed under its month)."""
import pytest

from zjnews_extract import extract
from zjnews_extract.clean.dates import date_in_url, find_datetime, month_in_text


@pytest.mark.parametrize(("url", "day"), [
    ("http://www.stats.gov.cn/tjsj/zxfb/201104/t20110415_12707.html", "2011-04-15"),
    ("http://news.example.cn/html/2019/guonei_1009/10774.html", "2019-10-09"),
    ("https://tjj.example.gov.cn/html/tjj/2014/OPOEMFCL_0730/11767.html", "2014-07-30"),
    ("http://cn.example.cn/news/2017-05/02/content_40730393.htm", "2017-05-02"),
    ("http://a.example.cn/news/show-91748.html", None),
])
def test_a_day_in_the_address(url, day):
    assert date_in_url(url) == day


def test_a_date_only_the_address_gives_dates_no_relative_words():
    """GUIDELINES.md resolves 今年, 上半年 and bare months against the page's own dateline; a page that shows
    none is published unknown, and a month folder (/2011n/4yf/) or a date in its address is no dateline
    (blind sets LJ's 龙岗 and 湖南 tables, IE's 山东 trade report: the annotators leave those periods null)."""
    text = "4月份,全区社会消费品零售总额29.8亿元,1-4月累计增长16.5%。"
    doc = extract(text, url="https://www.example.gov.cn/tjsj/tjyb/2011n/4yf/content/post_1.html")
    assert doc.published is None and doc.reference_date is None
    assert all(f.period is None for f in doc.facts)
    dated = extract("今年上半年，全市进出口总值增长12.5%。", url="http://x.example.cn/2021/0715/a.html")
    assert dated.published.startswith("2021-07-15")  # shown as the page's date, as before
    assert dated.reference_date is None and dated.facts[0].period is None
    written = extract("2021年上半年，全市进出口总值增长12.5%。", url="http://x.example.cn/2021/0715/a.html")
    assert (written.facts[0].period.start, written.facts[0].period.end) == ("2021-01-01", "2021-06-30")


def test_a_table_dated_only_by_relative_words_needs_a_dateline():
    text = ("类别 | 以上月价格为100 | 以上年同期价格为100 |\n | | 本月 | 至本月平均 |\n"
            "居民消费价格总指数 | 100.3 | 102.0 | 100.7 |\n食品类 | 101.2 | 105.4 | 103.2 |\n"
            "衣着 | 98.9 | 99.1 | 99.0 |\n")
    dated = extract(text, published="2010-05-12")
    got = {f.text: (f.kind, f.versus, f.period.start, f.period.end) for f in dated.facts}
    assert got["100.3"] == ("value", "上月", "2010-04-01", "2010-04-30")
    assert got["102.0"] == ("value", "去年同期", "2010-04-01", "2010-04-30")
    assert got["100.7"] == ("value", "去年同期", "2010-01-01", "2010-04-30")
    folder = extract(text, url="https://www.example.gov.cn/tjsj/tjyb/2010n/4yf/content/post_2.html")
    assert all(f.period is None for f in folder.facts)


@pytest.mark.parametrize(("line", "day"), [
    ("2018年1-8月 |", None),  # a range of months: no day, and so no dateline above a table
    ("2018年1月8日", "2018-01-08"),
    ("2019.3.5 来源:市统计局", "2019-03-05"),
])
def test_a_range_of_months_is_no_day(line, day):
    assert find_datetime(line) == day


def test_a_table_opening_with_a_range_of_months_keeps_its_lines():
    text = "2018年1-8月 |\n单位:万元 |\n项 目 |\n2018年8月 |\n同比增长(%) |\n全 市 |\n9915023 |\n5.7 |\n"
    doc = extract(text)
    assert doc.text.startswith("2018年1-8月")
    assert not doc.removed


def test_a_rate_after_a_year_is_no_date():
    """2020年12.23% (a rate of that year) is no 2020-12-23: after 年 a month ends in 月, and a
    date written with - / . uses one mark throughout. It made a bank's digest look published in
    2020, so every 2024 figure of it was read as a target."""
    from zjnews_extract.clean.dates import find_datetime

    assert find_datetime("加权平均净资产收益率从2020年12.23%降至2024年9.29%") is None
    assert find_datetime("2020年12月23日 10:30") == "2020-12-23T10:30:00+08:00"
    assert find_datetime("发布时间:2020.12.23") == "2020-12-23"
    assert find_datetime("2020/1/5") == "2020-01-05"


@pytest.mark.parametrize(("text", "month"), [
    ("工业生产销售总量指标 | 全县 | 2010.6 |", (2010, 6)),
    ("2019年古尔邦节假期(8月10日至13日)，截至2019年8月13日，累计接待游客", (2019, 8)),
    ("力争到2025年12月建成；2023年6月开工", (2023, 6)),  # a target's month is not the page's
    ("产值增长2010.65亿元", None),  # a figure, no date
    ("年末网上商品零售额1956.7万元", None),  # one decimal, a magnitude after it: a figure (DG's district bulletin)
    ("进出口2094.7 亿元，2021年3月", (2021, 3)),  # (a figure above 2021 must not win the latest month)
    ("表1 2024年1—9月份全国房地产开发和销售情况", (2024, 9)),  # a span of months: its last (CS's release)
    ("2019年1月至3月,全省接待游客", (2019, 3)),
    ("2014年,新疆發電量為1965.4億千瓦時", None),  # a figure in traditional characters (IR's 新疆 report was dated 1965)
])
def test_a_month_written_in_the_text(text, month):
    assert month_in_text(text) == month


def test_a_page_without_a_date_counts_its_months_from_the_month_it_writes():
    """CI's county report (published unknown): 今年6月 over a table dated 2010.6 is June 2010, as a month
    folder in the address would date it; the month is never shown as the publication date."""
    text = "据我局统计，今年6月全县实现规上工业产值20.67亿元，同比增长3.4%。\n附：规上产值等指标一览表\n" \
           "工业生产销售总量指标 | 全县 | 2010.6 |"
    doc = extract(text)
    fact = next(f for f in doc.facts if f.text == "20.67亿元")
    assert (fact.period.start, fact.period.end) == ("2010-06-01", "2010-06-30")
    assert doc.published is None
    assert extract(text.replace("2010.6", "")).facts[0].period is None
