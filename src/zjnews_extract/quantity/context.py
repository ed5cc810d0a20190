"""Passes over the items of a text, in order, each linear in the number of items.

Ranges (400-500亿元), units carried back over lists (6360.6亿、2004.4亿元), money
context (110万亿、120万亿 … 140万亿元), the sign of absolute changes (减少5家), and
the nearest cue before a percentage deciding growth or share and its sign
(下降2.1% -> -2.1).
"""
from __future__ import annotations

import bisect

import regex

from .grammar import Lexicon
from .numerals import CN_DIGITS
from .reading import Item

_SENTENCE_END = regex.compile(r"[。！？!?；;\n]")


def cue_kind(items, text: str, lex: Lexicon) -> None:
    """Growth or share, and the sign, for % and pp from the nearest cue before them."""
    targets = [it for it in items if it.kind in ("percent", "pp") and not it.fixed_kind]
    if not targets:
        return
    cues = [(c.end(), c.start(), lex.cues[c.group()]) for c in lex.cue_pattern.finditer(text)]
    ends = [c[0] for c in cues]
    bounds = [b.start() for b in _SENTENCE_END.finditer(text)]
    for it in targets:
        sentence_start = 0
        bi = bisect.bisect_left(bounds, it.start) - 1
        if bi >= 0:
            sentence_start = bounds[bi] + 1
        kind_found = sign_found = None
        near = text[max(sentence_start, it.start - 3):it.start].rstrip("了")
        if near and near[-1] in lex.adjacent:
            kind_found = sign_found = lex.adjacent[near[-1]]
        if _opens_clause_as_subject(text, it):
            continue  # 订单增加，超八成企业满意: a rate that opens its clause and is followed by a noun is a share
        # 恢复至疫情前的120%: after 的, a change verb in an earlier clause does not make it a change
        after_de = it.kind == "percent" and it.start > 0 and text[it.start - 1] == "的"
        if kind_found is None and text.endswith(_PP_THEN_LEVEL, max(0, it.start - 5), it.start):
            kind_found = sign_found = "level"  # 下降0.3个百分点至5.0%: the rate reached, not a change
        ci = bisect.bisect_right(ends, it.start) - 1
        stop = ci - _CUE_LOOKBACK  # a bounded walk keeps a sentence of a thousand rates linear
        reached = near.endswith(lex.level_before)
        while ci >= 0 and ci > stop and (kind_found in (None, "level") or sign_found is None):
            end, cstart, ctype = cues[ci]
            if cstart < sentence_start:
                break
            if reached and kind_found is None and _names_own_level(text, end, it, lex):
                break  # 能力提升，研发经费投入强度达到3.3%: the change is another clause's; this is a level
            if ctype in "+-" and text[end:end + 1] in ("至", "到"):
                ctype = "level"  # 下调至1%: the verb reaches a level
            if after_de and ctype in "+-":
                break
            if kind_found == "level" and ctype in "0-" and text[cstart:end] in _RATE_NOUNS:
                kind_found = "0"  # 增速回升至5%: the level reached is a growth rate
                if ctype == "-":
                    sign_found = "-"  # 降幅收窄至2.3%: a rate of decline
            if kind_found is None and ctype != "cmp":
                kind_found = ctype
            if sign_found is None and ctype != "0":
                sign_found = ctype
            if ctype == "share" and kind_found == "level":
                break  # 占比提高到35%: a share's level
            ci -= 1
        if it.kind == "percent" and kind_found in ("+", "-", "0"):
            it.kind = "growth"
        if it.kind in ("growth", "pp") and sign_found == "-" and not it.explicit_sign:
            it.value = -abs(it.value)


_CLAUSE_BREAKS = frozenset("，,；;")
_RATE_NOUNS = frozenset(("增速", "增幅", "增长率", "增長率", "涨幅", "漲幅", "降幅", "跌幅"))  # rates of change by name
_LINK_VERB_TAIL = regex.compile(r"(?:达到|達到|达|達|为|為|约|約|超过|超過|超|突破|接近|近|已)+\Z")
_PP_THEN_LEVEL = ("百分点至", "百分点到", "百分點至", "百分點到")
_CLAUSE_BREAK = regex.compile("[，,；;]")
_HAN = regex.compile(r"\p{Han}")


def _names_own_level(text: str, cue_end: int, it: "Item", lex: Lexicon) -> bool:
    """A rate after 达到/为 in a later clause than the change cue, whose clause names a
    thing of its own (…提升，研发经费投入强度达到3.3%): a level. With no name of its own
    (…高速增长，分别达103.4%) the clause goes on with the cue's change."""
    breaks = list(_CLAUSE_BREAK.finditer(text, cue_end, it.start))
    if not breaks:
        return False
    own = text[breaks[-1].end():it.start]
    for w in sorted(lex.level_before, key=len, reverse=True):
        if own.endswith(w):
            own = own[:-len(w)]
            break
    return len(_HAN.findall(own.replace("分别", "").replace("同比", ""))) >= 2
_LIST_AFTER = frozenset("和与與及或、至到")


def _opens_clause_as_subject(text: str, it: "Item") -> bool:
    """超八成企业 right after a comma: the rate is the subject of a new clause, not a verb's object."""
    if it.start == 0 or text[it.start - 1] not in _CLAUSE_BREAKS or it.end >= len(text):
        return False
    nxt = text[it.end]
    return bool(_HAN.match(nxt)) and nxt not in _LIST_AFTER


_CUE_LOOKBACK = 12  # cues looked at before a rate; the deciding one is nearly always the first or second

_RANGE_GAPS = {"-", "—", "——", "–", "~", "～", "到", "至", "－", "--", "―", "−", "—-", "~~"}


def _strip_gap(gap: str) -> str:
    return gap.replace("(含)", "").replace("（含）", "").replace(" ", "").replace("从", "")


def ranges(items, text: str, lex: Lexicon | None = None) -> None:
    """400-500亿元, 1万(含)-5万元, 两到三万港元: low over, high under, scale and unit carried back."""
    for a, b in zip(items, items[1:]):
        if a.kind in ("rank", "streak") or b.kind in ("rank", "streak"):
            continue
        if a.unit is not None and b.unit is not None and a.unit != b.unit:
            continue  # 增长4.4个百分点至47.1万亿元: two different quantities
        if b.sign_start >= 0:
            gap = _strip_gap(text[a.end:b.sign_start])
            if gap and gap not in _RANGE_GAPS:
                continue
            if b.unit is None and a.unit is None and b.scale == 1 and abs(a.value) > abs(b.value):
                continue  # 3-0: a score, not a range
            b.start = b.sign_start + 1
            b.value = abs(b.value)
            b.explicit_sign = False
        else:
            gap = _strip_gap(text[a.end:b.start])
            if gap not in _RANGE_GAPS and not (gap in ("与", "與", "和") and text.startswith(("之间", "间", "之間"), b.end)):
                continue
            if b.unit is None and a.unit is None and b.scale == 1 and abs(a.value) > abs(b.value):
                continue  # 10比3, 5到2: not a range
        # 400-500亿元 and 七千到九千亿元 carry the scale back; 从8500到3万 does not (8500万 > 3万)
        if (a.unit is None and b.scale > a.scale and a.scale < 1e4
                and abs(a.value) * b.scale < abs(b.value) * 0.9999999):  # 一到一百块 stays 1 to 100
            a.value *= b.scale
            a.scale = b.scale
        if (lex is not None and b.unit == "倍" and b.kind == "value" and a.kind == "number"
                and lex.multiple_before.search(text, max(0, a.start - 4), a.start)):
            for x in (a, b):  # 增长1-2倍: the verb before the low end makes both ends growth
                x.kind, x.unit, x.value, x.fixed_kind = "growth", "%", x.value * 100, True
        if a.unit is None and a.kind == "number" and b.kind != "number":
            take_unit(a, b)
            if b.category == "cheng":
                a.value *= 10  # 一至两成: the low end counts tenths too
            elif b.kind == "growth" and b.unit_surface == "倍" and a.unit_surface != "倍":
                a.value *= 100  # 增长一到两倍 with the verb next to the high end
        elif b.unit is None and b.kind == "number" and a.kind == "percent":
            take_unit(b, a)  # 百分之三十到四十一: the % is written first
        elif b.unit is None and b.kind == "number" and a.category == "currency" and not a.unit_surface:
            take_unit(b, a)  # $100-500, €5-10: the currency sign is written once, before the low end
        a.bare_ok = b.bare_ok = True  # a range is numeric context for both ends
        if a.qualifier == "exact":
            a.qualifier = "over"
        if b.qualifier == "exact":
            b.qualifier = "under"


def take_unit(a: Item, b: Item) -> None:
    a.kind, a.unit, a.category, a.unit_surface = b.kind, b.unit, b.category, b.unit_surface
    a.fixed_kind = b.fixed_kind
    if b.kind in ("growth", "pp", "value") and b.category in ("pp",) and b.value < 0 < a.value:
        a.value = -a.value
    a.bare_ok = True


_LIST_GAPS = {"、", "和", "及", "与", "與", "或", "，和", "以及"}


def lists(items, text: str) -> None:
    """6360.6亿、6211.9亿、2004.4亿元 and 2.2个和1.7个百分点: the last unit applies to all."""
    for i in range(len(items) - 2, -1, -1):
        a, b = items[i], items[i + 1]
        if text[a.end:b.start] not in _LIST_GAPS:
            continue
        if a.kind == "number" and a.unit is None and b.kind in ("value", "percent", "growth", "pp", "time"):
            if not a.bare_ok and a.end - a.start == 1:
                continue  # 队伍、近3000名: a numeral character that ends a word is no list member
            take_unit(a, b)
        elif a.unit_surface and b.unit_surface.startswith(a.unit_surface) and b.unit_surface != a.unit_surface:
            take_unit(a, b)  # 2.2个 … 1.7个百分点


def money_context(items, text: str, lex: Lexicon) -> None:
    """110万亿、120万亿 … 140万亿元: unitless 亿-scale amounts in a money sentence are money."""
    bounds = [b.start() for b in _SENTENCE_END.finditer(text)]

    def sentence(pos):
        return bisect.bisect_left(bounds, pos)

    money_by_sentence: dict[int, str] = {}
    for it in items:
        if it.kind == "value" and it.category == "currency":
            money_by_sentence.setdefault(sentence(it.start), it.unit)
    for it in items:
        if it.kind != "number" or it.unit is not None:
            continue
        code = money_by_sentence.get(sentence(it.start))
        if code and it.scale >= 1e8:
            it.kind, it.unit, it.category = "value", code, "currency"
        elif it.scale >= 100 and not _is_digit_start(text, it):
            before = text[max(0, it.start - 10):it.start]
            if any(w in before for w in lex.money_words):
                it.kind, it.unit, it.category = "value", "CNY", "currency"  # 产值超百亿
        elif it.scale >= 1e4:
            # 营收12亿, 净利润3000万: a 万/亿 amount right after a money metric in its own clause
            before = _CLAUSE_BREAK.split(text[max(0, it.start - 8):it.start])[-1]
            if any(w in before for w in lex.money_words_close) and not any(w in before for w in lex.money_words_not):
                it.kind, it.unit, it.category = "value", "CNY", "currency"
            else:
                head = _LINK_VERB_TAIL.sub("", before)  # 旅客人次达到1.2亿: look past the verb
                for w, unit in lex.people_close.items():
                    if head.endswith(w):
                        it.kind, it.unit, it.category = "value", unit, "measure"  # 常住人口1250万: people
                        break


def _is_digit_start(text: str, it: Item) -> bool:
    return any(c.isdigit() or c in CN_DIGITS for c in text[it.start:it.end])


def changes(items, text: str, lex: Lexicon) -> None:
    """增加14家 / 减少5家: an absolute change takes the sign of the verb right before it."""
    for it in items:
        if it.kind != "value" or it.explicit_sign:
            continue
        m = lex.change_before.search(text, max(0, it.start - 4), it.start)
        if m:
            verb = m.group("verb")
            sign = lex.cues.get(verb) or lex.adjacent.get(verb)
            if sign == "-":
                it.value = -abs(it.value)
