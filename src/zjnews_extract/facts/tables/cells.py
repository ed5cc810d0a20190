"""The figure in one table cell: 49.02, +2.5, 33.68%, 1,234.5, - 203.0, 5.32(景区), or a
cell that carries its own unit (881.9亿元), read by the quantity reader.

A cell is a figure only when the figure is all it holds (a trailing note mark aside): a
label with a number in it (2-3 总产出, 前10名) is no figure. Blank marks (/, --, …) are none.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ...records import Quantity
from ..lexicon import alternation
from .layout import Cell, words

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


@dataclass(frozen=True, slots=True)
class Figure:
    start: int  # the number as written, sign and % included, note mark excluded
    end: int
    text: str
    value: float  # as written (signed, no scale); a quantity's base value when `quantity` is set
    digits: str = ""  # the signed number as plain digits (-203.0), for exact scaling
    percent: bool = False  # written with %
    permille: bool = False  # written with ‰
    quantity: Quantity | None = None  # the cell's own amount with its unit (881.9亿元)
    qualifier: str = "exact"  # a bound or rounding on a bare figure (7以上: over)
    points: bool = False  # a change written in points in words (增加 0.32 个百分点)


@cache
def _patterns():
    w = words()["cells"]
    signs = "".join(regex.escape(s) for s in w["plus"] + w["minus"]) + "±"
    number = (r"(?P<sign>[" + signs + r"]?)[ \u3000]?"
              r"(?P<num>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?:[.．][0-9０-９]+)?"
              r"|[0-9０-９]{1,3}(?: [0-9０-９]{3})+(?:[.．][0-9０-９]+)?"
              r"|[0-9０-９]+(?:[.．][0-9０-９]+)?|[.．][0-9０-９]+)"
              r"\s?(?P<pct>[%％‰]?)")
    # (18.57), (90,099): accounting's negative, a figure in brackets; a bracketed small integer is a note mark
    bracketed = (r"[(（](?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+\.[0-9]+|[0-9]{3,})[)）]"
                 r"(?P<pct>[%％]?)")
    return {
        "number": regex.compile(number),
        "bracketed": regex.compile(bracketed),
        "note": regex.compile("|".join(w["note_after"])),
        "blanks": frozenset(w["blanks"]),
        "minus": frozenset(w["minus"]),
        "point_change": point_change(),
    }


@cache
def point_change() -> regex.Pattern:
    """增加 0.32 个百分点, 减少 4.90 个 (the rest wrapped onto the next line): a change in points in words."""
    w = words()["cells"]
    return regex.compile(rf"^(?:(?P<up>{alternation(w['point_change_up'])})|{alternation(w['point_change_down'])})"
                         rf"[ \u3000]*+(?P<num>\d+(?:\.\d+)?)[ \u3000]*+(?:{alternation(w['point_tails'])})?$")


def is_blank(text: str) -> bool:
    return not text or text in _patterns()["blanks"]


# a figure written with its scale alone (114.65亿): the column names the unit
_SCALES = ("万", "亿")


_DIGIT = regex.compile(r"[0-9０-９]")
_RANK_DOT = regex.compile(r"^\d{1,3}[.、．]$")


def read_cell(cell: Cell, quantities: list[Quantity]) -> Figure | None:
    """The figure `cell` holds, or None. `quantities` are those found inside the cell."""
    pats = _patterns()
    if is_blank(cell.text):
        return None
    body = cell.text
    if pc := pats["point_change"].match(body):
        value = float(pc.group("num")) * (1 if pc.group("up") else -1)
        return Figure(cell.start + pc.start("num"), cell.start + pc.end("num"), pc.group("num"), value,
                      ("" if value >= 0 else "-") + pc.group("num"), points=True)
    if _RANK_DOT.match(body):
        body = body[:-1]  # 1. 广东: a rank written with a dot after it (the figure is the number alone)
    note = pats["note"].search(body)
    if note and note.start() > 0:
        body = body[:note.start()]
    if neg := pats["bracketed"].fullmatch(body):
        num = neg.group("num").replace(",", "")
        return Figure(cell.start, cell.start + len(body), body, -float(num), "-" + num,
                      percent=neg.group("pct") != "")
    own = [q for q in quantities if cell.start <= q.start and q.end <= cell.end]
    bounded = len(own) == 1 and own[0].text == body and own[0].kind == "number" and own[0].qualifier != "exact"
    # 7以上 in a target column, 突破5000 or 超3800 in a ranking's (亿元) column: the bare figure, bounded
    m = (pats["number"].match(body) or ((d := _DIGIT.search(body)) and pats["number"].fullmatch(body, d.start()))) \
        if bounded else pats["number"].fullmatch(body)
    if m and (not bounded or m.group("pct") == ""):
        # the column gives the unit
        body = body[:m.end()] if bounded else body
        num = m.group("num").translate(_FULL_WIDTH).replace(",", "").replace(" ", "")
        value = float(num)
        if m.group("sign") in pats["minus"]:
            value = -value
        end = own[0].end if bounded else cell.start + len(body)
        return Figure(cell.start, end, cell.text[:end - cell.start], value, ("-" if value < 0 else "") + num,
                      percent=m.group("pct") in ("%", "％"), permille=m.group("pct") == "‰",
                      qualifier=own[0].qualifier if bounded else "exact")
    if len(own) == 1 and own[0].text == body and own[0].value is not None and own[0].kind != "number":
        q = own[0]
        return Figure(q.start, q.end, q.text, q.value, quantity=q)
    if len(own) == 1 and own[0].text == body and own[0].value is not None and body.endswith(_SCALES):
        # 114.65亿 under 营业总收入(元): a figure written with its scale, the column giving its unit
        q = own[0]
        return Figure(q.start, q.end, q.text, q.value, digits=repr(q.value))
    return None


_PLAIN_NUMBER = regex.compile(r"^\d+(?:\.\d+)?$")


@cache
def _point_words() -> tuple[frozenset[str], frozenset[str]]:
    """(the tails of a change in points, its change words): 个百分点, 个; 增加, 减少."""
    w = words()["cells"]
    return frozenset(w["point_tails"]), frozenset(w["point_change_up"] + w["point_change_down"])


def join_point_changes(body: str, start: int, cells: list[Cell]) -> list[Cell]:
    """增加 | 0.32 | 个百分点 -> one cell (a change in points written in words, cells.point_change); the
    tails a PDF wrapped onto the next line (益率(%) 百分点 个百分点) close those cells: no cells."""
    tails, changes = _point_words()
    out: list[Cell] = []
    k = 0
    while k < len(cells):
        c = cells[k]
        if c.text in changes and k + 1 < len(cells) and _PLAIN_NUMBER.match(cells[k + 1].text):
            end = cells[k + 2].end if k + 2 < len(cells) and cells[k + 2].text in tails else cells[k + 1].end
            out.append(Cell(c.start, end, body[c.start - start:end - start]))
            k += 3 if end != cells[k + 1].end else 2
            continue
        if not (out and c.text in tails):
            out.append(c)
        k += 1
    return out
