"""The lines of a table written one cell per line, read as cells: a cell wrapped over two lines
joined (规模工业增加值 / 增长速度 |, 绝对数 / (亿元)), and lines of one bar told apart as empty cells or
as the separators between cells. stacked.py reads the grid from these."""
from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from .layout import squash, words, year_titles
from .units import read_unit

# a unit in brackets alone (亿元 under 绝对数, 万人 under 人口)
BRACKETED = regex.compile(r"^[(（][^()（）]{1,8}[)）]$")
# a figure with its own unit in its cell (162817吨, 269万吨): stacked.py's and spaced.py's
FIGURE_WITH_UNIT = regex.compile(r"^[-+−]?\d[\d,，]*(?:\.\d+)?\s*(?P<unit>\p{Han}{1,4})$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a table written one cell per line."""

    start: int
    end: int
    text: str
    kind: str  # "fig", "blank", "unit" (亿元, % in a unit column), "word" or "" (prose: ends any table)
    own_bar: bool = False  # the cell's line ended with a bar (16585 |)
    lone: bool = False  # an empty cell from a line holding one bar and nothing else


def joined_units(entries: list[Entry]) -> list[Entry]:
    """A line holding a bracketed unit alone under a word line (绝对数 / (亿元), 旅游总收入 / (亿元)) is the
    rest of that cell, wrapped: one header cell, its unit in it."""
    out: list[Entry] = []
    closing = False  # the cell just joined may be closed by a bar line of its own (旅游总收入 / (亿元) / |)
    for e in entries:
        if closing and e.lone:
            out[-1] = Entry(out[-1].start, out[-1].end, out[-1].text, "word", own_bar=True)
            closing = False
            continue
        closing = False
        if out and out[-1].kind == "word" and not out[-1].own_bar and BRACKETED.match(e.text) \
                and read_unit(e.text[1:-1]) is not None:
            out[-1] = Entry(out[-1].start, e.end, out[-1].text + e.text, "word", own_bar=e.own_bar)
            closing = not e.own_bar and len(out) >= 2 and out[-2].own_bar  # (the cells around end with bars)
            continue
        out.append(e)
    return out


def joined_wraps(entries: list[Entry]) -> list[Entry]:
    """Where most cells end with a bar (16585 | or a bar line after them), a word line with no bar
    followed by a word line ending with one is one cell written over two lines (规模工业增加值 /
    增长速度 |)."""
    n = len(entries)

    def barred(i: int) -> bool:
        return entries[i].own_bar or i + 1 < n and entries[i + 1].lone

    cells = [i for i in range(n) if entries[i].kind in ("word", "fig")]
    if len(cells) < 4 or sum(barred(i) for i in cells) * 5 < len(cells) * 3:
        return entries
    out: list[Entry] = []
    i = 0
    while i < n:
        e = entries[i]
        if e.kind == "word" and not barred(i) and i + 1 < n and entries[i + 1].kind == "word" \
                and entries[i + 1].own_bar and i and (entries[i - 1].lone or barred(i - 1)):
            # (inside the table: after a barred cell or a bar line; a caption above it is no cell)
            nxt = entries[i + 1]
            out.append(Entry(e.start, nxt.end, e.text + nxt.text, "word", own_bar=True))
            i += 2
            continue
        out.append(e)
        i += 1
    return out


_FRAGMENT = 5  # the most characters of one piece of a cell broken over lines (同比增长( )


def joined_fragments(entries: list[Entry]) -> list[Entry]:
    """Where cells are separated by lines of one bar (cell / | / cell / | …), several lines between two
    bar lines are one cell written over them (2015 / 年 / 2 / 月 -> 2015年2月, 同比增长( / % / ) -> 同比增长(%)):
    a header a page broke inside its words. Only where most cells stand alone between bar lines."""
    n = len(entries)
    alone = sum(1 for i in range(1, n - 1) if entries[i].kind and entries[i].kind != "blank"
                and entries[i - 1].lone and entries[i + 1].lone)
    cells = sum(1 for e in entries if e.kind and e.kind != "blank")
    if cells < 6 or alone * 2 < cells:
        return entries
    out: list[Entry] = []
    i = 0
    while i < n:
        j = i
        while j < n and entries[j].kind and entries[j].kind != "blank" and not entries[j].own_bar:
            j += 1
        if j < n and entries[j].lone and (i == 0 or entries[i - 1].lone):
            # the fragments of the cell: the short lines right before the bar (项 / 目 under a title line)
            k = j
            while k > i and len(entries[k - 1].text) <= _FRAGMENT:
                k -= 1
            if j - k >= 2 and (k == i or i == 0):
                out.extend(entries[i:k])
                out.append(Entry(entries[k].start, entries[j - 1].end, "".join(e.text for e in entries[k:j]), "word"))
                i = j
                continue
        out.append(entries[i])
        i += 1
    return out


def drop_separator_lines(entries: list[Entry], min_rows: int) -> list[Entry]:
    """Cells each followed by a line of one bar, the cells without bars of their own (指標 / | /
    單位 / | / 累計 / | …): there the bar lines separate cells and hold none. An empty cell is an
    empty line, which the text lost, and its bar: each further bar line after a cell's bar is one
    empty cell (95.5 / | / | / | is 95.5 and two empty cells). Elsewhere a bar line is an empty cell
    (按经营地分 | / | / |)."""
    out: list[Entry] = []
    i = 0
    while i < len(entries):
        j, cells, filled, closed, labels, mixed = i, [], 0, 0, 0, False
        while j < len(entries):
            if entries[j].own_bar and entries[j].kind == "word" and not mixed:
                # (环比涨跌幅 (%) | / 一、工业生产者出厂价格 | then 0.1 / | / 0.4 / |: labels close themselves, figures
                # are closed by bar lines, as in NBS's PPI table on a mirror; bars after a label are empty cells)
                cells.append(entries[j])
                filled += 1
                labels += 1
                j += 1
                while j < len(entries) and entries[j].lone:
                    cells.append(entries[j])
                    j += 1
                continue
            if not (j + 1 < len(entries) and entries[j + 1].lone and entries[j].kind in ("fig", "word", "blank", "unit")
                    and not entries[j].own_bar) or labels and entries[j].kind != "fig":
                break
            mixed = mixed or (not labels and entries[j].kind == "word")
            cells.append(entries[j])
            filled += bool(entries[j].text)
            closed += 1
            j += 2
            while j < len(entries) and entries[j].lone:  # the bar of an empty cell
                cells.append(entries[j])
                j += 1
        if closed and filled >= min_rows * 2 and filled * 3 >= len(cells) * 2:
            out.extend(cells)
            i = j
        elif labels and j > i:
            out.extend(entries[i:j])  # a run with self-closed labels that is no table: as it is (and the scan
            i = j                     # goes on after it, each entry looked at once)
        else:
            out.append(entries[i])
            i += 1
    return out


_RANK = regex.compile(r"^\d{1,3}$")


def label_first(entries: list[Entry]) -> list[Entry]:
    """A ranking written one cell per line opens each row with its rank (名次 | 省区市 | 旅游总收入 … then
    1 | 四川 | 530.42 …), as a space-separated ranking does (1 广东 256.00): the label is put before the
    rank, in the header too, so the rows have the rhythm of a label and its cells (the cells keep
    their offsets). Only where at least three rows do so with ranks 1, 2, 3 … in order and the header
    right above opens with a rank word."""
    rank_titles = frozenset(words()["header"]["rank_words"])
    firsts = [i for i in range(len(entries) - 1)
              if entries[i].kind == "fig" and _RANK.match(entries[i].text) and entries[i + 1].kind == "word"]
    ranks = {i: int(entries[i].text) for i in firsts}
    out = list(entries)
    for k, i in enumerate(firsts):
        if ranks[i] != 1:
            continue
        run = [i]
        for j in firsts[k + 1:]:
            if ranks[j] == ranks[run[-1]] + 1:
                run.append(j)
            elif ranks[j] == 1:
                break
        if len(run) < 3:
            continue
        width = run[1] - run[0]
        head = i - width  # the header: as many cells as a row, right above the first
        if head < 0 or squash(entries[head].text) not in rank_titles or entries[head + 1].kind != "word":
            continue
        for a in (head, *run):
            out[a], out[a + 1] = entries[a + 1], entries[a]
    return out


_YEAR_CELL = regex.compile(r"^(?:19|20)\d{2}\s*年?$")


def years_as_labels(entries: list[Entry]) -> list[Entry]:
    """A table one cell per line whose rows are years (年份 | 1季度 | 2季度 … then 2012 | 8.1 | 7.6 …, NBS's
    GDP growth by quarter): the year that opens each row is its label, not a figure. Only under a header
    that opens with a year title, for rows of exactly as many figures as the header has titles after it."""
    titles = year_titles()
    out = list(entries)
    done = 0  # (the entries a run of rows took are not looked at again: one pass over the table)
    for k, e in enumerate(entries):
        if k < done or e.kind != "word" or squash(e.text) not in titles:
            continue
        j = k + 1
        while j < len(entries) and entries[j].kind == "word" and not _YEAR_CELL.match(entries[j].text):
            j += 1
        n = j - k - 1
        while n >= 1 and j + n < len(entries) and _YEAR_CELL.match(entries[j].text) \
                and all(entries[j + 1 + t].kind == "fig" for t in range(n)):
            out[j] = replace(entries[j], kind="word")
            j += n + 1
        done = j
    return out
