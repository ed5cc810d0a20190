"""How precisely a number was stated: half a unit of its last written digit, in base units.

5.55万亿元 (5.55e12) was stated to 0.01万亿, so any true value within 5e9 of it reads the same;
sums, shares and growth rates computed from stated numbers are compared within the rounding
those digits allow, never with a fixed tolerance.
"""
from __future__ import annotations

import re
import unicodedata

_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def half_step(text: str | None, value: float | None) -> float:
    """Half a unit of the last digit `text` writes, scaled like `value`; 0 when the text shows no
    Arabic number (a Chinese numeral is read as exact)."""
    if not text or value is None:
        return 0.0
    m = _NUMBER.search(unicodedata.normalize("NFKC", text).replace(",", ""))
    if not m:
        return 0.0
    written = float(m.group())
    if written == 0:
        return 0.0
    decimals = len(m.group().partition(".")[2])
    return 0.5 * 10.0 ** -decimals * abs(value / written)


def same_within_rounding(a: float, text_a: str | None, b: float, text_b: str | None) -> bool:
    """Two statements of one number agree: their difference is within both roundings."""
    return abs(a - b) <= half_step(text_a, a) + half_step(text_b, b) + 1e-9 * max(abs(a), abs(b))
