"""Where a space-separated table's header starts when it is not one line of cells over the rows: a header
a PDF wrapped inside its cells, a header that opens with the label column's title and names the periods
before the columns' own titles, and a header written a cell or two to a line. spaced.py finds the rows."""
from __future__ import annotations

import regex

from . import spaced as S
from .fragments import fragment_lines, is_fragment_line, wrapped_header
from .layout import Cell, label_titles, squash
from .units import unit_line

_DIGITS = regex.compile(r"\d")


def wrapped_top(lines, first: int, width: int) -> tuple[int | None, list[list[Cell]] | None]:
    """The top line and the one header row of a header a PDF wrapped inside its cells (fragments.py):
    the most lines above the body that read as such a header. Lines under a line holding figures
    continue that line's row, and a unit line is a caption: no header reaches past them."""
    figures = width - 1 - S._unit_cell(S._cells(lines[first]))
    found: list[list[Cell]] = []
    k = first
    while k > 0 and first - k < fragment_lines() and is_fragment_line(S._cells(lines[k - 1])) \
            and not unit_line(lines[k - 1][1].strip()) \
            and not (k >= 2 and _DIGITS.search(lines[k - 2][1])):
        k -= 1
        found.insert(0, S._cells(lines[k]))
    for n in range(len(found), 1, -1):
        if (row := wrapped_header(found[-n:], figures)) is not None:
            return first - n, [row]
    return None, None


def titled_top(lines, first: int, width: int) -> tuple[int | None, list[list[Cell]] | None]:
    """A header a cell or two to a line that opens with the label column's title and names the
    periods over the columns before the columns' own titles (指 标 9月 1-9月 / 绝对量 / (亿元) / 同比增长(%)
    绝对量 / (亿元) / 同比增长(%) over four columns of figures): the title and k titles spanning the
    columns on the header's first line, then one title per column, as stacked.py reads the same
    header written a cell per line (指 标 1-2月 / 绝对量 / (亿元) / 同比增长(%): one period over both).
    Returns its top line and its two header rows, or (None, None)."""
    figures = width - 1
    top = first
    while top > 0 and first - top < 2 * width and S._is_header(lines[top - 1], months=True):
        top -= 1
        cells = S.header_cells(lines, top, first)
        if squash(cells[0].text) not in label_titles():
            continue
        # (the spanning titles fill the first line with the label's: 指标名称 | 以上年同期为100的指数 |
        # 以上月价格为100的指数 over 3月 | 1-3月 has one title of a column of its own beside the spanning one)
        k = len(cells) - 1 - figures
        if k >= 1 and figures % k == 0 and figures // k >= 2 and len(S._cells(lines[top])) == k + 1:
            return top, [cells[:k + 1], cells[k + 1:]]
        return None, None
    return None, None


def stacked_top(lines, first: int, width: int) -> int | None:
    """The top of a header written a cell or two to a line, a unit in brackets on a line of its own
    (名次 省区市 / 旅游总收入 / (亿元) / 同比增长 …): the lines above the body whose cells, each
    bracketed unit joined to the cell above it, are exactly as many as the body's; else None."""
    count, top = 0, first
    while top > 0 and first - top < 2 * width and (S._is_header(lines[top - 1]) or S._translation(lines[top - 1])) \
            and count < width:  # (a bilingual header's English line holds no cell)
        top -= 1
        count = len(S.header_cells(lines, top, first))
    # a unit on a line of its own marks the layout (a header wrapped inside its cells is wrapped.py's), as a
    # header opening with the label column's title does (项目 Item 全省 / 城市 农村: a yearbook's CPI table)
    marked = any(S._patterns()["bracketed"].match(lines[k][1].strip()) for k in range(top, first)) \
        or bool(S._cells(lines[top])) and squash(S._cells(lines[top])[0].text) in label_titles()
    return top if count == width and first - top >= 2 and marked else None
