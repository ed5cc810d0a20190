"""From-to pairs (营业支出从50.11亿元升至53.93亿元, 城市化率从59.5%提高到62.9%): two values of one
thing, the first before the change and the second after it. The second takes the first's name
(the words before it are only the change), and the first, with no time of its own, the time
before the second's: the year before a year, or the first year of a span the paragraph set with a
pair of years (地区生产总值从2011年的1520亿元增加到2016年的2243.1亿元；…城市化率从59.5%提高到62.9%).
Words are data (facts_cues.toml [from_to])."""
from __future__ import annotations

from functools import cache

import msgspec
import regex

from ..records import Fact, Period
from .lexicon import alternation, cues
from .period.calendar_days import month_before, year_before

# how far back a pair of years may set the span for later pairs (one paragraph of a review)
_SPAN_LOOK_BACK = 400


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern]:
    c = cues()["from_to"]
    marks, to = alternation(c["from_marks"]), alternation([*c["to_marks"], *c["turn_marks"]])
    bare = alternation(c["to_marks_bare"])
    before = regex.compile(rf"(?:{marks})(?:{alternation(c['from_directions'])})?$")
    change = regex.compile(rf"[^，,。；;！？\d\n]{{0,4}}?(?:{to})(?:{alternation(c['from_directions'])})?$")
    joined = regex.compile(rf"[^，,。；;！？\d\n]{{0,4}}?(?:{bare})$")
    years = regex.compile(rf"(?:{marks})((?:19|20)\d{{2}})年的[^。；;\n]{{1,24}}?(?:{to})((?:19|20)\d{{2}})年的")
    return before, change, joined, years


def from_to_pairs(text: str, facts: list[Fact]) -> list[Fact]:
    """`facts` (in text order) with each from-to pair's second value named as the first and, after
    a change of level (提高到, 降至), the first dated before the second."""
    before, change, joined, years = _patterns()
    out = list(facts)
    run_start = 0  # where the list of values of one kind that ends at out[i - 1] starts (kept as i moves on)
    for i in range(1, len(out)):
        if i >= 2 and not (out[i - 2].kind == out[i - 1].kind
                           and _LIST_JOIN.fullmatch(text, out[i - 2].end, out[i - 1].start)):
            run_start = i - 1
        # 分别由下降1.3%、9.8%转为增长28.7%和17.9%: a list of first values, then as many second values
        first = run_start if out[i - 1].kind == out[i].kind else i - 1
        n = i - first
        if not before.search(text, max(0, out[first].start - _BEFORE_LOOK), out[first].start) or i + n > len(out):
            continue
        a, b = out[i - 1], out[i]
        if a.kind != b.kind or a.unit != b.unit:
            continue
        changed = change.search(text, a.end, b.start) is not None
        if not changed and not joined.search(text, a.end, b.start):
            continue
        if n > 1 and not all(_LIST_JOIN.fullmatch(text, out[i + k - 1].end, out[i + k].start) for k in range(1, n)):
            continue
        before_time = _compared_with(text, out[first].start) if changed else None
        for k in range(n):
            a, b = out[first + k], out[i + k]
            if a.metric:
                out[i + k] = b = msgspec.structs.replace(b, metric=a.metric, metric_from=a.metric_from)
            if changed and a.period is not None and a.period == b.period \
                    and (earlier := before_time(a.period) if before_time else _earlier(a.period, text, a.start, years)):
                out[first + k] = msgspec.structs.replace(a, period=earlier)
    return out


# the from mark and a direction word (由下降) before the first value
_BEFORE_LOOK = 4
# the marks between the values of a list (下降1.3%、9.8%, 28.7%和17.9%)
_LIST_JOIN = regex.compile(r"(?<!\s)\s*+[、和及与]\s*+")
# how far back a sentence's comparison may be said (one sentence)
_CONTEXT_LOOK_BACK = 200


def _compared_with(text: str, at: int):
    """The time the sentence before `at` compares with, as a function of the period now: the same months a
    year before (与上年同期相比，…), the month before (与上月相比，…), else None."""
    start = max(text.rfind("。", 0, at), text.rfind("\n", 0, at), at - _CONTEXT_LOOK_BACK)
    said = text[start + 1:at]
    c = cues()["from_to"]
    if any(w in said for w in c["year_ago_context"]):
        return year_before
    if any(w in said for w in c["month_before_context"]):
        return month_before
    return None


def _earlier(p: Period, text: str, at: int, years: regex.Pattern) -> Period | None:
    """The time before `p` when `p` is one whole year: the first year of the span a pair of years
    before `at` ends with it, else the year before."""
    if not p.start or p.start[5:] != "01-01" or p.end[5:] != "12-31" or p.start[:4] != p.end[:4]:
        return None
    year = int(p.start[:4])
    span = [m for m in years.finditer(text, max(0, at - _SPAN_LOOK_BACK), at) if int(m.group(2)) == year]
    first = int(span[-1].group(1)) if span else year - 1
    return Period(start=f"{first}-01-01", end=f"{first}-12-31", text=p.text)
