"""One test per chrome rule, on real lines from Chinese news pages, and the lines it must leave alone."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjnews_extract.clean import chrome
from zjnews_extract.clean.article import filter_lines

# (line as printed on a real page, reason the cleaner must give)
CHROME = [
    ("您当前的位置 :浙江在线 > 浙江新闻 > 原创 > 全媒体播报 正文", "breadcrumb"),
    ("网易首页 > 财经频道 > 正文", "breadcrumb"),
    ("首页 → 理论新闻", "breadcrumb"),
    ("科技 > 要闻 > THE NEXT WEB > 正文", "breadcrumb"),
    ("现在位置： 首页 >> 东区新闻 >> 正文", "breadcrumb"),
    ("字体:", "font-size"),
    ("字体： 小 中 大", "font-size"),
    ("字号: [大] [中] [小] [打印]", "font-size"),
    ("分享到：", "share"),
    ("用微信扫码二维码", "share"),
    ("扫一扫在手机打开当前页面", "share"),
    ("转播到腾讯微博", "share"),
    ("【打印本页】【关闭窗口】", "buttons"),
    ("返回腾讯网首页>>", "navigation"),
    ("更多精彩内容请进入理论频道", "navigation"),
    ("人民日报客户端下载手机人民网人民视频客户端下载", "promotion"),
    ("2026-01-21 20:27:38 来源:浙江在线 记者 陈雷", "dateline"),
    ("发布时间:2024-07-19 13:50:37", "dateline"),
    ("—2026—", "dateline"),
    ("01/21", "dateline"),
    ("20:27:38", "dateline"),
    ("来源:浙江在线", "source-line"),
    ("本文来源：华尔街见闻 责任编辑：NF058", "source-line"),
    ("- 浏览量:1394", "page-info"),
    ("作者︱春春", "byline"),
    ("《棱镜》作者 周纯", "byline"),
    ("原创： 路闻卓立编译 人民币交易与研究", "byline"),
    ("会议现场 记者 陈雷 摄", "caption"),
    ("图/pixabay", "caption"),
    ("(资料图)", "caption"),
    ("责任编辑：吴珂珺", "editor"),
    ("(责编：汤诗瑶、丁涛)", "editor"),
    ("【编辑:陈海峰】", "editor"),
    ("[责任编辑:肖春芳]", "editor"),
    ("标签:消费;市场责任编辑:吴珂珺", "editor"),
    ("关键词阅读： 汇丰 服务业PMI", "tags"),
    ("原标题：他晚于阿姆斯特朗登月 却是首个敢在月球喝酒的人", "original-title"),
    ("版权和免责申明", "copyright"),
    ("凡注有\"浙江在线\"或电头为\"浙江在线\"的稿件,均为浙江在线独家版权所有,未经许可不得转载或镜像。", "copyright"),
    ("© 1997-2019 网易公司版权所有", "copyright"),
    ("京ICP备13028878号-6", "copyright"),
    ("声明：证券时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。", "copyright"),
    ("正文已结束，您可以按alt+4进行评论", "comments"),
    ("还没有评论，快来抢沙发吧！", "comments"),
    ("留言与评论（共有 0 条评论）", "comments"),
    ("相关阅读", "related"),
    ("精彩视频推荐", "related"),
    ("澎湃新闻报料：4009-20-4009", "footer"),
    ("主办单位：国务院办公厅 运行维护单位：中国政府网运行中心", "footer"),
]

# Article lines that mention a marker word but are prose (written for these tests).
PROSE = [
    "2025年，全省实现进出口额5.55万亿元，同比增长5.4%。",
    "1月21日，省商务厅在杭州举行全省商务工作会议，部署新一年工作。",
    "记者从省统计局获悉，上半年全省地区生产总值同比增长5.6%。",
    "数据来源：国家统计局",
    # the headline as first printed elsewhere, when it states figures, restates the article's facts
    "原标题：1-8月江苏外贸同增17.1%，民企拉动进出口增长9.6个百分点",
    "会议强调，要加强版权保护，推动文化产业高质量发展。",
    "分三大门类看，采矿业增加值同比增长2.3%，制造业增长7.7%。",
    "创新引领作用凸显",
    "二、商品房销售和待售情况",
    "他说，首页设计将在下个月更新，相关新闻也会同步推送。",
    "分享经济持续壮大",
    "组织专业团队拍摄",
    "经党中央授权，新华社发布重要消息，全文如下。",
    "市民可拨打举报电话12345反映问题，相关部门将及时处理。",
    "关键词一是创新",
    "排行榜显示，浙江位居前列。",
    "如有疑问请联系我们，电话0571-1234567。",
    "二维码支付普及率提高",
]


@pytest.mark.parametrize("line,reason", CHROME)
def test_chrome_line_is_removed_with_its_reason(line, reason):
    rule = chrome.match(line)
    assert rule is not None, line
    assert rule.reason == reason


@pytest.mark.parametrize("line", PROSE)
def test_prose_line_is_kept(line):
    assert chrome.match(line) is None


def test_editor_mark_glued_to_the_last_paragraph_is_cut_off():
    para = "全年组织团组2000个以上，带动企业2万家次。（责任编辑：王小明）"
    kept, tail, reason = chrome.split_glued(para)
    assert kept == "全年组织团组2000个以上，带动企业2万家次。"
    assert tail == "（责任编辑：王小明）" and reason == "editor"


def test_home_link_glued_to_the_last_paragraph_is_cut_off():
    kept, tail, reason = chrome.split_glued("可以预见的是，行业的整顿仍将持续。返回腾讯网首页>>")
    assert kept.endswith("仍将持续。") and reason == "navigation"


def test_menu_after_the_editor_line_goes_and_a_late_paragraph_stays():
    lines = ["第一段正文，介绍了今年的工作重点和主要目标。", "责任编辑：王小明", "融媒产品", "精品专题",
             "另一段较长的正文，仍然是文章内容的一部分，应当保留。"]
    out = filter_lines([(line, 0) for line in lines], None)
    assert out.kept == [lines[0], lines[4]]
    assert [(r.text, r.reason) for r in out.removed] == [
        ("责任编辑：王小明", "editor"), ("融媒产品\n精品专题", "after article end")]


def test_summary_repeated_at_the_end_is_dropped():
    first = "本报讯 对外贸易逆势增长、消费市场回稳向好，这是去年的亮眼成绩。会议部署了今年的工作。"
    lines = [first, "第二段正文，讲述具体的数据和措施。", "对外贸易逆势增长、消费市场回稳向好，这是去年的亮眼成绩。"]
    out = filter_lines([(line, 0) for line in lines], None)
    assert out.kept == lines[:2]
    assert out.removed[-1].reason == "repeated"


def test_link_lists_inside_the_article_block_go():
    out = filter_lines([("正文第一段，内容充实，说明了情况。", 0), ("沪指3周重挫近30% 券商大佬齐聚证监会", 19)], None)
    assert out.kept == ["正文第一段，内容充实，说明了情况。"]
    assert out.removed[0].reason == "links"


def test_rule_file_entries_are_complete():
    for rule in chrome.rules():
        assert rule.reason and rule.pattern.pattern and rule.max_len > 0


@pytest.mark.parametrize("line", ["本文共2页", "共3页 第1页", "[1] [2] [3] 下一页", "第2页", "1 2 3", "1 下一页"])
def test_pagination_lines_are_chrome(line):
    from zjnews_extract.clean import chrome

    assert chrome.match(line).reason == "pagination"


def test_a_lone_number_is_a_table_cell_not_a_pager():
    from zjnews_extract.clean import chrome

    assert chrome.match("35534") is None  # one cell of a table pasted a cell per line


def test_a_sentence_about_a_page_is_prose():
    from zjnews_extract.clean import chrome

    assert chrome.match("报告第2页显示，全省出口增长5%。") is None


_GLUED_ALPHABET = "责任编辑编：:。！？返回首页>》»标签关键词（(【[】]) \n新闻网市场ab"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_GLUED_ALPHABET, max_size=60))
def test_glued_rule_needs_hold_every_match(text):
    """A glued rule is searched only where one of its `needs` words is: each match must hold one."""
    for reason, pattern, needs in chrome.glued_rules():
        m = pattern.search(text)
        if needs and m:
            assert any(word in m.group() for word in needs), (reason, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="<>/ \"'=ahtmlbodydivpHTMLBODY!\n文字", max_size=80), st.integers(0, 5000))
def test_html_sniff_reads_the_head_as_one(text, pad):
    """looks_like_html answers from the first 4 kB when it can; the answer is the one the 64 kB head gives."""
    from zjnews_extract.clean.html import _MARKUP, looks_like_html

    page = "x" * pad + text
    assert looks_like_html(page) == bool(_MARKUP.search(page[:65536].lower()))


def test_a_long_paragraph_after_an_end_marker_shows_the_article_goes_on():
    # a portal's abstract, its keywords and an empty 作者简介 line stand above the body: the table
    # after the body is the article's, not a menu after its end
    lines = ["内容摘要：黄金周期间全国纳入监测的直报景区门票收入同比下降。", "关键词:景区门票收入;排行榜;黄山;景区;黄金周", "作者简介:",
             "本报北京10月10日电 黄金周期间，全国纳入监测的124个直报景区门票收入16.04亿元，同比下降了2.43%，"
             "部分景区游客人数下滑。", "名次 | 景区 | 门票收入(万元)", "1 | 黄山 | 3833", "2 | 黄果树 | 3102.16"]
    out = filter_lines([(line, 0) for line in lines], None)
    assert out.kept[-3:] == lines[-3:]
    # a short line after the end marker is still dropped: no paragraph said the article went on
    out = filter_lines([(line, 0) for line in lines[:3] + ["名次 | 景区"]], None)
    assert "名次 | 景区" not in out.kept
