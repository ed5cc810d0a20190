"""HTML tables: a data table's rows become lines of cells joined by " | " (the facts stage
reads them); a layout table keeps its lines. Short pages written for these tests; the table
is the changzhou retail table of the dev gold."""
from __future__ import annotations

from datetime import date

import zjnews_extract
from zjnews_extract.clean import clean_page

ROWS = [("批发业", "49.02", "13.0", "+2.5"), ("零售业", "404.54", "16.3", "+1.8")]
TABLE = ("<table><tr><th>行业</th><th>限上零售额<br>(亿元)</th><th>增幅(%)</th><th>较去年同期±百分点</th></tr>"
         + "".join(f"<tr><td><p>{a}</p></td><td>{b}</td><td>{c}</td><td>{d}</td></tr>" for a, b, c, d in ROWS)
         + "</table>")


def page(body: str) -> str:
    return ("<html><head><title>上半年消费市场稳步发展</title></head><body><div class='nav'><a href='/'>首页</a></div>"
            "<div class='article'><h1>上半年消费市场稳步发展</h1>"
            "<p>2014年上半年，全市实现社会消费品零售总额881.9亿元，同比增长13.0%，增幅较去年同期提高0.1个百分点。</p>"
            f"<p>1-6月各行业限额以上社零总额及增幅</p>{body}<p>（统计局贸外处）</p></div></body></html>")


def test_rows_of_a_data_table_are_lines_of_cells():
    lines = clean_page(page(TABLE)).text.split("\n")
    assert "行业 | 限上零售额 (亿元) | 增幅(%) | 较去年同期±百分点" in lines
    assert "批发业 | 49.02 | 13.0 | +2.5" in lines and "零售业 | 404.54 | 16.3 | +1.8" in lines


def test_table_facts_come_out_of_an_html_page():
    doc = zjnews_extract.extract(page(TABLE), published=date(2014, 7, 30))
    by_text = {f.text: f for f in doc.facts}
    assert by_text["49.02"].value == 4.902e9 and by_text["49.02"].metric == "批发业限上零售额"
    assert by_text["+1.8"].kind == "pp" and by_text["+1.8"].versus == "去年同期"
    assert all(doc.text[f.start:f.end] == f.text for f in doc.facts)


def test_a_spanning_cell_keeps_the_columns_aligned():
    table = ("<table><tr><td rowspan='2'>指标</td><td colspan='2'>1-2月</td></tr>"
             "<tr><td>绝对量(亿元)</td><td>同比增长(%)</td></tr>"
             "<tr><td>社会消费品零售总额</td><td>61082</td><td>9.7</td></tr>"
             "<tr><td colspan='3'>按经营地分</td></tr>"
             "<tr><td>城镇</td><td>52046</td><td>9.6</td></tr></table>")
    lines = clean_page(page(table)).text.split("\n")
    assert "指标 | 1-2月 |" in lines  # the line is stripped: the empty last cell leaves its bar
    assert "按经营地分 | |" in lines and "城镇 | 52046 | 9.6" in lines


def test_layout_tables_keep_their_lines():
    article = ("<p>2014年上半年，全市实现社会消费品零售总额881.9亿元，同比增长13.0%。</p>"
               "<p>其中，批发和零售业实现零售总额817.1亿元，同比增长14.8%。</p>")
    html = ("<html><body><table><tr><td><a href='/'>首页</a> <a href='/a'>新闻</a></td><td>"
            f"<h1>上半年消费市场稳步发展</h1>{article}</td></tr>"
            "<tr><td>1</td><td>版权所有</td></tr></table></body></html>")
    lines = clean_page(html).text.split("\n")
    assert "2014年上半年，全市实现社会消费品零售总额881.9亿元，同比增长13.0%。" in lines
    assert not any("|" in line for line in lines)


def test_a_data_table_inside_a_layout_table_is_joined_alone():
    html = page(f"<table><tr><td>{TABLE}</td><td>相关链接</td></tr></table>")
    lines = clean_page(html).text.split("\n")
    assert "批发业 | 49.02 | 13.0 | +2.5" in lines
    assert not any("相关链接" in line and "|" in line for line in lines)
