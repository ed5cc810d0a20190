"""Tables pasted one cell per line: a header of n short lines, then rows of a label line and
n - 1 figure lines each (a statistics bureau's table copied from a browser, or stored by a crawler
that put every <td> on a line of its own):

    指标名称
    6月
    比去年同月增长(%)
    规模以上工业总产值(亿元)
    2936.55
    -3.7

The grid is told by its rhythm alone: at least two rows whose label is followed by the same number
of figure lines, and as many header lines right above the first label. Rows of a label and no
figures (a section: 按主要行业分) may sit between them. The cells keep their offsets in the text, so
the rows read exactly as bar-separated rows do.
"""
from __future__ import annotations

from functools import cache

import regex

from .layout import Cell, Row, Table, words


@cache
def _patterns():
    lay = words()["stacked"]
    blanks = "|".join(regex.escape(b) for b in words()["cells"]["blanks"])
    return {
        # a figure cell: a signed number with an optional % or ‰, or a mark of a missing figure
        "figure": regex.compile(rf"^(?:[-+−－＋]?\d[\d,，]*(?:\.\d+)?\s*[%％‰]?|{blanks})$"),
        "prose": regex.compile("|".join(regex.escape(m) for m in words()["layout"]["prose_marks"])),
        "max_chars": lay["cell_max_chars"],
        "min_rows": lay["min_rows"],
    }


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stripped text) of every non-empty line, offsets of the stripped text."""
    out = []
    pos = 0
    for line in text.split("\n"):
        body = line.strip()
        if body:
            s = pos + len(line) - len(line.lstrip())
            out.append((s, s + len(body), body))
        pos += len(line) + 1
    return out


def may_be_stacked(text: str) -> bool:
    """Cheap test: several lines that hold a figure alone."""
    figure = _patterns()["figure"]
    hits = 0
    for _, _, body in _lines(text):
        if len(body) <= 16 and figure.match(body):
            hits += 1
            if hits >= 4:
                return True
    return False


def find_stacked(text: str) -> list[Table]:
    """Every one-cell-per-line table of `text`, as tables of rows."""
    p = _patterns()
    lines = _lines(text)
    kinds = [_kind(body, p) for _, _, body in lines]  # "fig", "word" or "" (prose, too long)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        found = _table_at(lines, kinds, i)
        if found is None:
            i += 1
            continue
        table, after = found
        tables.append(table)
        i = after
    return tables


def _kind(body: str, p) -> str:
    if p["figure"].match(body):
        return "fig"
    if len(body) > p["max_chars"] or p["prose"].search(body):
        return ""
    return "word"


def _table_at(lines, kinds, i: int):
    """The table whose first body label is line i, with the end of its last row; None if the
    rhythm does not hold there."""
    if kinds[i] != "word":
        return None
    n = 0
    while i + 1 + n < len(lines) and kinds[i + 1 + n] == "fig":
        n += 1
    if n < 1 or i - (n + 1) < 0 or any(k != "word" for k in kinds[i - n - 1:i]):
        return None  # a label, its figures and a header of as many cells as a row has, above it
    rows: list[Row] = []
    j, sections = i, 0
    while j < len(lines) and kinds[j] == "word":
        k = 0
        while j + 1 + k < len(lines) and kinds[j + 1 + k] == "fig" and k < n:
            k += 1
        if k == n:
            rows.append(_row(lines[j:j + 1 + n]))
            j, sections = j + 1 + n, 0
        elif k == 0 and j + 1 < len(lines) and kinds[j + 1] == "word" and rows and sections < 2:
            rows.append(_row(lines[j:j + 1]))  # 按主要行业分: a section, its rows follow
            j, sections = j + 1, sections + 1
        else:
            break
    while rows and len(rows[-1].cells) == 1:
        j -= 1
        rows.pop()  # a line of words after the last row is the text's, not a section
    if sum(1 for r in rows if len(r.cells) > 1) < _patterns()["min_rows"]:
        return None
    header = _row(lines[i - n - 1:i])
    captions, start = [], header.start
    c = i - n - 2
    while c >= 0 and kinds[c] == "word" and len(captions) < words()["layout"]["caption_lines"]:
        captions.insert(0, lines[c][2])
        start = lines[c][0]
        c -= 1
    return Table(rows=(header, *rows), captions=tuple(captions), start=start, end=rows[-1].end,
                 rows_start=header.start), j


def _row(lines) -> Row:
    cells = tuple(Cell(s, e, body) for s, e, body in lines)
    return Row(cells[0].start, cells[-1].end, cells)
