"""The parts of a stock are stocks: 金融机构各项贷款余额1662.8亿元…。其中，短期贷款705.4亿元 (亳州 and 金华
bulletins) lists balances at the year's end, though 短期贷款 names no 余额. The whole is the last fact stated
before the 其中 that opens the parts, in the same paragraph. The parts of a whole summed from January
are summed too.
"""
from __future__ import annotations

from ...records import Fact, Period
from ...text import SENTENCE_ENDS
from ..lexicon import cues
from .grammar import lexicon

_PARTS_LOOK = 160  # how far back in the paragraph a 其中 may open the run of parts a figure is in


def whole_fact_of_part(text: str, at: int, facts: list[Fact]) -> Fact | None:
    """The fact of the whole whose parts the figure at `at` is listed among, or None."""
    marks_words = cues()["grammar"]["parts_marks"]
    window = text[max(0, at - _PARTS_LOOK):at]
    if not any(w in window for w in marks_words):
        return None  # (most figures: no 其中 near them, no paragraph to walk)
    start = max(text.rfind("\n", 0, at) + 1, at - _PARTS_LOOK)
    sentence = _sentence_start(text, start, at)
    marks = [p for w in marks_words if (p := text.find(w, sentence, at)) >= 0]
    if not marks:
        return None
    mark = min(marks)
    for f in reversed(facts):  # (the facts so far, in text order: only those since `start` are looked at)
        if f.start < start:
            break
        if f.start < mark:
            return f
    return None


def summed_like_whole(text: str, period: Period | None, whole: Fact | None) -> Period | None:
    """4月，一般公共预算收入累计完成24627万元…其中：税收收入8103万元: a figure continuing one its month's
    report sums from January (累计 before it in its sentence) is summed the same way (its period), else None."""
    if period is None or whole is None or whole.period is None or not period.end or not whole.period.start:
        return None
    wp = whole.period
    one_month = period.start[:7] == period.end[:7] and period.start[8:] == "01"
    if one_month and wp.text == period.text and wp.end[:7] == period.end[:7] and wp.start[5:7] == "01" \
            and wp.start[:7] != wp.end[:7]:
        before = text[_sentence_start(text, max(0, whole.start - _PARTS_LOOK), whole.start):whole.start]
        if any(w in before for w in lexicon()["measures"]["summed_from_january"]):
            return wp
    return None


def _sentence_start(text: str, start: int, at: int) -> int:
    """Where the sentence holding `at` starts, no earlier than `start`."""
    return max(max((text.rfind(e, start, at) for e in SENTENCE_ENDS), default=-1) + 1, start)


def last_of(facts: list[Fact], sentence_start: int, metric: str) -> Fact | None:
    """The sentence's last fact so far when it is of `metric` (一般公共预算收入累计完成24627万元,比上年减收1070万元:
    the next figure continues it)."""
    last = facts[-1] if facts and facts[-1].start >= sentence_start else None
    return last if last is not None and last.metric == metric else None
