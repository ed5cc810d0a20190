"""What a change is measured against (a fact's `basis`), read from the words before its number.

The clause holding the number (back to the last comma or stop; a clause ending in 相比 leads
into the next one) is searched for comparison cues (data/facts_basis.toml); the cue nearest the
number wins. Growth rates and point gaps default to 同比; a plain amount has a basis only when
the words before it state a change (比上年增加871亿元); shares, ranks and levels have none.
Every pattern is a regex over one clause, so the time is linear in the clause length.
"""
from __future__ import annotations

from functools import cache

import regex

from ..data import load_toml
from ..text import CLAUSE_ENDS, SENTENCE_ENDS

YOY, MOM, TARGET, YTD, AVERAGE = "同比", "环比", "目标", "比年初", "年均"


class _Cues:
    def __init__(self) -> None:
        data = load_toml("facts_basis.toml")
        self.last_break = regex.compile(f"(?r)[{regex.escape(SENTENCE_ENDS + CLAUSE_ENDS)}]")
        self.lead_in = tuple(data["clause"]["lead_in"])
        cues = data["cues"]
        self.any_cue = regex.compile("|".join(f"(?P<{name}>{cues[name]})" for name in
                                              ("target", "named_year", "yearly_average", "ytd", "mom", "yoy")))
        self.year = regex.compile(cues["named_year"])
        self.value_change = regex.compile(cues["value_change"])
        self.average_name = regex.compile(cues["average_name"])


@cache
def _cues() -> _Cues:
    return _Cues()


def clause_before(text: str, start: int) -> str:
    """The words of the clause before offset `start` (and the clause before it when that one
    ends in a lead-in word such as 相比); at most _REACH characters back."""
    cues = _cues()
    begin = _clause_start(text, start)
    if begin > 0 and text[_clause_start(text, begin - 1):begin - 1].endswith(cues.lead_in):
        begin = _clause_start(text, begin - 1)
    return text[begin:start]


_REACH = 300  # a clause longer than this is read from its last _REACH characters


def _clause_start(text: str, end: int) -> int:
    lower = max(0, end - _REACH)
    found = _cues().last_break.search(text, lower, end)  # a reverse search: from `end` backwards
    return found.end() if found else lower


def find_basis(text: str, start: int, kind: str, period_year: int | None = None,
               period_end_year: int | None = None) -> str | None:
    """The basis of the fact whose number starts at `start` in `text`: 同比, 环比, 比年初, 年均, 目标,
    比YYYY年, or None for a kind or wording that states no change. A change over several years
    (period_year < period_end_year) has no default: 同比 is the default within one year only."""
    if kind not in ("growth", "pp", "value"):
        return None
    before = clause_before(text, start)
    found = None
    for m in _cues().any_cue.finditer(before):
        found = m  # the last cue is the one nearest the number
    if kind == "value" and (found is None or not _cues().value_change.search(before, found.end())):
        return None
    if found is None:
        several_years = period_year is not None and period_end_year is not None and period_end_year > period_year
        return None if several_years else YOY
    name = found.lastgroup
    if name == "named_year":
        year = int(_cues().year.search(found.group()).group(1))
        return YOY if period_year is not None and year == period_year - 1 else f"比{year}年"
    return {"target": TARGET, "yearly_average": AVERAGE, "ytd": YTD, "mom": MOM, "yoy": YOY}[name]


def average_words(before: str) -> str:
    """两年平均 (or 年均) when the rate whose clause words before its number are `before` is an average
    over years, as their nearest comparison cue says (两年平均增长6.7%, 比一季度两年平均提高2.6个百分点),
    else ""."""
    if "均" not in before:
        return ""  # every cue of an average (facts_basis.toml yearly_average) holds 均: most clauses end here
    found = None
    for m in _cues().any_cue.finditer(before):
        found = m
    if found is None or found.lastgroup != "yearly_average":
        return ""
    name = _cues().average_name.search(before, max(0, found.start() - 3), found.end() + 1)
    return name.group() if name else found.group()
