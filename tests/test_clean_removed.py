"""The removed log: one entry per run of lines dropped for the same reason, nothing lost."""
from __future__ import annotations

from zjnews_extract.clean import clean_page
from zjnews_extract.clean.article import filter_lines
from zjnews_extract.clean.removed import RemovedLog

PARA1 = "杭州市今年一季度新开工项目一百二十个，完成投资同比增长百分之八，增速居全省前列。"
PARA2 = "市发改委有关负责人表示，下一步将继续加快重大项目建设，确保全年目标顺利完成。"


def test_a_run_of_one_reason_is_one_entry_and_a_kept_line_splits_runs():
    log = RemovedLog()
    log.add("首页", "nav")
    log.add("新闻", "nav")
    log.add("责任编辑：王小明", "editor")
    log.cut()
    log.add("关于我们", "nav")
    assert [(r.text, r.reason) for r in log.entries()] == [
        ("首页\n新闻", "nav"), ("责任编辑：王小明", "editor"), ("关于我们", "nav")]


def test_lines_split_by_a_kept_paragraph_stay_two_entries():
    lines = ["相关新闻：杭州地铁三期开工", PARA1, "相关新闻：宁波港吞吐量创新高", PARA2]
    links = [len(lines[0]), 0, len(lines[2]), 0]
    out = filter_lines(list(zip(lines, links)), None)
    assert out.kept == [PARA1, PARA2]
    assert [(r.text, r.reason) for r in out.removed] == [(lines[0], "links"), (lines[2], "links")]


def test_repeated_summary_lines_join_in_page_order():
    lines = [PARA1 + PARA2, "第三段内容较长，补充说明了今年的主要工作安排。", PARA1, PARA2]
    out = filter_lines([(line, 0) for line in lines], None)
    assert out.kept == lines[:2]
    assert [(r.text, r.reason) for r in out.removed] == [(PARA1 + "\n" + PARA2, "repeated")]


def _page() -> str:
    menu = "".join(f'<li><a href="/c{i}">栏目{i}</a></li>' for i in range(30))
    footer = "".join(f"<p>友情链接{i}</p>" for i in range(10))
    body = "".join(f"<p>{PARA1}{i}</p><p>{PARA2}</p>" for i in range(4))
    return (f"<html><head><title>杭州一季度投资增长_新闻网</title></head><body><ul>{menu}</ul>"
            f"<div class='article'><h1>杭州一季度投资增长</h1>{body}</div><div>{footer}</div></body></html>")


def test_a_page_menu_is_a_few_entries_not_one_per_line_and_keeps_every_line():
    page = clean_page(_page().encode("utf-8"))
    outside = [r for r in page.removed if r.reason == "outside article block"]
    assert 1 <= len(outside) <= 3
    removed_lines = [line for r in page.removed for line in r.text.split("\n")]
    for i in range(30):
        assert f"栏目{i}" in removed_lines
    for i in range(10):
        assert f"友情链接{i}" in removed_lines
    assert PARA2 in page.text and "栏目3" not in page.text
