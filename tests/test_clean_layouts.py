"""Page layouts that trip extractors, built from short sentences written for these tests."""
from __future__ import annotations

from zjnews_extract.clean import clean_page

NAV = "".join(f'<li><a href="/n{i}">栏目{i}</a></li>' for i in range(40))
RELATED = "".join(f'<li><a href="/r{i}">相关报道标题第{i}条 某地举办活动</a></li>' for i in range(30))


def page(body: str, title: str = "全省外贸稳中有进_示例新闻网") -> bytes:
    return (f"<html><head><title>{title}</title></head><body><ul class='nav'>{NAV}</ul>{body}"
            "<div class='foot'>关于我们 | 联系我们 | 网站地图<br>Copyright © 2024 示例新闻网 版权所有</div>"
            "</body></html>").encode("utf-8")


def test_three_sentence_item_beside_a_long_related_list():
    body = ("<h1>全省外贸稳中有进</h1><div class='info'>2024-05-06 09:30 来源：示例日报</div>"
            "<div class='main'><div class='text'><p>一季度全省进出口增长8%。</p><p>其中出口增长9%，进口增长6%。</p>"
            "<p>民营企业进出口占比超过七成。</p></div>"
            f"<div class='rel'><h3>相关阅读</h3><ul>{RELATED}</ul></div></div>")
    result = clean_page(page(body))
    assert result.text.split("\n") == ["全省外贸稳中有进", "一季度全省进出口增长8%。", "其中出口增长9%，进口增长6%。",
                                       "民营企业进出口占比超过七成。"]
    assert result.published == "2024-05-06T09:30:00+08:00" and result.source == "示例日报"


def test_article_split_over_sibling_blocks_is_kept_whole():
    body = ("<h1>全省外贸稳中有进</h1><div class='article'>"
            "<div class='lead'><p>本报讯（记者 王小明）一季度全省进出口增长8%，增速高于全国。</p></div>"
            "<div class='body'><p>其中，出口增长9%，进口增长6%，贸易结构继续优化。</p>"
            "<p>从市场看，对东盟进出口增长12%，对欧盟增长5%。</p>"
            "<p>下一步，全省将继续稳住外贸基本盘，推动新业态发展。</p></div></div>")
    result = clean_page(page(body))
    assert "一季度全省进出口增长8%，增速高于全国。" in result.text
    assert "推动新业态发展" in result.text
    assert result.authors == ["王小明"]


def test_comments_full_of_sentences_stay_out():
    comments = "".join(
        f"<div class='cmt'><div class='user'><a href='/u{i}'>网友{i}</a></div><div class='txt'>这个数据很好，说明经济在恢复，希望继续保持。</div>"
        f"<div class='ops'><a href='#'>回复</a> <a href='#'>举报</a> <a href='#'>赞</a></div><div class='time'>3小时前</div></div>"
        for i in range(12))
    body = ("<h1>全省外贸稳中有进</h1><div class='wrap'><div class='article'>"
            "<p>一季度全省进出口增长8%，增速高于全国平均水平。</p><p>其中，出口增长9%，进口增长6%，贸易结构继续优化。</p>"
            "<p>从市场看，对东盟进出口增长12%，对欧盟增长5%，对美国增长3%。</p></div>"
            f"<div class='comments'><h3>全部评论</h3>{comments}</div></div>")
    result = clean_page(page(body))
    assert "经济在恢复" not in result.text
    assert "对美国增长3%" in result.text


def test_br_separated_paragraphs_in_a_table_cell():
    body = ("<table><tr><td class='title'>全省外贸稳中有进</td></tr><tr><td>发布日期：2024-05-06</td></tr>"
            "<tr><td class='content'>一季度全省进出口增长8%，增速高于全国。<br>其中，出口增长9%，进口增长6%。<br>"
            "民营企业进出口占比超过七成，活力持续增强。<br>（责任编辑：李大伟）</td></tr></table>")
    result = clean_page(page(body))
    assert result.text.split("\n") == ["全省外贸稳中有进", "一季度全省进出口增长8%，增速高于全国。", "其中，出口增长9%，进口增长6%。",
                                       "民营企业进出口占比超过七成，活力持续增强。"]
    assert result.editor == "李大伟" and result.published == "2024-05-06"


def test_no_byline_means_no_author():
    body = "<h1>全省外贸稳中有进</h1><div><p>一季度全省进出口增长8%，增速高于全国。</p><p>字号：大 中 小</p></div>"
    result = clean_page(page(body))
    assert result.authors == []


def test_lead_paragraph_above_the_body_container_is_kept():
    body = ("<h1>全省外贸稳中有进</h1><div class='article'>"
            "<p class='lead'>本报讯 一季度全省进出口增长8%，增速高于全国平均水平，其中民营企业贡献超过七成，外贸开局良好。</p>"
            "<div class='body'><p>其中，出口增长9%，进口增长6%，贸易结构继续优化。</p>"
            "<p>从市场看，对东盟进出口增长12%，对欧盟增长5%。</p>"
            "<p>下一步，全省将继续稳住外贸基本盘，推动新业态发展。</p></div>"
            f"<ul class='more'>{RELATED}</ul></div>")
    result = clean_page(page(body))
    assert result.text.split("\n")[1] == "本报讯 一季度全省进出口增长8%，增速高于全国平均水平，其中民营企业贡献超过七成，外贸开局良好。"
    assert "相关报道标题" not in result.text


def test_title_tag_with_only_the_site_name():
    body = ("<h1>全省外贸稳中有进</h1><div><p>一季度全省进出口增长8%，增速高于全国平均水平。</p>"
            "<p>其中，出口增长9%，进口增长6%，贸易结构继续优化。</p></div>")
    html = page(body, title="示例新闻网").replace(b"<ul class='nav'>", "<ul class='nav'><li><a href='/'>示例新闻网</a></li>".encode())
    assert clean_page(html).title == "全省外贸稳中有进"


def test_headline_above_the_dateline_when_title_tag_says_something_else():
    body = ("<div class='crumb'><a href='/'>首页</a> <a href='/n'>新闻</a></div>"
            "<div class='hd'><h2>全省外贸稳中有进</h2><h3>一季度数据发布</h3>"
            "<div class='info'>发布时间：2024-05-06 09:30 来源：示例日报</div></div>"
            "<div class='bd'><p>一季度全省进出口增长8%，增速高于全国平均水平。</p>"
            "<p>其中，出口增长9%，进口增长6%，贸易结构继续优化。</p></div>")
    result = clean_page(page(body, title="示例新闻网 - 经济频道"))
    assert result.title == "全省外贸稳中有进"
    assert result.text.split("\n")[:2] == ["全省外贸稳中有进", "一季度全省进出口增长8%，增速高于全国平均水平。"]
    assert result.published == "2024-05-06T09:30:00+08:00" and result.source == "示例日报"
