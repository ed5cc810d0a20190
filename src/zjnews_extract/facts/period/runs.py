"""Which periods run on over later figures, and which words of a sentence fix a year: a monthly
release's own month, the whole year named around it, a year said in passing (split from mentions.py)."""
from __future__ import annotations

from dataclasses import replace

import regex

from ...text import SENTENCE_ENDS
from .grammar import lexicon, this_year_words
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


# a numbered section heading on a line of its own (一、工业生产者价格同比变动情况)
_SECTION = regex.compile(r"(?m)^[ \t\u3000]*[一二三四五六七八九十]{1,2}、[^。，,\n\d]{2,30}$")


def section_restarts(text: str, out: list, dated: list[int]) -> list:
    """A monthly release whose lead gives the month and then the months to date (2019年3月份，…上涨0.4%…。
    一季度，…上涨0.2%): its numbered sections (一、工业生产者价格同比变动情况) report on the month again,
    so the month restarts at each heading that comes after the span to date (NBS PPI and CPI releases)."""
    spans = [i for i in dated if out[i].kind == "span"]
    if len(spans) < 2 or not _one_month(month := out[spans[0]].period) or out[spans[0]].reach != "carry":
        return out
    later = [out[i] for i in spans[1:] if out[i].reach == "carry" and out[i].period != month]
    if not later:
        return out
    after = later[0].end
    heads = [m for m in _SECTION.finditer(text, after)]
    if not heads:
        return out
    starts = [m.start for m in out]
    restarts = [replace(out[spans[0]], start=h.start(), end=h.start(), text="") for h in heads
                if not any(h.start() <= s < h.end() for s in starts)]
    return sorted(out + restarts, key=lambda m: (m.start, m.end))


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


def figureless_sentence(text: str, start: int, end: int) -> bool:
    """No digit in the sentence around text[start:end] (a 第一梯队 is no figure either)."""
    words = text[sentence_start(text, start):start] + text[end:sentence_end(text, end)]
    return not any(ch.isdigit() for ch in words)


def _one_month(p) -> bool:
    return p is not None and bool(p.start) and p.start[:7] == p.end[:7]


def this_year_as_reported(text: str, out: list, dated: list[int]) -> list:
    """A report on part of a year (杭州春节假期接待游客…, 今年春运上海铁路局…, 前三季度杭州GDP…): its
    bare 今年 is that part, not the whole year (今年游客数比2019年增加近70%, 今年汽车出口3.82万辆),
    unless its sentence plans (今年预计增长7%: the year's goal)."""
    spans = [i for i in dated if out[i].kind == "span"]
    if not spans:
        return out
    first = out[spans[0]]
    if first.period is None or not first.period.start or not _part_of_year(first):
        return out
    year = first.period.end[:4]
    this_year = this_year_words()
    return [replace(m, period=first.period) if m.kind == "span" and m.text in this_year and m.period is not None
            and m.period.start == f"{year}-01-01" and m.period.end == f"{year}-12-31"
            and m.start > first.start and not (text.startswith("的", m.end) and not figureless_sentence(text, m.start, m.end))
            and not _plans(text, m.end) else m
            for m in out]  # (今年的大季作物种植: the year's season, named as the year's; but 司机告诉记者,今年的游客明显
    # 多于往年。 in a National Day report says nothing of the whole year: DX 杭州, GB 济南 清明, IZ 河南 春节)


def _part_of_year(mention) -> bool:
    """A holiday, or months of one year from January (前三季度, 1-9月, 上半年) that end before December."""
    if any(name in mention.text for name in lexicon()["holidays"]["names"]):
        return True
    p = mention.period
    return p.start[:4] == p.end[:4] and p.start[5:] == "01-01" and p.end[5:7] != "12"


def _plans(text: str, pos: int) -> bool:
    """A plan's cue in the sentence from `pos` (今年全市GDP预计增长7%)."""
    from ..lexicon import cues  # noqa: PLC0415  (facts words; the period grammar does not need them)

    return any(w in text[pos:sentence_end(text, pos)] for w in cues()["status"]["strong"])
