"""Sections of a statistics release that name their thing once, in the heading, and their comparison
once, where a sub-section opens (the statistics bureau's 70-city house price release, reprinted by
the press for years: 一、新建商品住宅(不含保障性住房)价格变动情况 / (一)与上月相比，70个大中城市中，价格下降的
城市有35个…最高涨幅为0.3%，最低为下降1.4%). A figure whose metric names only its part of the section's
thing (价格下降的城市, 持平的城市, 最高涨幅) is of that thing, measured that way: the heading's topic and the
comparison go before it (新建商品住宅价格环比下降的城市). Words in data/facts_cues.toml [sections]."""
from __future__ import annotations

import bisect
from functools import cache

import regex
from msgspec.structs import replace

from ..records import Fact
from .lexicon import alternation, cues

# a numbered section heading: 一、 + a short line with no full stop and no figure
_HEADING = regex.compile(r"(?m)^[ \t\u3000]*[一二三四五六七八九十]{1,3}、([^。\n\d]{2,40})$")
_BRACKETED = regex.compile(r"[（(][^（()）\n]{0,20}[)）]")


@cache
def _words() -> dict:
    return cues()["sections"]


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    w = _words()
    bases = alternation([mark for marks in w["bases"].values() for mark in marks])
    return (regex.compile(rf"(?:{alternation(w['topic_ends'])})$"),
            regex.compile(rf"(?:^|(?<=[\n。；;]))[ \t\u3000]*(?:[（(][一二三四五六七八九十]{{1,2}}[)）])?(?:{bases})[，,]"),
            regex.compile(rf"(?:{alternation(w['label_starts'])})[\u4e00-\u9fff]{{0,4}}?(?=(?:为|是|达)?(?:下降|上涨|增长|下跌)?$)"))


def _basis_of(mark: str) -> str:
    return next(basis for basis, marks in _words()["bases"].items() if any(m in mark for m in marks))


def section_metrics(text: str, facts: list[Fact]) -> list[Fact]:
    """`facts` (in text order) with the section's topic and comparison put before each metric that
    names only a part of the section's thing (see the module docstring)."""
    headings = [(m.start(), _topic(m.group(1))) for m in _HEADING.finditer(text)]
    headings = [(at, topic) for at, topic in headings if topic]
    if not headings:
        return facts
    ends, basis_mark, label = _patterns()
    bases = [(m.start(), _basis_of(m.group())) for m in basis_mark.finditer(text)]
    heading_starts = [at for at, _ in headings]
    basis_starts = [at for at, _ in bases]
    out = []
    for fact in facts:
        h = bisect.bisect_right(heading_starts, fact.start) - 1
        b = bisect.bisect_right(basis_starts, fact.start) - 1
        if h < 0 or b < 0 or basis_starts[b] < heading_starts[h]:
            out.append(fact)
            continue
        topic, basis = headings[h][1], bases[b][1]
        rest = _section_part(text, fact, label)
        out.append(replace(fact, metric=topic + basis + rest) if rest else fact)
    return out


def _topic(heading: str) -> str | None:
    """新建商品住宅(不含保障性住房)价格变动情况 -> 新建商品住宅价格: the heading's thing, when it says one."""
    topic = _BRACKETED.sub("", heading).strip()
    cut = _patterns()[0].search(topic)
    return topic[:cut.start()] if cut and cut.start() >= 2 else None


def _section_part(text: str, fact: Fact, label: regex.Pattern) -> str | None:
    """What of the section's thing the fact counts: a count of places by how their price moved
    (价格下降的城市 -> 下降的城市), or an extreme named right before the figure (最高涨幅为0.3% -> 最高涨幅)."""
    metric = fact.metric or ""
    w = _words()
    if fact.kind == "value" and metric.endswith(tuple(w["place_counts"])):
        for head in w["thing_words"]:
            if metric.startswith(head):
                metric = metric[len(head):]
        return metric if metric.startswith(tuple(w["moves"])) else None
    clause_start = max(text.rfind(c, 0, fact.start) for c in "，,；;。\n") + 1
    before = text[clause_start:fact.start].strip()
    m = label.match(before)
    return m.group() if m else None
