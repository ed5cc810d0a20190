"""A company report's table whose cells a copy ran together, nothing between them (a results
announcement or a quarterly report copied from its PDF by a finance portal):

    项目本报告期上年同期增减变动幅度(%)
    营业总收入284,137.44269,096.185.59
    基本每股收益(元)0.370.2928.12
    本报告期末本报告期初增减变动幅度(%)
    总资产1,514,444.231,418,805.696.74

The header is a run of column titles a company report uses (本报告期, 上年同期, 年初至报告期末比上年同期增减,
增减变动幅度(%)), after the label column's own title or none; it says how many figure columns there
are. A row is a label and a run of figures that splits into exactly that many: a 2 or a sign starts
a figure after a %, a blank (--) is an empty cell, and where one run of digits holds several decimal
points each figure but the last keeps two decimals (the cents of an amount, the hundredths of a
rate), its thousands groups checked. A run that does not split so is no row: nothing is guessed.
The cells keep their offsets, so the rows read as bar-separated rows do.
"""
from __future__ import annotations

from functools import cache

import regex

from .layout import Cell, Row, Table, label_titles, words
from .spaced import captions_above, text_lines
from .units import unit_above, unit_line


@cache
def _patterns():
    w = words()
    periods = sorted(w["periods"]["relative"], key=len, reverse=True)
    period = "|".join(regex.escape(p) for p in periods)
    change = "|".join(regex.escape(c) for c in sorted(w["glued"]["change_titles"], key=len, reverse=True))
    versus = "|".join(regex.escape(c) for c in w["glued"]["versus_marks"])
    pct = r"(?:[(（]\s*[%％]\s*[)）])?"
    # a title: a period compared with another, then its change (本报告期比上年同期增减); a period; a change
    title = rf"(?:(?:{period})(?:{versus})(?:{period})(?:{change})?|(?:{period})|(?:{change})){pct}"
    # a change in words closing a row (7.346.24增加1.10个百分点): a cell of its own
    verbs = "|".join(regex.escape(v) for v in w["glued"]["worded_change_verbs"])
    worded = rf"(?:{verbs})\d+(?:\.\d+)?个百分点"
    labels = "|".join(regex.escape(t) for t in sorted(label_titles(), key=len, reverse=True))
    return {
        "title": regex.compile(title),
        "label": regex.compile(rf"^(?:{labels})") if labels else None,
        # a label (words, its unit in brackets) and a run of figures, marks and blanks (no space inside)
        "row": regex.compile(rf"^\s*(?P<label>[^\d\n]*?[\p{{Han}})）])\s*(?P<run>[-−\d][\d,.%％\-−]*(?:{worded})?)\s*$"),
        "worded": regex.compile(rf"(?:{worded})$"),
        "chunk": regex.compile(r"(?P<blank>--)(?=[-−\d]|$)|(?P<sign>[-−])?(?P<digits>\d[\d,.]*)(?P<pct>[%％])?"),
        "figure": regex.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$"),
        # two figures touching: cents then digits (284,137.44269,096.18) or a sign (667.07-7.25%), or a %
        # then a figure (2.04%-0.92%)
        "glue_hint": regex.compile(r"[\p{Han})）]\s?[-−]?\d[\d,]*+\.\d\d(?:\d[\d,]*+\.\d|[%％]?[-−]\d|[%％]\d)"),
        "decimals": w["glued"]["decimals"],
        "min_titles": 2,
    }


def may_be_glued(text: str) -> bool:
    """Cheap test: a label followed by two figures with nothing between them."""
    return _patterns()["glue_hint"].search(text) is not None


def find_glued(text: str) -> list[Table]:
    """Every glued table of `text`: a header of titles and the rows under it that split into as many cells."""
    lines = text_lines(text)
    tables: list[Table] = []
    free = 0  # the first line no table has taken
    for i, line in enumerate(lines):
        if i < free or (head := _header(line)) is None:
            continue
        width = len(head) - (1 if head[0].text in label_titles() else 0)
        body = list(_rows_under(lines, i + 1, width))
        if body:
            tables.append(_table(text, lines, i, head, body, tables[-1] if tables else None))
            free = i + 1 + len(body)
    return tables


def _rows_under(lines, first: int, width: int):
    """The rows from line `first` on that split into `width` cells, up to the first that does not."""
    for line in lines[first:]:
        if (row := _row(line, width)) is None:
            return
        yield row


def _table(text: str, lines, at: int, head: list[Cell], body: list[Row], above: Table | None) -> Table:
    heads = Row(head[0].start, head[-1].end, tuple(head))
    if above is not None and above.end >= lines[at - 1][0]:
        # a header right under the rows of the table above opens that report's next table: no
        # caption between, the title and 单位 above the first one cover it too
        captions, start = list(above.captions), heads.start
    else:
        captions, start = captions_above(lines, at)
        if not any(unit_line(c) for c in captions) and (unit := unit_above(text, start)):
            captions.append(unit)
    rows = (heads, *body)
    return Table(rows=rows, captions=tuple(captions), start=start, end=rows[-1].end, rows_start=heads.start)


def _header(line: tuple[int, str]) -> list[Cell] | None:
    """The title cells of a header line written without spaces between its titles (spaces inside
    them a PDF left are skipped), else None."""
    start, body = line
    keep = [k for k, ch in enumerate(body) if not ch.isspace()]
    if not keep or len(keep) > 120:
        return None
    squashed = "".join(body[k] for k in keep)
    p = _patterns()
    cells: list[tuple[int, int]] = []
    pos = 0
    if p["label"] is not None and (m := p["label"].match(squashed)):
        cells.append((0, m.end()))
        pos = m.end()
    titles = 0
    while pos < len(squashed):
        m = p["title"].match(squashed, pos)
        if m is None or m.end() == pos:
            return None
        cells.append((pos, m.end()))
        titles += 1
        pos = m.end()
    if titles < p["min_titles"]:
        return None
    return [Cell(start + keep[a], start + keep[b - 1] + 1, body[keep[a]:keep[b - 1] + 1]) for a, b in cells]


def _row(line: tuple[int, str], width: int) -> Row | None:
    """A label and exactly `width` figure cells, else None."""
    start, body = line
    m = _patterns()["row"].match(body)
    if m is None:
        return None
    run_start = start + m.start("run")
    run = m.group("run")
    worded = _patterns()["worded"].search(run)
    spans = _split(run[:worded.start()] if worded else run)
    if spans is not None and worded:
        spans.append((worded.start(), len(run)))
    if spans is None or len(spans) != width:
        return None
    label = Cell(start + m.start("label"), start + m.end("label"), m.group("label"))
    cells = (label, *(Cell(run_start + a, run_start + b, m.group("run")[a:b]) for a, b in spans))
    return Row(label.start, cells[-1].end, cells)


def _split(run: str) -> list[tuple[int, int]] | None:
    """The (start, end) of each cell of a run of glued figures, or None when it does not split cleanly."""
    p = _patterns()
    out: list[tuple[int, int]] = []
    pos = 0
    while pos < len(run):
        m = p["chunk"].match(run, pos)
        if m is None or m.end() == pos:
            return None
        if m.group("blank"):
            out.append((m.start(), m.end()))
        else:
            pieces = _pieces(m.group("digits"))
            if pieces is None:
                return None
            base = m.start("digits")
            for k, (a, b) in enumerate(pieces):
                a = m.start() if k == 0 else base + a  # the sign goes with the first figure
                b = m.end() if k == len(pieces) - 1 else base + b  # the % with the last
                out.append((a, b))
        pos = m.end()
    return out


def _pieces(digits: str) -> list[tuple[int, int]] | None:
    """One run of digits, commas and points as figures: each but the last ends two decimals after its
    point; every piece must be a well-formed figure."""
    points = digits.count(".")
    cut = _patterns()["decimals"]
    out: list[tuple[int, int]] = []
    pos = 0
    for _ in range(points - 1):
        dot = digits.find(".", pos)
        end = dot + 1 + cut
        out.append((pos, end))
        pos = end
    out.append((pos, len(digits)))
    if any(not _patterns()["figure"].match(digits[a:b]) for a, b in out):
        return None
    return out
