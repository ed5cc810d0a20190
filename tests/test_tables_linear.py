"""The table reader and the cleaner's table rows run in time linear in the table: a table ten
times longer takes about ten times as long (a ratio of medians, never a wall-clock limit)."""
from __future__ import annotations

from linear_time import assert_linear

from zjnews_extract.clean.html import page_lines, parse_html
from zjnews_extract.facts.tables import find_table_facts
from zjnews_extract.quantity import find_quantities
from zjnews_extract.records import Period

PLACES = ["杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州", "丽水"]


def _table(rows: int) -> str:
    lines = ["2016年一季度各地主要指标", "单位:亿元", "名次 | 地区 | GDP(亿元) | 增速(%) | 较去年同期±百分点 | 1-本月"]
    for i in range(rows):
        if i % 50 == 0:
            lines.append(f"总产出{i}(亿元) | | | | |")
        lines.append(f"{i + 1} | {PLACES[i % len(PLACES)]} | {9000 - i * 0.5:.1f} | {i % 13}.5 | +{i % 7}.1 | -{i % 40}")
    return "\n".join(lines) + "\n注:1.示例。\n"


def _read(text: str, quantities) -> int:
    facts, spans = find_table_facts(text, quantities, subject="浙江", published=None,
                                    period_at=lambda _: Period(start="2016-01-01", end="2016-03-31", text="一季度"))
    assert len(spans) == 1
    return len(facts)


def test_reading_a_table_is_linear_in_its_rows():
    small, large = _table(500), _table(5000)
    assert _read(small, find_quantities(small)) == _read(small, []) == 500 * 5
    # the cells are read without the quantity reader's help (it has scaling tests of its own)
    assert _read(large, []) == 10 * 500 * 5
    assert_linear(lambda t: _read(t, []), small, large)


def _html(rows: int) -> str:
    body = "".join(f"<tr><td>{PLACES[i % len(PLACES)]}</td><td>{i}.5</td><td>{i % 9}.1</td></tr>" for i in range(rows))
    return ("<html><body><div><h1>各地主要指标</h1><p>一季度，全省经济运行平稳，主要指标好于预期。</p>"
            f"<table><tr><th>地区</th><th>GDP(亿元)</th><th>增速(%)</th></tr>{body}</table></div></body></html>")


def _rows(html: str) -> int:
    return sum(1 for line in page_lines(parse_html(html)) if " | " in line.text)


def test_joining_table_rows_is_linear_in_the_rows():
    small, large = _html(500), _html(5000)
    assert _rows(large) - 1 == 10 * (_rows(small) - 1) == 5000
    assert_linear(_rows, small, large)


def _wide(cells: int) -> str:
    return ("指标 | " + " | ".join(f"{2000 + i % 20}年" for i in range(cells)) + "\n"
            + ("产量(万吨) | " + " | ".join(f"{i}.5" for i in range(cells)) + "\n") * 3)


def test_wide_rows_are_linear_in_their_cells():
    small, large = _wide(1000), _wide(10000)
    assert _read(large, []) == 10 * _read(small, []) == 10 * 3 * 1000
    assert_linear(lambda t: _read(t, []), small, large)


def _stacked(rows: int) -> str:
    lines = ["各地主要指标", "地区", "GDP(亿元)", "增速(%)"]
    for i in range(rows):
        lines += [PLACES[i % len(PLACES)], f"{9000 - i * 0.5:.1f}", f"{i % 13}.5"]
    return "\n".join(lines) + "\n注:示例。\n"


def test_reading_a_table_of_one_cell_per_line_is_linear_in_its_rows():
    small, large = _stacked(500), _stacked(5000)
    assert _read(small, []) == 500 * 2 and _read(large, []) == 5000 * 2
    assert_linear(lambda t: _read(t, []), small, large)


def test_lines_of_words_and_figures_without_a_rhythm_are_no_stacked_table():
    # a label line with figures under it, then prose: two figure lines are no table
    from zjnews_extract.facts.tables.stacked import find_stacked  # noqa: PLC0415

    text = "全省经济运行平稳。\n地区\nGDP\n杭州\n9000\n宁波\n8000\n全市上下共同努力，主要指标好于预期。\n" + "\n".join(
        f"{w}\n{n}" for w, n in [("阅读", 12), ("点赞", 3)])
    assert find_stacked(text) == []


def _spaced(rows: int) -> str:
    lines = ["表1 各地生产总值", "地区 生产总值(亿元) 比上年增长(%)"]
    lines += [f"{PLACES[i % len(PLACES)]} {9000 - i * 0.5:.1f} {i % 13}.5" for i in range(rows)]
    return "\n".join(lines) + "\n"


def test_space_separated_tables_are_linear_in_their_rows():
    small, large = _spaced(500), _spaced(5000)
    assert _read(large, []) == 10 * _read(small, []) == 10 * 500 * 2
    assert_linear(lambda t: _read(t, []), small, large)


def test_a_long_line_without_spaces_is_scanned_once():
    from zjnews_extract.facts.tables.spaced import may_be_spaced

    small, large = "增长" * 5000 + "\n", "增长" * 50000 + "\n"
    assert not may_be_spaced(large)
    assert_linear(may_be_spaced, small, large)


def _yearbook(rows: int) -> str:
    lines = ["各地主要指标(2020年)", "地区 年末人口", "(万人)", "生产总值", "(亿元)", "第一产业 第二产业"]
    for i in range(rows):
        a, b = 10 + i % 7, 20 + i % 5
        lines += [f"{PLACES[i % len(PLACES)]}", f"{50 + i % 9}.5  {a + b}.0  {a}.0  {b}.0"]
    return "\n".join(lines) + "\n"


def test_yearbook_rows_are_linear_in_their_rows():
    small, large = _yearbook(500), _yearbook(5000)
    assert _read(large, []) == 10 * _read(small, []) == 10 * 500 * 4
    assert_linear(lambda t: _read(t, []), small, large)


def test_a_yearbook_whose_columns_do_not_sum_is_not_guessed():
    """The unit-less columns sit under the column they sum to; when none sums, no table is made."""
    from zjnews_extract.facts.tables.wrapped import find_wrapped

    good = _yearbook(5)
    bad = "\n".join(line.replace("  ", "  1", 1) if line[:1].isdigit() else line for line in good.split("\n"))
    assert len(find_wrapped(good)) == 1 and find_wrapped(bad) == []


def _markdown(rows: int) -> str:
    cells = ["| 地区 | 生产总值(亿元) | 比上年增长(%) |", "| --- | --- | --- |"]
    cells += [f"| {PLACES[i % len(PLACES)]} | {9000 - i * 0.5:.1f} | {i % 13}.5 |" for i in range(rows)]
    return "表1 各地生产总值\n" + " ".join(cells) + "\n"


def test_markdown_rows_run_together_are_linear_in_their_rows():
    small, large = _markdown(500), _markdown(5000)
    assert _read(large, []) == 10 * _read(small, []) == 10 * 500 * 2
    assert_linear(lambda t: _read(t, []), small, large)


def _label_figure(rows: int) -> str:
    lines = ["2023年1—3月份固定资产投资主要数据", "指 标2023年1-3月份", "同比增长(%)"]
    for i in range(rows):
        if i % 50 == 0:
            lines.append("分行业")
        lines.append(f"{PLACES[i % len(PLACES)]}制造业投资{i % 13}.{i % 10}")
    return "\n".join(lines) + "\n"


def test_a_column_of_labels_and_figures_is_linear_in_its_rows():
    small, large = _label_figure(500), _label_figure(5000)
    assert _read(small, []) == 500 and _read(large, []) == 5000
    assert_linear(lambda t: _read(t, []), small, large)


def test_lines_that_could_each_open_a_column_table_are_scanned_once():
    # every line is both a column's title and a section's name (增长): no table, and no rescan from each line
    from zjnews_extract.facts.tables.label_figure import find_label_figure  # noqa: PLC0415

    small, large = "增长\n" * 2000, "增长\n" * 20000
    assert find_label_figure(large) == []
    assert_linear(find_label_figure, small, large)


def test_cell_lines_with_self_closed_labels_are_linear():
    # labels that close themselves (地区 |) with no figure closed by a bar line after them: the scan for a
    # run of bar-closed figures must look at each line once, not again from every label
    from zjnews_extract.facts.tables.stacked import find_stacked  # noqa: PLC0415

    def text(n: int) -> str:
        # labels with runs of bars, and now and then a bar-closed figure (a run that starts and fails)
        return "\n".join(f"{PLACES[i % len(PLACES)]}{i} |\n|\n|\n|" + ("\n5\n|" if i % 7 == 0 else "")
                         for i in range(n)) + "\n"

    assert_linear(find_stacked, text(2000), text(20000))
