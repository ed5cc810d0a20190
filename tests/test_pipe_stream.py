"""A bar table streamed over lines that break inside its cells (a portal's copy of a quarterly report):
its rows are put back on lines of their own without moving an offset, and a table of one row a line is
left as it is."""
from __future__ import annotations

from datetime import date

from zjnews_extract.facts import find_facts
from zjnews_extract.facts.tables.pipe_stream import may_be_stream, with_stream_rows

STREAM = (
    "某某科技股份有限公司2024年第三季度报告\n"
    "(一) 主要会计数据和财务指标\n"
    "| 本报告期 | 本报告期比上年同期\n"
    "增减 | 年初至报告期末 | 年初至报告期末比上\n"
    "年同期增减 | 营业收入(元) | 512,300,410.20 | 12.40% | 1,480,225,900.35 | 8.75% | 归属于上市公司股东\n"
    "的净利润(元) | 40,118,230.51 | -5.20% | 120,887,004.12 | 3.33% | 基本每股收益(元/\n"
    "股) | 0.12 | -7.69% | 0.36 | 2.86% | | 本报告期末 | 上年度末 | 本报告期末比上年度末增减 | | 总资产(元) | "
    "5,210,330,100.00 | 4,980,120,400.00 | 4.62% | |\n"
)

PLAIN = "行业 | 限上零售额(亿元) | 增幅(%)\n批发业 | 49.02 | 13.0\n零售业 | 404.54 | 16.3\n"


def test_a_streamed_table_reads_as_rows():
    facts, _ = find_facts(STREAM, published=date(2024, 10, 25))
    got = {f.text: f for f in facts}
    assert all(f.text == STREAM[f.start:f.end] for f in facts)
    net = got["40,118,230.51"]
    assert net.metric.replace(" ", "") == "归属于上市公司股东的净利润"
    assert (net.period.start, net.period.end) == ("2024-07-01", "2024-09-30")
    ytd = got["120,887,004.12"]
    assert (ytd.period.start, ytd.period.end) == ("2024-01-01", "2024-09-30")
    assert got["-5.20%"].kind == "growth"
    # the second header, after an empty cell, starts a table of its own: its columns are its own
    assert got["5,210,330,100.00"].period.end == "2024-09-30"
    assert got["4,980,120,400.00"].period.end == "2023-12-31"


def test_the_rewrite_keeps_every_offset_and_leaves_plain_tables_alone():
    rows = with_stream_rows(STREAM)
    assert len(rows) == len(STREAM)
    assert all(a == b or a in "| \n" for a, b in zip(STREAM, rows))  # (only bars, spaces and line breaks change)
    assert "\n营业收入(元)" in rows or "\n 营业收入(元)" in rows
    assert not may_be_stream(PLAIN) and with_stream_rows(PLAIN) == PLAIN
