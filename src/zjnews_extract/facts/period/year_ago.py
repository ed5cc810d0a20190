"""A year-ago time set up as the topic of what follows, not as a comparison base: a section heading
(二、上年同期经营业绩和财务状况 in the SSE results-forecast template, over the year-ago figures listed under
it) or a time opening a sentence and set off by a comma (上年同期,归属于母公司所有者的净利润为-6,831.02万元,
每股收益-0.89元). The figures it covers are of the report's own months one year earlier.

It also holds the words that say a year-ago time's own value follows (去年同期为增长3.6%和7.5%, 相比于去年
公布的16.6亿元), read by reach.py's "year_ago" reach.

reach.py asks `topic_reach`; index.py answers for the three topic reaches with `under_heading`."""
from __future__ import annotations

import bisect
import re
from functools import cache

from ...text import LIST_MARK, SECTION_MARK
from ..lexicon import cues

# Why: a heading names its section and holds no figure; past this length a line is prose.
_HEADING_MAX = 30
_NOT_HEADING = re.compile(r"[\d。，,；;：:]")  # a figure or a clause mark after the time: no heading's words


def topic_reach(text: str, start: int, end: int) -> str | None:
    """"year_ago_section" when the year-ago time [start, end) (上年, followed by 同期) heads a section,
    "year_ago_line" or "year_ago_sentence" when it opens a line or a sentence and a comma sets it off;
    else None."""
    same = tuple(cues()["period"]["year_same_after"])
    after = next((end + len(w) for w in same if text.startswith(w, end)), None)
    if after is None:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    while line_start < start and text[line_start] in " \t\u3000":
        line_start += 1  # (the indent before a list mark)
    mark = LIST_MARK.match(text, line_start, start)
    opens_line = (mark.end() if mark else line_start) == start
    if not opens_line and text[start - 1:start] not in ("。", "；", ";"):
        return None
    rest = text[after:line_end]
    if mark and opens_line and line_end - line_start <= _HEADING_MAX and not _NOT_HEADING.search(rest):
        # 二、上年同期经营业绩和财务状况 (a numbered heading: not 上年同期 alone, a table's column)
        return "year_ago_section"
    if rest[:1] in ("，", ",", "：", ":"):
        # 上年同期,归属于母公司所有者的净利润为…: its sentence, or its line when it opens one (a list item)
        return "year_ago_line" if opens_line else "year_ago_sentence"
    return None


def section_starts(text: str) -> list[int]:
    """Where each top-level section heading (二、…) starts: what ends a year-ago section."""
    return [m.start() for m in SECTION_MARK.finditer(text)]


def under_heading(sections: list[int], heading_end: int, offset: int) -> bool:
    """True when no later top-level heading stands between a heading and the number at `offset`."""
    i = bisect.bisect_right(sections, heading_end)
    return i >= len(sections) or sections[i] > offset


def _said() -> str:
    """同期为, 同月是, 为: the words after a year-ago time that say its own value follows."""
    same = "|".join(cues()["period"]["year_same_after"])
    return rf"(?:{same})?(?:为|是)"


@cache
def year_ago_said() -> re.Pattern:
    """去年同期为增加16.18亿元, (上年同月为上涨4.9%): the year-ago time's own value, said after 为/是."""
    return re.compile(_said())


def year_ago_list(text: str, end: int, offset: int) -> bool:
    """去年同期为增长3.6%和7.5%: the later values of a list the year-ago time's own value starts (the
    text from the time to the number is 为, the earlier values and their joiners, nothing else)."""
    return _year_ago_list().fullmatch(text, end, offset) is not None


@cache
def _year_ago_list() -> re.Pattern:
    changes = "|".join(cues()["period"]["stated_value_changes"])
    value = r"[-−]?[\d０-９][\d０-９.．,]*[^\d０-９，,。；;、和及与\s]{0,5}"
    return re.compile(rf"{_said()}(?:{changes})?(?:{value}(?:、|和|及|与)(?:{changes})?)+")


@cache
def year_ago_value() -> re.Pattern:
    verbs = "|".join(cues()["period"]["year_ago_value_verbs"])
    return re.compile(rf"(?:{verbs})的(?=[\d０-９])")
