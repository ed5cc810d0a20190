"""Brackets and quotations a period mention may stand in: an aside in brackets (（2010年只有1100多亿元）)
dates only what it holds, and someone's quoted words (“…，…”) date nothing the text reports. Bounded
looks either side keep every check linear. Used by reach.py, mentions.py and index.py."""
from __future__ import annotations


def in_aside(text: str, pos: int) -> bool:
    """`pos` is inside a bracket that closes later on its line: an aside (（2010年只有1100多亿元）)."""
    lower = max(0, pos - _ASIDE_REACH)
    start = text.rfind("\n", lower, pos) + 1 or lower
    opened = max(text.rfind("(", start, pos), text.rfind("（", start, pos))
    if opened < 0 or max(text.rfind(")", opened, pos), text.rfind("）", opened, pos)) >= 0:
        return False
    return aside_close(text, pos) >= 0


def aside_close(text: str, pos: int) -> int:
    """Where the bracket open at `pos` closes on its line (-1 when it does not)."""
    upper = min(len(text), pos + _ASIDE_REACH)
    line_end = text.find("\n", pos, upper)
    end = line_end if line_end >= 0 else upper
    closes = [i for i in (text.find(")", pos, end), text.find("）", pos, end)) if i >= 0]
    return min(closes) if closes else -1


# Why: an aside in brackets is a clause or two; a bounded look keeps the check linear.
_ASIDE_REACH = 120


def in_quoted_speech(text: str, pos: int) -> bool:
    """`pos` is inside a quotation that holds a clause of its own (“…，…”), within its paragraph:
    someone's words, not a quoted name (“十四五”)."""
    # a bounded look either side (a quotation is never this long): linear on a page of one line
    lower, upper = max(0, pos - _QUOTE_REACH), min(len(text), pos + _QUOTE_REACH)
    start = text.rfind("\n", lower, pos) + 1 or lower
    opened = text.rfind("“", start, pos)
    if opened < 0 or text.rfind("”", opened, pos) >= 0:
        return False
    line_end = text.find("\n", pos, upper)
    end = line_end if line_end >= 0 else upper
    closed = text.find("”", pos, end)
    inside = text[opened:closed if closed >= 0 else end]
    return any(mark in inside for mark in ("，", "。", "；"))


_QUOTE_REACH = 400
