"""Peeling the words before a number: the words that open or close a clause without naming anything
(其中, 同比增长, one-character function words by jieba) and the places at its start, which are the
figure's subject (浙江省规模以上工业 -> 浙江省 | 规模以上工业; 宁波舟山港; 我国与东盟进出口 keeps its partner).
Split from window.py, whose patterns it reads."""
from __future__ import annotations

from functools import cache, lru_cache

import regex

from .. import words
from ..lexicon import confirmed, cues, match_place, opens_with_partner, place_names, place_pattern

_OPEN_QUOTES = frozenset("“「『\"")
_CLOSE_QUOTE = regex.compile(r"[”」』\"]")


def _measurable(text: str) -> bool:
    from .heads import measurable  # noqa: PLC0415  (heads reads the window, which reads this module)

    return measurable(text)


def patterns():
    from .window import patterns as window_patterns  # noqa: PLC0415  (window.py imports this module)

    return window_patterns()


@cache
def _single_words() -> tuple[frozenset[str], frozenset[str]]:
    m = cues()["metric"]
    status = cues()["status"]
    cues_ = list(status["weak"]) + list(status["strong"])
    lead = [w for w in list(m["lead_strip"]) + cues_ if len(w) == 1]
    tail = [w for w in list(m["tail_strip"]) + cues_ if len(w) == 1]
    return frozenset(lead), frozenset(tail)


@cache
def _change_verbs() -> frozenset[str]:
    return frozenset(cues()["metric"]["change_verbs"])


def without_lead_words(text: str) -> str:
    """The words that open a clause without naming anything dropped (而江苏 -> 江苏, 如德国 -> 德国)."""
    return strip_single(patterns()["lead"].sub("", text))


def strip_single(text: str) -> str:
    """Drop one-character function words at either end, when jieba sees them as words."""
    lead, tail = _single_words()
    if not text or (text[0] not in lead and text[-1] not in tail and len(text) < 6):
        return text  # nothing to drop: spare the segmenter
    ws = words.words(text)
    i, j = 0, len(ws)
    while i < j and ws[i][0] in lead:
        i += 1
    # trailing adverbs and particles (普遍, 已经, 甚至) end a clause, not a name
    while j > i + 1 and (ws[j - 1][0] in tail or ws[j - 1][1] in ("d", "ad", "ul", "uj", "y", "uz")):
        if ws[j - 2][0][-1:] + ws[j - 1][0] in _change_verbs():
            break  # 同比少|增: the character ends a change verb (少增, 多增), read after this
        j -= 1
    return "".join(w for w, _ in ws[i:j]) if (i, j) != (0, len(ws)) else text


def peel(text: str) -> tuple[str, str | None]:
    """Strip non-name words from both ends; return the rest and a leading place, if any."""
    return _peel(text, confirmed())


@lru_cache(maxsize=4096)
def _peel(text: str, _places: frozenset[str]) -> tuple[str, str | None]:
    # (_places: the article's confirmed county names, which match_place reads: part of the key)
    p = patterns()
    subject = None
    text = p["paren"].sub("", text)
    if (close := max(text.rfind(")"), text.rfind("）"))) >= 0 and "(" not in text[:close] and "（" not in text[:close] \
            and _measurable(text[close + 1:]):
        # 广东省(不含深圳)商业银行…, 对欧盟(27国,不含英国)进出口: a bracket opened before the window is no part
        # of the name after it (but 总销量(包含…50%权益的…销量)为88,348部: nothing named after it, keep its words)
        text = text[close + 1:]
    stripped = text.lstrip()
    if stripped[:1] in _OPEN_QUOTES and not (close := _CLOSE_QUOTE.search(stripped, 1)):
        text = stripped[1:]  # “我县前四月进出口增幅…: a quotation opens, no name is quoted
    elif stripped[:1] in _OPEN_QUOTES and match_place(stripped, close.end()):
        text = stripped[close.end():]  # “中华大粮仓”黑龙江粮食产量, “中国粮仓”河南省: the place's epithet
    joined = False
    for _ in range(8):
        before = text
        # 我国与东盟进出口, 广西与东盟双边贸易额: the trade with a partner is named with it (no lead word, no place)
        partner = opens_with_partner(text.lstrip())
        if not partner:
            text = p["lead"].sub("", text)
        if text != before:
            joined = False
        m = None if partner else match_place(text)
        if m:
            # places written together name one place (宁波舟山港); after 全省/全国 the
            # narrower body is meant (全省经开区 is about 经开区)
            broad = place_names().get(subject or "") in ("whole_region", "national")
            if joined and subject and place_names().get(m.group()) == "whole_region":
                pass  # 东莞全市: the whole of the place just named
            else:
                subject = subject + m.group() if joined and subject and not broad else m.group()
            # 泉州市区居民消费价格: 市区 is the city's urban area, part of what is measured (泉州市区, 嘉兴市区, 福州市區
            # in AJ, IM, KY, NP, SI and more; the gold's 市区居民消费价格), the place is the city
            urban = m.group().endswith("市") and text[m.end():m.end() + 1] in ("区", "區")
            text = text[m.end() - 1 if urban else m.end():]
            joined = True
            if text[:1] in "-—·" and place_pattern().match(text, 1):  # 宁波-舟山港
                subject += text[0]
                text = text[1:]
                continue
        text = p["streak"].sub("", p["tail"].sub("", text))
        if text == before:
            # the cheap patterns are done: now the one-character words, by jieba (once per round)
            # (a partner's mark is one character that stays: 与东盟…)
            at = len(text) - len(text.lstrip()) + 1 if partner else 0
            text = text[:at] + strip_single(text[at:])
            if text == before:
                break
    return text.strip(), subject


def peel_cache_clear() -> None:
    _peel.cache_clear()
