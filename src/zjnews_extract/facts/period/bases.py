"""Whether a period mention is a comparison base (较2020年, 与一季度相比, 去年同期), never the
period of a number: the words around it (data/periods.toml base_before, base_after) decide."""
from __future__ import annotations

import regex

from functools import cache

from .grammar import base_patterns, far_base, lexicon
from ..lexicon import alternation


@cache
def _listed_base() -> regex.Pattern:
    """比 <a time>、 right before a mention: the list of bases goes on (比上半年、前三季度; 比2020年和2021年两年同期:
    PH's electronics release, where 2021年 had dated the 3月份 after it)."""
    words = lexicon()["words"]
    listing = [w for w in words["base_before"] if w not in words["base_not_listing"]]
    # a month or a span of months in figures (比1-6月、1-3月; 比前6月、前3月: DC's and CA's investment reports,
    # where the second base had dated the clauses after it)
    months = r"(?:(?:19|20)\d{2}年)?(?:前|1\s?[-—–~－至])?\d{1,2}(?:个)?月份?"
    return regex.compile(rf"(?:{alternation(words['base_before'])})(?:[^，,。；;、\d]{{1,8}}|{months})[、和及]$"
                         rf"|(?:{alternation(listing)})(?:19|20)\d{{2}}年[^，,。；;、\d]{{0,6}}[、和及]$")


@cache
def _from_figure() -> tuple[regex.Pattern, regex.Pattern]:
    """从 right before a mention, and the mention's own figure right after it (的 or 末 between)."""
    words = lexicon()["words"]
    marks = alternation(words["base_before_if_figure"])
    return (regex.compile(rf"(?:{marks})\s*$|^(?:{marks})"),
            regex.compile(r"(?:末|底)?(?:的)?\s{0,2}[-+−]?\d"))


def from_with_figure(text: str, start: int, end: int) -> bool:
    """从2010年9.0:55.9:35.1调整为…: 从 at or right before a time, the time's own figure right after it."""
    opens, figure = _from_figure()
    return figure.match(text, end) is not None and (opens.search(text[max(0, start - 4):start]) is not None
                                                     or opens.match(text[start:end]) is not None)


def comparison_base(text: str, m: regex.Match) -> tuple[bool, int, int]:
    """Is this mention a comparison base (较2020年, 与一季度相比, 去年同期)? With the span to report."""
    before, before_if_after, after = base_patterns()
    head = text[max(0, m.start() - 4):m.start()]
    tail_match = after.match(text, m.end(), min(len(text), m.end() + 8))
    b = before.search(head)
    if b is None and (wide := before.search(text, max(0, m.start() - 12), m.start())) is not None:
        head = text[wide.start():m.start()]  # 对比疫情前的2019年: the base year's description between
        b = before.search(head)
    if b is None and from_with_figure(text, m.start(), m.end()):
        # 从2010年9.0:55.9:35.1调整为…: the start of a change (the mention may hold its 从)
        f = _from_figure()[0].search(head)
        return True, m.start() - (len(head) - f.start()) if f else m.start(), m.end()
    if b is None and tail_match is None and (listed := _listed_base().search(text, max(0, m.start() - 12), m.start())):
        return True, listed.start(), m.end()  # 比上半年、前三季度收窄…: the next base of a list of them
    if b is None and tail_match is not None:
        b = before_if_after.search(head)
    if b is None and tail_match is None and (joined := _joined_base_after(text, m.end())) \
            and (j := before_if_after.search(head)) is not None:
        return True, m.start() - (len(head) - j.start()), m.end() + len(joined)  # 与去年同比增长14.6%
    if b is None and tail_match is None and (far := far_base().match(text, m.end(), min(len(text), m.end() + 30))):
        # 与2018年国庆假期全国各省份旅游收入的情况相比: 与 … 相比 around a longer phrase
        b = before_if_after.search(head)
        if b is not None:
            tail_match = far
    if b is None and tail_match is None and (ratio := _ratio_of().match(text, m.end(), min(len(text), m.end() + 24))) \
            and (r := _ratio_before().search(head)) is not None:
        return True, m.start() - (len(head) - r.start()), ratio.end()  # 是2018年全年投放量的1.58倍
    if b is None and tail_match is None:
        return False, m.start(), m.end()
    start = m.start() - (len(head) - b.start()) if b is not None else m.start()
    end = tail_match.end() if tail_match is not None else m.end()
    return True, start, end


def ratio_base(text: str, start: int, end: int) -> bool:
    """是2023年的5.66倍, 是2018年全年投放量的1.58倍: the time is the base of a multiple or share stated
    now; the figure after its 的 is that ratio, not the time's own value."""
    return _ratio_before().search(text, max(0, start - _RATIO_BEFORE_LOOK), start) is not None \
        and _ratio_of().match(text, end, min(len(text), end + 24)) is not None


# how far before a time its 是 may stand: one quoted plan name may come between (是“十二五”“十三五”期间增量的…)
_RATIO_BEFORE_LOOK = 10


@cache
def _ratio_before() -> regex.Pattern:
    return regex.compile(rf"(?:{alternation(lexicon()['words']['base_before_if_ratio'])})"
                         r"(?:[“\"][一二三四五六七八九十]{2,3}五[”\"])?\s*[“\"]?$")


@cache
def _ratio_of() -> regex.Pattern:
    """The rest of the base's name, then 的 and the ratio's figure (全年投放量的1.58倍, 水平的84%)."""
    return regex.compile(rf"[^，,。；;！？!?\n\d]{{0,{_BASE_NAME_MAX}}}?的\s?(?:\d[\d.]*|[一二两三四五六七八九十]{{1,2}})\s?(?:倍|%|％)")


# Why: the rest of a base's name after its time is a short noun phrase (2019年绿色金融改革创新试验区创建之初的5.4倍:
# EA's 重庆 credit report), never a clause.
_BASE_NAME_MAX = 20


def _joined_base_after(text: str, end: int) -> str:
    """同比 right after a time that 与 opened: the word, else ""."""
    return next((w for w in lexicon()["words"]["base_after_joined"] if text.startswith(w, end)), "")


_FIGURE = regex.compile(r"\d")
_CLAUSE_END = regex.compile(r"[，,；;。！？!?]")


def figure_clause_end(text: str, start: int, end: int) -> int:
    """Where the clause of the first figure after `start` ends (与2001年相比,增长14.3倍; not the next
    clause's 进口…增长1.3倍 after 较2012年增长81.7%;), at most `end`."""
    digit = _FIGURE.search(text, start, end)
    if digit is None:
        return end
    stop = _CLAUSE_END.search(text, digit.start(), end)
    return stop.start() if stop else end
