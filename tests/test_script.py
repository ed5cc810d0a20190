"""Traditional-character texts are read on a simplified shadow and answered in their own script."""
from __future__ import annotations

from datetime import date

import zjnews_extract
from zjnews_extract.script import is_traditional, simplified_shadow

TRADITIONAL = ("1-6月,全市實現社會消費品零售總額631.38億元,同比下降7.8%。規模以上工業企業產銷率為95.8%。\n"
               "2020年1-6月主要經濟指標\n指標\n|\n單位\n|\n累計\n|\n±%\n|\n"
               "規模以上工業增加值\n|\n億元\n|\n―\n|\n3.0\n|\n社會消費品零售總額\n|\n億元\n|\n631.38\n|\n-7.8\n|\n"
               "居民消費價格總指數(CPI)\n|\n%\n|\n104.80\n|\n4.8\n|\n")


def test_a_simplified_text_is_not_traditional():
    assert not is_traditional("1-6月，全市实现社会消费品零售总额631.38亿元，同比下降7.8%。台湾同胞、香港特区政府表示欢迎。")


def test_the_shadow_keeps_every_offset():
    shadow = simplified_shadow(TRADITIONAL)
    assert is_traditional(TRADITIONAL) and len(shadow) == len(TRADITIONAL)
    assert "社会消费品零售总额631.38亿元" in shadow and "单位" in shadow


def test_facts_of_a_traditional_text_are_in_its_own_script():
    doc = zjnews_extract.extract(TRADITIONAL, published=date(2020, 7, 29))
    for f in doc.facts:
        assert doc.text[f.start:f.end] == f.text
        assert f.sentence in doc.text
    by_text = {}
    for f in doc.facts:
        by_text.setdefault(f.text, f)
    assert by_text["631.38億元"].metric == "社會消費品零售總額" and by_text["631.38億元"].value == 631.38e8
    assert by_text["95.8%"].metric == "規模以上工業企業產銷率"
    # the table, one cell per line between bar lines, with a unit column, read in traditional characters
    table = {f.text: f for f in doc.facts if f.start > doc.text.index("指標")}
    assert table["3.0"].kind == "growth" and table["3.0"].metric == "規模以上工業增加值"
    assert table["104.80"].metric == "居民消費價格總指數(CPI)" and table["104.80"].kind == "percent"


def test_the_nation_is_one_subject_in_either_script():
    doc = zjnews_extract.extract("2019年12月份,全國居民消費價格同比上漲4.5%。全國工業生產者出廠價格同比下降0.5%。",
                                 published=date(2020, 1, 9))
    assert [f.subject for f in doc.facts] == ["全国", "全国"]  # a series of 全国 joins across scripts
    assert doc.facts[0].metric == "居民消費價格"  # the metric stays as written


def test_one_traditional_sentence_is_read_as_traditional():
    assert is_traditional("2019年,全國規模以上工業增加值比上年增長5.7%。")
    assert not is_traditional("据香港《經濟日報》报道,今年上半年全省进出口增长5%。")  # a quoted name
    doc = zjnews_extract.extract("2019年,全國規模以上工業增加值比上年增長5.7%。", published=date(2020, 1, 17))
    assert [(f.metric, f.subject, f.kind) for f in doc.facts] == [("規模以上工業增加值", "全国", "growth")]


def test_a_variant_form_in_a_simplified_text_is_read_as_the_common_one():
    # Hong Kong companies' simplified announcements write 於 for 于 (归属於本公司股东的净利润)
    text = "截至二零一六年十二月三十一日止年度,本公司实现归属於本公司股东的净利润为人民币85.20亿元,比上年下降37.59%。"
    doc = zjnews_extract.extract(text, published=date(2017, 3, 22))
    assert not is_traditional(text)
    assert [f.metric for f in doc.facts] == ["归属於本公司股东的净利润"] * 2  # as written, the whole name
    assert all(doc.text[f.start:f.end] == f.text for f in doc.facts)


def test_a_hong_kong_firms_page_in_traditional_script_counts_in_hong_kong_dollars():
    # the same words in simplified script (a mainland page on a Hong Kong-listed firm) keep bare 元 as 人民币
    hk = "新鴻基地產（0016）公布全年業績，集團全年收入為797.2億元，按年升11.5%。"
    mainland = "新鸿基地产（0016）公布全年业绩，集团全年收入为797.2亿元，按年升11.5%。"
    units = {doc: [f.unit for f in zjnews_extract.extract(doc, published=date(2025, 9, 4)).facts if f.kind == "value"]
             for doc in (hk, mainland)}
    assert units[hk] == ["HKD"] and units[mainland] == ["CNY"]
    # ...and a page naming 人民幣 anywhere keeps its bare 元 in 人民币
    rmb = hk + "中期純利24.46億人民幣。"
    assert [f.unit for f in zjnews_extract.extract(rmb, published=date(2025, 9, 4)).facts if f.kind == "value"] \
        == ["CNY", "CNY"]


def test_a_macau_page_that_names_its_own_bodies_counts_in_patacas():
    # 博彩監察協調局 and 統計暨普查局 are Macau's; a page naming one and never 人民幣 writes its bare 元 in patacas
    macau = "博彩監察協調局公布，第1季博彩毛收入761.5億元，按年下跌0.4%。"
    assert [f.unit for f in zjnews_extract.extract(macau, published=date(2019, 4, 2)).facts if f.kind == "value"] \
        == ["MOP"]
    rmb = macau + "內地旅客消費12億人民幣。"
    assert {f.unit for f in zjnews_extract.extract(rmb, published=date(2019, 4, 2)).facts if f.kind == "value"} \
        == {"CNY"}


def test_a_hong_kong_listed_firm_that_operates_in_macau_counts_in_hong_kong_dollars():
    # its stock code says where it reports, whatever place it names (CQ's and XM's Galaxy pages); a Macau page with
    # no stock code stays out of Hong Kong's dollar
    galaxy = "銀娛(00027)公布第一季業績,經調整EBITDA為40億元,當中「澳門銀河」經調整EBITDA為30億元。"
    assert [f.unit for f in zjnews_extract.extract(galaxy, published=date(2019, 5, 16)).facts if f.kind == "value"] \
        == ["HKD", "HKD"]
    no_code = "銀娛公布第一季業績,經調整EBITDA為40億元,當中「澳門銀河」經調整EBITDA為30億元。"
    assert "HKD" not in [f.unit for f in zjnews_extract.extract(no_code, published=date(2019, 5, 16)).facts]


def test_a_hong_kong_government_release_in_traditional_script_counts_in_hong_kong_dollars():
    # 政府統計處 is Hong Kong's statistics department: its release names no stock code, yet its 元 are Hong Kong dollars
    release = "政府統計處今日發表的零售業銷貨統計數字，十一月份零售業總銷貨價值的臨時估計為396億元，較去年同月上升6.4%。"
    assert [f.unit for f in zjnews_extract.extract(release, published=date(2014, 1, 2)).facts if f.kind == "value"] \
        == ["HKD"]


def test_small_forms_of_punctuation_split_clauses_in_either_script():
    # ﹔ and ﹐ (BE, MD, MV, JZ pages): each region's rate is its own clause, its region the subject
    for text in ("1-7月，東部地區民間固定資產投資增長19.4%﹔中部地區固定資產投資增長25.1%﹔西部地區增長26.9%。",
                 "1-7月，东部地区投资增长19.4%﹔中部地区投资增长25.1%﹐西部地区增长26.9%。"):
        facts = {f.text: f for f in zjnews_extract.extract(text, published="2013-08-10").facts}
        assert facts["25.1%"].subject in ("中部地區", "中部地区")
        assert not facts["25.1%"].metric.startswith("﹔")
        assert facts["26.9%"].subject in ("西部地區", "西部地区")


def test_a_measure_word_of_a_traditional_text_is_written_as_the_text_writes_it():
    doc = zjnews_extract.extract("一季度，生豬出欄45.04萬頭，羊出欄24.38萬隻，出口汽車3萬輛，收入5億元。",
                                 published=date(2021, 4, 22))
    units = {f.text: f.unit for f in doc.facts}
    assert units == {"45.04萬頭": "頭", "24.38萬隻": "隻", "3萬輛": "輛", "5億元": "CNY"}


def test_a_taiwan_district_is_the_subject_in_its_own_script():
    doc = zjnews_extract.extract("新北市地政局公布11月房市交易概況，淡水區房屋移轉棟數為561棟，土城區為150棟。",
                                 published=date(2025, 12, 2))
    subjects = {f.text: f.subject for f in doc.facts}
    assert subjects == {"561棟": "淡水區", "150棟": "土城區"}


def test_a_hong_kong_government_release_in_simplified_script_counts_in_hong_kong_dollars():
    doc = zjnews_extract.extract("政府统计处今日公布，二零一二年一月的零售业总销货价值的临时估计为432亿元。",
                                 published=date(2012, 3, 1))
    assert [(f.text, f.unit) for f in doc.facts] == [("432亿元", "HKD")]


def test_a_taiwan_firms_page_that_says_its_changes_taiwans_way_counts_in_taiwan_dollars():
    doc = zjnews_extract.extract("聯電首季合併營收542.09億元，季減達20.09%、年減14.53%。", published=date(2023, 4, 27))
    assert [(f.text, f.unit) for f in doc.facts if f.kind == "value"] == [("542.09億元", "TWD")]
    # nine years' growth is no Taiwan word: a mainland banks' page in traditional script stays in 人民币
    doc = zjnews_extract.extract("城商行資產規模9年增6.8倍，達到9.98萬億元。", published=date(2012, 12, 31))
    assert [(f.text, f.unit) for f in doc.facts if f.kind == "value"] == [("9.98萬億元", "CNY")]


def test_a_hong_kong_stock_code_without_its_leading_zeros_still_says_hong_kong_dollars():
    # 恒生銀行(011), 恒基地產(012): a code written short still opens with its zero (YU's and EU's results pages);
    # a year in brackets (2019) is no code
    hang_seng = "恒生銀行(011)公布截至2019年12月31日止年度業績，錄得股東應得溢利248.4億元，按年增加3%。"
    assert [f.unit for f in zjnews_extract.extract(hang_seng, published=date(2020, 2, 19)).facts if f.kind == "value"] \
        == ["HKD"]
    year_only = "恒生銀行(2019)公布全年業績，錄得股東應得溢利248.4億元，按年增加3%。"
    assert "HKD" not in [f.unit for f in zjnews_extract.extract(year_only, published=date(2020, 2, 19)).facts]
