"""What the cells of one table column hold, read from its body rows: figures or text, places,
units, measures, or the 1, 2, 3 of numbered rows (header.py names the column from it)."""
from __future__ import annotations

import regex

from ..lexicon import match_place
from .cells import is_blank
from .layout import squash, words
from .units import read_unit


_LATIN = regex.compile(r"[A-Za-z]{2}")
_HAN = regex.compile(r"\p{Han}")


def column_content(body, j: int, is_figure) -> str:
    """'figures', 'text' or 'empty': what most filled cells of column j hold."""
    figs = texts = 0
    for row in body:
        if j < len(row.cells) and row.cells[j].text:
            if is_figure(row.cells[j]):
                figs += 1
            elif not is_blank(row.cells[j].text):
                texts += 1
    if not figs and not texts:
        return "empty"
    return "figures" if figs >= texts else "text"


def mostly_places(body, j: int) -> bool:
    cells = [squash(r.cells[j].text) for r in body if j < len(r.cells) and r.cells[j].text]  # 北 京
    hits = sum(1 for t in cells if (m := match_place(t)) and m.end() >= len(t) - 1)
    return bool(cells) and hits >= 0.6 * len(cells)


def names_measures(body, j: int) -> bool:
    """Some cell of column j names a measure (水产品总产量): the column is labels, not places."""
    endings = tuple(words()["labels"]["measure_endings"])
    return any(squash(r.cells[j].text).endswith(endings) for r in body if j < len(r.cells) and r.cells[j].text)


def mostly_latin(body, j: int) -> bool:
    """A text column whose cells are Latin words with no Han (a yearbook's English labels beside the
    Chinese ones: 轻工业 | Light Industry): a translation, no label of its own."""
    cells = [r.cells[j].text.strip() for r in body if j < len(r.cells) and r.cells[j].text.strip()]
    latin = sum(1 for t in cells if _LATIN.search(t) and not _HAN.search(t))
    return len(cells) >= 2 and latin >= 0.8 * len(cells)


def mostly_units(body, j: int) -> bool:
    """A text column whose cells name units (万元, 个, 万人次, %) is a unit column, whatever its
    title says (计算单位, 计量单位, or a title split over lines)."""
    cells = [r.cells[j].text.strip() for r in body if j < len(r.cells) and r.cells[j].text.strip()]
    hits = sum(1 for t in cells if read_unit(t) is not None)
    return len(cells) >= 2 and hits >= 0.8 * len(cells)


def counts_rows(body, j: int, is_figure) -> bool:
    """A first column of 1, 2, 3… with no title: the rows are numbered, not ranked."""
    values = []
    for r in body:
        if j < len(r.cells) and is_figure(r.cells[j]):
            t = r.cells[j].text
            if not t.isdigit():
                return False
            values.append(int(t))
    return len(values) >= 2 and values[0] in (0, 1) and all(b > a for a, b in zip(values, values[1:])) and j == 0


def index_levels(body, j: int, is_figure, low: float, high: float) -> bool:
    """Every figure of column j lies between `low` and `high`: index levels around their base of 100
    (100.3, 99.0, 102.1), never changes of a few percent (0.3, -1.0)."""
    values = []
    for r in body:
        if j < len(r.cells) and is_figure(r.cells[j]):
            try:
                values.append(float(r.cells[j].text.replace(",", "").strip()))
            except ValueError:
                return False
    return len(values) >= 2 and all(low <= v <= high for v in values)
