"""A base frame: 在…基础上, 以…为基数 around a time (data [words] base_frame_opens, _closes). The time names what
the figures build on, not the period they cover; a figure inside the frame is the base's own value."""
from __future__ import annotations

from ...text import CLAUSE_ENDS, SENTENCE_ENDS
from .grammar import lexicon


def in_base_frame(text: str, start: int, end: int) -> bool:
    """在 shortly before the time and 基础上 after it, in one clause (data [words] base_frame_opens, _closes)."""
    w = lexicon()["words"]
    ends = SENTENCE_ENDS + CLAUSE_ENDS
    lead = start
    while lead > 0 and text[lead - 1] not in ends and start - lead < _BASE_FRAME_LEAD:
        lead -= 1
    if not any(o in text[lead:start] for o in w["base_frame_opens"]):
        return False
    stop = end
    while stop < len(text) and text[stop] not in ends and stop - end < _BASE_FRAME_REACH:
        stop += 1
    return any(c in text[end:stop] for c in w["base_frame_closes"])


def base_states_figure(text: str, end: int) -> bool:
    """A figure between the time and the frame's close (以2021年年末总股本10亿股为基数): the base's own
    value, which the time dates as it would outside a frame."""
    closes = lexicon()["words"]["base_frame_closes"]
    window = text[end:end + _BASE_FRAME_REACH]
    stop = min((i for i in (window.find(c) for c in closes) if i >= 0), default=-1)
    return stop > 0 and any(c.isdigit() for c in window[:stop])


_BASE_FRAME_LEAD, _BASE_FRAME_REACH = 8, 20  # (在全国煤炭进口量… | 7月份 | 环比增长的基础上: the words around the time)
