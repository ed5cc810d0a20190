"""Published tables: every cell holding a figure is a fact.

Tables reach the text as lines whose cells are separated by "|" (the cleaner writes each
HTML <tr> that way; pasted pages carry them too):

    行业 | 限上零售额(亿元) | 增幅(%) | 较去年同期±百分点
    批发业 | 49.02 | 13.0 | +2.5

layout.py finds the tables and their caption and footnote lines; header.py reads the header
rows and what each column holds; cells.py the figure in a cell; labels.py the row labels;
units.py the units of headers, labels and 单位 lines; dates.py the period of a column; notes.py
the indicator a table's notes define; side_by_side.py a table printed in groups across the page;
stacked.py (with stacked_header.py), spaced.py, wrapped.py and glued.py find the tables a page
stored one cell per line, with spaces between cells, wrapped, or with nothing between them;
pipe_stream.py puts back the rows of a bar table streamed over lines that break inside its cells;
read.py turns a table into facts. Words are in data/tables.toml.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from ...records import Fact, Period, Quantity
from .cells import Figure, read_cell
from .header import caption_column, read_grid
from .labels import is_measure
from .layout import Cell, find_tables, segments, words
from .markdown import may_be_markdown, with_row_breaks
from .pipe_stream import may_be_stream, with_stream_rows
from .prose_units import units_from_prose
from .notes import defined_after
from .read import Context, read_table
from .dates import caption_year
from .rowspans import fill_rowspans
from .side_by_side import unfold
from .flattened import may_be_flattened, unflatten
from .glued import find_glued, may_be_glued
from .label_figure import find_label_figure, may_be_label_figure
from .spaced import find_spaced, may_be_spaced
from .stacked import find_stacked, may_be_stacked
from .units import unit_above, unit_line
from .wrapped import find_wrapped, may_be_wrapped

__all__ = ["find_table_facts", "may_hold_tables"]

# Quantities on a line above a table that make it a statement, not a caption.
_STATEMENT_KINDS = frozenset({"value", "percent", "growth", "pp"})


def may_hold_tables(text: str) -> bool:
    """False when `text` has no cell separator and no lines of a figure alone (most articles)."""
    return any(sep in text for sep in words()["layout"]["separators"]) or may_be_stacked(text) \
        or may_be_spaced(text) or may_be_wrapped(text) or may_be_flattened(text) or may_be_glued(text) \
        or may_be_label_figure(text)


def find_table_facts(text: str, quantities: list[Quantity], *, subject: str | None,
                     period_at: Callable[[int], Period | None],
                     published: date | None, company: bool = False,
                     wholes: dict | None = None) -> tuple[list[Fact], list[tuple[int, int]]]:
    """The facts of every table in `text` and the (start, end) spans of the tables' lines
    (captions and footnotes included), so that the prose reading skips the numbers in them.

    `quantities` are the quantity reader's for the whole text; `subject` is the article's
    subject (`company`: a company whose results the article reports); `period_at(offset)` the
    article's period at an offset."""
    quantities = sorted(quantities, key=lambda q: q.start)
    starts = [q.start for q in quantities]
    source = text  # (the copies below keep every offset: a fact's row is quoted from the text as written)
    if may_be_markdown(text):
        text = with_row_breaks(text)  # | 项目 | … | | --- | --- | | 营业收入 | …: one row a line (same offsets)
    if may_be_stream(text):
        text = with_stream_rows(text)  # cells streamed over lines that break inside them (same offsets)

    def inside(start: int, end: int) -> list[Quantity]:
        return quantities[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def states_facts(start: int, end: int) -> bool:
        return any(q.kind in _STATEMENT_KINDS and q.unit for q in inside(start, end))

    figures: dict[int, Figure | None] = {}

    def figure_of(cell: Cell) -> Figure | None:
        if not cell.text:
            return None
        if cell.start not in figures:
            figures[cell.start] = read_cell(cell, inside(cell.start, cell.end))
        return figures[cell.start]

    facts: list[Fact] = []
    spans: list[tuple[int, int]] = []
    def is_figure(cell: Cell) -> bool:
        return figure_of(cell) is not None

    tables = find_tables(text, states_facts)
    if may_be_stacked(text):
        # one cell per line; a run inside a bar table's span is that table's
        tables += [t for t in find_stacked(text)
                   if not any(b.start <= t.end and t.start <= b.end for b in tables)]
        tables.sort(key=lambda t: t.start)
    # columns separated by spaces (a bulletin pasted from a PDF), and a yearbook's rows of a label
    # line and a line of figures; a run inside another table is that table's
    # (a table run together on one line is read as if its rows had their line breaks: same offsets)
    spaced_text = unflatten(text) if may_be_flattened(text) else text
    # (a column of labels and their figures first: a spaced reading would take its header's period for a row)
    for may, find, where in ((may_be_label_figure, find_label_figure, text), (may_be_spaced, find_spaced, spaced_text),
                             (may_be_wrapped, find_wrapped, text), (may_be_glued, find_glued, text)):
        if may(where):
            tables += [t for t in find(where) if not any(b.start <= t.end and t.start <= b.end for b in tables)]
            tables.sort(key=lambda t: t.start)
    last_unit, last_end = "", -1  # the unit line the table above read, and where that table ended
    last_ref: Period | None = None  # ...and the period it reported on
    for table in tables:
        if not any(is_figure(c) for r in table.rows for c in r.cells):
            continue  # lines of words with bars (浙江GDP增长6% | 浙江在线): prose, not a table
        first_ref: Period | None = None  # the period the table's first part reported on
        for part in segments(fill_rowspans(table), is_figure):
            grid = read_grid(unfold(part, is_figure), is_figure)
            if caption_column(grid.captions) is None and (defined := defined_after(text, table.end)) \
                    and is_measure(defined):
                grid = replace(grid, captions=(*grid.captions, defined))  # no title: the notes' indicator
            if not any(unit_line(c) for c in grid.captions) and (unit := unit_above(text, table.start)
                                                                  or _unit_goes_on(text, last_unit, last_end, table.start)):
                grid = replace(grid, captions=(*grid.captions, unit))  # 单位:% on a line of its own above
            last_unit = next((c for c in grid.captions if unit_line(c)), last_unit)
            # (居民消费价格指数(2021): a yearbook table's title names its year in brackets, with no 年)
            # (a table right under another reports on the same period: the header words between them, 上年度末 and
            # 上年初至上年报告期末 of a company's tables, are no time of the text)
            follows = _right_under(text, last_end, table.start)
            ref = caption_year(grid.captions) or (last_ref if follows else None) or period_at(grid.header_start)
            if first_ref is not None and ref is not None and ref != first_ref and ref.text \
                    and not any(ch.isdigit() for ch in ref.text) and table.start <= _said_at(text, ref, grid.header_start):
                # (年初至报告期末 | 上年初至上年报告期末 over a company's second part: the 上年 of the part above's header
                # is no time of the text; the table goes on reporting on its first part's period)
                ref = first_ref
            first_ref = first_ref or ref
            last_ref = ref
            ctx = Context(subject=subject, ref=ref, published=published, company=company, source=source,
                          wholes=wholes)
            # (41269 in a table that names no unit, 41269亿元 in the release above it: 亿元)
            facts.extend(units_from_prose(read_table(text, grid, figure_of, ctx), quantities, table.start, table.end))
        spans.append((table.start, table.end))
        last_end = table.end
    return facts, spans


def _said_at(text: str, period: Period, before: int) -> int:
    """Where the words of `period` were last said before `before` (-1 when not found)."""
    return text.rfind(period.text.strip(), 0, before) if period.text.strip() else -1


def _right_under(text: str, end: int, start: int) -> bool:
    """A table starting at `start` right under one that ended at `end`: only a header's lines or a blank line
    between, no line of prose (a company report's balance table under its main one)."""
    if end < 0 or start < end:
        return False
    between = text[end:start]
    return len(between) <= _UNDER_CHARS and not any(m in between for m in "。；;")


def _unit_goes_on(text: str, unit: str, end: int, start: int) -> str:
    """The unit line of the table above for a table right under it with none of its own (本报告期末 | 上年度末 under
    a company's main table, 单位:元 above that one): the report's unit holds until another is given."""
    return unit if unit and _right_under(text, end, start) else ""


# the most characters between two tables (a header's lines, a blank line) for the lower to go on with the upper
_UNDER_CHARS = 200
