"""Items of the fixed shapes, read whole by their own grammar groups: a rank word (榜首), top N (前十),
a rank (第3), a streak (连续5年) and a doubling (翻一番). Split from reading.py, which reads the rest."""
from __future__ import annotations

from .grammar import Lexicon
from .numerals import CN_DIGITS, parse_numeral
from .reading import Item


def fixed_item(m, group: str, lex: Lexicon) -> Item | None:
    """Items of the fixed shapes: rank, top-N, N强, streak, 翻番."""
    start, end = m.start(), m.end()
    if group == "rankword":
        return Item(start, end, "rank", float(lex.rank_words[m.group()]), None, category="rank", fixed_kind=True)
    if group == "fan":
        n = m.group("fan_n")
        times = CN_DIGITS[n] if n else 1
        qualifier = {"近": "approx", "约": "approx", "約": "approx", "超": "over", "逾": "over"}.get(m.group("fan_q"), "exact")
        return Item(start, end, "growth", (2 ** times - 1) * 100.0, "%", qualifier, fixed_kind=True)
    if group == "streak":
        v = parse_numeral(m.group("st_n"))
        if not isinstance(v, float):
            return None
        unit = m.group("st_u").replace("個", "个").replace("週", "周")
        return Item(start, end, "value", v, unit, category="streak", fixed_kind=True)
    num = m.group({"rank": "rk_n", "top": "tp_n"}[group])
    v = parse_numeral(num)
    if not isinstance(v, float) or v != int(v) or v <= 0:
        return None
    qualifier = "exact" if group == "rank" else "under"
    return Item(start, end, "rank", v, None, qualifier, category="rank", fixed_kind=True)
