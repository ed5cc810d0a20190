"""Which periods run on over later figures, and which words of a sentence fix a year: a monthly
release's own month, the whole year named around it, a year said in passing (split from mentions.py)."""
from __future__ import annotations

from dataclasses import replace

import regex

from ...text import SENTENCE_ENDS
from .speaking import sentence_end


def own_month_runs(out: list, dated: list[int]) -> list:
    """2015年12月PPI同比下降5.9% heading a monthly release: the report's own month runs on (a month
    after a longer running period, 4月单月 in a 1-4月 report, stays its paragraph's); the whole year
    named after it (2015年，工业生产者出厂价格同比下降5.2%) is a look back, its paragraph's (a year to
    date, 前三季度 or 1-9月 after 9月份, is the report's cumulative and runs on)."""
    spans = [i for i in dated if out[i].kind == "span"]
    if not (spans and out[spans[0]].reach == "paragraph" and _one_month(out[spans[0]].period)):
        return out
    month = out[spans[0]].period
    out = [replace(m, reach="carry") if m.period == month and m.reach == "paragraph" else m for m in out]
    year = month.start[:4]
    return [replace(m, reach="paragraph") if m.kind == "span" and m.reach == "carry" and m.period is not None
            and (m.period.start, m.period.end) == (f"{year}-01-01", f"{year}-12-31")
            and m.start > out[spans[0]].start else m for m in out]


_FIGURE = regex.compile(r"\d(?:\.\d+)?\s*(?:%|％|[万亿千百]|元|个百分点|倍|人次|吨|家|个)")


def states_figure(text: str, start: int, after: int) -> bool:
    """A figure (a number with a unit, not a date) in the sentence from `start`, after the year at `after`."""
    return _FIGURE.search(text, start, sentence_end(text, after)) is not None


def opens_paragraph(text: str, start: int, end: int) -> bool:
    """A year that opens its paragraph, a comma after it (2018年，在市委…的领导下…): the time the
    report is about, as a statistical bulletin's lead frames all that follows; never in passing."""
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    return not text[line_start:start].strip() and text[end:end + 1] in ("，", ",")


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts (a bounded look back: a sentence is never this long)."""
    lower = max(0, pos - 300)
    return max(text.rfind(c, lower, pos) for c in SENTENCE_ENDS) + 1 or lower


def _one_month(p) -> bool:
    return p is not None and bool(p.start) and p.start[:7] == p.end[:7]


