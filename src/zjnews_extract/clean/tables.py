"""HTML data tables as text lines: each <tr> one line, its cells joined by " | ".

The facts stage reads a table from such lines (批发业 | 49.02 | 13.0 | +2.5); one line a
cell would lose which figure belongs to which row. Only data tables are joined: two rows or
more of two cells or more with a cell that is a bare figure, no table inside a row; a row
of prose (a full stop in a cell) or of more than a few hundred characters stays lines. A layout table (a page built of <table>s, the article in
one cell) keeps its lines as they were. A cell spanning columns (colspan) is followed by
empty cells, so the columns stay aligned; a row of one cell inside a data table ends with a
bar (按经营地分 |), so it stays a row of the table.
"""
from __future__ import annotations

import re

_SPACES = re.compile(r" {2,}")  # empty cells: "a |  | b" -> "a | | b"
# A cell holding only a figure: what tells a data table from a layout table.
_FIGURE = re.compile(r"^[+\-−－]?\s?[\d０-９][\d０-９,，.．\s]*[%％‰]?$")
# A row longer than this is page layout (an article in a cell), not a row of a data table.
_ROW_MAX_CHARS = 400
# A cell with a full stop holds prose (a note, or an article laid out in a table): its row stays lines.
_PROSE = "。"
# Why: a colspan past this is a page's layout, not a table's columns.
_MAX_SPAN = 20


class _Row:
    __slots__ = ("cells", "end", "layout")

    def __init__(self):
        self.cells: list[tuple[int, int]] = []  # (index of the cell's first line, columns it spans)
        self.end = 0  # index after the row's last line
        self.layout = False  # holds a table of its own


class _Table:
    __slots__ = ("rows", "row")

    def __init__(self):
        self.rows: list[_Row] = []
        self.row: _Row | None = None


class TableRows:
    """Follows <table>, <tr>, <td> and <th> while page_lines walks the tree, and joins the
    lines of a data table's rows when the table ends."""

    def __init__(self):
        self.tables: list[_Table] = []

    def start(self, el, n_lines: int) -> None:
        tag = el.tag
        if tag == "table":
            for t in self.tables:
                if t.row is not None:
                    t.row.layout = True
            self.tables.append(_Table())
        elif not self.tables:
            return
        elif tag == "tr":
            self.tables[-1].row = _Row()
        elif tag in ("td", "th") and self.tables[-1].row is not None:
            try:
                span = min(max(int(el.get("colspan") or 1), 1), _MAX_SPAN)
            except ValueError:
                span = 1
            self.tables[-1].row.cells.append((n_lines, span))

    def end(self, tag: str, lines: list) -> None:
        if not self.tables:
            return
        if tag == "tr" and (row := self.tables[-1].row) is not None:
            row.end = len(lines)
            self.tables[-1].rows.append(row)
            self.tables[-1].row = None
        elif tag == "table":
            _join(self.tables.pop(), lines)


def _cells(row: _Row, lines: list) -> list[str]:
    out = []
    bounds = [i for i, _ in row.cells] + [row.end]
    for (first, span), after in zip(row.cells, bounds[1:]):
        out.append(" ".join(line.text for line in lines[first:after]))
        out.extend([""] * (span - 1))
    return out


def _join(table: _Table, lines: list) -> None:
    rows = [r for r in table.rows if not r.layout and r.cells and r.cells[0][0] < r.end]
    texts = [_cells(r, lines) for r in rows]
    if sum(1 for t in texts if len(t) >= 2 and any(_FIGURE.match(c) for c in t)) < 2:
        return  # a layout table: no two rows of figures
    for row, cells in zip(reversed(rows), reversed(texts)):
        if sum(len(c) for c in cells) > _ROW_MAX_CHARS or any(_PROSE in c for c in cells):
            continue
        first = row.cells[0][0]
        joined = _SPACES.sub(" ", " | ".join(cells) + (" |" if len(cells) == 1 else ""))
        line = lines[first]
        link_chars = sum(x.link_chars for x in lines[first:row.end])
        line.text = joined
        line.chars = len(joined) - joined.count(" ")
        line.link_chars = min(link_chars, line.chars)
        lines[first:row.end] = [line]
