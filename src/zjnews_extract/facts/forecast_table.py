"""The table of an A-share results forecast (业绩预告, the SZSE template): under a header 项目 | 本报告期 | 上年同期,
each row a measure with a forecast range, last year's figure and a change row, the cells marked 盈利: or 亏损:

    归属于上市公司股东的净利润 | 盈利:600万元–700万元 | 盈利:1,155.42万元 |
    比上年同期下降:48.07% -39.42% | ||

Pages print it with bars, or with spaces and the labels wrapped over lines, cells of one row on the next
line (归属于上市公司股东 盈利:5200 万元至 7200 万元 / 股东的净利润 盈利:4155.20 万元). It is read as a stream of
labels, cell marks, change marks and figures, so the layout does not matter: a label goes on until its row has
both cells; the first cell is the forecast for the report's period, the second last year's figure; a loss is
negative, and so is a fall. Words in data/facts_cues.toml [forecast_table]."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from ..records import Fact, Period, Quantity
from ..text import LIST_MARK
from .ids import span_id
from .lexicon import cues
from .period.calendar_days import year_before

# Why: the template's table has a handful of rows, each at most three lines; a longer run is something else.
_MAX_LINES = 30
_RANGE_JOINS = ("–", "-", "—", "－", "~", "～", "至", "到")
# a numbered item, also one glued to a year (2.2023年第三季度预计业绩情况): the next part of the notice
_NUMBERED = re.compile(r"\d{1,2}[.、．]")


def _spaced(word: str) -> str:
    """A word as a pattern that lets spaces stand between its characters (比 上 年 同 期 下 降)."""
    return r"\s*".join(map(re.escape, word))


@cache
def _patterns() -> dict[str, re.Pattern]:
    c = cues()["forecast_table"]
    changes = "|".join(_spaced(w) for w in (*c["rises"], *c["falls"]))
    marks = "|".join(_spaced(w) for w in c["cell_marks"])
    return {
        "header": re.compile(rf"^[ \t]*{_spaced(c['header_first'])}[^\n]*{_spaced(c['year_ago_column'])}", re.M),
        "mark": re.compile(rf"(?P<mark>{marks})\s*[:：]?"),
        "change": re.compile(rf"{_spaced(c['change_base'])}\s*(?P<dir>{changes})\s*[:：]?"),
        "label": re.compile(r"[\u4e00-\u9fff（）()/]+"),
    }


@dataclass
class _Row:
    label: str = ""
    cells: list[list[Quantity]] = field(default_factory=list)
    losses: list[bool] = field(default_factory=list)
    changes: list[Quantity] = field(default_factory=list)
    falls: bool = False
    marked: bool = False  # a cell marked 盈利 or 亏损: the forecast template's


def find_forecast_tables(text: str, quantities: list[Quantity], *, subject: str | None,
                         period_at: Callable[[int], Period | None]) -> tuple[list[Fact], list[tuple[int, int]]]:
    """The facts of every forecast table in `text`, and the spans of their lines."""
    p = _patterns()
    facts: list[Fact] = []
    spans: list[tuple[int, int]] = []
    for header in p["header"].finditer(text):
        start = header.start()
        if spans and start < spans[-1][1]:
            continue
        line_end = text.find("\n", start)
        if line_end < 0:
            continue
        end = _table_end(text, line_end + 1)
        inside = [q for q in quantities if line_end < q.start and q.end <= end]
        rows = _rows(text, line_end + 1, end, inside)
        if not any(r.marked for r in rows):
            continue  # no 盈利:/亏损: cell: not the forecast template
        now = period_at(line_end)
        facts += [f for r in rows for f in _facts(text, r, now, subject)]
        spans.append((start, end))
    return facts, spans


def _table_end(text: str, at: int) -> int:
    """Where the rows under a header end: a blank line, a list item or heading, a sentence, or the text's end."""
    lines = 0
    while at < len(text) and lines < _MAX_LINES:
        nl = text.find("\n", at)
        nl = len(text) if nl < 0 else nl
        line = text[at:nl]
        if not line.strip() or LIST_MARK.match(line.lstrip()) or _NUMBERED.match(line.lstrip()) or "。" in line \
                or _patterns()["header"].match(line):
            return at
        at, lines = nl + 1, lines + 1
    return min(at, len(text))


def _rows(text: str, start: int, end: int, quantities: list[Quantity]) -> list[_Row]:
    p = _patterns()
    falls_words = tuple(cues()["forecast_table"]["falls"])
    tokens: list[tuple[int, int, str, object]] = [(q.start, q.end, "fig", q) for q in quantities]
    taken = [(q.start, q.end) for q in quantities]
    for kind in ("change", "mark", "label"):
        for m in p[kind].finditer(text, start, end):
            if not any(s < m.end() and m.start() < e for s, e in taken) \
                    and not (kind == "label" and m.group() in _RANGE_JOINS):  # (至 between a range's ends)
                tokens.append((m.start(), m.end(), kind, m))
                taken.append((m.start(), m.end()))
    tokens.sort(key=lambda t: t[0])
    loss_mark = cues()["forecast_table"]["loss_mark"]
    rows: list[_Row] = []
    row, mode, open_cell, last_end = _Row(), "", False, start
    for at, to, kind, item in tokens:
        gap = text[last_end:at].strip(" |")
        joined = gap != "" and gap in _RANGE_JOINS
        last_end = to
        if kind == "label":
            if len(row.cells) >= 2:
                rows.append(row)
                row = _Row()
            row.label += re.sub(r"\s+", "", item.group())
            mode, open_cell = "", False
        elif kind == "mark":
            row.cells.append([])
            row.losses.append(re.sub(r"\s+", "", item.group("mark")) == loss_mark)
            row.marked = True
            mode, open_cell = "cell", True
        elif kind == "change":
            mode, row.falls = "change", re.sub(r"\s+", "", item.group("dir")) in falls_words
        elif item.unit == "%":
            # the template's cells are amounts: a percent is the change row's, even cut over lines
            row.changes.append(item)
            mode = "change"
        elif mode == "cell" and (open_cell or joined) and row.cells:
            row.cells[-1].append(item)
            open_cell = False
        else:
            row.cells.append([item])  # a figure with no mark (营业收入 800万元–1100万元 3178.17万元)
            row.losses.append(False)
            mode, open_cell = "cell", False
    if row.label or row.cells:
        rows.append(row)
    return rows


def _facts(text: str, row: _Row, now: Period | None, subject: str | None) -> list[Fact]:
    if not row.label:
        return []
    out: list[Fact] = []
    ago = year_before(now)
    for column, (cell, loss) in enumerate(zip(row.cells[:2], row.losses[:2])):
        period, status = (now, "target") if column == 0 else (ago, "actual")
        for i, q in enumerate(cell):
            value = -abs(q.value) if loss and q.value is not None else q.value
            out.append(_fact(text, q, row.label, period, status, value, q.kind, _qualifier(q, i, len(cell)), subject))
    for i, q in enumerate(row.changes[:2]):
        value = -abs(q.value) if row.falls and q.value is not None else abs(q.value) if q.value is not None else None
        out.append(_fact(text, q, row.label, now, "target", value, "growth", _qualifier(q, i, len(row.changes[:2])),
                         subject))
    return out


def _qualifier(q: Quantity, i: int, n: int) -> str:
    """The ends of a range are its floor and its ceiling."""
    if n == 2:
        return "over" if i == 0 else "under"
    return q.qualifier


def _fact(text: str, q: Quantity, metric: str, period: Period | None, status: str, value, kind: str, qualifier: str,
          subject: str | None) -> Fact:
    return Fact(id=span_id(q.start, q.end, q.text), text=q.text, start=q.start, end=q.end, kind=kind, value=value,
                unit=q.unit, qualifier=qualifier, metric=metric, metric_from="own", subject=subject, period=period,
                status=status, sentence=text[text.rfind("\n", 0, q.start) + 1:q.end])
