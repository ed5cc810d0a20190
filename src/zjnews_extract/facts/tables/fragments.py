"""A space-separated table's header that a PDF wrapped inside its cells: each column's title is cut
into lines, and the lines of all the titles are interleaved, the short titles standing on the middle
line (a listed company's periodic report, copied from its PDF):

    本报告期比 年初至报告期
    项目 本报告期 上年同期增 年初至报告期末 末比上年同期
    减变动幅度 增减变动幅度
    (%) (%)
    营业收入 121,926,877.95 4.79 248,302,819.25 3.71

The columns are found from the number of figure columns of the rows below. Where one line holds a
fragment for every figure column, it anchors the columns; else the fragments that are whole titles
(本报告期, 上年度末: a table's relative periods) head one column each and the wrapped titles take
the columns left, after them. A line with one fragment for each wrapped title gives them in order; a
line with as many fragments as a line above lies under it (本报告期 本报告期比上年同期增 over (1-6月)
减(%)). A column's title is its fragments read top to bottom. When the fragments do not add up,
there is no header: nothing is guessed.
"""
from __future__ import annotations

from functools import cache

import regex

from .layout import Cell, label_titles, squash, words


@cache
def _patterns():
    return {
        "han": regex.compile(r"\p{Han}"),
        "bracket": regex.compile(r"^[(（][^()（）\d]{0,6}(?:\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月)?[^()（）]{0,4}[)）]$"),
        "digit_run": regex.compile(r"\d[\d,.]{2,}"),
        "whole": frozenset(squash(t) for t in words()["periods"]["relative"]),
        "max_lines": words()["stacked"]["max_header_rows"] + 2,
    }


def fragment_lines() -> int:
    """The most lines a wrapped header may take."""
    return _patterns()["max_lines"]


def is_fragment_line(cells: list[Cell]) -> bool:
    """A line that may be part of a wrapped header: words or brackets ((%), (1-6月)), no figures, no
    sentence."""
    p = _patterns()
    return bool(cells) and all((p["han"].search(c.text) or p["bracket"].match(c.text))
                               and not p["digit_run"].search(c.text) and len(c.text) <= 16 for c in cells)


def wrapped_header(lines: list[list[Cell]], figures: int) -> list[Cell] | None:
    """The header row (the label column's title or an empty cell, then one cell per figure column)
    of the wrapped header `lines` (each line's cells, top to bottom) over `figures` columns of figures,
    or None."""
    label: Cell | None = None
    rows: list[list[Cell]] = []
    for cells in lines:
        kept = []
        for c in cells:
            if label is None and not kept and squash(c.text) in label_titles():
                label = c  # 项目: the label column's title, on whichever line it stands
            else:
                kept.append(c)
        rows.append(kept)
    columns = _anchored(rows, figures) or _by_whole_titles(rows, figures)
    if columns is None or any(not col for col in columns):
        return None
    head = label or Cell(columns[0][0].start, columns[0][0].start, "")
    return [head, *(Cell(col[0].start, col[-1].end, "".join(c.text for c in col)) for col in columns)]


def _whole(cell: Cell) -> bool:
    return squash(cell.text) in _patterns()["whole"]


def _anchored(rows: list[list[Cell]], figures: int) -> list[list[Cell]] | None:
    """Columns anchored by the line holding one fragment per figure column."""
    spine = next((k for k, r in enumerate(rows) if len(r) == figures), None)
    if spine is None or figures < 2 or abs(spine - (len(rows) - 1 - spine)) > 1:
        return None  # (the one-line titles stand on the middle line of the wrapped ones)
    columns = [[c] for c in rows[spine]]
    wrapped = [j for j, c in enumerate(rows[spine]) if not _whole(c)]
    for k, r in enumerate(rows):
        if k == spine or not r:
            continue
        still_open = [j for j in wrapped if not _closed(columns[j])]
        if len(r) == figures:
            targets = list(range(figures))
        elif len(r) == len(wrapped):
            targets = wrapped
        elif 0 < spine < k and len(r) == len(still_open):
            # 动幅度(%) | 同期增减变 then 动幅度(%) alone: a title closed by its unit is whole, the lines
            # below go on with the titles still open (a longer title wraps onto more lines); only under
            # a spine with lines above it, as the wrapped titles are centred on it
            targets = still_open
        else:
            return None
        for j, c in zip(targets, r):
            columns[j].append(c)
    for col in columns:
        col.sort(key=lambda c: c.start)
    return columns


_UNIT_CLOSE = regex.compile(r"[(（][^()（）]{0,8}[)）]$")


def _closed(column: list[Cell]) -> bool:
    """The title read so far ends with its unit in brackets (…增减变动幅度(%)): nothing more follows it."""
    return bool(column) and _UNIT_CLOSE.search(max(column, key=lambda c: c.start).text) is not None


def _by_whole_titles(rows: list[list[Cell]], figures: int) -> list[list[Cell]] | None:
    """Columns headed by the whole titles, then the wrapped titles (see module doc)."""
    whole = [c for r in rows for c in r if _whole(c)]
    w = figures - len(whole)
    if w < 1 or not whole:
        return None
    columns: list[list[Cell]] = [[c] for c in whole] + [[] for _ in range(w)]
    column_of: dict[int, int] = {id(c): j for j, c in enumerate(whole)}
    for k, r in enumerate(rows):
        parts = [c for c in r if not _whole(c)]
        if not parts:
            continue
        if len(parts) == w:
            targets = [len(whole) + t for t in range(w)]
            for j, c in zip(targets, parts):
                columns[j].append(c)
                column_of[id(c)] = j
            continue
        above = next((rows[a] for a in range(k - 1, -1, -1) if len(rows[a]) == len(r)
                      and all(id(c) in column_of for c in rows[a])), None)
        if above is None:
            return None
        for a, c in zip(above, r):  # a line under a line of as many fragments: cell under cell
            columns[column_of[id(a)]].append(c)
            column_of[id(c)] = column_of[id(a)]
    for col in columns:
        col.sort(key=lambda c: c.start)
    return columns
