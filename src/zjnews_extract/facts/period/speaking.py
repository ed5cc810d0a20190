"""The year a text speaks from: which parts of a year its words name (has_months), whether a
whole year is reported as done (written the year after), and the year bare and relative words
take when no published date fixes it (_Speaking). Used by mentions.py."""
from __future__ import annotations

import bisect

import regex

from ...text import SENTENCE_ENDS
from .bases import comparison_base
from .grammar import in_year_written, lexicon, plan_cue
from .reach_words import named_event

_MONTH_SLOTS = ("ytd", "m1", "firstn", "firstq", "q", "ql", "half", "full", "annual", "yend", "yend2", "dm", "m", "rm1", "hol",
                "hol2", "d")


def has_months(g: dict[str, str | None]) -> bool:
    """The words name part of a year (months, a quarter, a half, a day), not a year alone."""
    return any(g.get(k) for k in _MONTH_SLOTS)


_SENTENCE_END = regex.compile(f"[{regex.escape(SENTENCE_ENDS)}]")


def sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding `pos` ends (a bounded look: a sentence is never this long)."""
    m = _SENTENCE_END.search(text, pos, pos + 400)
    return m.start() if m else min(len(text), pos + 400)


def looks_back(text: str, m: regex.Match, g: dict) -> int:
    """1 when the words name a whole year reported as done (2021年，全省进出口4.14万亿元: written
    the year after), 0 for part of a year or a plan (2025年，全市要实现…: written that year)."""
    if has_months(g) or in_year_written().search(text, m.end(), min(len(text), m.end() + _HARVEST_REACH)):
        return 0  # (2022年全国夏粮产量: a harvest reported within its year)
    return 0 if plan_cue().search(text, m.end(), sentence_end(text, m.end())) else 1


# how far after a year a harvest or report word still qualifies it (2022年全国夏粮产量, 2025年上市银行三季报)
_HARVEST_REACH = 10


class FixedYears:
    """(where, the year the text speaks from) of every mention whose words fix a year, in
    order; worked out on first use only (it is needed only when no published date is known)."""

    def __init__(self, text: str, raw):
        self.text, self.raw, self.items = text, raw, None

    def first_after(self, pos: int) -> int | None:
        if self.items is None:
            self.items = [(m.start(), int(g["y"] or g["yr2"] or g["cy2"] or g["ts_y"]) + looks_back(self.text, m, g))
                          for m, g in self.raw if (g["y"] or g["yr2"] or g["cy2"] or g["ts_y"])
                          and not self._further_base(m) and not named_event().match(self.text, m.end())]
        i = bisect.bisect_right(self.items, (pos, float("inf")))
        return self.items[i][1] if i < len(self.items) else None

    def _further_base(self, m: regex.Match) -> bool:
        """A year compared with beside a comparison with the year before (较去年同期增长16.1%，与2019年同期相比增长38.6%
        in an undated 2021 report): a base further back, which says nothing of the year the text is written in
        (比2019年增加 alone, in a 2020 report, does: the base is the year before)."""
        from .runs import sentence_start  # noqa: PLC0415  (runs reads this module)

        if not comparison_base(self.text, m)[0]:
            return False
        said = self.text[sentence_start(self.text, m.start()):m.start()]
        return any(w in said for w in lexicon()["words"]["year_ago_bases"])


class Speaking:
    """With no published date: the year the text speaks from, by the year it fixes nearest
    before, else after (2014年上半年 is written in 2014; 2021年 as a whole in 2022)."""

    def __init__(self, text: str, anchor: int | None, anchor_at, fixed_years: FixedYears, other_time: bool = False,
                 last_year: bool = False):
        self.text, self.anchor, self.anchor_at, self.fixed_years = text, anchor, anchor_at, fixed_years
        self.last_year = last_year  # every year in figures is the one before the published year
        # the text is about another time than its published date (a 2015 bulletin posted in 2023):
        # 上年, 今年 count from the year it speaks from
        self.other_time = other_time

    def year(self, pos: int) -> int | None:
        if self.anchor is not None:
            return self.anchor + (looks_back(self.text, *self.anchor_at) if self.anchor_at else 0)
        return self.fixed_years.first_after(pos)
