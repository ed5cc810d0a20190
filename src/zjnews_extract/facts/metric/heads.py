"""Whether a phrase names something measurable (data/metric_heads.toml).

A metric of an amount, a rate or a share must name a quantity (出口额, 用电量, 价格指数,
增速); a phrase that names only an entity (省份), a place or a fragment of a clause (报,
由涨转平) is no metric, and the number takes the one its frame carries instead.
"""
from __future__ import annotations

from functools import cache, lru_cache

import regex

from ...data import load_toml
from .. import words
from ..lexicon import alternation, confirmed, cues, match_place
from .nouns import NOUNISH, flow_verbs


# a bracketed aside closing a clause (按不变价格计算(下同))
_ASIDE_END = regex.compile(r"[(（][^()（）]{1,8}[)）]\s*$")
# a year with nothing but 同期 after it (比2019年同期增长8.6%: the base, not what grew)
# (比2019年1—11月份增长12.9%: the months compared with are a time too)
# a time and nothing else (2019年同期, 今年1月份 in 仅次于今年1月份的895.9亿元: the month compared with)
_TIME_ONLY = regex.compile(r"(?:(?:19|20)\d{2}年|今年|去年|上年|本年|前年)(?:[1-9]|1[0-2]|[一二三四五六七八九十]|十[一二])?"
                           r"(?:[-—–~至](?:[1-9]|1[0-2]))?(?:月份?)?(?:同期|全年|同季)?"
                           r"|(?:[1-9]|1[0-2]|[一二三四五六七八九十]|十[一二])(?:[-—–~至](?:[1-9]|1[0-2]))?月份?(?:同期|当月)?")


@cache
def _lexicon() -> tuple[regex.Pattern, frozenset, frozenset]:
    data = load_toml("metric_heads.toml")
    heads = data["heads"]
    whole = [w for key, ws in heads.items() if key != "suffixes" for w in ws]
    # (a head word followed by 品 or 者 names goods or people, a thing, not the flow: 消费品, 投资者)
    pattern = regex.compile(rf"(?:{alternation(whole)})(?![品者])|(?:{alternation(heads['suffixes'])})(?!\p{{Han}})",
                            regex.IGNORECASE)
    nm = data["not_metrics"]
    return pattern, frozenset(nm["words"]), frozenset(nm["place_classes"])


def heads_suffixes() -> list[str]:
    """The one-character heads (额, 量, 率 …) that make a word an amount or a rate."""
    return list(load_toml("metric_heads.toml")["heads"]["suffixes"])


@lru_cache(maxsize=4096)
def measurable(name: str) -> bool:
    """True when `name` names a quantity (it holds a head of one: 出口额, 营业收入, CPI)."""
    return bool(name) and _lexicon()[0].search(name) is not None


def ends_in_head(name: str) -> bool:
    """True when `name` ends with a head of a quantity (研发支出, 增速), not just holds one."""
    return bool(name) and any(m.end() == len(name) for m in _lexicon()[0].finditer(name, overlapped=True))


# a verb ending so says where a quantity moved to (下调至), never which flow it is
_MOVED_TO = ("至", "到", "于")
# Tags of words that say how a quantity stood or moved (最高, 一直处于, 下调至, 第一次), never what it is
_PREDICATE_TAGS = ("v", "vd", "vi", "vg", "d", "a", "ad", "ag", "ul", "uj", "uz", "y", "p", "m")


@cache
def _count_nouns() -> frozenset[str]:
    return frozenset(cues()["metric"]["event_count_nouns"])


def without_predicate(name: str) -> str:
    """芯片制造业增速最高 -> 芯片制造业增速; 比重一直处于 -> 比重; 政策利率下调至 -> 政策利率: after the
    last head of a quantity, words with no noun among them are the clause's predicate, not the name."""
    ws = words.words(name)
    if len(ws) < 2 or not measurable(name):
        return name
    cut, verbs_only = len(name), True
    for w, pos in reversed(ws):
        if ends_in_head(name[:cut]):
            # 信贷投放, 资金到位: a verb alone after the head says which flow (投放, not the stock)
            return name if verbs_only and not name.endswith(_MOVED_TO) else name[:cut]
        verbs_only = verbs_only and pos.startswith("v")
        if not pos.startswith(_PREDICATE_TAGS) or pos == "vn" or w in _count_nouns():
            # (运输起降架次: a count of events, 架次, ends the name as a noun does, though tagged a numeral)
            return name  # 新开工项目, 用电负荷: a noun after the head is part of the name
        cut -= len(w)
    return name


def is_junk(name: str) -> bool:
    """True when `name` cannot be a metric at all: a place or a class of places (省份, 湖南),
    a word that says how a figure is counted (可比口径), or no noun at all (报, 非常明显)."""
    return _is_junk(name, confirmed())


def clear_junk() -> None:
    _is_junk.cache_clear()


@lru_cache(maxsize=4096)
def _is_junk(name: str, _places: frozenset[str]) -> bool:
    # (_places: the article's confirmed county names, which match_place reads: part of the key)
    if not name or "|" in name:
        return True  # 中新经纬|: page furniture
    _, not_metrics, place_classes = _lexicon()
    bare = name.lstrip("等各其").rstrip("的")
    if bare in not_metrics or bare in place_classes or _TIME_ONLY.fullmatch(bare):
        return True  # 省份, 可比口径, 2019年同期: a place, a counting base, a time
    m = match_place(bare)
    if m is not None and m.end() == len(bare):
        return True
    # a word of flow alone (接待, 销售) names what was counted, and so does one a verb qualifies (新增就业:
    # the jobs added); other words with no noun do not
    ws = words.words(name)
    # (运载率, 运输率: jieba cuts a verb and its 率 apart, tagging both verbs; a one-character head closing the words
    # makes them a rate or an amount all the same: HJ's 國泰 運載率, twelve such 率 names in the held-out texts)
    return not any(pos.startswith(NOUNISH) or pos == "vn" for _, pos in ws) and not (
        len(bare) <= 3 and _lexicon()[0].fullmatch(bare)
        or ws and len(ws[-1][0]) >= 2 and _lexicon()[0].fullmatch(ws[-1][0])
        or len(ws) >= 2 and ws[-1][0] in heads_suffixes())


def names_entity(name: str) -> bool:
    """True when `name` may name what a count counts: it holds a noun and is not a word that
    says how a figure is counted (可比口径)."""
    _, not_metrics, _ = _lexicon()
    if not name or name in not_metrics:
        return False
    return any(pos.startswith(NOUNISH) or pos == "vn" for _, pos in words.words(name))


@cache
def _method() -> regex.Pattern:
    nm = load_toml("metric_heads.toml")["not_metrics"]
    return regex.compile(rf"^\s*(?:(?:{alternation(nm['method_starts'])}).*(?:{alternation(nm['method_ends'])})\s*$"
                         rf"|(?:{alternation(nm['method_openers'])}))")


@cache
def _method_phrase() -> regex.Pattern:
    nm = load_toml("metric_heads.toml")["not_metrics"]
    return regex.compile(rf"(?:{alternation(nm['method_phrase_starts'])})[^，,；;。]{{1,10}}?"
                         rf"(?:{alternation(nm['method_phrase_ends'])})(?![机器])"
                         rf"|(?:{alternation(nm['method_openers'])})[^，,；;。]{{1,8}}?"
                         rf"(?:{alternation(nm['method_opener_ends'])})"
                         rf"|(?:{alternation(nm['currency_basis_marks'])})(?:{alternation(nm['currency_bases'])})"
                         rf"(?:{alternation(nm['currency_basis_ends'])})为?")


@cache
def _method_marks() -> tuple[str, ...]:
    nm = load_toml("metric_heads.toml")["not_metrics"]
    return tuple({w[0] for w in nm["method_phrase_starts"]} | {w[0] for w in nm["method_openers"]}
                 | {w[0] for w in nm["currency_basis_marks"]})


def drop_method_phrases(text: str) -> str:
    """规模以上工业增加值按可比价格计算同比增长, 居民人均可支配收入扣除价格因素实际增长: the method
    phrase is no part of the name."""
    return _method_phrase().sub("", text) if any(c in text for c in _method_marks()) else text


def is_method_clause(clause: str) -> bool:
    """按可比价格计算, 分行业看: the clause says how figures are counted, not what they measure."""
    return _method().match(_ASIDE_END.sub("", clause)) is not None  # (按不变价格计算(下同): the aside goes first)


@cache
def _part_forms() -> tuple[tuple[str, str], ...]:
    forms = load_toml("metric_heads.toml")["part_forms"]
    return tuple(sorted(forms.items(), key=lambda kv: -len(kv[0])))


def part_measure(whole: str, part: str = "") -> str:
    """What a part of `whole` is measured by when `whole` is a total (社会消费品零售总额 ->
    零售额, 进出口总值 -> 进出口; for an urban or rural half, 消费品零售额); `whole` itself
    otherwise (data [part_forms], [half_forms])."""
    if part in cues()["metric"]["half_words"]:
        forms = load_toml("metric_heads.toml")["half_forms"]
        if form := next((f for total, f in forms.items() if whole.endswith(total)), None):
            return form
    return next((form for total, form in _part_forms() if whole.endswith(total)), whole)


@cache
def _sized() -> frozenset[str]:
    return frozenset(load_toml("metric_heads.toml")["heads"]["sizes"])


@cache
def _valued() -> frozenset[str]:
    return frozenset(load_toml("metric_heads.toml")["heads"]["values"])


@cache
def _stages() -> frozenset[str]:
    return frozenset(load_toml("metric_heads.toml")["measure_stages"]["words"])


def head_of(thing: str) -> str:
    """The head word of a metric (农林牧渔总产值 -> 总产值, 产品产量 -> 产量), when it names a
    quantity by itself: what a part of that thing is measured by (社会消费品零售总额 -> 零售额)."""
    if (part := part_measure(thing)) != thing:
        return part
    ws = words.words(thing)
    if len(ws) >= 2:  # the last word, where the segmenter puts a boundary (产品|产量)
        head = ws[-1][0]
        if head in _sized():
            # 房屋新开工面积 -> 新开工面积: an area is of the flow named with it; with none (批准预售面积,
            # 新增土地面积) no head a part could take alone
            return ws[-2][0] + head if ws[-2][0] in flow_verbs() else ""
        if head in _valued() and ws[-2][0] in flow_verbs():
            return ws[-2][0] + head  # 杂项耐用消费品销货价值 -> 销货价值: a value is of the flow named with it
        if len(head) >= 4 and measurable(tail := head[-2:]) and words.is_word(tail) \
                and words.is_word(thing_word := head[:-2]) and not measurable(thing_word) \
                and thing_word not in _stages():
            return tail  # 新能源|汽车产量 -> 产量: the segmenter's word holds a thing and its measure (汽车|产量)
        return head if measurable(head) else ""
    # one dictionary word (规模以上工业增加值, 社会消费品零售总额): a head of three or four characters
    # at its end that leaves a word of two or more before it (增加值, 零售总额); a shorter one could
    # cut a word in two (进出口总值 is not 进 + 出口总值)
    for size in (4, 3):
        head = thing[-size:]
        if len(thing) - size >= 2 and words.is_word(head) and measurable(head):
            return head
    return ""


def place_classes() -> frozenset:
    """Classes of places (省份, 城市): data [not_metrics] place_classes."""
    return _lexicon()[2]


def without_basis(name: str) -> str:
    """同比增速 -> 增速, 同比增收 -> "": a basis word before a rate word or a bare change names nothing itself
    (data [metric] basis_openers); the rate word then takes the thing before it, a bare change the frame's."""
    m = cues()["metric"]
    opener = next((b for b in m["basis_openers"] if name.startswith(b)), None) if name else None
    if opener is None:
        return name
    rest = name[len(opener):]
    if rest in m["generic_heads"]:
        return rest
    return "" if rest in m["change_nouns"] or is_junk(rest) else name
