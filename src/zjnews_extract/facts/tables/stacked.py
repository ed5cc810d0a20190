"""Tables pasted one cell per line: a header of n short lines, then rows of a label line and
n - 1 figure lines each (a statistics bureau's table copied from a browser, or stored by a crawler
that put every <td> on a line of its own, sometimes with a bar after each cell):

    指标名称                      指标 |
    6月                           6月 |
    比去年同月增长(%)             1-6月 |
    规模以上工业总产值(亿元)      ||
    2936.55                       绝对量(亿元) | …
    -3.7

The grid is told by its rhythm alone: at least three rows whose label is followed by the same
number of cells, and a header of as many cells right above the first label. A line of bars alone
is one empty cell per bar. Rows of a label and empty cells are sections (按经营地分). A header row
whose spanning cells lost their spans (指标 | 6月 | 1-6月 | | over four columns of figures) gets
them back: its cells are spread evenly over the columns; a row with one cell per figure column has
none for the labels. The cells keep their offsets in the text, so the rows read exactly as
bar-separated rows do.
"""
from __future__ import annotations

from functools import cache

import regex

from ..lexicon import alternation
from .layout import Cell, Row, Table, cell_marks, label_titles, squash, word_across, words
from .cell_lines import (BRACKETED as _BRACKETED, FIGURE_WITH_UNIT as _WITH_UNIT, Entry as _Entry, drop_separator_lines, joined_fragments, joined_units,
                         joined_wraps, label_first)
from .units import read_unit, unit_line


@cache
def _patterns():
    lay = words()["stacked"]
    seps = "".join(regex.escape(s) for s in words()["layout"]["separators"])
    return {
        **cell_marks(),
        "figure": regex.compile(r"^[-+−－＋]?\d[\d,，]*(?:\.\d+)?\s*[%％‰]?(?:"
                                + "|".join(map(regex.escape, lay["figure_bounds"])) + ")?$"),
        "bars": regex.compile(rf"^[{seps}\s]+$"),
        "sep": regex.compile(f"[{seps}]"),
        "max_chars": lay["cell_max_chars"],
        "min_rows": lay["min_rows"],
        "max_header_rows": lay["max_header_rows"],
        "max_header_cells": lay["max_header_cells"],
        "period_title": regex.compile(lay["period_title"]),
    }


def _entries(text: str) -> list[_Entry]:
    """One entry per cell: non-empty lines, a bar after a cell dropped, a line of bars one empty
    cell per bar; a line with a bar inside it is a row of a bar table, never a cell."""
    p = _patterns()
    out: list[_Entry] = []
    pos = 0
    for line in text.split("\n"):
        body = line.strip()
        s = pos + len(line) - len(line.lstrip())
        pos += len(line) + 1
        if not body:
            continue
        if p["bars"].match(body):
            bars = [c for c in body if p["sep"].match(c)]
            out.extend(_Entry(s, s, "", "blank", lone=len(bars) == 1) for _ in bars)
            continue
        cell = _without_trailing_bar(body)
        if p["sep"].search(cell):
            out.append(_Entry(s, s + len(cell), cell, ""))
            continue
        out.append(_Entry(s, s + len(cell), cell, _kind(cell, p), own_bar=cell != body))
    return label_first(drop_separator_lines(joined_wraps(joined_units(joined_fragments(out))), _patterns()["min_rows"]))


def _without_trailing_bar(body: str) -> str:
    """16585 | -> 16585 (string operations: a pattern anchored at the end rescans runs of spaces)."""
    seps = words()["layout"]["separators"]
    trimmed = body.rstrip()
    if trimmed and trimmed[-1] in seps:
        return trimmed[:-1].rstrip()
    return body


def _kind(body: str, p) -> str:
    if p["figure"].match(body):
        return "fig"
    if (m := _WITH_UNIT.match(body)) and read_unit(m.group("unit")) is not None:
        return "fig"  # 162817吨, 44383头: a figure with its own unit
    if p["blank"].match(body):
        return "blank"
    if len(body) <= 4 and (u := read_unit(body)) is not None and u.kind != "index" \
            and squash(body) not in label_titles():  # (总指数 is a row's name, no unit)
        return "unit"  # 亿元, %, 万人次: a cell of a unit column (省市 over the rows is their title)
    if len(body) > p["max_chars"] or p["prose"].search(body):
        return ""
    return "word"


def may_be_stacked(text: str) -> bool:
    """Cheap test: several lines that hold a figure alone (a bar after it allowed)."""
    p = _patterns()
    hits = 0
    for line in text.split("\n"):
        body = line.strip()
        if len(body) <= 18 and p["figure"].match(_without_trailing_bar(body)):
            hits += 1
            if hits >= 4:
                return True
    return False


def find_stacked(text: str) -> list[Table]:
    """Every one-cell-per-line table of `text`, as tables of rows."""
    entries = _entries(text)
    tables: list[Table] = []
    i = 0
    while i < len(entries):
        found = _table_at(entries, i)
        if found is None:
            i += 1
            continue
        table, i = found
        tables.append(table)
    return tables


def _empty_rows(entries: list[_Entry], j: int, n: int) -> int:
    """How many labels from j stand alone, one after another, right before a label with its n cells
    (a table whose empty rows lost their cells); 0 when they do not."""
    k = j
    while k < len(entries) and entries[k].kind == "word" and _cells_after(entries, k, n) == 0:
        k += 1
    return k - j if k < len(entries) and entries[k].kind == "word" and _cells_after(entries, k, n) == n else 0


def _unlabelled_row(entries: list[_Entry], j: int, n: int) -> bool:
    """n figures from j, then a label (or the end): a row whose label the page dropped."""
    return all(j + k < len(entries) and entries[j + k].kind == "fig" for k in range(n)) \
        and (j + n >= len(entries) or entries[j + n].kind == "word")


def _cells_after(entries: list[_Entry], j: int, n: int) -> int:
    """How many of the (at most n) entries after j are cells of a row (figures or empty)."""
    k = 0
    while k < n and j + 1 + k < len(entries) and entries[j + 1 + k].kind in ("fig", "blank", "unit"):
        k += 1
    return k


def _table_at(entries: list[_Entry], i: int):
    """The table whose first body label is entry i, and the entry after its last row; None when
    the rhythm does not hold there."""
    p = _patterns()
    if entries[i].kind != "word" or i + 1 >= len(entries) or entries[i + 1].kind not in ("fig", "unit", "blank") \
            or entries[i + 1].kind == "blank" and entries[i + 1].lone:
        return None  # (接待住宿人数 | — | — | 2517508: a row may open with blank marks, not with a bar line)
    n = _cells_after(entries, i, len(entries))
    closed = _closing_bars(entries[i + 1:i + 1 + n])
    n = closed or n
    if not any(e.kind == "fig" for e in entries[i + 1:i + 1 + n]):
        return None  # a row holds a figure (亿元 | ― | 3.0), never units alone
    width = n + 1
    above = i
    while closed and above > 0 and entries[above - 1].kind == "blank":
        above -= 1  # the header row's own closing bar
    if not closed and above >= width and all(e.kind == "blank" for e in entries[above - width:above]):
        above -= width  # a spacer row of bars between the header and the first row (类别 | 2011 … then ||||||)
    titled = _side_by_side_header(entries, i, n) or _titled_header(entries, i, n) or _titles_over_periods(entries, i, n)
    header_rows = titled[0] if titled else _header_rows(entries, above, width)
    if not header_rows:
        return None
    top = titled[1] if titled else above - len(header_rows) * width
    rows: list[Row] = []
    j, figures_rows = i, 0
    while j < len(entries) and (entries[j].kind == "word" or closed and _bars_before_row(entries, j)
                                or rows and _unlabelled_row(entries, j, n)):
        if entries[j].kind == "fig":
            # 其中:猪肉 / 3.9 / 25.0 / -0.8 / -2.0 / 水产品: a row whose label the page dropped keeps its cells
            label = entries[j]
            rows.append(_row([_Entry(label.start, label.start, "", "blank")] + entries[j:j + n]))
            j += n
            continue
        if entries[j].kind != "word":
            while entries[j].kind == "blank":
                j += 1  # a row's closing bar and spacer rows of bars hold nothing
            continue
        if _cells_after(entries, j, n) == n:
            cells = entries[j:j + width]
            rows.append(_row(cells))
            figures_rows += any(e.kind == "fig" for e in cells[1:])
            j += width
        elif (k := _empty_rows(entries, j, n)) >= 2:
            j += k  # 北  京 / 天  津 / … / 浙  江 then 97.1: rows whose empty cells the page dropped hold nothing
        elif j + 1 < len(entries) and entries[j + 1].kind == "word" and _cells_after(entries, j + 1, n) == n \
                and not _HAS_DIGIT.search(entries[j].text + entries[j + 1].text):
            # 按经营地分 alone on its line, then 城镇 | 30601 | …: a section row with no cells
            label = entries[j]
            rows.append(_row([label] + [_Entry(label.end, label.end, "", "blank")] * n))
            j += 1
        else:
            break
    while rows and not any(c.text for c in rows[-1].cells[1:]):
        rows.pop()  # empty cells after the last row close the table: no section there
        j -= width
    if figures_rows < p["min_rows"]:
        return None
    first = header_rows[0][0]
    captions, start = [], first.start
    c = top - 1
    while c >= 0 and entries[c].kind in ("word", "blank") and len(captions) < words()["layout"]["caption_lines"]:
        if entries[c].kind == "word":  # a line of bars between caption lines (单位:万元 | / ||| ) holds none
            captions.insert(0, entries[c].text)
            start = entries[c].start
        c -= 1
    header = [_row(_respan(cells, n)) for cells in header_rows]
    return Table(rows=(*header, *rows), captions=tuple(captions), start=start, end=rows[-1].end,
                 rows_start=first.start), j


def _closing_bars(cells: list[_Entry]) -> int:
    """The number of figure columns when a row's figures are followed by bars only, one closing the row
    and whole rows of bars after it (全国总计 | 26702.8 | 13871.9 | 5194.9 | then | and a spacer row of
    five |): a crawler that wrote a bar line after each <tr>. 0 when the cells show no such rhythm."""
    last = max((k for k, e in enumerate(cells) if e.kind == "fig"), default=-1)
    trailing = len(cells) - last - 1
    if last < 0 or trailing < 2 or not all(e.kind == "blank" for e in cells[last + 1:]) \
            or (trailing - 1) % (last + 3) != 0:
        return 0
    return last + 1


def _bars_before_row(entries: list[_Entry], j: int) -> bool:
    """Bars at j that run up to a labelled row."""
    k = j
    while k < len(entries) and entries[k].kind == "blank":
        k += 1
    return k > j and k < len(entries) and entries[k].kind == "word"


# a line break and a space: the most a cell wrapped onto the next line leaves between its pieces (a bar line
# between them, \n|\n, is three)
_WRAP_GAP = 2


def _titled_header(entries: list[_Entry], i: int, n: int):
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


def _side_by_side_header(entries: list[_Entry], i: int, n: int):
    """A header of g tables set side by side, one cell per line: the title and its spanning cells g
    times, then the cells under them g times (城市 | 新建住宅价格指数 | 城市 | 新建住宅价格指数 | 环比 |
    同比 | 定基 | 环比 | 同比 | 定基, 70 cities in two halves). The body's rows then come label by label
    (北京 | 100.3 | 99.0 | 102.1 | 唐山 | …), each a row of the one table the copies head; returns its
    header rows as _titled_header does, or None."""
    titles = label_titles()
    lo = max(0, i - _patterns()["max_header_cells"])
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


_HAS_DIGIT = regex.compile(r"\d")  # 162817吨 is a cell with its unit, never a row's label


_YEAR_TITLE = regex.compile(r"^(?:19|20)\d{2}\s*年?$")


def _header_rows(entries: list[_Entry], i: int, width: int) -> list[list[_Entry]]:
    """The header rows right above the first label: one row of words and empty cells, and more
    above it while they hold an empty cell (spans lost: titles hold none)."""
    rows: list[list[_Entry]] = []
    top = i
    while len(rows) < _patterns()["max_header_rows"] and top - width >= 0:
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


def _titles_over_periods(entries: list[_Entry], i: int, n: int) -> tuple[list[list[_Entry]], int] | None:
    """Two header rows of one cell per figure column and none for the labels: n titles over n periods
    (绝对额(亿元) | 比上年同期增长(%) over 1季度 | 1季度), each row given an empty label cell, and the
    header's top entry; else None."""
    if n < 2 or i - 2 * n < 0:
        return None
    high, low = entries[i - 2 * n:i - n], entries[i - n:i]
    period = _patterns()["period_title"]
    if not all(e.kind == "word" and period.match(e.text) for e in low) \
            or not all(e.kind in ("word", "unit") and not period.match(e.text) for e in high) \
            or squash(high[0].text) in label_titles():
        return None
    return [[_Entry(row[0].start, row[0].start, "", "blank"), *row] for row in (high, low)], i - 2 * n


def _respan(cells: list[_Entry], n: int) -> list[_Entry]:
    """Spread a header row whose spans were lost over the n figure columns (see module doc)."""
    filled = [e for e in cells if e.kind != "blank"]
    if len(filled) == len(cells) or not filled:
        return cells
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


def _row(cells: list[_Entry]) -> Row:
    out = tuple(Cell(e.start, e.end, e.text) for e in cells)
    return Row(out[0].start, max(c.end for c in out), out)
