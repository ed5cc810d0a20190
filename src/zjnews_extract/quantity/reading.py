"""One grammar match -> one item: its value, unit, kind and qualifier.

Units and currencies come from the lexicon (grammar.py); fractions, 成, 倍, money
written as 三块五, and numerals that are part of a word (一切, 四川, iPhone4) are
decided here, one match at a time.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .durations import measures_time
from .grammar import Lexicon
from .numerals import CN_BIG, CN_DIGITS, arabic_value, parse_numeral
from .scan import groups_of
from .spacing import VERB_LOOK, loose_spaced_unit

_PER_SHARE_LOOK = 12  # how far back a per-share phrase may lead to a 分 (每股基本及摊薄盈利)

_BARE_SCALES = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, **CN_BIG}
_HAN = regex.compile(r"\p{Han}")
_FINANCIAL = set("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
_CONJ = set("和与與及或到至、")
_UNIT_PREFIX_SCALES = {"千": 1000.0, "百": 100.0}  # a scale character that may begin a unit (千公顷)
_LONE_SCALES = {"百", "佰", "千", "仟", "万", "萬", "亿", "億"}


@dataclass
class Item:
    start: int
    end: int
    kind: str
    value: float
    unit: str | None
    qualifier: str = "exact"
    category: str | None = None  # unit category from the lexicon
    unit_surface: str = ""
    scale: float = 1.0  # trailing 万/亿 (or 3百), carried to the low end of a range
    explicit_sign: bool = False
    sign_start: int = -1  # where a leading '-' sits, for 1万-5万元
    bare_ok: bool = True  # a unitless numeral that may stand on its own
    fixed_kind: bool = False  # rank / streak / growth already decided
    lead: int = 0  # characters of a stressing word (高达) that the passes see but the span leaves out


def _qual(table: dict, word: str | None) -> str | None:
    if not word:
        return None
    word = word.strip(" ").rstrip("了")
    if word.startswith(("(", "（")):
        word = word[3:]
    return table.get(word)


def _trailing_scale(num_text: str, tail: str | None) -> float:
    """Scale written at the end of a numeral (400-500亿元 gives 亿 to 400)."""
    s = 1.0
    body = (num_text or "") + (tail or "").strip()
    i = len(body)
    while i > 0 and body[i - 1] in CN_BIG:
        i -= 1
    for c in body[i:]:
        s *= CN_BIG[c]
    if s == 1.0 and len(body) == 2 and body[1] in "百佰千仟" and (body[0] in CN_DIGITS or body[0].isdigit()):
        s = _BARE_SCALES[body[1]]  # 3百, 三仟: the unit is the scale
    return s


def _is_chinese_only(s: str) -> bool:
    return not any(c.isdigit() for c in s)


def _number_value(g) -> tuple[float | tuple | None, str]:
    """Value of the numeral core of a q-match (its groups, `groups_of`), and a tag for how it was written."""
    if g.pct:
        if g.pct.startswith("三位"):
            return 100.0, "pct"  # 三位数增长: 100% or more
        if "位" in g.pct:
            return 10.0, "pct"  # 两位数增长: 10% or more
        return {"百分百": 100.0, "半成": 5.0, "一半": 50.0, "半数": 50.0}.get(g.pct, 50.0), "pct"  # 过半(数): 50
    if g.halfcore:
        return 0.5, "half"
    num_text = g.num
    if num_text is None:
        bare = g.bare
        if g.bfnum is not None:
            return _negated(_fraction(bare, g.bfnum, None), g.fneg)
        v = 1.0
        for c in bare:
            v *= _BARE_SCALES[c]
        return v, "bare"
    if g.fnum is not None:
        return _negated(_fraction(num_text, g.fnum, None), g.fneg)
    if g.fw_num is not None:
        return _fraction(g.fw_den, g.fw_num, num_text)
    if g.sden is not None or g.sw_num is not None:
        if g.sden is not None:
            whole, top, bottom = None, num_text, g.sden
        else:
            whole, top, bottom = num_text, g.sw_num, g.sw_den
        if not all(c.isdigit() for c in (whole or "") + top) or top.startswith(("0", "０")):
            return None, "bad"  # 01/21 is a date; 三/5 is not a fraction
        den = arabic_value(bottom)
        if not den:
            return None, "bad"
        return (arabic_value(whole) if whole else 0.0) + arabic_value(top) / den, "fraction"
    return parse_numeral(num_text), "num"


def _negated(result, neg: str | None):
    """百分之负五: a sign written after 分之 belongs to the value."""
    value, how = result
    return (-value if neg and isinstance(value, float) else value), how


def _fraction(den_text: str, num_text: str, whole_text: str | None):
    """A分之B is B/A; 百分之/千分之/万分之 with no digit before are percentages."""
    num = parse_numeral(num_text)
    if not isinstance(num, float):
        return None, "bad"
    if den_text[0] in "百佰千仟万萬" and all(c in _BARE_SCALES for c in den_text) and whole_text is None:
        den = 1.0
        for c in den_text:
            den *= _BARE_SCALES[c]
        return num * 100.0 / den, "pct"  # 百分之十二, 千分之二点四
    den = parse_numeral(den_text)
    whole = parse_numeral(whole_text) if whole_text else 0.0
    if not isinstance(den, float) or not den or not isinstance(whole, float):
        return None, "bad"
    return whole + num / den, "fraction"


# Points smaller than a percentage point, and how many make one: basis points (10个基点 is 0.1 pp) and
# per-mille points (0.66个千分点 is 0.066 pp)
POINT_SCALES = {"bp": 100, "per_mille_points": 10}


def item_from_match(m, text: str, lex: Lexicon, override: float | None = None, g=None):
    if g is None:
        g = groups_of(m)
    value, how = _number_value(g)
    if override is not None:
        value = override
    if value is None or how == "bad":
        return None
    if g.qiang:
        if how != "num" or not isinstance(value, float) or value != int(value) or value <= 0:
            return None
        return Item(m.start(), m.start("qiang") + 1, "rank", value, None, "under", category="rank",
                     fixed_kind=True)
    pre = g.pre
    pre_q = _qual(lex.qual_before, pre)
    inside = pre and next((w for w in lex.qualifier_inside if text.startswith(w, m.end("pre") - len(w))
                           and not text.endswith(lex.qualifier_inside_not_after, 0, m.end("pre") - len(w))), None)
    if inside:
        pre, pre_q = None, None  # 总出超1571亿美元: 超 ends the noun 出超 (trade surplus); it qualifies nothing
    qualifier = pre_q if pre_q in ("over", "under", "approx") else None
    if how == "bare" and not (pre or g.mid):
        return None  # 万元国内生产总值: 万 alone is not a number
    if how == "bare" and pre and pre_q is None:
        return None
    mid = g.mid
    if mid and mid != "个":
        qualifier = qualifier or lex.qual_between.get(mid)
    tail = g.tail
    tail_scale = 1.0
    if tail:
        for c in tail.strip():
            tail_scale *= CN_BIG[c]
    num_text = (g.num or g.bare or "") if how in ("num", "bare") else ""
    scale = _trailing_scale(num_text, tail) if how in ("num", "bare") else 1.0

    unit_text = g.unit
    category, unit = (None, None)
    start, end = (m.end("pre") if inside else m.start()), m.end()

    if unit_text and (text.startswith(lex.not_units, m.start("unit")) or loose_spaced_unit(text, m, pre, start)):
        unit_text = None  # 130万亿台阶: 台 begins a noun; 1 本年度报告, 减少 0.52 个 -0.96: spaced words, no unit
        end = m.start("unit")
        while end > start and text[end - 1] == " ":
            end -= 1
    if unit_text and len(num_text) == 1 and num_text in _FINANCIAL and start > 0 and _HAN.match(text[start - 1]):
        return None  # 登陆部队, 拾起: a financial numeral glued to a word is that word
    if unit_text and num_text[-1:] in _UNIT_PREFIX_SCALES and num_text[-1] + unit_text in lex.unit_kind \
            and isinstance(value, float) and num_text[-2:-1].isdigit():
        # 26703千公顷: 千公顷 is the statistics' own unit, not 千 x 公顷 (as 千瓦 is no 千 x 瓦); in
        # Chinese numerals 两千米 stays two thousand metres
        value /= _UNIT_PREFIX_SCALES[num_text[-1]]
        unit_text = num_text[-1] + unit_text
    if unit_text:
        base = unit_text[0] if unit_text.startswith("成") and unit_text not in lex.unit_kind else unit_text
        category, unit = lex.unit_kind.get(base) or lex.unit_kind.get(base.lower(), (None, None))
        if num_text in _LONE_SCALES and not (pre or g.mid):
            return None  # 百度, 千家万户: a scale character alone starts a word, not a number
        if (unit_text == "角" and len(num_text) == 1 and num_text in CN_DIGITS
                and start > 0 and _HAN.match(text[start - 1]) and not g.mt):
            return None  # 珠三角: 角 after a numeral inside a name
    if g.mt and category not in ("currency", "currency_small") and end == m.end():
        end = m.start("mt")  # 800名正式志愿者: 整/正 close an amount of money only
    if g.pct and unit_text:
        end = m.start("unit")  # 半数企业: the noun after a share word is what it is a share of
    if g.pct and (g.pct[0] in "过過" or "位" in g.pct):
        qualifier = qualifier or "over"  # 过半: more than half; 两位数: ten percent or more
    cur = g.cur
    cur_code = lex.currency_prefix.get(cur.strip()) if cur else None

    post = g.post if end == m.end() else None
    if post:
        pq = _qual(lex.qual_after, post)
        qualifier = qualifier or pq
        head = end + 1 if text.startswith("的", end) else end
        if pq in ("over", "under") and text.startswith(lex.threshold_heads, head):
            return None  # 1亿元以上产业项目, 2000万元及以上的工业企业: a category threshold
    elif (unit_text and lex.unit_kind.get(unit_text, ("",))[0] in ("currency", "physical")
          and (pre_q in ("over", "under") or text.endswith(lex.threshold_before, 0, start))):
        if _names_a_group(text, end, lex):
            return None  # 超亿元企业, 收入过100亿元的企业: an amount that names a group is no fact
    if qualifier is None and pre_q == "hedge":
        qualifier = "approx"  # 大概有120平方米; but 大概有五百多个 is over
    sign = g.sign

    negative = bool(sign) and sign not in "+＋"  # a table cell writes +2.5 for a rise

    def signed(v: float) -> float:
        return -v if negative else v

    if isinstance(value, tuple):  # 三五百公里 / 十五六: two items, low over, high under
        pair = []
        for v, q in zip(value, ("over", "under")):
            it = item_from_match(m, text, lex, override=v, g=g)
            if isinstance(it, Item):
                it.qualifier = qualifier or q
                it.bare_ok = True
                pair.append(it)
        return pair
    value = value * tail_scale

    item = Item(start, end, "number", signed(value), None, qualifier or "exact", category,
                 unit_text or "", scale, bool(sign))
    if pre and pre_q == "exact":
        item.lead = m.end("pre") - start  # 高达14.19%: a word that only stresses the amount is not part of it
    if sign and sign in "-－−":
        item.sign_start = m.start("sign")
    if how == "pct":
        item.kind, item.unit, item.category = "percent", "%", "percent"
        return item
    if category is None:
        if cur_code:
            item.kind, item.unit, item.category = "value", cur_code, "currency"
            return item
        glued = len(num_text) == 1 and _is_chinese_only(num_text) and _glued_to_word(text, m.end())
        item.bare_ok = (bool(post or pre or sign) and not glued) or _bare_ok(m, g, text, how, num_text)
        return item
    if category == "time":
        if unit_text == "分" and (cur_code or lex.per_share_before.search(text, max(0, start - _PER_SHARE_LOOK), start)):
            # 每股盈利人民币31.79分: after a currency a 分 is a hundredth of it (fen, cents), no minute; so after a
            # per-share phrase (每股基本盈利18.46分)
            item.kind, item.unit, item.value, item.category = "value", cur_code or "CNY", signed(value / 100), \
                "currency_small"
            return item
        if unit == "点" and (value > 24 or value != int(value) or "," in num_text):
            item.kind, item.unit = "value", "点"  # 18,234点, 93.78点: index points, not a clock time
            return item
        if measures_time(text, m.start()):
            item.kind, item.unit = "value", unit  # 利用小时为1733小时: hours are what is measured
            return item
        item.kind = "time"
        return item
    if category == "currency":
        code = unit
        if cur_code and unit == "CNY" and unit_text in ("元", "圆"):
            code = cur_code  # 港币两千九百六十元, 新台币 177.1 亿元
        elif unit == "CNY" and unit_text in ("元", "圆"):
            for scale_char, other in lex.scale_currency.items():
                if scale_char in num_text + (tail or ""):
                    code = other  # 1.17兆元: a scale mainland news does not use
        if unit_text == "块" and (scale >= 1e4 or _noun_follows(text, m.end("unit"))):  # 一百块 is yuan
            item.kind, item.unit, item.category = "value", "块", "measure"  # 1900亿块 chips
            return item
        v = abs(value)
        if g.jiao or g.jiao_b:
            v += _digit(g.jiao or g.jiao_b) * 0.1
        if g.fen or g.fen_b:
            v += _digit(g.fen or g.fen_b) * 0.01
        item.kind, item.unit, item.value = "value", code, signed(v)
        return item
    if category == "currency_small":
        factor, code = lex.currency_small[unit_text]
        v = value * factor + (_digit(g.fen_b) * 0.01 if g.fen_b else 0.0)
        item.kind, item.unit, item.value = "value", code, signed(v)
        return item
    if category == "percent":
        if unit == "‰":
            item.value = signed(value / 10)
        item.kind, item.unit = "percent", "%"
        return item
    if category == "pp":
        item.kind, item.unit = "pp", "pp"
        return item
    if category in POINT_SCALES:
        item.kind, item.unit, item.value = "pp", "pp", signed(value / POINT_SCALES[category])  # 10个基点 is 0.1 pp
        return item
    if category == "cheng":
        extra = g.cheng
        v = value * 10
        if extra:
            v += 5 if extra == "半" else _digit(extra)
        item.kind, item.unit, item.value = "percent", "%", signed(v)
        return item
    # physical, measure, noun
    v = value + (0.5 if g.half else 0.0)
    if unit == "倍":
        if lex.multiple_before.search(text, max(0, start - 2 * VERB_LOOK), start) \
                or ((m_after := lex.cue_after.match(text, end)) is not None and text.startswith("的", end)
                    and lex.rate_nouns.get(m_after.group("cue")) == "+"):
            item.kind, item.unit, item.value, item.fixed_kind = "growth", "%", v * 100, True
            return item
    if g.per and end == m.end():
        per = g.per.replace(" ", "")[1:]  # the grammar matches units ignoring case (0个/G): look the written form up the same way
        kind = lex.unit_kind.get(per) or lex.unit_kind.get(per.lower())
        unit = unit + "/" + (kind[1] if kind else per)  # 385.6公斤/亩
    item.kind, item.unit, item.value = "value", unit, signed(v)
    return item


def _noun_follows(text: str, pos: int) -> bool:
    """3块集成电路: 块 before a noun counts pieces; 5块, 十块三毛, 5块一份 are yuan."""
    nxt = text[pos] if pos < len(text) else ""
    # 不等/左右/以上/多/的 after 块 qualify the amount; they are not the counted noun
    return bool(nxt) and bool(_HAN.match(nxt)) and nxt not in "钱毛角不左以上多余的" and nxt not in CN_DIGITS


def _names_a_group(text: str, end: int, lex: Lexicon) -> bool:
    """A group noun follows, maybe after 的 and a short modifier: 超百亿元的领航企业, 超亿元企业."""
    head = end + 1 if text.startswith("的", end) else end
    for k in range(_GROUP_MODIFIER + 1):
        if text.startswith(lex.threshold_heads, head + k):
            return True
        if head + k >= len(text) or not _HAN.match(text[head + k]):
            return False
    return False


_GROUP_MODIFIER = 4  # Han characters allowed between the amount and its group noun (领航企业)


def _glued_to_word(text: str, end: int) -> bool:
    """相約九鯉: a lone Chinese numeral with a Han character after it is part of a word, qualifier or not."""
    nxt = text[end] if end < len(text) else ""
    return bool(nxt) and bool(_HAN.match(nxt)) and nxt not in _CONJ and nxt != "的"


def _digit(c: str) -> float:
    return float(c) if c.isdigit() else float(CN_DIGITS[c])


def _bare_ok(m, g, text: str, how: str, num_text: str) -> bool:
    """Whether a unitless numeral stands on its own as a number."""
    end = m.end()
    nxt = text[end] if end < len(text) else ""
    start = m.start()
    prev = text[start - 1] if start > 0 else ""
    if how == "fraction":
        return True
    if not num_text:
        return True
    if nxt and nxt.isascii() and nxt.isalpha():
        return False  # 5G, 3D
    if prev and prev.isascii() and (prev.isalpha() or (prev in "._-" and start >= 2 and text[start - 2].isascii()
                                                       and text[start - 2].isalnum())):
        return False  # iPhone4, Mate30, No.550, col1599522: part of a name or a path
    if _is_chinese_only(num_text):
        if nxt == "的" and (g.tail or g.mid or num_text[-1] in CN_BIG):
            return True  # 二十几万的投资: an amount with its scale before 的 is a number
        if nxt and _HAN.match(nxt) and nxt not in _CONJ:
            return False  # 一切, 四川, 十一黄金周
        if len(num_text) == 1:
            if num_text in _FINANCIAL and prev and _HAN.match(prev):
                return False  # 朝花夕拾, 队伍
            if prev and _HAN.match(prev) and prev not in "是为為有到至和与與及或约約近超逾":
                return False  # 统一, 之一
        return True
    if nxt and _HAN.match(nxt) and nxt not in _CONJ and nxt not in "的个":
        if num_text[-1] in CN_BIG or g.tail:
            return True  # 7亿去了三亚, 2亿多农民工: a 万/亿 scale ends the number; what follows is no part of it
        return False  # 麒麟990芯片, 315晚会: a number glued to a word it names
    # Arabic: a lone year-like integer (—2026—) is page furniture, not a number
    if (len(num_text) == 4 and num_text.isdigit() and num_text[:2] in ("19", "20")
            and not g.mid and not g.tail and not g.pre):
        return False
    return True
