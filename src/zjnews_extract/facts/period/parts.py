"""The parts of a stock are stocks: 金融机构各项贷款余额1662.8亿元…。其中，短期贷款705.4亿元 (亳州 and 金华
bulletins) lists balances at the year's end, though 短期贷款 names no 余额. The whole is the last fact stated
before the 其中 that opens the parts, in the same paragraph."""
from __future__ import annotations

from ...records import Fact
from ...text import SENTENCE_ENDS
from ..lexicon import cues

_PARTS_LOOK = 160  # how far back in the paragraph a 其中 may open the run of parts a figure is in


def whole_of_part(text: str, at: int, facts: list[Fact]) -> str:
    """The metric of the whole whose parts the figure at `at` is listed among (其中 earlier in its
    sentence, or opening it), or "" when it is no such part."""
    marks_words = cues()["grammar"]["parts_marks"]
    window = text[max(0, at - _PARTS_LOOK):at]
    if not any(w in window for w in marks_words):
        return ""  # (most figures: no 其中 near them, no paragraph to walk)
    start = max(text.rfind("\n", 0, at) + 1, at - _PARTS_LOOK)
    sentence = max((text.rfind(e, start, at) for e in SENTENCE_ENDS), default=-1) + 1
    sentence = max(sentence, start)
    marks = [p for w in marks_words if (p := text.find(w, sentence, at)) >= 0]
    if not marks:
        return ""
    mark = min(marks)
    for f in reversed(facts):  # (the facts so far, in text order: only those since `start` are looked at)
        if f.start < start:
            break
        if f.start < mark:
            return f.metric or ""
    return ""
