"""Noun phrases around a number: the thing counted after it (4637个团组), the noun that
ends a clause, which parts of speech can name a thing, and generic heads (规模, 增速)
that need the thing they belong to. Parts of speech come from jieba's tag table (words.py).
"""
from __future__ import annotations

from functools import cache

import regex

from .. import words
from ..lexicon import cues, opens_with_partner

NOUNISH = ("n", "vn", "nz", "nt", "nr", "j", "l", "b", "an", "eng", "x", "i", "g", "k")


def w_is_punct(word: str) -> bool:
    return all(not ch.isalnum() for ch in word)


def only_function_words(text: str) -> bool:
    """True when no word of `text` could name a thing (verbs, adverbs, prepositions)."""
    for w, pos in words.words(text):
        if w_is_punct(w):
            continue
        if pos.startswith(NOUNISH) or pos == "vn":
            return False
    return True


_NAME_END = regex.compile(r"[\d，,、。；;：:！？!?（）()%]")
_GRADE = regex.compile(r"[一二两三四五六七八九十百千万亿\d]+级")
_FIGURE_AHEAD = regex.compile(r"[^，,。；;！？!?\n\d]{0,40}+\d")  # a bounded look: linear in any line
_LIST_NEXT = regex.compile(r"[\u4e00-\u9fff]{2}")  # a 、 followed by a name, not by a number
_STOP_POS = ("p", "c", "f", "m", "r", "d", "y", "zg", "t", "s", "ns", "ad", "u")


@cache
def _bases() -> frozenset[str]:
    return frozenset(cues()["metric"]["change_bases"])


@cache
def milestone_nouns() -> frozenset[str]:
    return frozenset(cues()["metric"]["milestone_nouns"])


_JOINING = ("和", "与", "及")


def noun_after(text: str) -> str:
    """The name right after a count (4637个团组赴境外 -> 团组; 272亿元的现金红利 -> 现金红利), or ""."""
    stop = _NAME_END.search(text, 0, 24)
    # 31个省、自治区、直辖市分别…: a list of what is counted; not 100个项目、投资金额超1000亿元, where
    # the next item has a figure of its own
    while stop and text[stop.start()] == "、" and _LIST_NEXT.match(text, stop.end()) \
            and not _FIGURE_AHEAD.match(text, stop.end()):
        stop = _NAME_END.search(text, stop.end(), 24)
    ws = words.words(text[:stop.start() if stop else 24])
    if ws and ws[0][0] == "的":
        ws = ws[1:]
    out: list[tuple[str, str]] = []
    if grade := _GRADE.match(text):  # 2个五千亿级产业链: a grade in numerals is part of the name
        out.append((grade.group(), "b"))
        ws = words.words(text[grade.end():stop.start() if stop else 24])
    for i, (w, pos) in enumerate(ws):
        if w == "、" and out and i + 1 < len(ws) and ws[i + 1][1].startswith(NOUNISH):
            out.append((w, "x"))
            continue
        if w in _JOINING and out and out[-1][1].startswith(NOUNISH) and i + 2 < len(ws) \
                and ws[i + 1][1].startswith((*NOUNISH, "vn")) and ws[i + 2][1].startswith((*NOUNISH, "vn")):
            out.append((w, "x"))  # 文化和旅游消费示范城市: two nouns joined before one head are one name
            continue
        if w_is_punct(w) or w[:1].isdigit() or w in _bases():
            break  # 9个省份同比增长: 同比 says how it changed, not what is counted
        nxt = ws[i + 1][1] if i + 1 < len(ws) else ""
        if pos.startswith("v") and pos != "vn":
            # a verb joins the name only as a modifier (参展企业, 促消费) or as the last word of a
            # noun-verb compound that ends the clause (贸易采购, 精准匹配)
            if (len(w) == 1 and out or not out) and (nxt.startswith("n") or nxt == "vn"):
                out.append((w, pos))
                continue
            if len(w) >= 2 and out and out[-1][1].startswith(("n", "vn")) and (not nxt or nxt == "x"):
                out.append((w, "vn"))
            break
        if pos.startswith(_STOP_POS) and pos != "nz" and not is_place_class(w):
            break
        if pos in ("a", "ad", "an") and not (nxt.startswith(("n", "q", "b")) or nxt == "vn"):
            break
        out.append((w, pos))
    while out and not (out[-1][1].startswith(NOUNISH) or out[-1][1] == "vn") or out and out[-1][1] in ("a", "q"):
        out.pop()
    return "".join(w for w, _ in out)


def ends_open(text: str) -> bool:
    """True when the words before a count end in a verb or linker (组织, 调查, 中有, 与), so the
    thing counted follows the number; not for 扩展至 / 达到, whose thing comes first."""
    ws = words.words(text.strip()[-6:])  # the last word is all that matters
    if not ws:
        return True
    w, pos = ws[-1]
    if w.endswith(("至", "到", "达", "为")):
        return False
    return pos.startswith(("v", "p", "c")) or w in _existential()


@cache
def _existential() -> frozenset[str]:
    return frozenset(cues()["metric"]["existential_before_count"])


def object_of_verb(text: str) -> bool:
    """True when the words before a count end in a verb that acts on what is counted (组织1200家企业
    赴境外参展: the firms are organised, and what follows is the purpose, not what defines them);
    not 有 (已有25个省份公布…: the count of those that did)."""
    ws = words.words(text.strip()[-6:])
    return bool(ws) and ws[-1][1].startswith("v") and ws[-1][1] != "vn" and ws[-1][0] not in _existential() \
        and ws[-1][0] not in cues()["nonfact"]["count_openers"]  # 累计8个村入选: a total, not an act on them


@cache
def _generic() -> frozenset[str]:
    return frozenset(cues()["metric"]["generic_heads"])


def is_generic(metric: str) -> bool:
    """True for a head that needs the thing it belongs to (规模, 增速, 累计金额: data [metric] generic_heads)."""
    if metric in _generic():
        return True
    lead = next((w for w in cues()["metric"]["generic_head_leads"] if metric.startswith(w)), None)
    return lead is not None and metric[len(lead):] in _generic()


def trailing_noun(text: str) -> str:
    """The noun phrase that ends a clause (举办浙江出口网上交易会 -> 浙江出口网上交易会)."""
    ws = words.words(text.strip())
    out: list[str] = []
    for w, pos in reversed(ws):
        if w_is_punct(w) or not (pos.startswith(NOUNISH) or pos in ("vn", "s")):
            break
        out.append(w)
    return "".join(reversed(out))


def is_place_class(word: str) -> bool:
    """城市, 省份: a class of places names what a count counts (39个重点旅游城市)."""
    from .heads import place_classes  # noqa: PLC0415

    return word in place_classes()


def has_verb(text: str) -> bool:
    """True when a word of `text` is a verb (远低于分析师: a clause, not a noun phrase)."""
    return any(pos.startswith("v") and pos != "vn" for _, pos in words.words(text))


def leading_noun(text: str, lists: bool = False) -> str:
    """The noun phrase that opens a clause (居民消费价格指数同比由涨转平 -> 居民消费价格指数);
    with `lists`, a list of them (水产品、鲜果和蔬菜价格由涨转降)."""
    from .heads import measurable  # noqa: PLC0415  (heads imports this module)

    out: list[str] = []
    joins = ("及", "和", "与", "、") if lists else ("及", "和", "与")
    ws = words.words(text.strip())
    if len(ws) > 1 and opens_with_partner(text.strip()):
        out.append(ws[0][0])  # 与东盟国家双边贸易规模快速扩大: the trade with a partner, named with it
        ws = ws[1:]
    for i, (w, pos) in enumerate(ws):
        # 竣工面积: a verb that makes a measure of the noun after it stays in the name
        modifier = pos == "v" and out and i + 1 < len(ws) and ws[i + 1][1] == "n" and measurable(w + ws[i + 1][0])
        # 家用电器类商品: 类 (tagged a measure word) makes a class of the noun before it
        modifier = modifier or w == "类" and out and i + 1 < len(ws) and ws[i + 1][1].startswith(NOUNISH)
        if not (out and w in joins) and not modifier \
                and (w_is_punct(w) or not (pos.startswith(NOUNISH) or pos in ("vn", "s"))) \
                or out and w in cues()["metric"]["manner_nouns"]:
            break
        out.append(w)
    while out and out[-1] in joins:
        out.pop()
    return "".join(out)


def share_modifier(previous: str, head: str) -> str:
    """'“X”企业' and '产品' -> '“X”产品': a bare noun after 、 takes the modifier of the item before."""
    ws = words.words(previous)
    if len(ws) < 2 or not ws[-1][1].startswith(("n", "vn")) or ws[-1][0] == head:
        return head
    last = len(ws) - 1
    while last > 0 and len(ws[last][0]) == 1 and len(ws[last - 1][0]) == 1 and not ws[last - 1][1].startswith("v"):
        last -= 1  # 生产粗|钢 and 生铁: the segmenter split the item (粗钢), which is replaced whole
    prefix = previous[: len(previous) - sum(len(w) for w, _ in ws[last:])]
    # only a quoted name is a modifier the list shares (“同线同标同质”企业、产品); a plain one is the
    # item's own (微型计算机设备、打印机: no 微型打印机; BO's and EWx's lists of products)
    return prefix + head if len(prefix) >= 2 and prefix.rstrip().endswith(_CLOSING_QUOTES) else head


_CLOSING_QUOTES = ("”", "」", "』", '"', "》")


def object_swapped(measure: str, thing: str) -> str:
    """平均日产粗钢 and 生铁 -> 平均日产生铁; 出口汽车 and 摩托车 -> 出口摩托车: a measure verb of output or
    trade and its object, then a bare thing in the object's place; "" when `measure` ends in no such
    object. Bodies are never objects (外商投资企业 and 私营企业: the firms are who, not what)."""
    from .heads import measurable  # noqa: PLC0415  (heads reads this module)

    if len(thing) > _MAX_OBJECT or is_body(thing):
        return ""
    flows = flow_verbs()
    # (no verb inside a longer noun: 发电机组 is one word, generator sets, no 发电 of 机组)
    inside, at = set(), 0
    for w, pos in words.words(measure):
        if pos.startswith("n") and len(w) >= 3:
            inside.update(range(at + 1, at + len(w)))
        at += len(w)
    for cut in range(len(measure) - 1, max(1, len(measure) - _MAX_OBJECT - 1), -1):
        if cut not in inside and measure[:cut].endswith(flows):
            rest = measure[cut:]  # (发电量: 量 is the measure's own suffix, no object)
            swap = len(rest) >= 2 and not has_verb(rest) and rest != thing and not is_body(rest) and not measurable(rest)
            return measure[:cut] + thing if swap else ""
    return ""


@cache
def flow_verbs() -> tuple[str, ...]:
    """The flow heads of metric_heads.toml (出口, 销售, 新开工 …)."""
    from ...data import load_toml  # noqa: PLC0415

    return tuple(load_toml("metric_heads.toml")["heads"]["flows"])


# the longest object of a measure verb swapped for another (粗钢, 新能源汽车)
_MAX_OBJECT = 5


_CLAUSE_END = regex.compile(r"[，,。；;！？!?\n]")


def set_defined_after(text: str, counted: str = "", acted_on: bool = False) -> str:
    """7家公司营收和净利双降 -> 营收和净利双降的公司; 59个县(市)增速高于全省平均增速 -> 增速高于全省
    平均增速的县(市): what a count counts is the set a predicate after its noun defines; "" when
    the words after the count are no such noun and predicate (4637个团组赴境外). `counted` is the
    count's own noun when it stands as the measure word (15省份旅游收入超百亿); `acted_on` when a
    verb before the count acts on it (组织1200家企业赴境外参展): only a predicate of the set verbs defines it."""
    stop = _CLAUSE_END.search(text, 0, 32)
    clause = text[:stop.start() if stop else 32]
    if counted:
        noun, rest, place_class = counted, clause, True
    else:
        ws = words.words(clause)
        place_class = is_place_class(ws[0][0]) if ws else False  # 县, 城市, 省份: jieba tags them oddly
        if ws and (cls := next((c for c in _classes_longest() if clause.startswith(c)), "")) \
                and len(cls) > len(ws[0][0]):
            ws, place_class = [(cls, "n"), (clause[len(cls):], "v")], True  # 市州增长: the segmenter cut 市|州增长
        if len(ws) < 2 or not place_class and (not ws[0][1].startswith("n") or ws[0][1] in ("nr", "ns")
                                               or len(ws[0][0]) < 2):
            return ""
        noun = ws[0][0]
        rest = clause[len(noun):]
    if len(noun) >= 4:
        from .heads import measurable  # noqa: PLC0415  (heads imports this module)

        if measurable(noun[2:]) and not measurable(noun[:2]):
            noun, rest = noun[:2], noun[2:] + rest  # 63种产品产量实现增长: 产品 counted, 产量 grew
    if bracket := regex.match(r"[（(][^()（）]{1,10}[)）]", rest):  # (29省(自治区、直辖市)公布了…)
        noun, rest = noun + bracket.group(), rest[bracket.end():]
    rest = rest.strip()
    if rest[:1] == "的" and (place_class or is_body(noun)) and (_FIGURE.search(rest) or has_verb(rest[1:])):
        # 有6个省的总收入超过3000亿: the places' own measure, then a threshold; 8个省份的增速跑赢全国: what
        # the places' measure did
        rest = rest[1:]
    if len(rest) < 2 or rest[0] in "的是为有在、":
        return ""
    if any(not rest.startswith(("以上", "以下", "以内", "年"), m.end()) and not _bound_before(rest, m.start())
           for m in _FIGURE.finditer(rest)):  # (公布了2020年GDP数据: a year, no figure)
        return ""  # 78个县(市)实现工业增加值2284.67亿元: a figure of its own, the count is a scope
    if not _set_verbs().search(rest) and not (not acted_on and (place_class or is_body(noun)) and has_verb(rest)):
        return ""
    return rest + "的" + noun


_FIGURE = regex.compile(r"\d+(?:\.\d+)?\s*[%％]?")


def is_body(noun: str) -> bool:
    """Places and firms (省份, 城市, 上市公司, 企业) act: whatever they did defines the counted set
    (25个省份公布旅游收入, 79家公司完成重大资产重组); people and groups (游客, 团组) only travel or come."""
    return is_place_class(noun) or noun.endswith(tuple(cues()["metric"]["company_heads"]))


def _bound_before(text: str, at: int) -> bool:
    """增速高于4.8%的全国水平, GDP总量超过了2万亿元: a figure the set is compared with bounds it."""
    before = text[max(0, at - 3):at].removesuffix("了")
    return before[-2:] in ("高于", "低于", "超过", "不足", "快于", "慢于", "突破") or before[-1:] == "超"


def is_bare_body(noun: str) -> bool:
    """公司, 企业, 省份: a class of bodies with no kind of its own (not 领航企业, 上市公司)."""
    return is_place_class(noun) or noun in cues()["metric"]["company_heads"] or noun in cues()["metric"]["counted_classes"]


def defines_set(clause: str) -> bool:
    """营收超百亿元, 增速高于全省: a predicate that picks members of a set by a measure."""
    return _set_verbs().search(clause) is not None or any(w in clause for w in cues()["metric"]["set_threshold_marks"])


@cache
def _classes_longest() -> tuple[str, ...]:
    from .heads import place_classes  # noqa: PLC0415  (heads imports this module)

    return tuple(sorted(place_classes(), key=len, reverse=True))


@cache
def _movement_words() -> regex.Pattern:
    m = cues()["metric"]
    moves = (set(m["set_predicate_verbs"]) - set(m["set_not_movements"])) | set(cues()["sections"]["moves"])
    words_ = moves | set(m["change_bases"]) | set(m["basis_openers"]) | set(m["rate_heads"]) | set(m["set_movement_fillers"])
    return regex.compile("|".join(map(regex.escape, sorted(words_, key=len, reverse=True))))


def moved_only(predicate: str) -> bool:
    """同比增长, 增速提高, 均实现增长: the predicate says only how a figure moved, no measure of its own
    (用电量下降 and 旅游业总收入超过400亿元 name theirs)."""
    return bool(predicate) and not _movement_words().sub("", predicate).strip()


@cache
def _set_verbs() -> regex.Pattern:
    verbs = sorted(cues()["metric"]["set_predicate_verbs"], key=len, reverse=True)
    return regex.compile("(?:" + "|".join(map(regex.escape, verbs)) + ")(?![值量额率])")  # not 增加值


@cache
def _object_verbs() -> frozenset[str]:
    return frozenset(cues()["metric"]["object_verbs"])


@cache
def _flow_name_verbs() -> frozenset[str]:
    return frozenset(cues()["metric"]["flow_name_verbs"])


def drop_leading_verbs(text: str) -> str:
    """招引落地链主型企业 -> 链主型企业: verbs in front of a name are not part of it."""
    if is_place_class(text.rpartition("的")[2]):
        return text  # 增速超过全国的省份: the verbs define the set of places counted (省份), all of it the name
    ws = words.words(text)
    i = 0
    while i < len(ws) - 1 and ws[i][1] in ("v", "vd", "d", "p", "c", "ad", "r"):
        if ws[i][1] == "d" and _opens_catalogue_name(text, len("".join(w for w, _ in ws[:i]))):
            break  # 最终消费支出: an official name that opens with what the segmenter tags an adverb
        if ws[i + 1][0] == "的":
            break  # 上涨的城市: the verb is the clause that defines the set, no verb in front of a name
        if ws[i][0].startswith(tuple(cues()["metric"]["per_unit_openers"])) \
                or ws[i][0] in cues()["metric"]["defining_openers"]:
            break  # 每股基本盈利, 归属母公司股东的净利润: a per-unit or an attributable measure's own first word
        if ws[i][0] in _flow_name_verbs():
            break  # 新增城镇就业, 新增研发机构: what was added, a flow, not the stock 城镇就业
        if opens_with_partner(text[len("".join(w for w, _ in ws[:i])):]):
            break  # 与东盟进出口, 对美国出口: the trade with a partner is named with it
        if len(ws[i][0]) == 1 and (ws[i][1] in ("v", "vd", "ad") and ws[i][0] not in _object_verbs()
                                   or len(ws[i + 1][0]) == 1 and ws[i + 1][1] not in ("v", "d", "p", "c", "uj")):
            # 扣非净利润, 限上零售额, 普惠小微: a bound first character of the name's word; 正|通汽车,
            # 同|力服装, 对|美贸易: two single characters are a word the segmenter does not know
            break
        i += 1
    rest = "".join(w for w, _ in ws[i:])
    # a short rest keeps its verb: 带动消费, 使用资金 name what was measured better than 消费, 资金
    if i and len(rest) >= 3 and any(pos.startswith(NOUNISH) or pos == "vn" for _, pos in ws[i:]):
        return rest
    return text


def _opens_catalogue_name(text: str, at: int) -> bool:
    """A name of the indicator catalogue (three characters or more) starts at `at` in `text`."""
    return text.startswith(_long_catalogue_names(), at)


@cache
def _long_catalogue_names() -> tuple[str, ...]:
    from ...indicators.catalogue import catalogue  # noqa: PLC0415  (loaded on first use)

    cat = catalogue()
    names = {n for i in cat.indicators.values() for n in (i.zh, *i.aliases)}
    names |= {n for m in cat.members.values() for n in (m.zh, *m.aliases)}
    return tuple(sorted((n for n in names if len(n) >= 3), key=len, reverse=True))
