"""Rows that lost a cell to a span: a category written once for the rows under it (一级指标 | 二级指标
over 经济稳定 | 1.地区生产总值增长率 … and then 2.居民消费价格涨幅 with no category cell). Copied as text,
the rows without the category start one column early and end with an empty cell; they get an empty
first cell back so that their label, unit and figures stand under their own titles.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from .layout import Cell, Table

# Why: a numbered label (1.地区生产总值, 2、居民消费价格, (3)服务业) marks the label column.
_NUMBERED = regex.compile(r"^(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*\p{Han}")
# Why: fewer rows of each kind than this prove nothing about the layout.
_MIN_EACH = 2


def fill_rowspans(table: Table) -> Table:
    """`table` with the rows a spanning first cell left short shifted one column right."""
    rows = table.rows
    width = max((len(r.cells) for r in rows), default=0)
    if width < 3:
        return table
    full = [i for i, r in enumerate(rows) if len(r.cells) == width and _NUMBERED.match(r.cells[1].text)
            and r.cells[0].text and not _NUMBERED.match(r.cells[0].text)]
    short = [i for i, r in enumerate(rows) if _NUMBERED.match(r.cells[0].text) and not r.cells[-1].text]
    if len(full) < _MIN_EACH or len(short) < _MIN_EACH:
        return table
    out = list(rows)
    for i in short:
        r = rows[i]
        blank = Cell(r.start, r.start, "")
        out[i] = replace(r, cells=(blank, *r.cells[:-1]))
    return replace(table, rows=tuple(out))
