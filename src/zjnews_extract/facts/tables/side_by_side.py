"""Tables set side by side: one table's rows printed in g groups across the page, its header
repeated over each group (NBS's 70-city price tables: 35 cities on the left, 35 on the right):

    城市 | 新建住宅价格指数 | 城市 | 新建住宅价格指数
    环比 | 同比 | 定基 | 环比 | 同比 | 定基
    北京 | 100.1 | 106.4 | 122.6 | 唐山 | 100.0 | 100.7 | 103.2

Each body row is g rows of the one table (北京 …, 唐山 …), read under one copy of the header. The
layout is told by the header alone repeating itself g times and by the body rows holding a label
where each group starts; the cells keep their offsets, so the facts keep their spans.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .layout import Cell, Row, Table, squash

# Why: a page sets at most this many copies of a table across it.
_GROUPS = (2, 3, 4)
# Why: the share of body rows that must hold a label at every group's start, so that one odd
# row (a total, a cut last line) does not hide the layout.
_MIN_SHARE = 0.8


def unfold(table: Table, is_figure) -> Table:
    """`table` with each side-by-side body row split into its groups' rows and one copy of its
    repeated header kept; `table` itself when it is no such table."""
    first = next((i for i, r in enumerate(table.rows) if any(is_figure(c) for c in r.cells)), None)
    if first is None or first == 0:
        return table
    header, body = table.rows[:first], table.rows[first:]
    lengths = Counter(len(_trimmed(r)) for r in body)
    width = lengths.most_common(1)[0][0]
    for g in _GROUPS:
        w = width // g
        if width % g or w < 2 or not _labels_at_groups(body, width, w, g, is_figure):
            continue
        kept = [_one_copy(r, g, w) for r in header]
        if not any(k is not None for k in kept):
            continue  # the header does not repeat: columns that merely hold words
        rows = [k or r for k, r in zip(kept, header)]
        for r in body:
            cells = _trimmed(r)
            rows.extend(Row(part[0].start, part[-1].end, part)
                        for part in (cells[k:k + w] for k in range(0, len(cells), w)) if part)
        return replace(table, rows=tuple(rows))
    return table


def _trimmed(row: Row) -> tuple[Cell, ...]:
    """The row's cells without the empty ones after its last filled cell (北京 | … | 103.2 |)."""
    cells = row.cells
    end = len(cells)
    while end and not cells[end - 1].text:
        end -= 1
    return cells[:end]


def _labels_at_groups(body, width: int, w: int, g: int, is_figure) -> bool:
    """Most full rows hold a label (no figure) at the start of every group and figures inside it."""
    full = [cells for cells in map(_trimmed, body) if len(cells) == width]
    good = sum(1 for cells in full
               if all(cells[k * w].text and not is_figure(cells[k * w])
                      and any(is_figure(c) for c in cells[k * w + 1:(k + 1) * w]) for k in range(g)))
    return len(full) >= 2 and good >= _MIN_SHARE * len(full)


def _one_copy(row: Row, g: int, w: int) -> Row | None:
    """A header row whose filled cells are g copies of one run: that run (城市 | 新建住宅价格指数),
    with an empty label cell in front when the run has a title per figure column (环比 | 同比 | 定基)."""
    filled = row.filled()
    if not filled or len(filled) % g:
        return None
    m = len(filled) // g
    texts = [squash(c.text) for c in filled]
    if any(texts[k * m:(k + 1) * m] != texts[:m] for k in range(1, g)):
        return None
    cells = tuple(filled[:m])
    if m == w - 1:
        cells = (Cell(row.start, row.start, ""), *cells)
    return Row(cells[0].start, cells[-1].end, cells)
