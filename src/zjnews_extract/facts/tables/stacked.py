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
none for the labels (the header readers are in stacked_header.py). The cells keep their offsets in the text, so the rows read exactly as
bar-separated rows do.
"""
from __future__ import annotations

from functools import cache
from itertools import combinations

import regex

from .layout import Cell, Row, Table, cell_marks, enough_lines, label_titles, scan_tables, squash, words
from .cell_lines import (FIGURE_WITH_UNIT as _WITH_UNIT, Entry as _Entry, drop_separator_lines, joined_fragments, joined_units,
                         joined_wraps, label_first, years_as_labels)
from .stacked_header import (header_rows, respan, side_by_side_header, titled_header, titles_over_periods,
                             untitled_header)
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
    return years_as_labels(label_first(drop_separator_lines(joined_wraps(joined_units(joined_fragments(out))),
                                                            _patterns()["min_rows"])))


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
    return enough_lines(text, lambda line: len(body := line.strip()) <= 18
                        and p["figure"].match(_without_trailing_bar(body)) is not None, 4)


def find_stacked(text: str) -> list[Table]:
    """Every one-cell-per-line table of `text`, as tables of rows."""
    entries = _entries(text)
    return scan_tables(len(entries), lambda i: _table_at(entries, i) or (None, i + 1))


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
    titled = side_by_side_header(entries, i, n) or titled_header(entries, i, n) or titles_over_periods(entries, i, n) \
        or untitled_header(entries, i, n)
    heads = titled[0] if titled else header_rows(entries, above, width)
    if not heads:
        return None
    top = titled[1] if titled else above - len(heads) * width
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
        elif (short := _short_row(entries, j, n, rows)) is not None:
            # 其中:实物商品网上零售额 / 108042 / 12.0 then a label, under 12月 | 1—12月 twice: a row whose empty
            # cells the page dropped; its figures go to the columns whose figures they are like
            rows.append(_row(short))
            figures_rows += 1
            j += 1 + sum(1 for e in short[1:] if e.text)
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
    first = heads[0][0]
    captions, start = [], first.start
    c = top - 1
    while c >= 0 and (entries[c].kind in ("word", "blank") or entries[c].kind == "unit" and unit_line(entries[c].text)) \
            and len(captions) < words()["layout"]["caption_lines"]:
        # (a line of bars between caption lines holds none: 单位:万元 | / |||; 单位:% over the header is a caption)
        if entries[c].kind != "blank":
            captions.insert(0, entries[c].text)
            start = entries[c].start
        c -= 1
    header = [_row(respan(cells, n)) for cells in heads]
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


_HAS_DIGIT = regex.compile(r"\d")  # 162817吨 is a cell with its unit, never a row's label
# a rate's look (12.0, -2.2, 1.5%): an amount's column never holds one where the rows agree
_RATE_LOOK = regex.compile(r"^[-+−－＋]?\d{1,2}(?:\.\d+)?\s*[%％]?$")
_LOOK_ROWS = 12  # full rows above a short row that show what each column holds
_PLACEMENTS_MAX = 12  # columns beyond which a short row is not placed (the choices grow too many)


def _short_row(entries: list[_Entry], j: int, n: int, rows: list[Row]) -> list[_Entry] | None:
    """A label at j with fewer than n figures and then the next label (or the end): the row's cells with
    blanks where the page dropped its empty cells, each figure in the rightmost columns whose rows'
    figures look like it (a rate or an amount); None when no column order fits."""
    m = _cells_after(entries, j, n)
    after = j + 1 + m
    if not 1 <= m < n or n > _PLACEMENTS_MAX or after < len(entries) and entries[after].kind != "word":
        return None
    units = 0
    while units < m and entries[j + 1 + units].kind == "unit":
        units += 1  # 家禽出栏 / 万只 / 1522.62 / -22.1: the unit column's cell, then the figures
    figures = entries[j + 1 + units:after]
    if any(e.kind != "fig" for e in figures) or not figures:
        return None
    looks: list[set[bool]] = [set() for _ in range(n)]
    for row in rows[-_LOOK_ROWS:]:  # (the rows just above: a bounded look, linear over a long table)
        if len(row.cells) == n + 1 and all(c.text for c in row.cells[1:]):
            for k, c in enumerate(row.cells[1:]):
                looks[k].add(None if c.text and _is_unit_cell(c.text) else bool(_RATE_LOOK.match(c.text)))
    if not looks[0] or any(looks[k] != {None} for k in range(units)):
        return None  # no full rows to learn the columns from, or a unit where the rows hold none
    free = range(units, n)
    want = [bool(_RATE_LOOK.match(e.text)) for e in figures]
    if all(len(looks[c]) == 1 for c in free):
        fits = [cols for cols in combinations(free, len(figures)) if all(looks[c] == {w} for c, w in zip(cols, want))]
        chosen = max(fits) if fits else None
    else:
        # small amounts look like rates (3.89万吨 under 184.26万头): a column may hold both looks; the figures
        # a row lacks are then its last group's (生猪出栏 | 万头 | 184.26 | 3.6 | 40.33 | 31.3, then 家禽出栏 | 万只 |
        # 1522.62 | -22.1: the 域外 columns of a statistics bureau's table, which not every product has)
        fits = [cols for cols in combinations(free, len(figures)) if all(w in looks[c] for c, w in zip(cols, want))]
        chosen = min(fits) if fits else None
    if chosen is None:
        chosen = tuple(free[:len(figures)])  # no column's look tells: the row's last cells were dropped
    label = entries[j]
    cells = [label] + [_Entry(label.end, label.end, "", "blank")] * n
    for k in range(units):
        cells[1 + k] = entries[j + 1 + k]
    for c, e in zip(chosen, figures):
        cells[1 + c] = e
    return cells


def _is_unit_cell(text: str) -> bool:
    return _kind(text, _patterns()) == "unit"


def _row(cells: list[_Entry]) -> Row:
    out = tuple(Cell(e.start, e.end, e.text) for e in cells)
    return Row(out[0].start, max(c.end for c in out), out)
