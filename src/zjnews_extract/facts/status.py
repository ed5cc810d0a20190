"""A fact's status: `actual` for results, `target` for plans, goals and forecasts.

Cue words come from data/facts_cues.toml [status].
"""
from __future__ import annotations

import bisect
from datetime import date, timedelta
from functools import cache

import regex

from ..records import Period
from .lexicon import alternation, cues


@cache
def _status_words() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    s = cues()["status"]
    return (regex.compile(alternation(s["strong"])), regex.compile(alternation(s["weak"])),
            regex.compile(alternation(s["deny"])))


def status_deny() -> regex.Pattern:
    """Words that hold a cue but plan nothing (完成年度计划, 超预期): blanked before cues are looked for."""
    return _status_words()[2]


def status_of(before: str, period: Period | None, published: date | None) -> str:
    """`target` for plans, goals and forecasts; `actual` for results.

    `before` is the sentence text up to the number. Strong cues (力争, 目标, 预计)
    always make a target; weak ones (将, 要) only when the period is not over yet.
    A period that starts after the published date is a plan whatever the words.
    Compounds that only contain a cue (超预期, 主要) are blanked out first.
    """
    strong, weak, deny = _status_words()
    before = deny.sub("", before)
    return status_from_cues(bool(strong.search(before)), bool(weak.search(before)), period, published)


def status_from_cues(strong: bool, weak: bool, period: Period | None, published: date | None) -> str:
    """status_of() once the cues before the number are known (see StatusCues)."""
    ended = _ended(period, published)
    if period is not None and published is not None and _in_future(period, published):
        return "target"  # nothing can have happened yet in a period that starts after publication
    if period is not None and published is not None and _far_end(period, published):
        return "target"  # a whole year that has months to run: its figures are plans (新一年…500场以上)
    if strong:
        return "target"
    if ended is not True and weak:
        return "target"
    return "actual"


@cache
def _named_goal_after() -> regex.Pattern:
    return regex.compile(cues()["status"]["named_goal_after"])


def named_goal(text: str, end: int) -> bool:
    """True when the words right after a figure name it a goal (6.5%左右的预期目标)."""
    return _named_goal_after().match(text, end, end + 12) is not None


@cache
def _cue_scanners() -> tuple[int, int, regex.Pattern, regex.Pattern]:
    """Longest deny word, longest cue, and the cue patterns shortest word first (so that an
    overlapped scan finds, at each position, the cue that ends soonest)."""
    s = cues()["status"]

    def shortest_first(words):
        return regex.compile("|".join(regex.escape(w) for w in sorted(set(words), key=len)))

    return (max(map(len, s["deny"])), max(map(len, list(s["strong"]) + list(s["weak"]))),
            shortest_first(s["strong"]), shortest_first(s["weak"]))


class StatusCues:
    """The status cues of one sentence, read once, so that the cues before each of its
    numbers cost O(1) instead of a rescan of the sentence (quadratic in a long one).

    `before(offset)` gives exactly what status_of would find in deny.sub("", text[start:offset]):
    up to `offset - longest deny word` the deny words blanked in the prefix are those
    blanked in the whole sentence (the scan makes the same choices there); the few
    characters after that are blanked and searched afresh."""

    def __init__(self, text: str, start: int, end: int):
        _, _, deny = _status_words()
        self.text, self.start = text, start
        self.deny_starts: list[int] = []
        self.deny_ends: list[int] = []
        self.removed: list[int] = [0]  # characters blanked by the first i deny words
        kept, cursor = [], start
        for m in deny.finditer(text, start, end):
            self.deny_starts.append(m.start())
            self.deny_ends.append(m.end())
            self.removed.append(self.removed[-1] + m.end() - m.start())
            kept.append(text[cursor:m.start()])
            cursor = m.end()
        kept.append(text[cursor:end])
        self.blanked = "".join(kept)
        _, _, strong, weak = _cue_scanners()
        self.strong_end = self._earliest_end(strong)
        self.weak_end = self._earliest_end(weak)

    def _earliest_end(self, pattern: regex.Pattern) -> float:
        best = float("inf")
        for m in pattern.finditer(self.blanked, overlapped=True):
            if m.start() >= best:
                break
            best = min(best, m.end())
        return best

    def before(self, offset: int) -> tuple[bool, bool]:
        """(strong cue, weak cue) in the sentence before `offset`, deny words blanked."""
        longest_deny, longest_cue, _, _ = _cue_scanners()
        strong, weak, deny = _status_words()
        i = bisect.bisect_right(self.deny_starts, offset - longest_deny)
        resume = max(self.start, offset - longest_deny + 1, self.deny_ends[i - 1] if i else self.start)
        j = resume - self.start - self.removed[i]  # length of the blanked text before `resume`
        tail = self.blanked[max(0, j - longest_cue + 1):j] + deny.sub("", self.text[resume:offset])
        return (self.strong_end <= j or bool(strong.search(tail)),
                self.weak_end <= j or bool(weak.search(tail)))


def _ended(period: Period | None, published: date | None) -> bool | None:
    if period is None or published is None or not period.end:
        return None
    return date.fromisoformat(period.end) < published


def _far_end(period: Period, published: date) -> bool:
    """True when the period had barely begun and still has more than a quarter to run at
    publication: a January article's 新一年 (its figures are plans). Half way through a year
    (a July report on 2011年 summer grain) the year's figures may well be results."""
    horizon = timedelta(days=cues()["status"]["horizon_days"])
    if not (period.end and period.start):
        return False
    start, end = date.fromisoformat(period.start), date.fromisoformat(period.end)
    if end <= published + horizon:
        return False
    if start.year != end.year:
        # 今后五年 in an April report (2017-2021): most of a span of years still to run is a plan's
        return (end - published) > (published - start)
    return published - start <= horizon


def _in_future(period: Period, published: date) -> bool:
    return bool(period.start) and date.fromisoformat(period.start) > published


# a list item: a bullet or a number opens it (——地区生产总值增长8%左右。, 1.…, （一）…), or it ends with a
# semicolon, as an item of a list written one per line does (地区生产总值增长7.5%以上;)
_BULLET = regex.compile(r"^\s*(?:——|—|-|•|·|\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")
_SEMICOLON_END = regex.compile(r"[;；]\s*$")
_LAST_SENTENCE = regex.compile(r"[。！？!?]")


def _item(line: str) -> bool:
    return _BULLET.search(line) is not None or _SEMICOLON_END.search(line) is not None


def target_lists(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lists a line of plans announces (全市…主要预期目标安排如下： then one target a
    line): each item is a target though it names no cue of its own."""
    strong, _, deny = _status_words()
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        # (the sentence that ends with the colon names the plans: not a 计划 said earlier in the paragraph)
        if line.endswith((":", "：")) and strong.search(deny.sub("", _LAST_SENTENCE.split(line)[-1])):
            j = i + 1
            # (the last item of a semicolon list ends with 。: the line after a ; line)
            while j < len(lines) and lines[j].strip() and (_item(lines[j]) or j > i + 1
                                                            and _SEMICOLON_END.search(lines[j - 1])):
                j += 1
            if j > i + 1:
                out.append((offsets[i + 1], offsets[j - 1] + len(lines[j - 1])))
            i = max(j, i + 1)
            continue
        i += 1
    return out
