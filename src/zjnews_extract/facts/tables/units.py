"""Units written in table headers and row labels: (亿元), (万人次), (%), (‰), (上年=100),
单位:万元. A unit is read by the quantity reader itself (one figure with the unit after it),
so a table knows every currency, measure word, physical unit and 万/亿 scale the prose does.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from .layout import words

_PAREN = regex.compile(r"[(（]\s*+(?P<u>[^()（）\s][^()（）]{0,15}?)\s*+[)）]")
_UNIT_LABEL = regex.compile(r"^(?:计量)?单位\s*[:：]\s*")
_BARE_PERCENT = regex.compile(r"(?:[(（]\s*+)?(?P<u>[%％‰])\s*+[)）]?\s*+$")


@dataclass(frozen=True, slots=True)
class Unit:
    kind: str  # "value", "percent", "permille", "pp" or "index"
    scale: float = 1.0  # 亿元 -> 1e8
    unit: str | None = None  # CNY, 人次, 吨, "%", "pp", 点
    text: str = ""  # as written


def base_index_unit(text: str) -> Unit:
    """An index on a stated base (上年=100, 以上月价格为100): its cells are index levels, in 点 as the
    dev gold writes an index (房地产开发景气指数 93.78); the base goes to the fact's versus."""
    return Unit("index", unit=words()["header"]["index_unit"], text=text)


@cache
def read_unit(text: str) -> Unit | None:
    """The unit `text` names (亿元, 万人次, %, 上年=100), or None when it names none."""
    text = _UNIT_LABEL.sub("", text.strip())
    h = words()["header"]
    if text in ("%", "％"):
        return Unit("percent", unit="%", text=text)
    if text == "‰":
        return Unit("permille", unit="%", text=text)
    if any(m in text for m in h["base_index_marks"]):
        return base_index_unit(text)
    if any(m in text for m in h["index_marks"]):
        return Unit("index", unit=h["index_unit"], text=text)
    if any(w == text for w in h["pp_words"]):
        return Unit("pp", unit="pp", text=text)
    if not text or len(text) > 8:
        return None
    for prefix in h["unit_prefixes"]:
        if text.startswith(prefix) and len(text) > len(prefix) and (rest := read_unit(text[len(prefix):])):
            return rest  # 单位:人民币万元: the currency said before the scaled unit that says it again
    from ...quantity import find_quantities  # noqa: PLC0415  (the reader's own unit grammar)

    probe = "1" + text
    found = find_quantities(probe)
    if len(found) != 1 or found[0].end != len(probe) or found[0].start != 0 or found[0].value is None:
        return None
    q = found[0]
    if q.kind == "pp":
        return Unit("pp", unit="pp", text=text)
    if q.kind == "percent":
        return Unit("percent", scale=q.value, unit="%", text=text)
    if q.kind in ("value", "number") and q.unit is None and q.value != 1 and text in words()["header"]["bare_scales"]:
        return Unit("value", scale=q.value, text=text)  # 接待游客总人数(万): a scale; the counted noun is the unit
    if q.kind != "value" or q.unit is None:
        return None
    return Unit("value", scale=q.value, unit=q.unit, text=text)


def counted_unit(unit: Unit | None, measure: str) -> Unit | None:
    """A bare scale (万) over a measure that counts (接待游客总人数): the counted noun is the unit (人)."""
    if unit is None or unit.unit is not None or unit.kind != "value":
        return unit
    noun = next((u for ending, u in words()["header"]["counted_nouns"].items() if measure.endswith(ending)), None)
    return Unit("value", scale=unit.scale, unit=noun, text=unit.text) if noun else None


def bare_count_unit(measure: str) -> str | None:
    """The measure word of a count whose table states no unit (外商直接投资企业数 -> 家), else None."""
    return next((u for ending, u in words()["header"]["bare_count_units"].items() if measure.endswith(ending)), None)


def _unit_list(text: str) -> bool:
    """亿元、%、%: units listed for the columns in turn."""
    parts = _LIST_MARK.split(text)
    return len(parts) >= 2 and all(p.strip() and read_unit(p.strip()) is not None for p in parts)


_LIST_MARK = regex.compile(r"[、,，/]")


def units_in(text: str) -> tuple[Unit | None, str]:
    """The unit a header or label states in brackets (or with a bare %) and the words left."""
    found: Unit | None = None
    rest = text
    for m in list(_PAREN.finditer(text))[::-1]:
        u = read_unit(m.group("u"))
        if u is not None:
            found = found or u
            rest = rest[:m.start()] + rest[m.end():]
        elif _unit_list(m.group("u")):
            rest = rest[:m.start()] + rest[m.end():]  # (亿元、%、%): the columns' units in turn, no name
    if found is None:
        m = _BARE_PERCENT.search(rest)
        if m:
            found = read_unit(m.group("u"))
            rest = rest[:m.start()]
    return found, rest.strip()


@cache
def _unit_line() -> regex.Pattern:
    return regex.compile("|".join(words()["layout"]["unit_line"]))


def unit_line(text: str) -> Unit | None:
    """单位:万元 in a caption line or caption row: the unit of every column that has none."""
    m = _unit_line().search(text)
    return read_unit(m.group("unit")) if m else None


def units_listed(text: str) -> tuple[Unit, ...]:
    """单位:个、亿元: every unit a caption line lists, in order (one for a plain 单位:万元 line)."""
    m = _unit_line().search(text)
    if not m:
        return ()
    rest = text[m.start("unit"):].strip()
    parts = [p.strip() for p in _LIST_MARK.split(rest) if p.strip()]
    found = tuple(u for p in parts if (u := read_unit(p)) is not None)
    return found if len(found) == len(parts) else ((first,) if (first := read_unit(m.group("unit"))) else ())


def column_unit(header: str, listed: tuple[Unit, ...]) -> Unit | None:
    """The unit of a column under a caption that lists several (单位:个、亿元): a column that counts
    (项目个数, 企业数) takes the measure word, every other column the first amount's unit."""
    if len(listed) < 2:
        return listed[0] if listed else None
    counting = header.endswith(tuple(words()["header"]["count_endings"]))
    counts = [u for u in listed if u.kind == "value" and u.scale == 1 and u.unit and not u.unit.isascii()]
    amounts = [u for u in listed if u not in counts and u.kind == "value"]
    if counting and counts:
        return counts[0]
    return amounts[0] if amounts else listed[0]


# how many lines above a table a 单位 line of its own may stand (title, 单位, blank bar rows, a
# header cell the table's rows did not take in)
_UNIT_LINES_ABOVE = 8


def unit_above(text: str, start: int) -> str:
    """A 单位 line among the few lines right above a table whose rows begin below it (表1 … | 单位:% |
    ||| before a header laid out one cell per line), else ""."""
    lines = text[max(0, start - 400):start].split("\n")[-_UNIT_LINES_ABOVE - 1:]
    for line in reversed(lines):
        if unit_line(line):
            return line
        if any(mark in line for mark in "。；;") and any(ch.isdigit() for ch in line):
            return ""  # prose with figures between: the unit line is another table's or the text's
        # (a notice with no figure between, 本公司…保证公告内容真实…。, leaves the unit the table's)
    return ""
