"""One numeral grammar: Arabic (full-width, separators, decimals) and Chinese numerals.

`NUMERAL` is a regex fragment (for the `regex` module) matching one numeral run as
written in news text: 3,292 / ３．５ / 5.55万亿 / 三千二百九十二 / 两千万点五五 /
壹佰伍拾 / 廿二 / 5万4千6百 / 十五六 (an approximate pair). `parse_numeral`
turns the matched text into a value, or into a (low, high) pair for the
approximate forms 三五百, 十五六, 七八, which news uses for "three to five hundred".
Repetitions are bounded and possessive so a megabyte of digits stays linear.
"""
from __future__ import annotations

import math
from decimal import Decimal

from ..text import HAN_CLASS

# Chinese digits, every spelling news and contracts use (financial 壹贰叁, traditional 兩, 〇).
CN_DIGITS = {
    "〇": 0, "零": 0, "○": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "倆": 2, "俩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
# Small units multiply the digit before them; 廿/卅/卌 are "two/three/four tens" in one sign.
CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_TENS = {"廿": 20, "卅": 30, "卌": 40}
# Big units scale everything before them that is smaller (四万万 = 4e8, 5.55万亿 = 5.55e12).
CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000,
          "兆": 10**12}  # Taiwan and Hong Kong write 兆 for 万亿 (1.17兆元, 2兆3,248億元)
DECIMAL_POINTS = "点點"
# (Taiwan's 自由時報 writes its figures in Chinese digits with a full-width point: 三十九．五％, 一．四八％, and the
# integer part digit by digit before it, 七二九．二億美元: RP's and WR's pages)
CN_POINTS = DECIMAL_POINTS + "．"

# (﹒, the small full stop, is the decimal point of a Hong Kong wire: 452﹒87億元, ９７３﹒２５億元)
FULLWIDTH = str.maketrans("０１２３４５６７８９．﹒，－＋", "0123456789..,-+")

_D = "".join(CN_DIGITS)
_NONZERO = "".join(k for k, v in CN_DIGITS.items() if v)
_PAIRABLE = set(_NONZERO)  # 零 next to a digit is a gap, not a pair
ARABIC = (
    # a full-width comma is a clause break in Chinese text unless the digits are full-width
    # too (４，５６５) or more groups / decimals follow (82，225.00); 20，300美圆 is two amounts
    r"(?:[0-9０-９]{1,20}+(?:(?:,|(?<=[０-９])，|，(?=[0-9０-９]{3}[.．,，][0-9０-９])"
    # a space between groups of three (6 947亿千瓦时, 24 300萬公噸, 1 051.36亿元: the statistics bulletins' and the Hong
    # Kong government's style) when the first group has one to three digits and the last is closed by a decimal point or
    # its unit; two figures side by side in a table row (12 345) are no such number
    r"|(?<=(?<![0-9.])[0-9]{1,3})[ ](?=[0-9]{3}(?:[ ][0-9]{3}){0,4}+"
    rf"(?:[.][0-9]|[ ]?[万萬亿億]|(?![为為是和与與及至到或的])[{HAN_CLASS}])))"
    r"[0-9０-９]{3}+(?![0-9０-９])){0,8}+(?:[.．﹒][0-9０-９]{1,15}+)?+"
    r"|(?<![0-9０-９A-Za-z])[.．][0-9０-９]{1,15}+)"  # .5 but not No.550
)
# 千 is not a numeral when it starts a unit (千克, 千瓦, 千卡, 千升), nor before 米 after Arabic digits or
# after 十/百 (12千米, 十千米: 十千 is no numeral, so it is ten kilometres; 三千米 stays 3000 m), nor
# right after 万/亿 (2399万千升, 3.5万千米: 万 of a unit; 万千 is no number).
_QIAN = r"(?:(?<![万萬亿億])[千仟](?![克瓦卡焦帕升])(?!(?<=[0-9０-９十拾百佰][千仟])米))"
# 兆 is a scale only where it is not the SI prefix of a unit (兆瓦, 兆赫, 兆字节 are mega-)
BIG = r"(?:[万萬亿億兆](?!(?<=兆)[瓦赫帕焦欧歐字比位克]))"
# One element of an integer run: Arabic number, Chinese digit, small unit, ten-sign, big unit.
# 百 starting 百分点 is the unit's (增长1.2百分点, 上升0.1百分點: points written without 个), never a hundred
_BAI = r"(?:[百佰](?![分][点點]))"
# A space inside a 萬…千 compound (1,145 萬 9 千人, 46 萬 1 千人, 7 萬 7 千多戶: Taiwan's labour and power statistics
# space every part): after the 萬 when a digit and its 千 or 百 follow, and between that digit and its 千 (not the
# 千 of a unit: 341.3 千公顷, 2621.59 千hm2 are thousands of hectares, kept as written)
_SPACED_PART = rf"(?:(?<=[万萬])[ ](?=[0-9]{{1,3}}[ ]?[千仟百佰])|(?<=[0-9])[ ](?={_QIAN}(?![公A-Za-z])))"
_ELEMENT = (
    rf"(?:{ARABIC}|[{_D}]|[十拾廿卅卌]|{_BAI}|{_QIAN}|[ ]?{BIG}|{_SPACED_PART})"
)
# A run must start with a digit or a small unit (十五, 百三), never with 万/亿 alone.
# A leading 零 only stands for zero on its own or before a decimal point (零点五); 找零三分 is change,
# and before Arabic digits it ends a word (社零1.75个百分点: 社零 is retail sales).
_START = rf"(?:{ARABIC}|[{_NONZERO}]|[〇零○](?=[点點]|(?![{_D}十拾百佰千仟万萬亿億0-9０-９]))|[十拾廿卅卌]|{_BAI}|{_QIAN})"
_CN_DECIMAL = rf"(?:[{CN_POINTS}][{_D}]{{1,15}}+(?:[万萬亿億千仟百佰]{{1,3}}+)?)"
NUMERAL = rf"(?:{_START}{_ELEMENT}{{0,40}}+{_CN_DECIMAL}?+)"


def arabic_value(text: str) -> float:
    """3,292 / ３．５ / 1,100.9 -> float (separators may be ASCII or full-width commas)."""
    return float(text.translate(FULLWIDTH).replace(",", "").replace(" ", ""))


def _tokens(text: str):
    """Split a numeral run into ('n', value, is_arabic) / ('s', small) / ('b', big) / ('z',) tokens."""
    out = []
    i, n = 0, len(text)
    norm = text.translate(FULLWIDTH)
    while i < n:
        c = norm[i]
        if c.isdigit() or c == ".":
            j = i
            while j < n and (norm[j].isdigit() or norm[j] in ".," or norm[j] == " " and norm[j + 1:j + 2].isdigit()):
                j += 1  # (a space between digits separates groups of three: 6 947)
            chunk = norm[i:j]
            # integers stay int so that sums of 万/亿 parts are exact up to 10^16 and beyond
            chunk = chunk.replace(",", "").replace(" ", "")
            value = Decimal(chunk) if "." in chunk else int(chunk)
            out.append(("n", value, True))
            i = j
            continue
        if c in CN_DIGITS:
            v = CN_DIGITS[c]
            out.append(("z",) if v == 0 else ("n", v, False))
        elif c in CN_SMALL:
            out.append(("s", CN_SMALL[c]))
        elif c in CN_TENS:
            out.append(("t", CN_TENS[c]))
        elif c in CN_BIG:
            out.append(("b", CN_BIG[c]))
        i += 1
    return out


def _integer(tokens, exact: bool = False):
    """Value of an integer run; a digit after a unit with no 零 is abbreviated (一万三 = 13000)."""
    stack: list[tuple[float, int]] = []  # (absolute value, big unit that closed it)
    section = 0
    number = None
    prev_unit = None  # unit right before the current digit: 一万三 / 两千四百五 / 百三
    zero = False
    tail_unit = None
    for tok in tokens:
        kind = tok[0]
        if kind == "n":
            number = tok[1]
            tail_unit = prev_unit if (not tok[2] and prev_unit and not zero) else None
            prev_unit, zero = None, False
        elif kind == "z":
            zero = True
        elif kind in "st":
            section += tok[1] if kind == "t" else (number if number is not None else 1) * tok[1]
            number, tail_unit, zero = None, None, False
            prev_unit = 10 if kind == "t" else tok[1]
        else:  # big unit closes everything smaller before it
            big = tok[1]
            v = section + (number or 0)
            section, number, tail_unit, zero = 0, None, None, False
            while stack and stack[-1][1] <= big:
                v += stack.pop()[0]
            stack.append(((v or 1) * big, big))
            prev_unit = big
    total = sum(v for v, _ in stack) + section
    if number is not None:
        total += number * (tail_unit // 10) if tail_unit and tail_unit >= 100 else number
    if exact:
        return total  # int or Decimal, so 5342.1亿 is 534210000000
    return _finite(total)


def _finite(value) -> float:
    """A float, or inf for a value past float range (40 亿 in a row, 400 digits): callers drop it."""
    try:
        return float(value)
    except OverflowError:
        return math.inf


def _digits_after_point(text: str) -> Decimal:
    return Decimal("0." + "".join(str(CN_DIGITS[c]) for c in text))


def _approx_pair(text: str) -> tuple[str, str] | None:
    """三五百 / 十五六 / 七八 / 一万六七: two neighbouring digits read as a range."""
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a in _PAIRABLE and b in _PAIRABLE:
            va, vb = CN_DIGITS[a], CN_DIGITS[b]
            if vb == va + 1 or (va, vb) == (3, 5):
                return text[:i] + a + text[i + 2:], text[:i] + b + text[i + 2:]
            return None
    return None


def _cn_point(text: str) -> int:
    """Where the decimal point of a Chinese numeral stands (点, 點, or ． before a Chinese digit: ５．５ is Arabic), else -1."""
    return next((i for i, c in enumerate(text)
                 if c in DECIMAL_POINTS or (c in CN_POINTS and text[i + 1:i + 2] in CN_DIGITS)), -1)


def has_digit_pair(text: str) -> bool:
    """Two Chinese digits side by side outside a decimal part (二〇二五, 九九, 三五)."""
    body = text[:point] if (point := _cn_point(text)) >= 0 else text
    return any(body[i] in _PAIRABLE and body[i + 1] in _PAIRABLE for i in range(len(body) - 1))


def parse_numeral(text: str) -> float | tuple[float, float] | None:
    """Value of a numeral run matched by NUMERAL; a (low, high) pair for 三五百-style ranges.

    Returns None when the run is not a well-formed number (九九, 一一) or is too large to be one
    (past float range: 1亿亿亿… forty times, a run of 400 digits).
    """
    if text.isascii():  # 2025, 3,292, 5.55: most numerals in news, read without the Chinese grammar
        digits = text.replace(",", "").replace(" ", "")
        value = float(digits) if digits and digits != "." else None
        return value if value is not None and math.isfinite(value) else None
    value = _parse(text)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, tuple) and not all(math.isfinite(v) for v in value):
        return None
    return value


def _parse(text: str) -> float | tuple[float, float] | None:
    text = text.replace(" ", "")
    if not text:
        return None
    point = _cn_point(text)
    if point >= 2 and all(c in CN_DIGITS for c in text[:point]):
        # 七二九．二億, 二八四點五: digits one by one before a decimal point are a number written out digit by
        # digit, as a year is (二〇二五); without a point such a run stays a range or no number (三五百, 一二三)
        return _parse("".join(str(CN_DIGITS[c]) for c in text[:point]) + "点" + text[point + 1:])
    if has_digit_pair(text):
        pair = _approx_pair(text)
        if pair is None:
            return None
        if has_digit_pair(pair[0]):
            return None  # one approximate pair at most: 一二三四 is not a number
        low, high = parse_numeral(pair[0]), parse_numeral(pair[1])
        if isinstance(low, float) and isinstance(high, float):
            return (low, high)
        return None
    if point >= 0:  # (the point found above: the text is unchanged since)
        head, rest = text[:point], text[point + 1:]
        k = 0
        while k < len(rest) and rest[k] in CN_DIGITS:
            k += 1
        frac = _digits_after_point(rest[:k])
        scale = 1
        for c in rest[k:]:
            scale *= CN_BIG.get(c) or CN_SMALL.get(c, 1)
        return _finite((Decimal(_integer(_tokens(head), exact=True)) + frac) * scale)
    tokens = _tokens(text)
    if not tokens:
        return None
    return _integer(tokens)
