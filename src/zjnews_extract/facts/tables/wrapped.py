"""Tables copied from a yearbook page whose layout wraps everything: the header's words run over
many lines, each column's name closed by its unit in brackets, the columns under a spanning one
(第一产业 第二产业 …) on a line of their own; each row's label on one line, its figures on the next,
separated by spaces:

    城市 年末总人口
    (万人)
    生产总值
    (亿元)
      人均生产
    总值(元)
    第一产业 第二产业 第三产业 工业
    杭州市
    723.55  10050.21  287.95  3909.01  5853.25  3497.83  139653
    宁波市
    586.57  8003.61  284.68  4098.22  3620.71  3632.86  136773

Names are closed by units, so the header gives the columns in order; the columns without a unit
belong under one of them, and that one is found by the figures themselves: its value is the sum
of the first of them in every row (生产总值 = 第一 + 第二 + 第三产业). No column that sums, no table:
nothing is guessed. A row with fewer figures than columns lost its empty cells and cannot be
placed; it is left out. The header is handed on as one row of cells named with their units, so
the rows read as bar-separated rows do.
"""
from __future__ import annotations

from functools import cache

import regex

from .layout import Cell, Row, Table, words
from .units import units_in

_TOKEN = regex.compile(r"\S+")


@cache
def _patterns():
    return {
        "label": regex.compile(r"^\s*[\p{Han}（）()、·]{2,16}\s*$"),
        "figures_line": regex.compile(r"^\s*[-+]?\d[\d,.]*+(?:[ \t]++(?:[-+]?\d[\d,.]*+|[-—―…/]{1,2}))++\s*$"),
        "hint": regex.compile(r"(?m)^[ \t]*+(?:[\p{Han}（）()、·]{2,16}+[ \t]++)?+[-+]?\d[\d,.]*+"
                              r"(?:[ \t]++[-+]?\d[\d,.]*+)++[ \t]*+$"),
        "unit_close": regex.compile(r"[(（][^()（）]{1,8}[)）]$"),
        "titles": frozenset(words()["header"]["label_titles"] + words()["header"]["place_titles"]),
        "min_rows": words()["stacked"]["min_rows"],
    }


def may_be_wrapped(text: str) -> bool:
    """Cheap test: a line of figures separated by spaces, a label before them or not."""
    return "\n" in text and _patterns()["hint"].search(text) is not None


def find_wrapped(text: str) -> list[Table]:
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        rows, j = _body(lines, i)
        if len(rows) >= _patterns()["min_rows"]:
            table = _table(text, lines, i, rows)
            if table is not None:
                tables.append(table)
            i = j
        else:
            i += 1
    return tables


def _body(lines, i: int) -> tuple[list[tuple[Cell, list[Cell]]], int]:
    """The (label, figures) rows from line i on: a label line, then a line of figures; or a label
    and its figures on one line (杭州市 723.55 10050.21 …)."""
    p = _patterns()
    rows = []
    while i < len(lines):
        start, line = lines[i]
        if i + 1 < len(lines) and p["label"].match(line) and p["figures_line"].match(lines[i + 1][1]):
            fs, figures = lines[i + 1]
            lead = len(line) - len(line.lstrip())
            label = Cell(start + lead, start + lead + len(line.strip()), line.strip())
            cells = [Cell(fs + m.start(), fs + m.end(), m.group()) for m in _TOKEN.finditer(figures)]
            i += 2
        elif (tokens := _TOKEN.search(line)) and p["label"].match(tokens.group()) \
                and p["figures_line"].match(line[tokens.end():]):
            label = Cell(start + tokens.start(), start + tokens.end(), tokens.group())
            cells = [Cell(start + m.start(), start + m.end(), m.group()) for m in _TOKEN.finditer(line, tokens.end())]
            i += 1
        else:
            break
        rows.append((label, cells))
    return rows, i


def _table(text: str, lines, first: int, rows) -> Table | None:
    """The table whose first row's label is lines[first], with its header read above it."""
    p = _patterns()
    tokens: list[Cell] = []
    k = first - 1
    while k >= 0 and lines[k][1].strip() and not p["figures_line"].match(lines[k][1]) and first - k <= 60:
        start, body = lines[k]
        line = [Cell(start + m.start(), start + m.end(), m.group()) for m in _TOKEN.finditer(body)]
        tokens[:0] = line
        k -= 1
        if line[0].text in p["titles"]:
            break  # the header opens with the label column's title (城市, 指标); above it, captions
    if not tokens or tokens[0].text not in p["titles"]:
        return None
    named, rest = _columns(tokens[1:])
    width = max(len(figures) for _, figures in rows)
    full = [(label, figures) for label, figures in rows if len(figures) == width]
    if not named and len(rest) == width:
        named, rest = rest, []  # names with no units (单位:元 above the table gives theirs)
    if not named or len(named) + len(rest) != width or len(full) < p["min_rows"]:
        return None
    columns = named
    if rest:
        at = _whole_of_parts(named, rest, full)
        if at is None:
            return None
        unit = units_in(named[at].text)[0]
        suffix = f"({unit.text})" if unit is not None else ""
        parts = [Cell(c.start, c.end, c.text + suffix) for c in rest]
        columns = named[:at + 1] + parts + named[at + 1:]
    header = Row(tokens[0].start, columns[-1].end, (tokens[0], *columns))
    body = tuple(Row(label.start, figures[-1].end, (label, *figures)) for label, figures in full)
    captions: list[str] = []
    start = tokens[0].start
    while k >= 0 and len(captions) < words()["layout"]["caption_lines"]:
        line = lines[k][1].strip()
        if line and len(line) <= words()["layout"]["caption_max_chars"]:
            captions.insert(0, line)
            start = lines[k][0]
        elif line:
            break
        k -= 1
    return Table(rows=(header, *body), captions=tuple(captions), start=start, end=body[-1].end,
                 rows_start=tokens[0].start)


def _columns(tokens: list[Cell]) -> tuple[list[Cell], list[Cell]]:
    """Column names closed by their units (年末总人口 (万人) -> 年末总人口(万人)), and the words after
    the last unit, one column each (第一产业 第二产业 …)."""
    named: list[Cell] = []
    pending: list[Cell] = []
    for t in tokens:
        pending.append(t)
        if _patterns()["unit_close"].search(t.text):
            named.append(Cell(pending[0].start, t.end, "".join(c.text for c in pending)))
            pending = []
    return named, pending


def _whole_of_parts(named: list[Cell], parts: list[Cell], rows) -> int | None:
    """The column the unit-less columns sit under: the one whose figure is, in every full row, the
    sum of the first two or more of them (生产总值 = 第一 + 第二 + 第三产业)."""
    n = len(parts)
    for at in range(len(named)):
        if all(_sums(figures, at, n) for _, figures in rows):
            return at
    return None


def _sums(figures: list[Cell], at: int, n: int) -> bool:
    try:
        whole = float(figures[at].text.replace(",", ""))
        parts = [float(c.text.replace(",", "")) for c in figures[at + 1:at + 1 + n]]
    except ValueError:
        return False
    total = 0.0
    for k, v in enumerate(parts):
        total += v
        if k >= 1 and abs(total - whole) <= max(0.002 * abs(whole), 0.011):
            return True
    return False
