"""Names beside the metric in a window: a body that did what is counted (北碚缙云山接待, a list of
sites of one kind) without the time said with it (7天共接待), a sector or population of firms
whose words an official name holds (规模以上工业企业利润总额), a class of places before a bare rate
(省份增速), an abbreviation's bracket. Split from window.py, which calls these on the words it has peeled."""
from __future__ import annotations

from functools import cache

import regex

from .. import words
from ..company import has_company_suffix
from ..lexicon import cues, place_names
from .heads import measurable, place_classes
from .nouns import is_generic, leading_noun
from .phrases import without_adverbs


def window_patterns():
    from .window import patterns  # noqa: PLC0415  (window.py imports this module)

    return patterns()


def class_rate(name: str) -> str:
    """省份增速 -> 增速: a class of places before a bare rate says whose rate, not which one (the
    sentence's thing: 21个省份增速高于… after 从GDP同比增速来看)."""
    for cls in _classes_longest_first():
        if name.startswith(cls) and is_generic(name[len(cls):]):
            return name[len(cls):]
    return name


def close_brackets(name: str) -> str:
    """居民消费价格（CPI: the end peeling took the bracket that closes a kept abbreviation."""
    for left, right in (("（", "）"), ("(", ")")):
        if name.count(left) > name.count(right) and name.rfind(left) > name.rfind(right):
            name += right
    return name


def is_named(doer: str, place: str | None = None, timed: bool = False) -> bool:
    """A doer that names a body: a noun phrase with a proper name in it (缙云山, 故宫博物院) or, in
    a place named before it, one of three characters or more (南川区 + 监测的乡村旅游点); not an
    activity (温泉旅游), a measure, a sector or a population of firms (规模以上工业企业)."""
    p = window_patterns()
    if len(doer) < 2 or _PUNCT.search(doer) or measurable(doer) or p["part_doer"].search(doer) \
            or p["company"].search(doer):
        return False
    ws = words.words(doer)
    if not ws[-1][1].startswith("n") or ws[-1][1] == "vn":
        return False
    if any(pos in _proper_tags() for _, pos in ws):
        return True
    if len(ws) >= 2 and len(doer) >= 4 and any(pos in ("nr", "nrt") for _, pos in ws):
        return True  # 东方明珠广播电视塔, 沙坪坝融汇温泉: a name jieba took for a person's, in a compound (温泉 alone is none)
    # (`timed`: a time said between the doer and its verb, 水亭门节日期间接待, marks a body at a place too)
    if any(pos == "r" for _, pos in ws):
        return False  # 所属各公园景点, 其他景区: a class of sites, no body
    timed = timed and not any(pos.startswith("v") or pos in ("m", "d", "p", "c", "u") for _, pos in ws)
    return len(doer) >= 3 and (timed or place is not None and place_names().get(place) not in ("whole_region", "national"))


def is_kind_of_goods(doer: str) -> bool:
    """A doer before 实现/完成 that names a kind of goods or a class of things (基本生活类商品,
    精制食用植物油, 乘用车): plain nouns, no place, no proper name, no company and no population of
    firms (企业, which is the whole a figure is of)."""
    p = window_patterns()
    if not 2 <= len(doer) <= 10 or _PUNCT.search(doer) or p["company"].search(doer) or measurable(doer) \
            or has_company_suffix(doer):
        return False
    ws = words.words(doer)
    return ws[-1][1] == "n" and not any(pos in _proper_tags() or pos in ("nr", "r", "s", "m") for _, pos in ws)


def site_list(doer: str, place: str | None) -> str:
    """西湖公园、左海公园、…、儿童公园五大公园当日共 -> the sites, when each item names a body of the
    same kind (the same last two characters) and one of them at least is named."""
    items = _patterns_site_split().split(doer)
    if len(items) < 2:
        return ""
    last = window_patterns()["host_list_tail"].sub("", items[-1])
    items = [*items[:-1], last]
    heads = {item[-2:] for item in items}
    if len(heads) != 1 or any(not 2 < len(item) <= 10 for item in items) \
            or not any(is_named(item, place) for item in items):
        return ""
    return "、".join(items)


@cache
def _patterns_site_split() -> regex.Pattern:
    return regex.compile("[、和及与]")


@cache
def _proper_tags() -> frozenset[str]:
    return frozenset(cues()["metric"]["proper_tags"])


_PUNCT = regex.compile(r"[\p{P}\s]")


@cache
def _classes_longest_first() -> tuple[str, ...]:
    return tuple(sorted(place_classes(), key=len, reverse=True))


def host_name(doer: str) -> str:
    """东方山水乐园7天共 -> 东方山水乐园, 乔波冰雪世界春节期间 -> 乔波冰雪世界: the host without the time
    and the adverbs between it and its verb."""
    p = window_patterns()
    for _ in range(3):
        before = doer
        doer = p["host_time_tail"].sub("", without_adverbs(p["host_time_head"].sub("", doer)))
        if (last := _last_period(doer)) is not None and last >= 2:
            doer = doer[:last]
        if doer == before:
            break
    return doer


def is_timed(host: str, doer: str) -> bool:
    """A time stood between the host and its verb (水亭门节日期间总计接待)."""
    return without_adverbs(doer) != host


def _last_period(text: str) -> int | None:
    """Where a period mention that ends `text` starts (春节期间, 国庆假期, 当日), else None."""
    from ..period.grammar import grammar  # noqa: PLC0415  (periods are read after names are)

    return next((m.start() for m in grammar().finditer(text) if m.end() == len(text)), None)


@cache
def _population_names() -> tuple[str, ...]:
    """Official indicator names that hold the population of firms they count (工业企业利润总额,
    服务业企业营业收入): data/indicators.toml."""
    from ...indicators.catalogue import catalogue  # noqa: PLC0415  (loaded on first use)

    marks = tuple(cues()["metric"]["firm_kind_heads"])
    return tuple(sorted({i.zh for i in catalogue().indicators.values() if any(m in i.zh for m in marks)}))


@cache
def _indicator_names() -> frozenset[str]:
    from ...indicators.catalogue import catalogue  # noqa: PLC0415  (loaded on first use)

    return frozenset(n for i in catalogue().indicators.values() for n in (i.zh, *i.aliases))


def names_indicator(measure: str) -> bool:
    """`measure` alone names an indicator of the catalogue (出口交货值, 利润总额), so a population of firms said
    before it (规模以上工业企业实现出口交货值) adds nothing; a bare 产值, 增加值 or 利税 needs its population."""
    return measure in _indicator_names()


def population_named(doer: str, text: str) -> bool:
    """The doer's words complete an official indicator name that the measure alone does not hold."""
    joined = doer + text
    return any(name in joined and name not in text for name in _population_names())


def part_before(clause: str) -> str:
    """The sector, segment or kind of goods a figure-less clause opens with (its verbs dropped), else ""."""
    from .window import peel  # noqa: PLC0415  (window reads bodies)

    ws = words.words(leading_noun(peel(clause)[0]))
    idiom = False
    while len(ws) > 1 and ws[-1][1] in ("v", "vn", "l", "i"):
        # 石油及制品商品石油零售(增长明显): the goods, not their trade; 非公有制经济稳步发展, 跨境电商蓬勃发展: an
        # idiom after the noun says how it fared (the segmenter tags 稳步发展 l, 蓬勃发展 i)
        idiom = idiom or ws[-1][1] in ("l", "i")
        ws.pop()
    if idiom and len(ws) < 2:
        return ""  # (全县经济稳中有进: the whole's state, no part of it did anything)
    if len(ws) > 1 and ws[-1][1].startswith("n") and measurable(ws[-1][0]) \
            and not part_named("".join(w for w, _ in ws)) and part_named("".join(w for w, _ in ws[:-1])):
        # 化妆品及日化业板块营收有所下滑，实现收入4.32亿元: the part is the segment whose takings fell, not them
        ws.pop()
    return part_named("".join(w for w, _ in ws))


def part_named(name: str) -> str:
    """`name` when it names a sector, a segment or a kind of goods (no company), else ""."""
    p = window_patterns()
    if not name:
        return ""
    return name if (p["part_doer"].search(name) and not p["company"].search(name)) or is_kind_of_goods(name) else ""
