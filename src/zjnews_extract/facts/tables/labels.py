"""Row labels: the name a row gives its figures, and how names combine into a metric.

A label loses its lead marks (#, 其中:, 1., (一)), its second-language tail (Item …), its
unit in brackets (kept apart: it is the row's unit) and a trailing 合计. A label that names
a measure (出生率, 餐饮收入, 增值税) is a metric of its own; any other (城镇, 批发业, 轻工业)
is a category that takes the measure of its column, its section or its table:
批发业 + 限上零售额, 第一产业 + 总产出, 轻工业 + 工业增加值 -> 轻工业增加值.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..lexicon import alternation
from .header import growth_only
from .layout import squash, words
from .units import Unit, units_in

_HAN = regex.compile(r"\p{Han}")
_ABBREVIATION = regex.compile(r"[(（]\s*+[A-Za-z]{2,8}+\s*+[)）]$")
_LATIN_TAIL = regex.compile(r"(?<=[\p{Han})）])\s+[A-Za-z][^\p{Han}]*$")


@dataclass(frozen=True, slots=True)
class Label:
    name: str  # the label as a name: 批发业, 出生率
    unit: Unit | None  # a unit the label states: 总产出(亿元), 人口(‰)
    grouping: bool  # 按经营地分: names the rows under it, measures nothing
    furniture: bool = False  # 阅读, 点赞: a page counter
    outline: int = 0  # 1 for a section of an outline (一、), 2 for an item under one (1、), else 0
    part: bool = False  # marked as a part of a row above (#寿险, 其中:入境过夜人数)


@cache
def _patterns():
    w = words()["labels"]
    return {
        "lead": regex.compile("|".join(w["lead_marks"])),
        "part_mark": regex.compile(w["part_mark"]),
        "period": regex.compile("^(?:" + alternation(w["period_words"]) + ")(?=\\p{Han}{2})"),
        "grouping": regex.compile("|".join(w["grouping"])),
        "latin": regex.compile(w["latin_only"]),
        "latin_names": frozenset(w["latin_names"]),
        "total": tuple(w["total_suffixes"]),
        "measures": tuple(w["measure_endings"]),
        "furniture": frozenset(w["furniture"]),
        "scope": regex.compile("^(?:" + alternation(w["scope_prefixes"]) + ")(?=\\p{Han}{2})"),
        "place_section": regex.compile("^(?:" + alternation(w["place_sections"]) + ")(?=\\p{Han})"),
        "outline_section": regex.compile("|".join(w["outline_sections"])),
        "outline_item": regex.compile("|".join(w["outline_items"])),
        "within_total": regex.compile("|".join(w["within_total"])),
    }


def place_label(text: str) -> str:
    """全国总计 -> 全国, 北 京 -> 北京: a place cell as a place name."""
    name = _patterns()["lead"].sub("", squash(text), count=1)  # 其中:定海区
    for suffix in _patterns()["total"]:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[:-len(suffix)]
    return name


def read_label(text: str) -> Label:
    pats = _patterns()
    name = _LATIN_TAIL.sub("", squash(text))
    if (pats["latin"].match(name) or not _HAN.search(name)) and name.upper() not in pats["latin_names"]:
        return Label("", None, False)
    outline = 1 if pats["outline_section"].match(name) else 2 if pats["outline_item"].match(name) else 0
    part = bool(pats["part_mark"].match(name))
    for _ in range(2):  # 其中: 1. 出口
        name = pats["lead"].sub("", name, count=1)
    name = pats["period"].sub("", name, count=1)  # 全年粮食: the period is the column's, not a name
    name = pats["scope"].sub("", name, count=1)  # 主要行业工业总产值: the rows under it are the industries
    unit, name = units_in(name)
    for suffix in pats["total"]:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[:-len(suffix)]
            break
    name = name.strip()
    return Label(name, unit, bool(pats["grouping"].match(name)), name in pats["furniture"], outline, part)


def is_within_total(name: str) -> bool:
    """在总额中, 其中: the rows below are parts of the total above; no new section."""
    return bool(_patterns()["within_total"].match(name))


def population(section: str) -> str:
    """限额以上住宿餐饮企业营业收入 -> 限额以上住宿餐饮企业: the firms a section's measure is of, "" when it
    names none (社会消费品零售总额)."""
    from ..lexicon import cues  # noqa: PLC0415

    ends = [section.rfind(w) + len(w) for w in cues()["metric"]["company_heads"] if section.rfind(w) > 0]
    end = max(ends, default=0)
    return section[:end] if 0 < end < len(section) else ""


def place_section(name: str) -> str | None:
    """分县(区)工业总产值 -> 工业总产值: the measure of a section whose rows are places, else None."""
    m = _patterns()["place_section"].match(name)
    return name[m.end():] if m else None


def is_measure(name: str) -> bool:
    """True when `name` names what is measured (出生率, 增值税), not a category (城镇)."""
    # 居民消费价格总指数(CPI): an abbreviation in brackets after the name says the same again
    return bool(name) and _ABBREVIATION.sub("", name).rstrip().endswith(_patterns()["measures"])


# the most characters of a measure's group word before the head a category shares (城乡 of 城乡居民)
_GROUP_MAX = 2


def merge(category: str, measure: str) -> str:
    """轻工业 + 工业增加值 -> 轻工业增加值: the words they share are written once."""
    if not category:
        return measure
    if not measure or measure in category:
        return category
    # 国际游客 under 接待过夜游客: the kind takes the place of the measure's own noun (接待过夜国际游客)
    for n in range(min(len(category), len(measure)) - 1, 1, -1):
        if category.endswith(measure[-n:]) and len(measure) > n:
            return measure[:-n] + category
    for n in range(min(len(category), len(measure)), 1, -1):
        if category.endswith(measure[:n]):
            return category + measure[n:]
    # 全体居民 + 城乡居民人均可支配收入 -> 全体居民人均可支配收入: the category is one kind of the
    # measure's own short group (城乡居民), which it replaces
    for n in range(len(category), 1, -1):
        at = measure.find(category[-n:], 1, _GROUP_MAX + n)
        if at > 0:
            return category + measure[at + n:]
    return category + measure


def is_change(name: str) -> bool:
    """增长, 同比增长, 比上年增长: a row of growth rates, of the row above."""
    return bool(name) and growth_only(name)


def _without_bracket_tail(name: str) -> str:
    """地区生产总值增长率(按可比价格计算)(%) -> 地区生产总值增长率: the brackets that end a label (string
    operations: a pattern anchored at the end rescans every bracket before it)."""
    while name.endswith((")", "）")):
        opened = max(name.rfind("("), name.rfind("（"))
        if opened <= 0:
            break
        name = name[:opened]
    return name


def rate_only(measure: str) -> bool:
    """增长速度, 比上年增长速度: a growth column's words naming the rate, no thing that grew."""
    rates = tuple(words()["header"]["rate_words"])
    return bool(measure) and measure.endswith(rates) and growth_only(measure[:-2] or "增长")


def names_rate(name: str) -> bool:
    """地区生产总值增长率(按可比价格计算), 居民消费价格涨幅(CPI): a label naming a rate of change."""
    return bool(name) and _without_bracket_tail(name).endswith(tuple(words()["header"]["rate_label_endings"]))
