"""The outlet opening a dateline with 讯, short names included (南都讯), and no ordinary sentence taken for one."""
from __future__ import annotations

import pytest

import zjnews_extract
from zjnews_extract.clean import clean_page
from zjnews_extract.clean.byline import find_source


@pytest.mark.parametrize("line,outlet", [
    ("南都讯 记者李明 3日，广州市发布了新一轮促消费政策。", "南都"),
    ("潮新闻讯（记者 王芳 通讯员 陈红）近日，嘉兴市召开外贸工作会议。", "潮新闻"),
    ("新京报讯 据北京市统计局消息，一季度全市社会消费品零售总额增长。", "新京报"),
    ("澎湃新闻讯，记者从上海市商务委获悉，首发经济持续升温。", "澎湃新闻"),
    ("南都5月2日讯 五一假期首日，各大景区客流明显增加。", "南都"),
    ("浙江在线5月24日讯 省商务厅今天发布数据。", "浙江在线"),
])
def test_short_outlet_before_xun_is_the_source(line, outlet):
    assert find_source([line]) == outlet


@pytest.mark.parametrize("line", [
    "本报讯 记者张浩 今年以来，全市新开工项目一百二十个。",
    "喜讯传来，全村群众欢欣鼓舞。",
    "村民闻讯，纷纷赶到现场帮忙。",
    "附近居民闻讯赶来，一起参与救援。",
    "财经快讯：沪指午后震荡走高。",
    "全省资讯：杭州亚运场馆全面开放。",
    "记者从市通讯管理局获悉，5G基站已覆盖全部乡镇。",
    "温州通讯员陈红报道，当地企业订单饱满。",
    "他说这个消息是讯息时代的缩影。",
])
def test_ordinary_sentences_name_no_outlet(line):
    assert find_source([line]) is None


def test_a_page_opening_with_nandu_xun_gets_its_source():
    body = ("<p>南都讯 记者李明 3日，广州市发布新一轮促消费政策，涉及汽车、家电和餐饮等领域。</p>"
            "<p>据介绍，政策将持续到年底，预计带动消费超过百亿元，惠及全市居民和商户。</p>")
    page = clean_page(f"<html><head><title>广州发布促消费政策</title></head><body><h1>广州发布促消费政策</h1>"
                      f"<div class='article'>{body}</div></body></html>".encode("utf-8"))
    assert page.source == "南都"
    assert page.authors == ["李明"]


def test_a_release_date_in_brackets_under_the_office_is_the_dateline():
    # a bureau's release: title, office, the date in brackets on a line of its own (AR, CA, CJ, CP, DB, DE, EH)
    text = ("某县2021年国民经济和社会发展统计公报\n某县统计局\n(2022年3月15日)\n"
            "2021年,全县地区生产总值98.38亿元,比上年增长6.8%。\n")
    doc = zjnews_extract.extract(text)
    assert doc.published is not None and str(doc.published).startswith("2022-03-15")
    assert "(2022年3月15日)" not in doc.text
    assert [f.text for f in doc.facts] == ["98.38亿元", "6.8%"]
