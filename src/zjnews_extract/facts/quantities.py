"""Quantities: every amount, count, percentage, growth, pp and rank in a text.

One grammar, built once from the lexicons in data/quantity_*.toml with the
`regex` module: qualifier + currency sign + sign + numeral + scale + unit +
qualifier, next to a few fixed shapes (第N rank, 前N top, 连续N个月 streak,
翻番, N强) and to the things that only look numeric (names with numerals,
dates, clock times, phone numbers, links, footnotes, list numbers), which are
matched first and dropped. Then a few passes over the items in text order:
ranges (400-500亿元), units carried back over lists (6360.6亿、2004.4亿元),
money context (110万亿、120万亿 … 140万亿元), and the nearest cue before a
percentage deciding growth or share and its sign (下降2.1% -> -2.1).
Every pass is linear in the number of items; the regex uses bounded,
possessive repetition.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from ..data import load_toml
from ..records import Quantity
from .numbers import CN_BIG, CN_DIGITS, NUMERAL, arabic_value, parse_numeral

_BARE_SCALES = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, **CN_BIG}
_HAN = regex.compile(r"\p{Han}")
_FINANCIAL = set("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")
_CONJ = set("和与與及或到至、")
_LONE_SCALES = {"百", "佰", "千", "仟", "万", "萬", "亿", "億"}
_SENTENCE_END = regex.compile(r"[。！？!?；;\n]")


def _alt(words) -> str:
    """Longest-first alternation, so 个百分点 wins over 个 and 千瓦时 over 千瓦."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        pat = regex.escape(w)
        if w[-1].isascii() and w[-1].isalpha():
            if w.islower():
                pat = f"(?i:{pat})"  # 168CM is 168cm
            pat += r"(?![A-Za-z])"  # ASCII units end at a word boundary (5m, not 5million)
        out.append(pat)
    # a first-character guard lets the engine reject a long alternation in one step
    firsts = "".join(sorted({regex.escape(w[0]) for w in words} | {regex.escape(w[0].upper()) for w in words}))
    return f"(?=[{firsts}])(?:" + "|".join(out) + ")"


@dataclass
class _Lexicon:
    """Everything the grammar and the passes look up, read once from TOML."""

    pattern: regex.Pattern
    cue_pattern: regex.Pattern
    change_before: regex.Pattern
    multiple_before: regex.Pattern
    unit_kind: dict  # surface -> (category, normalised unit)
    currency_prefix: dict
    qual_before: dict
    qual_between: dict
    qual_after: dict
    cues: dict
    adjacent: dict
    threshold_heads: tuple
    level_before: tuple
    money_words: tuple
    money_words_close: tuple
    money_words_not: tuple
    people_close: dict
    currency_small: dict
    not_units: tuple
    rank_words: dict


_LEX: _Lexicon | None = None


def _lexicon() -> _Lexicon:
    global _LEX
    if _LEX is None:
        _LEX = _build()
    return _LEX


def _build(prefilter: bool = True) -> _Lexicon:
    units = load_toml("quantity_units.toml")
    words = load_toml("quantity_words.toml")
    skip = load_toml("quantity_skip.toml")

    unit_kind: dict[str, tuple[str, str]] = {}
    for cat in ("time", "noun", "measure", "physical", "pp", "percent", "currency"):
        for surface, norm in units[cat].items():
            unit_kind[surface] = (cat, norm)
    for surface, (_, code) in units["currency_small"].items():
        unit_kind[surface] = ("currency_small", code)
    unit_kind["成"] = ("cheng", "%")

    n = NUMERAL
    bare = r"(?:[十拾百佰千仟万萬亿億]{1,3}+)"
    unit_words = [u for u in unit_kind if u != "成"]
    units_re = (
        rf"(?:{_alt(unit_words)}"
        r"|成(?P<cheng>[一二三四五六七八九]|半)?(?![立为為功本交果员員就熟长長绩績型品都效])"
        r")"
    )
    per_units = [u for u, (cat, _) in unit_kind.items() if cat in ("physical", "measure", "time", "noun")]
    physical_units = [u for u, (cat, _) in unit_kind.items() if cat == "physical"]
    vague = {w for w, q in words["qualifier_before"].items() if w in ("上", "数", "數", "几", "幾")}
    # 上万人, 数百位, 几十家: these only qualify a bare scale, never 上5万 or 数三点一
    pre = (rf"(?:{_alt(set(words['qualifier_before']) - vague)}"
           rf"|{_alt(vague)}(?=[十百千万萬亿億]{{1,3}}(?![{''.join(CN_DIGITS)}0-9])))")
    between = _alt(words["qualifier_between"])
    after = _alt(words["qualifier_after"])
    cur_pre = _alt(units["currency_prefix"])
    sign = r"(?:负的?|負的?|零下|(?<![0-9０-９A-Za-z%％])[-－−])"
    small_digit = "[0-9一二三四五六七八九两壹贰叁肆伍陆柒捌玖]"
    money_tail = (
        rf"(?:又?(?P<jiao>{small_digit})[角毛]|(?<=块)(?P<jiao_b>{small_digit})(?![\p{{Han}}0-9]))?"  # 三块五
        rf"(?:又?(?P<fen>{small_digit})美?分(?!之)|(?<=[毛角])(?P<fen_b>{small_digit})(?![\p{{Han}}0-9]))?"  # 两毛五
        rf"(?:钱|整|正)?"
    )

    pats = skip["patterns"]
    names = skip["names"]["words"]
    name_alts = []
    for w in sorted(names, key=len, reverse=True):
        p = regex.escape(w)
        if w[0].isdigit():
            p = r"(?<![0-9.])" + p
        if w[-1].isdigit():
            p += r"(?![0-9.])"
        name_alts.append(p)
    non_rank = _alt(skip["non_rank_after"]["words"])
    top_not = _alt(skip["top_not_rank_after"]["words"])
    article = _alt(skip["article_measures"]["words"])
    weekday = _alt(skip["weekday_prefixes"]["words"])
    skip_re = "|".join([
        *pats.values(),
        "(?:" + "|".join(name_alts) + ")",
        rf"第{n}(?={non_rank})",  # 第131届, 第一产业: ordinals of names
        rf"前{n}(?={top_not})",  # 前三季度: a period
        r"(?:[一二三四五六七八九十两兩]{1,3}|[0-9]{1,2})大(?=\p{Han})",  # 五大任务: list sizes
        rf"{weekday}[一二三四五六日天]",  # 周一, 星期三
        rf"(?:(?<![\p{{Han}}0-9])|(?<=[^第前\d]\p{{Han}}?))一(?={article})(?!个[亿億万萬])",  # 一个 = "a"; 一个亿 is 1e8
    ])

    grammar = rf"""
    (?P<skip>{skip_re})
    |(?P<streak>(?:连续|連續|连[跌涨升降增减]|連[跌漲升降增減])(?P<st_di>第)?(?P<st_n>{n})(?P<st_u>个月|個月|个季度|個季度|季度|年|天|周|週|次|届|期|个交易日))
    |(?P<rank>第(?P<rk_n>{n})(?:名|位)?)
    |(?P<rankword>{_alt(words["rank_words"])})
    |(?P<top>前(?P<tp_n>{n})(?:位|名|大|强|強|(?!\p{{Han}}))|(?<![A-Za-z])(?:TOP|Top|top)\s?(?P<tp_n>[0-9]{{1,3}}+)(?![0-9A-Za-z.]))  # 前十位, 前五。, TOP10; not 目前一切
    |(?P<fan>翻(?:了)?(?P<fan_q>近|约|約|超|逾)?(?P<fan_n>[一两二三四兩])?番)
    |(?P<q>
        (?P<pre>{pre}(?:了)?)?
        (?P<cur>{cur_pre}\s{{0,2}})?
        (?P<sign>{sign})?
        (?:
            (?P<pct>百分百|半成|一半|半数|过半数?|過半數?)
          | (?P<halfcore>半)(?=\s?{units_re})
          | (?P<num>{n})  # the numeral is matched once; fractions hang off it
            (?:又(?P<fw_den>{n})分之(?P<fw_num>{n})  # 3又一千分之23
              | 分之(?P<fneg>[负負])?(?P<fnum>{n})  # 一百分之二, 百分之十二, 百分之负五 (the numeral is the denominator)
              | (?<=(?<![0-9０-９一二三四五六七八九十两零〇])百)分(?=[一二三四五六七八九十两])(?P<fnum>{n})  # 百分三十: spoken, no 之
              | 又(?P<sw_num>[0-9０-９]{{1,9}}+)[/／](?P<sw_den>[0-9０-９]{{1,9}}+)(?![0-9])  # 1又1/5
              | [/／](?P<sden>[0-9０-９]{{1,9}}+)(?![0-9])  # 3/5
            )?
          | (?(pre)|(?=[十拾百佰千仟万萬亿億]{{1,3}}+(?:[余餘多来來几幾]|分之)))  # a bare scale needs a qualifier
            (?P<bare>{bare})(?:分之(?P<fneg>[负負])?(?P<bfnum>{n}))?  # 万分之三; or a bare scale: 上万, 千余
        )
        (?P<qiang>[强強](?![调調化大劲勁度国國势勢项項盛]))?  # 10强, 百强: top-N
        (?P<mid>个(?=[亿億万萬])|{between})?
        (?P<tail>[ ]?[万萬亿億]{{1,2}}+)?
        (?P<ge>[个個](?={_alt(physical_units)}))?  # 1430万个标准箱: 个 is only a classifier here
        (?:(?:\s(?=[A-Za-z°℃]))?(?P<unit>{units_re})(?P<per>[/／]{_alt(per_units)})?)?  # 1 kg, but not 3700 本周
        (?P<half>半)?
        (?P<mt>{money_tail})
        (?P<post>(?:[(（]含[)）])?{after})?
    )
    """
    if prefilter:
        # Most positions of a text cannot start a match; a one-class lookahead lets the
        # engine skip them fast (about 6x). The class is every first character of the grammar.
        firsts = set(skip["prefilter"]["first_chars"])
        for table in (words["qualifier_before"], units["currency_prefix"], words["rank_words"],
                      skip["weekday_prefixes"]["words"], names):
            firsts.update(w[0] for w in table)
        firsts.update(CN_DIGITS)
        firsts.update("十拾百佰千仟廿卅卌")
        big = "万萬亿億"
        firsts -= set(big)
        cls = "".join(sorted(regex.escape(c) for c in firsts))
        # 万/亿 start a match only as a bare scale before 余/多/分之 (万余, 万分之三) or a name
        big_names = "|".join(regex.escape(w) for w in names if w[0] in big)
        big_start = rf"[{big}][{big}十百千]{{0,2}}[余餘多来來几幾分]" + (f"|{big_names}" if big_names else "")
        grammar = rf"(?=[0-9０-９A-Za-z{cls}]|{big_start})(?:{grammar})"
    pattern = regex.compile(grammar, regex.VERBOSE | regex.MULTILINE)

    cues = dict(words["growth_cues"])
    cue_pattern = regex.compile(_alt(cues))
    change_words = [w for w, t in cues.items() if t in "+-"] + list(words["adjacent_verbs"])
    change_before = regex.compile(rf"(?P<verb>{_alt(change_words)})了?\Z")
    multiple_before = regex.compile(rf"{_alt(words['growth_multiple_verbs']['words'])}了?\Z")
    return _Lexicon(
        pattern=pattern, cue_pattern=cue_pattern, change_before=change_before,
        multiple_before=multiple_before, unit_kind=unit_kind,
        currency_prefix={k.strip(): v for k, v in units["currency_prefix"].items()},
        qual_before=words["qualifier_before"], qual_between=words["qualifier_between"],
        qual_after=words["qualifier_after"], cues=cues, adjacent=dict(words["adjacent_verbs"]),
        threshold_heads=tuple(words["threshold_heads"]["words"]),
        level_before=tuple(words["level_before"]["words"]),
        money_words=tuple(words["money_metric_words"]["words"]),
        money_words_close=tuple(words["money_metric_words"]["close"]),
        money_words_not=tuple(words["money_metric_words"]["close_not"]),
        people_close=dict(words["people_metric_words"]),
        currency_small=dict(units["currency_small"]),
        not_units=tuple(skip["not_units"]["words"]),
        rank_words=dict(words["rank_words"]),
    )


@dataclass
class _Item:
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


def _qual(table: dict, word: str | None) -> str | None:
    if not word:
        return None
    word = word.rstrip("了")
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


def _number_value(m) -> tuple[float | tuple | None, str]:
    """Value of the numeral core of a q-match, and a tag for how it was written."""
    if m.group("pct"):
        return {"百分百": 100.0, "半成": 5.0, "一半": 50.0, "半数": 50.0}.get(m.group("pct"), 50.0), "pct"  # 过半(数): 50
    if m.group("halfcore"):
        return 0.5, "half"
    num_text = m.group("num")
    if num_text is None:
        bare = m.group("bare")
        if m.group("bfnum") is not None:
            return _negated(_fraction(bare, m.group("bfnum"), None), m.group("fneg"))
        v = 1.0
        for c in bare:
            v *= _BARE_SCALES[c]
        return v, "bare"
    if m.group("fnum") is not None:
        return _negated(_fraction(num_text, m.group("fnum"), None), m.group("fneg"))
    if m.group("fw_num") is not None:
        return _fraction(m.group("fw_den"), m.group("fw_num"), num_text)
    if m.group("sden") is not None or m.group("sw_num") is not None:
        if m.group("sden") is not None:
            whole, top, bottom = None, num_text, m.group("sden")
        else:
            whole, top, bottom = num_text, m.group("sw_num"), m.group("sw_den")
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


def _from_q(m, text: str, lex: _Lexicon, override: float | None = None):
    value, how = _number_value(m)
    if override is not None:
        value = override
    if value is None or how == "bad":
        return None
    if m.group("qiang"):
        if how != "num" or not isinstance(value, float) or value != int(value) or value <= 0:
            return None
        return _Item(m.start(), m.start("qiang") + 1, "rank", value, None, "under", category="rank",
                     fixed_kind=True)
    pre = m.group("pre")
    pre_q = _qual(lex.qual_before, pre)
    qualifier = pre_q if pre_q in ("over", "under", "approx") else None
    if how == "bare" and not (pre or m.group("mid")):
        return None  # 万元国内生产总值: 万 alone is not a number
    if how == "bare" and pre and pre_q is None:
        return None
    mid = m.group("mid")
    if mid and mid != "个":
        qualifier = qualifier or lex.qual_between.get(mid)
    tail = m.group("tail")
    tail_scale = 1.0
    if tail:
        for c in tail.strip():
            tail_scale *= CN_BIG[c]
    num_text = (m.group("num") or m.group("bare") or "") if how in ("num", "bare") else ""
    scale = _trailing_scale(num_text, tail) if how in ("num", "bare") else 1.0

    unit_text = m.group("unit")
    category, unit = (None, None)
    start, end = m.start(), m.end()
    if unit_text and text.startswith(lex.not_units, m.start("unit")):
        unit_text = None  # 130万亿台阶: 台 begins a noun here
        end = m.start("unit")
        while end > start and text[end - 1] == " ":
            end -= 1
    if unit_text and len(num_text) == 1 and num_text in _FINANCIAL and start > 0 and _HAN.match(text[start - 1]):
        return None  # 登陆部队, 拾起: a financial numeral glued to a word is that word
    if unit_text:
        base = unit_text[0] if unit_text.startswith("成") else unit_text
        category, unit = lex.unit_kind.get(base) or lex.unit_kind.get(base.lower(), (None, None))
        if num_text in _LONE_SCALES and not (pre or m.group("mid")):
            return None  # 百度, 千家万户: a scale character alone starts a word, not a number
        if (unit_text == "角" and len(num_text) == 1 and num_text in CN_DIGITS
                and start > 0 and _HAN.match(text[start - 1]) and not m.group("mt")):
            return None  # 珠三角: 角 after a numeral inside a name
    if m.group("pct") and unit_text:
        end = m.start("unit")  # 半数企业: the noun after a share word is what it is a share of
    if m.group("pct") and m.group("pct")[0] in "过過":
        qualifier = qualifier or "over"  # 过半: more than half
    cur = m.group("cur")
    cur_code = lex.currency_prefix.get(cur.strip()) if cur else None

    post = m.group("post") if end == m.end() else None
    if post:
        pq = _qual(lex.qual_after, post)
        qualifier = qualifier or pq
        head = end + 1 if text.startswith("的", end) else end
        if pq in ("over", "under") and text.startswith(lex.threshold_heads, head):
            return None  # 1亿元以上产业项目, 2000万元及以上的工业企业: a category threshold
    if qualifier is None and pre_q == "hedge":
        qualifier = "approx"  # 大概有120平方米; but 大概有五百多个 is over
    sign = m.group("sign")

    def signed(v: float) -> float:
        return -v if sign else v

    if isinstance(value, tuple):  # 三五百公里 / 十五六: two items, low over, high under
        pair = []
        for v, q in zip(value, ("over", "under")):
            it = _from_q(m, text, lex, override=v)
            if isinstance(it, _Item):
                it.qualifier = qualifier or q
                it.bare_ok = True
                pair.append(it)
        return pair
    value = value * tail_scale

    item = _Item(start, end, "number", signed(value), None, qualifier or "exact", category,
                 unit_text or "", scale, bool(sign))
    if sign and sign in "-－−":
        item.sign_start = m.start("sign")
    if how == "pct":
        item.kind, item.unit, item.category = "percent", "%", "percent"
        return item
    if category is None:
        if cur_code:
            item.kind, item.unit, item.category = "value", cur_code, "currency"
            return item
        item.bare_ok = bool(post or pre or sign) or _bare_ok(m, text, how, num_text)
        return item
    if category == "time":
        if unit == "点" and (value > 24 or value != int(value) or "," in num_text):
            item.kind, item.unit = "value", "点"  # 18,234点, 93.78点: index points, not a clock time
            return item
        item.kind = "time"
        return item
    if category == "currency":
        code = unit
        if cur_code and unit == "CNY" and unit_text in ("元", "圆"):
            code = cur_code  # 港币两千九百六十元, 新台币 177.1 亿元
        if unit_text == "块" and (scale >= 1e4 or _noun_follows(text, m.end("unit"))):  # 一百块 is yuan
            item.kind, item.unit, item.category = "value", "块", "measure"  # 1900亿块 chips
            return item
        v = abs(value)
        if m.group("jiao") or m.group("jiao_b"):
            v += _digit(m.group("jiao") or m.group("jiao_b")) * 0.1
        if m.group("fen") or m.group("fen_b"):
            v += _digit(m.group("fen") or m.group("fen_b")) * 0.01
        item.kind, item.unit, item.value = "value", code, signed(v)
        return item
    if category == "currency_small":
        factor, code = lex.currency_small[unit_text]
        v = value * factor + (_digit(m.group("fen_b")) * 0.01 if m.group("fen_b") else 0.0)
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
    if category == "cheng":
        extra = m.group("cheng")
        v = value * 10
        if extra:
            v += 5 if extra == "半" else CN_DIGITS[extra]
        item.kind, item.unit, item.value = "percent", "%", signed(v)
        return item
    # physical, measure, noun
    v = value + (0.5 if m.group("half") else 0.0)
    if unit == "倍":
        if lex.multiple_before.search(text, max(0, start - 4), start):
            item.kind, item.unit, item.value, item.fixed_kind = "growth", "%", v * 100, True
            return item
    if m.group("per") and end == m.end():
        unit = unit + "/" + lex.unit_kind[m.group("per")[1:]][1]  # 385.6公斤/亩
    item.kind, item.unit, item.value = "value", unit, signed(v)
    return item


def _noun_follows(text: str, pos: int) -> bool:
    """3块集成电路: 块 before a noun counts pieces; 5块, 十块三毛, 5块一份 are yuan."""
    nxt = text[pos] if pos < len(text) else ""
    # 不等/左右/以上/多/的 after 块 qualify the amount; they are not the counted noun
    return bool(nxt) and bool(_HAN.match(nxt)) and nxt not in "钱毛角不左以上多余的" and nxt not in CN_DIGITS


def _digit(c: str) -> float:
    return float(c) if c.isdigit() else float(CN_DIGITS[c])


def _bare_ok(m, text: str, how: str, num_text: str) -> bool:
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
        if nxt == "的" and (m.group("tail") or m.group("mid") or num_text[-1] in CN_BIG):
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
        return False  # 麒麟990芯片, 315晚会: a number glued to a word it names
    # Arabic: a lone year-like integer (—2026—) is page furniture, not a number
    if (len(num_text) == 4 and num_text.isdigit() and num_text[:2] in ("19", "20")
            and not m.group("mid") and not m.group("tail") and not m.group("pre")):
        return False
    return True


def _cue_kind(items, text: str, lex: _Lexicon) -> None:
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


def _names_own_level(text: str, cue_end: int, it: "_Item", lex: _Lexicon) -> bool:
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


def _opens_clause_as_subject(text: str, it: "_Item") -> bool:
    """超八成企业 right after a comma: the rate is the subject of a new clause, not a verb's object."""
    if it.start == 0 or text[it.start - 1] not in _CLAUSE_BREAKS or it.end >= len(text):
        return False
    nxt = text[it.end]
    return bool(_HAN.match(nxt)) and nxt not in _LIST_AFTER


_CUE_LOOKBACK = 12  # cues looked at before a rate; the deciding one is nearly always the first or second

_RANGE_GAPS = {"-", "—", "——", "–", "~", "～", "到", "至", "－", "--", "―", "−", "—-", "~~"}


def _strip_gap(gap: str) -> str:
    return gap.replace("(含)", "").replace("（含）", "").replace(" ", "").replace("从", "")


def _ranges(items, text: str, lex: _Lexicon | None = None) -> None:
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
            _take_unit(a, b)
            if b.category == "cheng":
                a.value *= 10  # 一至两成: the low end counts tenths too
            elif b.kind == "growth" and b.unit_surface == "倍" and a.unit_surface != "倍":
                a.value *= 100  # 增长一到两倍 with the verb next to the high end
        elif b.unit is None and b.kind == "number" and a.kind == "percent":
            _take_unit(b, a)  # 百分之三十到四十一: the % is written first
        elif b.unit is None and b.kind == "number" and a.category == "currency" and not a.unit_surface:
            _take_unit(b, a)  # $100-500, €5-10: the currency sign is written once, before the low end
        a.bare_ok = b.bare_ok = True  # a range is numeric context for both ends
        if a.qualifier == "exact":
            a.qualifier = "over"
        if b.qualifier == "exact":
            b.qualifier = "under"


def _take_unit(a: _Item, b: _Item) -> None:
    a.kind, a.unit, a.category, a.unit_surface = b.kind, b.unit, b.category, b.unit_surface
    a.fixed_kind = b.fixed_kind
    if b.kind in ("growth", "pp", "value") and b.category in ("pp",) and b.value < 0 < a.value:
        a.value = -a.value
    a.bare_ok = True


_LIST_GAPS = {"、", "和", "及", "与", "與", "或", "，和", "以及"}


def _lists(items, text: str) -> None:
    """6360.6亿、6211.9亿、2004.4亿元 and 2.2个和1.7个百分点: the last unit applies to all."""
    for i in range(len(items) - 2, -1, -1):
        a, b = items[i], items[i + 1]
        if text[a.end:b.start] not in _LIST_GAPS:
            continue
        if a.kind == "number" and a.unit is None and b.kind in ("value", "percent", "growth", "pp", "time"):
            if not a.bare_ok and a.end - a.start == 1:
                continue  # 队伍、近3000名: a numeral character that ends a word is no list member
            _take_unit(a, b)
        elif a.unit_surface and b.unit_surface.startswith(a.unit_surface) and b.unit_surface != a.unit_surface:
            _take_unit(a, b)  # 2.2个 … 1.7个百分点


def _money_context(items, text: str, lex: _Lexicon) -> None:
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


def _is_digit_start(text: str, it: _Item) -> bool:
    return any(c.isdigit() or c in CN_DIGITS for c in text[it.start:it.end])


def _changes(items, text: str, lex: _Lexicon) -> None:
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


def find_quantities(text: str) -> list[Quantity]:
    """Every numeric mention in `text`, in order, with offsets into `text`."""
    if not text:
        return []
    lex = _lexicon()
    items: list[_Item] = []
    for m in lex.pattern.finditer(text):
        group = m.lastgroup
        if group == "skip":
            continue
        if group == "q":
            got = _from_q(m, text, lex)
            if got is None:
                continue
            if isinstance(got, list):
                items.extend(got)
            else:
                items.append(got)
            continue
        items.append(_fixed(m, group, lex))
    items = [it for it in items if it is not None]
    _ranges(items, text, lex)
    _lists(items, text)
    _money_context(items, text, lex)
    _changes(items, text, lex)
    _cue_kind(items, text, lex)
    out = []
    for it in items:
        if it.kind == "time" or (it.kind == "number" and not it.bare_ok):
            continue
        out.append(Quantity(text=text[it.start:it.end], start=it.start, end=it.end, kind=it.kind,
                            value=round(float(it.value), 10), unit=it.unit, qualifier=it.qualifier))
    return out


def _fixed(m, group: str, lex: _Lexicon) -> _Item | None:
    """Items of the fixed shapes: rank, top-N, N强, streak, 翻番."""
    start, end = m.start(), m.end()
    if group == "rankword":
        return _Item(start, end, "rank", float(lex.rank_words[m.group()]), None, category="rank", fixed_kind=True)
    if group == "fan":
        n = m.group("fan_n")
        times = CN_DIGITS[n] if n else 1
        qualifier = {"近": "approx", "约": "approx", "約": "approx", "超": "over", "逾": "over"}.get(m.group("fan_q"), "exact")
        return _Item(start, end, "growth", (2 ** times - 1) * 100.0, "%", qualifier, fixed_kind=True)
    if group == "streak":
        v = parse_numeral(m.group("st_n"))
        if not isinstance(v, float):
            return None
        unit = m.group("st_u").replace("個", "个").replace("週", "周")
        return _Item(start, end, "value", v, unit, category="streak", fixed_kind=True)
    num = m.group({"rank": "rk_n", "top": "tp_n"}[group])
    v = parse_numeral(num)
    if not isinstance(v, float) or v != int(v) or v <= 0:
        return None
    qualifier = "exact" if group == "rank" else "under"
    return _Item(start, end, "rank", v, None, qualifier, category="rank", fixed_kind=True)
