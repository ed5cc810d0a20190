"""A bilingual yearbook's bar tables: each Chinese label has its English translation in a cell beside
it (项目 | Item | 2015 | …, 工资性收入 | Wages and Salaries | 6187 | …, 单位:元 | (yuan)). The English
cells are translations, no columns: dropped, the columns of figures line up under their titles again,
as spaced.py drops the English of a space-separated yearbook table."""
from __future__ import annotations

import regex

from .layout import Row

_LATIN = regex.compile(r"[A-Za-z]{2}")
_HAN = regex.compile(r"\p{Han}")
_DIGIT = regex.compile(r"\d")
# Why: one bilingual row could be a name in English by chance; a translated table has many.
_MIN_TRANSLATED_ROWS = 2


def _translation(text: str) -> bool:
    return bool(_LATIN.search(text)) and not _HAN.search(text) and not _DIGIT.search(text)


def without_translations(rows: list[Row]) -> list[Row]:
    """`rows` without their English cells when the table is bilingual (rows holding both a Chinese
    cell and an English-only one); a row left with no filled cell (the English title) is dropped."""
    bilingual = sum(1 for r in rows if any(_translation(c.text) for c in r.cells)
                    and any(_HAN.search(c.text) for c in r.cells))
    if bilingual < _MIN_TRANSLATED_ROWS:
        return rows
    out = []
    for r in rows:
        cells = tuple(c for c in r.cells if not _translation(c.text))
        if any(c.text for c in cells):
            out.append(Row(r.start, r.end, cells))
    return out
