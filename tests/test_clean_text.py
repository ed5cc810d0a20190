"""Pasted page text (no markup): the seed fixture and short pages written for these tests."""
from __future__ import annotations

from pathlib import Path

from zjnews_extract.clean import clean_page

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "zj_commerce_2026_plan.txt"


def test_seed_metadata():
    page = clean_page(SEED.read_text("utf-8"))
    assert page.title == "如何稳外贸、扩消费、促开放?浙江明确2026年商务工作重点"
    assert page.published == "2026-01-21T20:27:38+08:00"
    assert page.source == "浙江在线"
    assert page.authors == ["陈雷"]
    assert page.editor == "吴珂珺"
    assert page.tags == ["消费", "市场"]


def test_seed_chrome_goes_and_every_body_paragraph_stays():
    raw = SEED.read_text("utf-8")
    page = clean_page(raw)
    lines = page.text.split("\n")
    assert lines[0] == page.title
    for chrome in ("您当前的位置", "字体", "—2026—", "01/21", "来源:浙江在线", "会议现场 记者 陈雷 摄", "版权和免责申明",
                   "凡注有", "标签:消费", "责任编辑", "融媒产品", "精品专题", "更多资讯"):
        assert chrome not in page.text, chrome
    body = [line.strip() for line in raw.splitlines() if line.startswith("  ") and line.strip()]
    assert body and all(line in lines for line in body), "an indented body paragraph was lost"
    # the summary printed again under the menu is gone; the first paragraph that holds it stays
    summary = raw.rstrip().splitlines()[-1]
    assert summary not in lines and summary in page.text
    assert {r.reason for r in page.removed} >= {"before headline", "font-size", "dateline", "caption", "copyright",
                                                "editor", "repeated"}


def test_pasted_page_with_header_lines():
    text = "\n".join([
        "网站首页 | 新闻中心",
        "全省外贸稳中有进",
        "发布时间:2024-05-06 09:30:00 来源:示例日报",
        "本报讯(记者 王小明)记者从省商务厅获悉,一季度全省进出口增长8%。",
        "其中,出口增长9%,进口增长6%。",
        "(责任编辑:李大伟)",
    ])
    page = clean_page(text)
    assert page.title == "全省外贸稳中有进"
    assert page.published == "2024-05-06T09:30:00+08:00"
    assert page.source == "示例日报" and page.authors == ["王小明"] and page.editor == "李大伟"
    assert page.text.split("\n") == ["全省外贸稳中有进", "本报讯(记者 王小明)记者从省商务厅获悉,一季度全省进出口增长8%。",
                                     "其中,出口增长9%,进口增长6%。"]


def test_plain_paragraphs_without_header_keep_everything():
    text = "记者获悉,1月至8月,全省实现社会消费品零售总额16230亿元。\n值得注意的是,8月餐饮收入增长3.1%。"
    page = clean_page(text)
    assert page.title is None and page.authors == []
    assert page.text == text


def test_angle_brackets_in_pasted_text_are_not_markup():
    text = "比较结果\n今年一季度A<B 和 C>D 的情况都出现了，说明市场分化。\n全年来看，总体保持稳定。"
    page = clean_page(text)
    assert "A<B 和 C>D 的情况都出现了" in page.text


def test_machine_timestamps_keep_their_own_zone():
    from zjnews_extract.clean.dates import read_timestamp

    assert read_timestamp("2024-03-01T20:00:00Z") == "2024-03-02T04:00:00+08:00"  # another day in Beijing
    assert read_timestamp("Wed, 18 Sep 2019 22:23:00 GMT") == "2019-09-19T06:23:00+08:00"
    assert read_timestamp("September 18, 2019 6:23 AM EST") == "2019-09-18T19:23:00+08:00"
    assert read_timestamp("2019-09-18 06:23:00") is None  # no zone: read as printed Beijing time elsewhere


def test_meta_time_in_utc_gives_the_beijing_day():
    import zjnews_extract

    page = ('<html><head><meta property="article:published_time" content="2024-03-01T20:00:00Z">'
            "<title>港口吞吐量创新高</title></head><body><h1>港口吞吐量创新高</h1>"
            "<p>今年前两个月，全省港口完成货物吞吐量3.2亿吨，同比增长4.1%，集装箱吞吐量增长6%。</p></body></html>")
    assert zjnews_extract.extract(page).published == "2024-03-02T04:00:00+08:00"
