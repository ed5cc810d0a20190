"""The header of a table pasted one cell per line (stacked.py): the rows of cells right above its first
label, read in the layouts pages store them in: rows as wide as the body's; titles a cell or two to a
line opening with the label column's title; tables set side by side repeating their header; titles
over periods with no cell for the labels. Spans a page lost are spread back over the figure columns.
"""
from __future__ import annotations

from functools import cache

import regex

from ..lexicon import alternation
from .cell_lines import BRACKETED as _BRACKETED, Entry as _Entry
from .layout import label_titles, squash, word_across, words, year_titles
from .units import unit_line


@cache
def _limits() -> dict:
    lay = words()["stacked"]
    return {"period_title": regex.compile(lay["period_title"]), "max_header_rows": lay["max_header_rows"],
            "max_header_cells": lay["max_header_cells"]}


# a line break and a space: the most a cell wrapped onto the next line leaves between its pieces (a bar line
# between them, \n|\n, is three)
_WRAP_GAP = 2


def titled_header(entries: list[_Entry], i: int, n: int):
    """A header written one cell per line with no row ends, opening with the label column's title:
    指标 | 10月 | 1-10月 | 绝对量 (亿元) | 同比增长(%) | 绝对量 (亿元) | 同比增长(%) over four columns of
    figures is the title and k titles spanning the columns, then one cell per column (a unit alone in
    brackets is the end of the cell above it, wrapped). Returns (header rows, index of its first entry)."""
    titles = label_titles()
    h = i - 1
    while h >= 0 and i - h <= 3 * (n + 1) and entries[h].kind in ("word", "unit", "blank") \
            and squash(entries[h].text) not in titles:
        h -= 1
    if h < 0 or entries[h].kind != "word" or squash(entries[h].text) not in titles:
        return None
    cells: list[_Entry] = []
    for e in entries[h + 1:i]:
        # (the unit on the next line closes the cell above; after a bar line between them, 第二产业 | (亿元) |
        # 增长%, it is a cell of its own, under the title)
        if cells and _BRACKETED.match(e.text) and e.start - cells[-1].end <= _WRAP_GAP:
            prev = cells.pop()
            e = _Entry(prev.start, e.end, prev.text + e.text, "word")
        cells.append(e)
    while cells and cells[-1].kind == "blank":
        cells.pop()  # a bar line closing the header (||) holds no column
    cells = _unwrapped(cells, n)
    # 指标名称 | 单位 | 2015年目标 | 2015年实绩 | 绝对值 | 增速(%) | 绝对值 | 增速(%): a unit column's
    # title spans both header rows, as the label column's does
    u = 0
    while u < len(cells) and squash(cells[u].text) in _unit_titles() and entries[i + 1 + u].kind == "unit":
        u += 1
    f = n - u
    k = len(cells) - u - f
    if f < 1 or k < 0 or k and f % k or any(e.kind not in ("word", "unit") for e in cells):
        return None
    if k == 0:
        return [[entries[h], *cells]], h  # 省市 | 增速 | 增速与去年同期比较: one row, one title per column
    if k == 1 and (m := _change_group(cells[u:], f)):
        # 指标 | 本月 | 累计 | 增长(%) | 本月 | 累计: the titles before the change title head one
        # column each, as the label title does; the change title spans the cells after it
        group = cells[u + m]
        under = [_Entry(group.start, e.end, group.text + e.text, "word") for e in cells[u + m + 1:]]
        return [[entries[h], *cells[:u + m], *under]], h
    blank = _Entry(entries[h].end, entries[h].end, "", "blank")
    return [[entries[h], *cells[:u + k]], [blank, *[blank] * u, *cells[u + k:]]], h


def _change_group(titles: list[_Entry], f: int) -> int:
    """Where f + 1 titles head f columns of figures, one title spans two or more of them. A title
    that names a change (增长, 增幅) spans the cells after it (本月 | 累计, 去年同月 | 去年同期): the
    index of the last such title with two or more cells after it, or 0 (the first title spans all)."""
    change = _change_words()
    return max((m for m in range(1, f - 1) if change.search(squash(titles[m].text))), default=0)


@cache
def _change_words() -> regex.Pattern:
    return regex.compile(alternation(words()["header"]["growth_words"]))


def side_by_side_header(entries: list[_Entry], i: int, n: int):
    """A header of g tables set side by side, one cell per line: the title and its spanning cells g
    times, then the cells under them g times (城市 | 新建住宅价格指数 | 城市 | 新建住宅价格指数 | 环比 |
    同比 | 定基 | 环比 | 同比 | 定基, 70 cities in two halves). The body's rows then come label by label
    (北京 | 100.3 | 99.0 | 102.1 | 唐山 | …), each a row of the one table the copies head; returns its
    header rows as titled_header does, or None."""
    titles = label_titles()
    lo = max(0, i - _limits()["max_header_cells"])
    h = i - 1
    while h >= lo and entries[h].kind in ("word", "unit", "blank"):
        h -= 1
    h += 1
    while h < i and squash(entries[h].text) not in titles:
        h += 1  # the farthest title above the body with header cells only between
    cells = entries[h:i]
    while cells and cells[-1].kind == "blank":
        cells.pop()  # a bar line closing the header (||) holds no column
    texts = [squash(e.text) for e in cells]
    for g in (2, 3, 4):
        if len(texts) % g or len(texts) // g <= n:
            continue
        top = len(texts) // g - n  # the title and its spanning cells, then n cells under them
        upper, lower = texts[:top * g], texts[top * g:]
        if top >= 2 and _repeats(upper, top, g) and _repeats(lower, n, g) and n % (top - 1) == 0:
            blank = _Entry(cells[0].end, cells[0].end, "", "blank")
            return [cells[:top], [blank, *cells[top * g:top * g + n]]], h
    return None


def _repeats(texts: list[str], size: int, g: int) -> bool:
    return all(texts[k * size:(k + 1) * size] == texts[:size] for k in range(1, g))


def _unwrapped(cells: list[_Entry], n: int) -> list[_Entry]:
    """Header cells with a title wrapped over two lines joined again (增速与去年 / 同期比较 ->
    增速与去年同期比较): where two cells meet inside a word of their joined text (去年同期), they were
    one cell. Only when there are more cells than columns; the other cells stay as they are."""
    out = list(cells)
    j = 0
    while len(out) > n and j + 1 < len(out):
        a, b = out[j], out[j + 1]
        if a.kind == "word" and b.kind == "word" and a.text and b.text and word_across(a.text, b.text):
            out[j:j + 2] = [_Entry(a.start, b.end, a.text + b.text, "word")]
            continue
        j += 1
    return out




_YEAR_TITLE = regex.compile(r"^(?:19|20)\d{2}\s*年?$")


def header_rows(entries: list[_Entry], i: int, width: int) -> list[list[_Entry]]:
    """The header rows right above the first label: one row of words and empty cells, and more
    above it while they hold an empty cell (spans lost: titles hold none)."""
    rows: list[list[_Entry]] = []
    top = i
    while len(rows) < _limits()["max_header_rows"] and top - width >= 0:
        cells = entries[top - width:top]
        if any(e.kind not in ("word", "blank", "unit") and not _YEAR_TITLE.match(e.text) for e in cells) \
                or not any(e.kind == "word" for e in cells):
            break  # (类 别 | 2011 | 2012 …: years title the columns)
        if rows and not any(e.kind == "blank" for e in cells):
            break
        if rows and any(unit_line(e.text) for e in cells):
            break  # 2018年1-8月 | 单位:万元 | | |: the table's caption lines, not a header row
        rows.insert(0, cells)
        top -= width
    return rows


def titles_over_periods(entries: list[_Entry], i: int, n: int) -> tuple[list[list[_Entry]], int] | None:
    """Two header rows of one cell per figure column and none for the labels: n titles over n periods
    (绝对额(亿元) | 比上年同期增长(%) over 1季度 | 1季度), each row given an empty label cell, and the
    header's top entry; else None."""
    if n < 2 or i - n - 1 < 0:
        return None
    low = entries[i - n:i]
    period = _limits()["period_title"]
    if not all(e.kind == "word" and period.match(e.text) for e in low):
        return None
    # (绝对额(亿元) | 比上年同期增长(%) over 2季度 | 上半年 | 2季度 | 上半年: k titles, each over n/k periods)
    for k in (n, *(k for k in range(n - 1, 0, -1) if n % k == 0)):
        if i - n - k < 0:
            continue
        high = entries[i - n - k:i - n]
        if not all(e.kind in ("word", "unit") and not period.match(e.text) for e in high) \
                or any(squash(e.text) in label_titles() or squash(e.text) in year_titles() or unit_line(e.text)
                       for e in high):
            continue  # (单位:% | 年份 over 1季度 … 4季度: a caption and the label column's title, no titles)
        spread: list[_Entry] = []
        for cell in high:
            spread += [cell] + [_Entry(cell.end, cell.end, "", "blank")] * (n // k - 1)
        return [[_Entry(row[0].start, row[0].start, "", "blank"), *row] for row in (spread, low)], i - n - k
    return None



def respan(cells: list[_Entry], n: int) -> list[_Entry]:
    """Spread a header row whose spans were lost over the n figure columns (see module doc)."""
    filled = [e for e in cells if e.kind != "blank"]
    if len(filled) == len(cells) or not filled:
        return cells
    if len(filled) == len(cells) - 1 and cells[-1].kind == "blank" and cells[-1].lone:
        return cells  # 项 目 | 2017年5月 | … | then a bar alone: the row's closing bar, as each body row has, no lost span
    pad = cells[-1]
    empty = _Entry(pad.start, pad.start, "", "blank")
    if squash(cells[0].text) in label_titles():
        return filled  # 市州 | 增长速度 | |: the label column's title, then titles spanning the figures
    if len(filled) == n:
        return [empty, *filled]  # one cell per figure column: the label column's is above
    k = len(filled) - 1
    if k >= 1 and n % k == 0:
        spread = [filled[0]]
        for cell in filled[1:]:
            spread += [cell] + [empty] * (n // k - 1)
        return spread
    return cells


@cache
def _unit_titles() -> frozenset[str]:
    return frozenset(squash(t) for t in words()["header"]["unit_titles"])


def untitled_header(entries: list[_Entry], i: int, n: int) -> tuple[list[list[_Entry]], int] | None:
    """单位 | 1-3季度全市 | 比去年同期增长(% | 域外 | 比去年同期增长(% over rows of a label, a unit and four figures:
    one header cell per column after the labels, opening with the unit column's title, the label column's
    title left out (a statistics bureau's table copied one cell per line); the line above is the caption.
    Returns (header rows, index of its first entry), or None."""
    if i - n - 1 < 0:
        return None
    cells = entries[i - n:i]
    if squash(cells[0].text) not in _unit_titles() or entries[i + 1].kind != "unit" \
            or any(e.kind not in ("word", "unit") for e in cells) or entries[i - n - 1].kind != "word":
        return None
    return [[_Entry(cells[0].start, cells[0].start, "", "blank"), *cells]], i - n
