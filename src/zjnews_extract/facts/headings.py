"""Section headings that restate a figure of their section (一、广义货币增长11.8%，狭义货币增长3.7%
over 12月末，广义货币(M2)余额…同比增长11.8%): the heading's figure is the body's, so it takes the
body's period and subject, and its metric where that is the heading's written in full."""
from __future__ import annotations

import bisect

import regex
from msgspec.structs import replace

from ..records import Fact

# a numbered section heading: 一、 + a short line with no full stop
_HEADING = regex.compile(r"(?m)^[ \t\u3000]*[一二三四五六七八九十]{1,3}、[^。\n]{1,60}$")
# Why: a section's first paragraphs restate its heading's figures; further on a like figure is
# another fact that happens to share the value.
_REACH = 800


def restate_headings(text: str, facts: list[Fact]) -> list[Fact]:
    """`facts` (in text order) with each heading figure given its body twin's metric, subject and
    period, when the section states the same figure (kind, unit, value) within reach."""
    spans = [(m.start(), m.end()) for m in _HEADING.finditer(text)]
    if not spans:
        return facts
    starts = [f.start for f in facts]
    out = list(facts)
    for s, e in spans:
        i = bisect.bisect_left(starts, s)
        while i < len(facts) and facts[i].end <= e:
            head = facts[i]
            j = bisect.bisect_left(starts, e)
            while j < len(facts) and facts[j].start < e + _REACH:
                twin = facts[j]
                if (twin.kind, twin.unit, twin.value) == (head.kind, head.unit, head.value):
                    # the body's fuller name (广义货币 -> 广义货币(M2)余额), but not another name for it
                    # (a heading's GDP stays GDP where the body says 生产总值)
                    fuller = twin.metric if twin.metric and (not head.metric or head.metric in twin.metric) \
                        else head.metric
                    out[i] = replace(head, metric=fuller, subject=twin.subject, period=twin.period)
                    break
                j += 1
            i += 1
    return out
