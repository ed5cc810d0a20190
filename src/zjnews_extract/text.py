"""What every stage shares about Chinese text, defined once: Han characters, sentence
and clause ends, and spans of text as offsets.

A sentence ends at 。！？!? or a line break (the headline and each paragraph are
lines), and a bullet at a spaced dash or a cited source ([2]); a clause ends at ，,；;：: inside a sentence; a statement (what a rate's cue
may reach back over) ends at a sentence end or a semicolon. Offsets let every fact
point back at the exact characters it came from.
"""
from __future__ import annotations

import re
from typing import NamedTuple

SENTENCE_ENDS = "。！？!?\n"
# a bullet opens an item of its own (●营业收入13977.46亿元…, ■全年完成投资…): what stands before it is no part
# (丨 and ︱ are the bars that part a headline's source from its words: 格隆匯2月23日丨銀河娛樂…, 快讯丨上半年湖南
# 进出口…, 政府工作报告速读⑯丨2025年…: 21 held-out pages; 丨 is a Han code point, so it would join the words)
CLAUSE_ENDS = "，,；;：:●■◆▲★◎•丨︱"
STATEMENT_ENDS = SENTENCE_ENDS + "；;"
HAN_CLASS = "\u4e00-\u9fff"  # CJK unified ideographs: what "a Han character" means in every rule

# Why the others: a summary written as bullets (财务表现 - 营业收入136.79亿元… [2][3] - 利息净收入…, a
# results digest of U and Y) ends an item at a spaced dash between words or at its cited sources.
# (not a range of dates written with spaces: 2013年 - 2014年)
# (the bullet and citation ends alone: the quantity reader adds them to its own sentence marks)
_BULLET_END = (r"(?=[ \t])(?:(?<![ \t])[ \t]+(?:\[\d{1,3}\])+(?:[ \t]+-(?=[ \t]))?"
               r"|(?:(?<=[^\x00-\x7f年月日])|(?<=[\]%])) - (?=\S))")
BULLET_END = re.compile(_BULLET_END)
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]+|" + _BULLET_END)
# Why the spaces: headlines separate their parts with a space (营收322.96亿元 净利润172亿).
# (a comma between two rates, 分别增长10.3%,10.4%,10.9%, lists them: no clause ends there; nor a thousands
# separator, 29,792部、57,237部及1,319部 in a Hong Kong announcement)
_CLAUSE_END = re.compile(f"(?![，,](?<=[0-9][%％][，,])[0-9]{{1,6}}(?:\\.[0-9]{{1,4}})?[%％])"
                         "(?!,(?<=[0-9],)[0-9]{3}(?![0-9]))"
                         f"[{CLAUSE_ENDS}]"
                         r"|(?<=[^\x00-\x7f])[ \u3000\t]+(?=[^\x00-\x7f])"
                         # (a double dash sets off what follows: 以…的速度快速发展——2009年11月突破2000万人次)
                         r"|——")


# Why: a line that opens with one of these is an item of a list or a heading (二、, （一）, 1、, 2.), not
# the rest of the line before it; a top-level heading (二、) ends a section.
# (no leading spaces in the pattern: a caller skips them, and a search stays linear on a line of spaces)
LIST_MARK = re.compile(r"(?:[（(][一二三四五六七八九十0-9]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
                       r"|[0-9]{1,2}[、.．](?![0-9])|[①-⑳])[ \t\u3000]*")
SECTION_MARK = re.compile(r"^[ \t\u3000]*[一二三四五六七八九十]{1,3}、", re.M)

# Why: numbers joined only by these (6360.6亿、6211.9亿和2004.4亿元) form one list.
_LIST_GAP = re.compile(r"^[\s、，,和及与或至到/／]*$")


def is_list_gap(text: str) -> bool:
    """True when `text`, between two numbers, only joins them into a list."""
    return bool(_LIST_GAP.match(text))


class Piece(NamedTuple):
    """A half-open span [start, end) of the article text."""

    start: int
    end: int

    def text(self, full: str) -> str:
        return full[self.start:self.end]


def _spans(text: str, start: int, end: int, boundary: re.Pattern[str]) -> list[Piece]:
    pieces, cursor = [], start
    for m in boundary.finditer(text, start, end):
        if m.start() > cursor:
            pieces.append(Piece(*_trim(text, cursor, m.start())))
        cursor = m.end()
    if cursor < end:
        pieces.append(Piece(*_trim(text, cursor, end)))
    return [p for p in pieces if p.end > p.start]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding white space so a span starts and ends on a visible character."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Piece]:
    """Sentences in order; the closing mark is left out, white space trimmed."""
    return _spans(text, 0, len(text), _SENTENCE_END)


def split_clauses(text: str, sentence: Piece) -> list[Piece]:
    """Clauses of one sentence, in order."""
    return _spans(text, sentence.start, sentence.end, _CLAUSE_END)


def index_of(pieces: list[Piece], offset: int) -> int:
    """The index of the piece holding `offset` (or the last one that starts before it)."""
    lo, hi = 0, len(pieces) - 1
    found = -1
    while lo <= hi:
        mid = (lo + hi) // 2
        if pieces[mid].start <= offset:
            found, lo = mid, mid + 1
        else:
            hi = mid - 1
    return found


def is_han(ch: str) -> bool:
    """True for one CJK unified ideograph (False for "" and for punctuation)."""
    return len(ch) == 1 and "\u4e00" <= ch <= "\u9fff"


def piece_start(text: str, pos: int, marks: str) -> int:
    """Start of the piece of text (clause, sentence, paragraph) holding `pos`, read backwards
    from `pos` so that a long text costs nothing."""
    i = pos - 1
    while i >= 0 and text[i] not in marks:
        i -= 1
    return i + 1
