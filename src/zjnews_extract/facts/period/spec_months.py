"""The months a period mention's words cover within its year (1-5月, 前三季度, 上半年, H1, 12月份)."""
from __future__ import annotations

from .calendar_days import num
from .grammar import lexicon


def spec_months(g: dict) -> tuple[int | None, int | None, str]:
    """First and last month the spec words cover (a bare year: 1..12)."""
    if g["m1"]:
        a, b = num(g["m1"]), num(g["m2"])
        return (a, b, "span") if 1 <= a <= b <= 12 else (None, None, "span")
    if g["firstn"]:
        n = num(g["firstn"])
        return (1, n, "span") if 1 <= n <= 12 else (None, None, "span")
    if g["firstq"]:
        n = num(g["firstq"])
        return 1, 3 * n, "span"
    if g["q"] or g["ql"]:
        q = lexicon()["quarters"][g["q"] or g["ql"]]
        return (3 * q, 3 * q, "span") if g["qend"] else (3 * q - 2, 3 * q, "span")
    if g["half"] or g["hl"]:  # 上半年, H1
        a, b = lexicon()["halves"][g["half"]] if g["half"] else ((1, 6) if g["hl"] == "1" else (7, 12))
        return a, b, "span"
    if g["yend"] or g["yend2"]:
        return 12, 12, "span"
    if g["rm1"]:
        a = num(g["rm1"])
        return a, num(g["rm2"]) if g["rm2"] else a, "span"
    if g["dm"]:
        n = num(g["dm"])
        return n, n, "day"
    if g["m"]:
        n = num(g["m"])
        return n, n, "span"
    if g["ytd"]:
        return 1, 1, "span"
    return 1, 12, "span"  # a year alone, 全年
