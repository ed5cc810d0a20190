"""Which columns the cells of one header row stand over.

A header row as long as the body stands cell over column. A shorter one (its spans lost when the
table was copied) is placed by its words: label titles (指标, 地区) over the text columns, the rest
over the columns of figures, right-aligned; an upper row's cell spread evenly over the columns it
spans (3月 over 绝对量 | 同比增长), or, beside cells two rows high, over the cells of the row below
(以上月价格为100 | 以上年同期价格为100 over 本月 | 至本月平均); a row packed to the left spread
the same way over the columns of figures.
"""
from __future__ import annotations

from functools import cache

import regex

from ..lexicon import alternation
from .layout import Row, squash, words
from .units import units_in


@cache
def _rank():
    return regex.compile(alternation(words()["header"]["rank_words"]))


def title_words() -> frozenset[str]:
    h = words()["header"]
    return frozenset(h["label_titles"] + h["place_titles"] + h["rank_words"] + h["numbering_titles"] + h["unit_titles"])


def place_row(row: Row, ncols: int, kinds: list[str], upper: bool, below: int = 0) -> dict[int, str]:
    """Column index -> header words of one header row (`upper`: another header row follows, with
    `below` filled cells)."""
    cells = row.cells[:ncols]
    if _packed_left(cells, kinds):
        return _place_packed(cells, kinds, upper)
    if len(cells) == ncols and _fits(cells, kinds):
        return {j: c.text for j, c in enumerate(cells) if c.text}
    filled = [c for c in cells if c.text]
    titles = []
    while filled and squash(filled[0].text).split(" ")[0] in title_words():
        titles.append(filled.pop(0))
    text_cols = [j for j, k in enumerate(kinds) if k == "text"]
    out = {j: c.text for c, j in zip(titles, text_cols)}
    targets = [j for j, k in enumerate(kinds) if k != "text" and j not in out]
    if not filled or not targets:
        return out
    if upper and len(targets) > len(filled) and len(targets) % len(filled) == 0:
        span = len(targets) // len(filled)  # 3月 | 1-3月 over 绝对量, 同比增长, 绝对量, 同比增长
        for i, c in enumerate(filled):
            for j in targets[i * span:(i + 1) * span]:
                out[j] = c.text
        return out
    tall = len(targets) - below
    if upper and 0 < tall < len(filled) and below % (len(filled) - tall) == 0:
        # 以上月价格为100 (two rows high) | 以上年同期价格为100 over 本月 | 至本月平均: the cells the row
        # below leaves uncovered stand first, the rest spread over the row below's cells
        span = below // (len(filled) - tall)
        for c, j in zip(filled[:tall], targets[:tall]):
            out[j] = c.text
        for i, c in enumerate(filled[tall:]):
            for j in targets[tall + i * span:tall + (i + 1) * span]:
                out[j] = c.text
        return out
    for c, j in zip(filled[::-1], targets[::-1]):  # right-aligned: a numbering column has no title
        out[j] = c.text
    return out


def _packed_left(cells, kinds: list[str]) -> bool:
    """A header row whose cells were written from the left with the spans lost (项目 | 本年 | 上年同期 |
    增长(%) | | | over six columns of figures; 本月 | 1-本月 | … | 累计 | under it, the label column's
    cell missing): fewer cells than columns, all before the empty ones, and not one per column of
    figures in place."""
    n = sum(1 for c in cells if c.text)
    if not n or n == len(cells) or not all(c.text for c in cells[:n]):
        return False
    figures = [j for j, k in enumerate(kinds) if k == "figures"]
    # a column of figures under an empty cell, and no more cells than the figures and one label need
    return bool(figures) and figures[-1] >= n and n <= len(figures) + 1


def _place_packed(cells, kinds: list[str], upper: bool) -> dict[int, str]:
    """Column -> words of a left-packed header row: label titles over the label columns, the rest
    over the columns of figures, one each or each spread evenly over as many (upper rows only)."""
    filled = [c for c in cells if c.text]
    out: dict[int, str] = {}
    text_cols = [j for j, k in enumerate(kinds) if k == "text"]
    while filled and text_cols and squash(filled[0].text).split(" ")[0] in title_words():
        out[text_cols.pop(0)] = filled.pop(0).text
    figures = [j for j, k in enumerate(kinds) if k == "figures"]
    if len(filled) == len(figures):
        out.update({j: c.text for c, j in zip(filled, figures)})
    elif filled and upper and len(figures) % len(filled) == 0:
        span = len(figures) // len(filled)
        for i, c in enumerate(filled):
            out.update({j: c.text for j in figures[i * span:(i + 1) * span]})
    else:
        out.update({j: c.text for c, j in zip(filled[::-1], figures[::-1])})  # right-aligned
    return out


def _fits(cells, kinds: list[str]) -> bool:
    """Cell j of the header over column j: no title over figures, no unit over a text column."""
    for c, kind in zip(cells, kinds):
        if not c.text:
            continue
        first = squash(c.text).split(" ")[0]
        title = first in title_words()
        if kind == "figures" and title and not _rank().search(c.text) \
                and first not in words()["header"]["numbering_titles"]:
            return False
        if kind == "text" and not title and units_in(c.text)[0] is not None:
            return False
    return True
