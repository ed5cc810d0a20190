"""The indicator a table's notes define, for a table that names no measure of its own.

A statistics bureau's table page often carries no title in the pasted text, but ends with notes
on the indicator: 社会消费品零售总额统计范围、采集渠道及主要指标解释, or 社会消费品零售总额:指企业…
The first name so defined right after the table is what its figures measure.
"""
from __future__ import annotations

from functools import cache

import regex

from ..lexicon import alternation
from .layout import words

# Why: the notes follow the table closely; a name further down belongs to other matter.
_REACH = 240


@cache
def _pattern() -> regex.Pattern:
    w = words()["notes"]
    name = r"(?P<name>\p{Han}[\p{Han}()（）]{1,15}?)"
    return regex.compile(
        rf"(?m)^\s*{name}(?:{alternation(w['heading_words'])}|[:：]\s*(?:{alternation(w['definition_words'])}))")


def defined_after(text: str, end: int) -> str | None:
    """The indicator the notes right after `end` define (社会消费品零售总额), else None."""
    m = _pattern().search(text, end, min(len(text), end + _REACH))
    return m.group("name") if m else None
