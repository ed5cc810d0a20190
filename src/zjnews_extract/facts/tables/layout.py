"""Where the tables of an article are: runs of lines whose cells are separated by "|",
with the caption, unit and footnote lines around them.

A table is at least two consecutive lines with a separator, one of them with two cells or
more. Caption lines (a title, a period line, a 单位 line) sit right above it; footnotes
(注, 资料来源, 指标解释 and their numbered lines) right under it. Neither holds facts, so
their spans go with the table's.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import regex

from ...data import load_toml
from .dates import is_report_date

_HAN = regex.compile(r"\p{Han}")
_SPACE_IN_HAN = regex.compile(r"(?<=\p{Han})[ \u3000]+(?=\p{Han})")


def squash(text: str) -> str:
    """指 标 -> 指标: spaces between Han characters are layout."""
    return _SPACE_IN_HAN.sub("", text).strip()


def word_across(left: str, right: str) -> bool:
    """A word of `left + right` runs over the break between them (增速与去年 / 同期比较: 去年同期; 归属于上市
    公司股 / 东的: 股东): two pieces of one cell a page wrapped."""
    from ..words import words as segment  # noqa: PLC0415  (jieba: loaded with the first article)

    cut, pos = len(left), 0
    for w, _ in segment(left + right):
        if pos < cut < pos + len(w):
            return True
        pos += len(w)
        if pos >= cut:
            return False
    return False


@cache
def enough_lines(text: str, is_hit, needed: int) -> bool:
    """At least `needed` lines of `text` pass `is_hit` (the cheap tests of the one-cell-per-line and
    label-and-figure readers: stop at the needed count)."""
    hits = 0
    for line in text.split("\n"):
        if is_hit(line):
            hits += 1
            if hits >= needed:
                return True
    return False


def scan_tables(count: int, table_at) -> list[Table]:
    """The tables `table_at(i)` finds walking positions 0..count-1: it gives (table or None, the
    position to go on from); a position where none starts moves on by one."""
    tables: list[Table] = []
    i = 0
    while i < count:
        table, after = table_at(i)
        if table is not None:
            tables.append(table)
        i = max(after, i + 1)
    return tables


@cache
def year_titles() -> frozenset[str]:
    """年份, 年度: the title of a column of years that label the rows."""
    return frozenset(squash(t) for t in words()["header"]["year_titles"])


def label_titles() -> frozenset[str]:
    """Titles of the row-label column (指标, 市州; squashed): a header row that opens with one spans the
    figure columns with the rest of its cells (市州 | 增长速度 over 比上年同月 | 比上年同期)."""
    h = words()["header"]
    return frozenset(squash(t) for t in h["label_titles"] + h["place_titles"])


@dataclass(frozen=True, slots=True)
class Cell:
    start: int  # offsets into the article text; text == article[start:end], stripped
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Row:
    start: int  # the line, without its newline
    end: int
    cells: tuple[Cell, ...]

    def filled(self) -> list[Cell]:
        return [c for c in self.cells if c.text]


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[Row, ...]
    captions: tuple[str, ...]  # the caption lines above, top first (units, wholes, periods are read from them)
    start: int  # the span of captions, rows and footnotes
    end: int
    rows_start: int  # the first row's start


def words() -> dict:
    return load_toml("tables.toml")


@cache
def cell_marks() -> dict[str, regex.Pattern]:
    """What every layout tells a cell by: a blank mark (-, ―, …) and a sentence or clause mark (prose)."""
    blanks = "|".join(regex.escape(b) for b in words()["cells"]["blanks"])
    return {
        "blank": regex.compile(rf"^(?:{blanks})$"),
        "prose": regex.compile("|".join(regex.escape(m) for m in words()["layout"]["prose_marks"])),
    }


@cache
def _patterns():
    lay = words()["layout"]
    seps = "".join(re.escape(s) for s in lay["separators"])
    return {
        "sep": re.compile(f"[{seps}]"),
        "rule": re.compile(rf"^[\s{seps}:：\-—=+]*$"),  # |---|---| and bare bars: no cells
        "prose": re.compile("|".join(re.escape(m) for m in lay["prose_marks"])),
        "footnote": re.compile("|".join(re.escape(w) for w in lay["footnote_starts"])),
        "numbered": regex.compile("|".join(lay["footnote_numbering"])),
        # 按主要行业分 on a line of its own between two parts of one table: a grouping row
        "grouping": regex.compile("|".join(words()["labels"]["grouping"])),
    }


def _lines(text: str):
    """(start, end) of every line, without its newline; a line whose bars follow a sentence (…比上年增长2.6%。
    表1 …指 标 | 年末数(万人) |: a page flattened into long lines) is two, the prose and the table's row."""
    sep = _patterns()["sep"]
    start = 0
    for end in [m.start() for m in re.finditer("\n", text)] + [len(text)]:
        bar = sep.search(text, start, end)
        prose_end = _SENTENCE_END.search(text, start, bar.start()) if bar else None
        if prose_end is not None:
            yield start, prose_end.end()
            yield prose_end.end(), end
        else:
            yield start, end
        start = end + 1


# the last sentence end before a line's first bar (searched backwards)
_SENTENCE_END = regex.compile(r"(?r)[。；;！？]")


def split_cells(text: str, start: int, end: int) -> tuple[Cell, ...]:
    """The cells of one line; a bar at either end of the line opens or closes the row."""
    sep = _patterns()["sep"]
    line = text[start:end]
    bounds = [-1] + [m.start() for m in sep.finditer(line)] + [len(line)]
    pieces = list(zip(bounds, bounds[1:]))
    if pieces and not line[:pieces[0][1]].strip():
        pieces = pieces[1:]  # | a | b: the leading bar opens the row
    if pieces and not line[pieces[-1][0] + 1:].strip():
        pieces = pieces[:-1]  # a | b |: the trailing bar closes it
    cells = []
    for a, b in pieces:
        raw = line[a + 1:b]
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        s = start + a + 1 + lead
        cells.append(Cell(s, s + len(body), body))
    return tuple(cells)


def find_tables(text: str, states_facts=lambda start, end: False) -> list[Table]:
    """Every table of `text`, in order. `states_facts(start, end)` tells a line above a table
    that states an amount (a headline: 江西旅游收入199.96亿元居首) from a caption."""
    from .translations import without_translations  # noqa: PLC0415  (translations builds this module's rows)
    pats = _patterns()
    sep = pats["sep"]
    lines = list(_lines(text))
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if not sep.search(text, lines[i][0], lines[i][1]):
            i += 1
            continue
        j = i
        rows: list[Row] = []
        while j < len(lines) and (sep.search(text, lines[j][0], lines[j][1]) or _grouping_inside(text, lines, j)
                                  or rows and _interruption(text, lines, j, rows[-1])):
            s, e = lines[j]
            if not sep.search(text, s, e) and not pats["grouping"].match(text[s:e].strip()):
                j += 1  # a line dropped into the table (a notice between two rows): no row, no figures
                continue
            if not pats["rule"].match(text[s:e]):
                rows.append(Row(s, e, split_cells(text, s, e)))
            j += 1
        rows = without_translations(_join_broken_rows(rows))
        if len(rows) >= 2 and any(len(r.filled()) >= 2 for r in rows):
            tables.append(_with_margins(text, lines, i, j, tuple(rows), states_facts))
        i = j
    return tables


def _join_broken_rows(rows: list[Row]) -> list[Row]:
    """Rows a crawler broke over several lines (6 | 成都 | 38.69 | 34.60% | / 1064.5 | / 30.60% |, or a
    header of one cell per line): where the table's rows mostly have n cells, consecutive short
    lines whose cells add up to exactly n are one row."""
    counts = Counter(len(r.cells) for r in rows if len(r.cells) >= 3)
    if not counts:
        counts = _label_group_widths(rows)  # every row broken: 一、接待过夜游客 | 11178898 | / -14.85 | / 93378082 | 9.02 |
        if not counts or counts.most_common(1)[0][1] < 3:
            return rows
    width = counts.most_common(1)[0][0]
    out: list[Row] = []
    i = 0
    while i < len(rows):
        row, k = rows[i], i + 1
        cells = list(row.cells)
        while len(cells) < width and k < len(rows) and len(cells) + len(rows[k].cells) <= width:
            cells += rows[k].cells
            k += 1
        if len(cells) == width and k > i + 1:
            out.append(Row(row.start, rows[k - 1].end, tuple(cells)))
            i = k
        else:
            out.append(row)
            i += 1
    return out


def _label_group_widths(rows: list[Row]) -> Counter:
    """How many cells each labelled row has with the label-less lines after it (the pieces of one row
    a crawler broke), counted over the groups of three cells or more."""
    sums: list[list[int]] = []  # [cells of the label's line, cells of the whole group]
    for r in rows:
        if r.cells and _HAN.search(r.cells[0].text):
            sums.append([len(r.cells), len(r.cells)])
        elif sums:
            sums[-1][1] += len(r.cells)
    # (a label alone on its line is a table of one cell per line: stacked.py's, not broken rows)
    return Counter(n for first, n in sums if n >= 3 and 2 <= first < n)


def _grouping_inside(text: str, lines, j: int) -> bool:
    """A line with no bars that groups the rows below it (按主要行业分), with table lines around it."""
    pats = _patterns()
    if j + 1 >= len(lines) or not pats["sep"].search(text, lines[j + 1][0], lines[j + 1][1]):
        return False
    s, e = lines[j]
    return pats["grouping"].match(text[s:e].strip()) is not None


def _interruption(text: str, lines, j: int, last: Row) -> bool:
    """A line of prose with no figure between two rows of one width (a company's 业绩快报 with its board's
    notice printed between two of the table's rows): the table goes on after it."""
    if j + 1 >= len(lines):
        return False
    s, e = lines[j]
    if _DIGIT.search(text, s, e) or not text[s:e].strip():
        return False
    ns, ne = lines[j + 1]
    if not _patterns()["sep"].search(text, ns, ne):
        return False
    nxt = split_cells(text, ns, ne)
    return len(nxt) == len(last.cells) >= 3 and any(_DIGIT.search(c.text) for c in nxt[1:]) \
        and any(_DIGIT.search(c.text) for c in last.cells[1:])


def _with_margins(text: str, lines, first: int, after: int, rows: tuple[Row, ...], states_facts) -> Table:
    """The table of lines[first:after] with its caption lines above and footnotes below."""
    pats = _patterns()
    lay = words()["layout"]
    captions: list[str] = []
    start = lines[first][0]
    k = first - 1
    while k >= 0 and len(captions) < lay["caption_lines"]:
        s, e = lines[k]
        line = text[s:e].strip()
        if not line or len(line) > lay["caption_max_chars"] or pats["prose"].search(line) or states_facts(s, e):
            break
        captions.insert(0, line)
        start = s
        k -= 1
    end = lines[after - 1][1]
    k = after
    if k < len(lines) and pats["footnote"].match(text, lines[k][0], lines[k][1]):
        end = lines[k][1]
        k += 1
        while k < len(lines) and pats["numbered"].match(text, lines[k][0], lines[k][1]):
            end = lines[k][1]
            k += 1
    return Table(rows=rows, captions=tuple(captions), start=start, end=end, rows_start=lines[first][0])


_DIGIT = regex.compile(r"\d")


def segments(table: Table, is_figure) -> list[Table]:
    """The tables one run of bar lines holds (表1 … 注… 表2 …): a footnote row (注: …) ends a
    table; a header row (cells of words beyond the first) under rows of figures starts the
    next, with the one-cell rows right above it as its captions."""
    footnote = _patterns()["footnote"]
    out: list[Table] = []
    rows: list[Row] = []
    captions: tuple[str, ...] = table.captions
    figures = False

    def close(keep: list[Row], next_captions: tuple[str, ...]) -> None:
        nonlocal rows, captions, figures
        if keep:
            start = table.start if not out else keep[0].start
            out.append(Table(rows=tuple(keep), captions=captions, start=start, end=keep[-1].end,
                             rows_start=keep[0].start))
        rows, captions, figures = [], next_captions, False

    for row in table.rows:
        filled = row.filled()
        if filled and footnote.match(filled[0].text) and len(filled) == 1:
            close(rows, ())
            continue
        has_figures = figures_row(row, is_figure)
        if figures and not has_figures and _names_columns(filled):
            k = len(rows)
            while k > 0 and len(rows[k - 1].filled()) == 1 and not any(is_figure(c) for c in rows[k - 1].cells):
                k -= 1
            # a header with no caption of its own (项目 | 本报告期末 | 本报告期初 under 项目 | 本报告期 | …) goes on
            # under the captions above: the report's 单位 and period hold until another is given
            close(rows[:k], tuple(c.text for r in rows[k:] for c in r.filled()) or captions)
        rows.append(row)
        figures = figures or has_figures
    close(rows, ())
    return out


def figures_row(row: Row, is_figure) -> bool:
    """A row of figures; a row whose figures are all years (地区 | 2008 | 2009 over the columns
    each year spans, 1995 | 2000 | 2012) or report dates (项目 | 20221231 | 20231231) is a header."""
    figures = [c for c in row.cells if is_figure(c)]
    # (one year among column names is a header too: 指标名称 | 单位 | 2023 | 增幅(%), a bulletin's table)
    return bool(figures) and not ((len(figures) >= 2 or _names_columns([c for c in row.cells if c.text]))
                                  and all(_year_cell().match(c.text) or is_report_date(c.text) for c in figures))


@cache
def _year_cell() -> regex.Pattern:
    return regex.compile(words()["periods"]["year_header"])


def _names_columns(filled: list[Cell]) -> bool:
    """A header row: beside the first cell, more cells of (Han) words. A unit beside a name
    (主要行业工业总产值 | 亿元) is a section row in a unit column, not a header."""
    from .units import read_unit  # noqa: PLC0415  (units reads this module's words)

    return len(filled) >= 2 and any(_HAN.search(c.text) and read_unit(c.text) is None for c in filled[1:])
