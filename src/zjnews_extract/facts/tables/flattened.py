"""Tables whose line breaks were lost: a header and every row run together on one line, cells and
rows alike separated by spaces (a ranking copied from a page that drew it with <div>s):

    名次 省区市 旅游总收入 (亿元) 同比增长 接待游客总数 (万人次) 同比增长 1. 广东 276 7.8% 3857.4 8.2% 2. 四川 …
    城市 新建商品住宅价格同比指数 新建商品住宅价格环比指数 7月 6月 7月 6月 北京 109.6 111.5 99.9 99.6 天津 …

`unflatten` gives the text back with a line break in place of the space before each row (and
between the header's cells), so the space-separated reader (spaced.py) reads the rows; the text
keeps its length and every other character, so offsets still point into the original. A row is a
label (after its rank, if any) and n figures or blanks; at least min_rows rows of one width, one
after another, make a table.
"""
from __future__ import annotations

from functools import cache

import regex

from .cell_lines import BRACKETED
from .layout import cell_marks, words
from .spaced import FIGURE

_TOKEN = regex.compile(r"\S+")
# a line this long holding no sentence mark may be a table run together
_MIN_CHARS = 150


@cache
def _patterns():
    return {
        **cell_marks(),
        "figure": FIGURE,
        "rank": regex.compile(r"^\d{1,3}[.、．]?$"),
        "label": regex.compile(r"^\p{Han}[\p{Han}·]{0,11}$"),
        "sentence": regex.compile(r"[。；;！？!?，,]"),
        "bracketed": BRACKETED,
        "min_rows": words()["stacked"]["min_rows"],
    }


def may_be_flattened(text: str) -> bool:
    """Cheap test: a long line with no sentence mark."""
    p = _patterns()
    return any(len(line) >= _MIN_CHARS and not p["sentence"].search(line) for line in text.split("\n"))


def unflatten(text: str) -> str:
    """`text` with each run-together table broken into lines (same length, same offsets)."""
    p = _patterns()
    chars: list[str] | None = None
    pos = 0
    for line in text.split("\n"):
        if len(line) >= _MIN_CHARS and not p["sentence"].search(line):
            for cut in _breaks(line):
                chars = chars if chars is not None else list(text)
                chars[pos + cut] = "\n"
        pos += len(line) + 1
    return "".join(chars) if chars is not None else text


def _breaks(line: str) -> list[int]:
    """Offsets in `line` of the spaces to turn into line breaks: before each row of the longest run
    of rows of one width, and between the header cells above it."""
    p = _patterns()
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(line)]
    starts = _row_starts(tokens)
    best: list[tuple[int, int]] = []  # (token index, width) of the rows of the longest run
    run: list[tuple[int, int]] = []
    for k, width in starts:
        if run and (width != run[-1][1] or k != run[-1][0] + run[-1][1]):
            best, run = max(best, run, key=len), []
        run.append((k, width))
    best = max(best, run, key=len)
    if len(best) < p["min_rows"]:
        return []
    first = best[0][0]
    cuts = [tokens[k][0] - 1 for k, _ in best if tokens[k][0] > 0]
    figures = best[0][1] - 1 - int(bool(p["rank"].match(tokens[first][1])))
    return _header_breaks(tokens[:first], figures) + cuts


def _row_starts(tokens: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """(token index, width in tokens) of every place a row may start: a rank or a label, then
    figures or blanks up to the next label."""
    p = _patterns()
    out = []
    after_rank = -1
    for k, (_, tok) in enumerate(tokens):
        ranked = bool(p["rank"].match(tok)) and k + 1 < len(tokens) and p["label"].match(tokens[k + 1][1])
        label_at = k + 1 if ranked else k
        if k == after_rank or not ranked and not p["label"].match(tok):
            continue  # (the label right after a rank starts no row of its own)
        after_rank = k + 1 if ranked else after_rank
        j = label_at + 1
        while j < len(tokens) and _is_cell(tokens[j][1]) and not (p["rank"].match(tokens[j][1]) and j + 1 < len(tokens)
                                                                  and p["label"].match(tokens[j + 1][1])):
            j += 1
        if j - label_at - 1 >= 2 and any(p["figure"].match(t) for _, t in tokens[label_at + 1:j]):
            out.append((k, j - k))
    return out


def _is_cell(tok: str) -> bool:
    p = _patterns()
    return bool(p["figure"].match(tok) or p["blank"].match(tok))


def _header_breaks(header: list[tuple[int, str]], figures: int) -> list[int]:
    """Breaks between the header's cells: the label's title and group titles over several columns
    on a line above the columns' own titles (城市 同比指数 环比指数 / 7月 6月 7月 6月), any caption before
    them on a line of its own; else each cell a line of its own (名次 / 省区市 / 旅游总收入 / (亿元) …,
    the stacked header spaced.py reads)."""
    p = _patterns()
    if not header:
        return []
    if len(header) > figures and not any(p["bracketed"].match(t) for _, t in header[-figures:]):
        titles = header[:-figures]
        for groups in range(figures // 2, 1, -1):
            if figures % groups or len(titles) < groups + 1:
                continue
            label = titles[-groups - 1]
            if len(label[1]) <= 4 and all(len(t) >= 2 for _, t in titles[-groups:]):
                cuts = [header[len(header) - figures][0] - 1]  # the columns' own titles
                if label[0] > 0:
                    cuts.insert(0, label[0] - 1)  # a caption run on before the label's title
                return cuts
    return [s - 1 for s, _ in header[1:]]
