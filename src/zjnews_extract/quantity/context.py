"""Passes over the items of a text, in order, each linear in the number of items.

Ranges (400-500亿元), units carried back over lists (6360.6亿、2004.4亿元), money
context (110万亿、120万亿 … 140万亿元) and the sign of absolute changes (减少5家).
Growth or share of a rate is cues.py's.
"""
from __future__ import annotations

import bisect

import regex

from ..text import STATEMENT_ENDS
from .grammar import Lexicon
from .numerals import CN_DIGITS
from .reading import POINT_SCALES, Item
from .spacing import VERB_LOOK

_SENTENCE_END = regex.compile(f"[{regex.escape(STATEMENT_ENDS)}]")  # a rate's cue reaches back no further
_CLAUSE_BREAK = regex.compile("[，,；;]")


_RANGE_GAPS = {"-", "—", "——", "–", "~", "～", "到", "至", "－", "--", "―", "−", "—-", "~~"}


_DASHES = frozenset("-—–~～－―−")
_TILDES = frozenset("~～")  # a range's mark that is never a minus (-3%~-1%: the minus after it is the figure's)



def _is_range_gap(gap: str) -> bool:
    """至, 到 or a short run of dashes of any kind (1--—3月 as printed)."""
    return gap in _RANGE_GAPS or (0 < len(gap) <= 3 and _DASHES.issuperset(gap))


def _strip_gap(gap: str) -> str:
    return gap.replace("(含)", "").replace("（含）", "").replace(" ", "").replace("从", "")


def ranges(items, text: str, lex: Lexicon | None = None) -> None:
    """400-500亿元, 1万(含)-5万元, 两到三万港元: low over, high under, scale and unit carried back."""
    for a, b in zip(items, items[1:]):
        if a.kind in ("rank", "streak") or b.kind in ("rank", "streak"):
            continue
        if a.kind == "time" and b.kind != "time":
            continue  # 一季度-27.1%: a quarter, then its own signed rate, no range from 1
        if a.unit is not None and b.unit is not None and a.unit != b.unit:
            continue  # 增长4.4个百分点至47.1万亿元: two different quantities
        if a.unit == "%" and b.unit is None and b.scale >= 1e4 > a.scale:
            continue  # 按月跌3.2%至1,554億: a rate, then the level it came to (its unit said once, earlier)
        if b.sign_start >= 0:
            if text[b.sign_start - 1:b.sign_start].isspace() and text[a.end:b.sign_start].strip() == "" \
                    and b.sign_start > a.end:
                continue  # -0.5 -0.3 -1.1 (cells apart): a space before the minus and none after is a sign
            gap = _strip_gap(text[a.end:b.sign_start])
            if gap and not _is_range_gap(gap):
                continue
            if a.unit is None and b.unit in (None, "%") and b.scale == 1 and abs(a.value) > abs(b.value):
                continue  # 3-0: a score; 2,071,488,667.07-7.25%: a figure, then a signed rate run on to it
            if not gap or _DASHES.issuperset(gap) and not set(gap) & _TILDES:
                # 400-500亿元: the dash is the range's, no sign; after 至, 到 or ~ it is one (-66.55%至-57.26%,
                # 亏损-5415万元至-3415万元: both ends below zero)
                b.start = b.sign_start + 1
                b.value = abs(b.value)
                b.explicit_sign = False
        else:
            raw = text[a.end:b.start]
            if raw[:1].isspace() and raw[-1:].isspace() and a.unit is None and b.unit is None and raw.strip() in _DASHES:
                continue  # 亿元 - 1.5 - 11.4: a spaced row's blank cell between two bare figures, no range
            gap = _strip_gap(raw)
            if gap in ("与", "與", "和") and b.unit_surface in ("间", "間") and a.unit is None:
                _drop_unit(b)  # 10000与20000间: 间 is "between" here, not the measure word for rooms
                b.end -= 1
            if not _is_range_gap(gap) and not (gap in ("与", "與", "和") and text.startswith(("之间", "间", "之間", "間"), b.end)):
                continue
            if a.unit is None and b.unit in (None, "%") and b.scale == 1 and abs(a.value) > abs(b.value):
                if raw in _DASHES and b.kind in ("percent", "growth") and not b.explicit_sign:
                    # 2,071,488,667.07-7.25%: a figure, then a rate run on to it, its minus a sign
                    b.start -= 1
                    b.value, b.explicit_sign = -abs(b.value), True
                continue  # 10比3, 5到2: not a range
        # 400-500亿元 and 七千到九千亿元 carry the scale back; 从8500到3万 does not (8500万 > 3万)
        if (a.unit is None and b.scale > a.scale and a.scale < 1e4
                and abs(a.value) * b.scale < abs(b.value) * 0.9999999):  # 一到一百块 stays 1 to 100
            a.value *= b.scale
            a.scale = b.scale
        if (lex is not None and b.unit == "倍" and b.kind == "value" and a.kind == "number"
                and lex.multiple_before.search(text, max(0, a.start - VERB_LOOK), a.start)):
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


def _drop_unit(it: Item) -> None:
    it.kind, it.unit, it.category, it.unit_surface = "number", None, None, ""


def take_unit(a: Item, b: Item) -> None:
    if b.category in POINT_SCALES and a.category != b.category:
        a.value /= POINT_SCALES[b.category]  # 5~10BP, 5个和10个基点, 0.2和0.5个千分点: the low end counts them too
    a.kind, a.unit, a.category, a.unit_surface = b.kind, b.unit, b.category, b.unit_surface
    a.fixed_kind = b.fixed_kind
    if b.kind in ("growth", "pp", "value") and b.category in ("pp", *POINT_SCALES) and b.value < 0 < a.value:
        a.value = -a.value
    a.bare_ok = True


_LIST_GAPS = {"、", "和", "及", "与", "與", "或", "，和", "以及", "/", "／"}  # 3.4/3.8元: a broker note's list


def _in_scale(a: Item, text: str) -> bool:
    """A bare list item counted in the last item's scale: under 10,000, or with decimals (14899.9、
    14292.1和607.8万美元: nobody writes a full amount to a tenth beside one in 万)."""
    return abs(a.value) < 1e4 or ("." in text[a.start:a.end] and abs(a.value) < 1e6)


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
            if b.scale > 1 and a.scale == 1 and _in_scale(a, text):
                a.value *= b.scale  # 17.49、4.34、62.68万吨, 3.2和4.5亿元: the scale is written once too
                a.scale = b.scale
        elif a.unit_surface and b.unit_surface.startswith(a.unit_surface) and b.unit_surface != a.unit_surface \
                and b.kind != a.kind:
            # 2.2个 … 1.7个百分点: a measure word that was the start of the last one's unit; not a unit of
            # its own kind (24988.40万吨、202.59亿吨公里: tons and ton-kilometres)
            take_unit(a, b)
        elif a.kind == "growth" and a.unit_surface == "倍" and b.kind == "value" and b.unit == "倍":
            b.kind, b.unit, b.value, b.fixed_kind = "growth", "%", b.value * 100, True  # 增长2.92倍及9.79倍


def currency_notes(items, text: str, lex: Lexicon) -> None:
    """2555.6億元(新台幣,下同)…5000億元: the note's currency holds for the amount before it and the 元 after.
    A note after an amount with no unit (4,022億(澳門元,下同)…升4%至590億) makes it and the unitless 億 amounts
    after it money: the page writes its currency once and then drops it."""
    notes = list(lex.currency_note.finditer(text))
    if not notes:
        return
    starts = [it.start for it in items]
    for k, note in enumerate(notes):
        code = lex.currency_names[note.group("cur")]
        until = notes[k + 1].start() if k + 1 < len(notes) else len(text)
        i = bisect.bisect_left(starts, note.start()) - 1
        if i < 0 or items[i].end != note.start():
            continue  # a note only counts right after an amount
        bare = _unitless_large(items[i])
        for it in items[i:]:
            if it.start >= until:
                break
            if it.category == "currency" and it.unit == "CNY" and it.unit_surface in ("元", "圆"):
                it.unit = code
            elif bare and _unitless_large(it):
                it.kind, it.unit, it.category = "value", code, "currency"


def _unitless_large(item) -> bool:
    """An amount of 亿 scale or more with no unit (909億): money when the page has said which money."""
    return item.kind == "number" and item.unit is None and item.scale >= 1e8


def hong_kong_dollars(items, text: str, lex: Lexicon) -> None:
    """每股3仙 … 中期盈利350萬元: a page that counts Hong Kong cents (仙, 港仙) is written in Hong Kong, where a bare
    元 is the Hong Kong dollar, unless the page names renminbi anywhere (a CNY prefix: 人民幣, RMB, ￥); an amount
    a currency note fixed (currency_notes, run before) is no longer CNY here."""
    cents = {w for w, (_, code) in lex.currency_small.items() if code == "HKD"}
    if not any(it.unit == "HKD" and it.unit_surface in cents for it in items):
        return
    if any(w in text for w, code in lex.currency_prefix.items() if code == "CNY"):
        return
    for it in items:
        if it.category == "currency" and it.unit == "CNY" and it.unit_surface in ("元", "圆"):
            it.unit = "HKD"


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
            after = text[it.end:it.end + 8]
            after = after[1:] if after.startswith("的") else after
            if any(w in before for w in lex.money_words_close) and not any(w in before for w in lex.money_words_not):
                it.kind, it.unit, it.category = "value", "CNY", "currency"
            elif any(_opens_with_money(after, w) for w in lex.money_words_close) \
                    and not any(w in before or after.startswith(w) for w in lex.money_words_not):
                it.kind, it.unit, it.category = "value", "CNY", "currency"  # 以512.55亿的旅游收入, 2.4万亿市值
            else:
                head = lex.level_links.sub("", before)  # 旅客人次达到1.2亿: look past the verb
                for w, unit in lex.people_close.items():
                    if head.endswith(w):
                        it.kind, it.unit, it.category = "value", unit, "measure"  # 常住人口1250万: people
                        break


def _opens_with_money(after: str, word: str) -> bool:
    """The words right after an amount name money: the money word itself, or a short modifier and
    then it (旅游收入 after 512.55亿的), inside the clause."""
    at = after.find(word)
    return 0 <= at <= 2 and not _CLAUSE_BREAK.search(after, 0, at)


def _is_digit_start(text: str, it: Item) -> bool:
    return any(c.isdigit() or c in CN_DIGITS for c in text[it.start:it.end])


def changes(items, text: str, lex: Lexicon) -> None:
    """增加14家 / 减少5家: an absolute change takes the sign of the verb right before it, and so does
    its restatement in brackets right after it (减少97.5万公顷(1462万亩))."""
    lowered = None  # the last item a verb made negative
    for it in items:
        if it.kind != "value" or it.explicit_sign:
            continue
        if lowered is not None and text[lowered.end:it.start] in ("(", "（"):
            it.value = -abs(it.value)
            lowered = it
            continue
        m = lex.change_before.search(text, max(0, it.start - VERB_LOOK), it.start)
        if m and text.endswith(lex.adjacent_nouns, max(0, m.end() - 2), m.end()):
            m = None  # 运输起降4.9万架次: a noun that ends in the verb's character
        if m:
            verb = m.group("verb")
            sign = lex.cues.get(verb) or lex.adjacent.get(verb)
            if sign == "-":
                it.value = -abs(it.value)
                lowered = it
