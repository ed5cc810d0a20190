"""Cells lost to spans. Rows that lost a cell to a span: a category written once for the rows under it
(一级指标 | 二级指标 over 经济稳定 | 1.地区生产总值增长率 … and then 2.居民消费价格涨幅 with no category cell). Copied as text,
the rows without the category start one column early and end with an empty cell; they get an empty
first cell back so that their label, unit and figures stand under their own titles. A two-row header
whose spans were lost gets its upper cells spread over the lower ones (lost_spans), and a company's
year-back column given restated and as first reported its two lower cells (restated_spans).
"""
from __future__ import annotations

from dataclasses import replace

import regex

from .layout import Cell, Row, Table, label_titles, squash, words

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


def lost_spans(upper: Row, lower: Row, ncols: int) -> list[str] | None:
    """A two-row header whose spans were lost (a page turned into text cell by cell): 报告期 | 每股收益 |
    营业总收入 | 净利润 | … over 营业总收入(元) | 同比增长(%) | 净利润(元) | 同比增长(%): each upper cell that a
    lower cell starts with spans the lower cells from that one to the next such; the others span one
    column. The header text of each column, or None when the cells do not add up to the columns."""
    top = [c.text for c in upper.cells if c.text]
    below = [c.text for c in lower.cells if c.text]
    if len(top) < 2 or len(below) < 2 or any(c.text for c in upper.cells[len(top):]) \
            or any(c.text for c in lower.cells[len(below):]):
        return None  # (the named cells must come first in both rows, the empty ones after)
    starts = {i: next((k for k, b in enumerate(below) if b.startswith(t) and len(t) >= 2), None)
              for i, t in enumerate(top)}
    owners = sorted((k, i) for i, k in starts.items() if k is not None)
    if not owners or owners[0][0] != 0:
        return None
    texts: list[str] = []
    for i, t in enumerate(top):
        if starts[i] is None:
            texts.append(t)
            continue
        nxt = next((k for k, _ in owners if k > starts[i]), len(below))
        texts.extend(f"{t} {b}" if not b.startswith(t) else b for b in below[starts[i]:nxt])
    return texts if len(texts) == ncols else None


def restated_spans(upper: Row, lower: Row, ncols: int) -> list[str] | None:
    """A company's header whose year-back column is given twice, restated and as first reported (本报告期末 |
    上年度末 | 本报告期末比上年度末增减(%) over 调整后 | 调整前): the one upper cell that names a base period and
    no change spans the lower cells; the others span one column each. None when the rows are not so."""
    w = words()["header"]
    top = [c.text for c in upper.cells if c.text]
    below = [c.text for c in lower.cells if c.text]
    if not below or not all(squash(b) in w["restated"] for b in below):
        return None
    label = [""] if squash(top[0]) not in label_titles() else [top.pop(0)] if top else [""]
    base = [i for i, t in enumerate(top) if any(b in t for b in w["restated_bases"]) and not any(
        c in t for c in w["restated_not_bases"])]
    if len(base) != 1 or len(label) + len(top) - 1 + len(below) != ncols:
        return None
    at = base[0]
    return label + top[:at] + [f"{top[at]} {b}" for b in below] + top[at + 1:]
