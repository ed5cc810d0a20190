"""The places of a table's rows: a row that names a place alone (定海 under a measure of 舟山), a
section whose every row is a place, a row of a place's ranks (丽水位次), and a place written short as a
subject (北京市 -> 北京). Used by read.py."""
from __future__ import annotations

import regex

from ..gazetteer import county_within
from ..lexicon import match_place, place_names
from ..subject import subject_name
from .layout import words

_PLACE_SUFFIX = regex.compile(r"(?:省|市|自治区|特别行政区|地区|区)$")


# the kinds of place words that name the whole a table is of (全省, 全国), never one of its rows' places
WHOLE_KINDS = ("whole_region", "national")


def rank_row(name: str) -> str | None:
    """丽水位次 -> 丽水: the place whose ranks a row holds, when its label ends in a rank word."""
    for word in words()["header"]["rank_words"]:
        if name.endswith(word) and whole_place(name[:-len(word)]):
            return name[:-len(word)]
    return None


def row_place_of(name: str, state, region: str | None) -> str:
    """The place a row of a label column names: any row of a section of places, or a row that is
    a place's name alone (定海 counts inside 舟山) under a row that named a measure; else ""."""
    if not name:
        return ""
    if state.by_place:
        return name
    if not state.parent:
        return ""
    return name if whole_place(name) or county_within(name, region) else ""


def whole_place(name: str) -> bool:
    m = match_place(name)
    return bool(m and m.end() == len(name))


def place_name(cell: str, region: str | None, wholes: dict | None = None) -> str:
    """北京市 -> 北京, 广西区 -> 广西: a place as a subject is written short, as in prose."""
    m = match_place(cell)
    if m and m.end() == len(cell):
        short = _PLACE_SUFFIX.sub("", cell)
        if short in place_names():
            return short
    return subject_name(cell, region, wholes)
