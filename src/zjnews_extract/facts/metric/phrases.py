"""How the run of words before a number is cut down to a name: the head of a relative clause
(扣除食品和能源价格的核心CPI -> 核心CPI), what follows the last verb of a long clause (…宣布诺基亚全球
裁员 -> 诺基亚全球裁员), and the noun after a list of examples (A、B、C等活动 -> 活动). Used by
window.py."""
from __future__ import annotations

from functools import cache

import regex

from .. import words
from ..lexicon import cues, opens_with_partner
from .nouns import defines_set, is_bare_body, only_function_words


@cache
def _defining_verbs() -> tuple[str, ...]:
    return tuple(cues()["metric"]["defining_verbs"])


def head_of_relative(text: str) -> str:
    """[a clause]的[head]: the head names the thing (扣除食品和能源价格的核心CPI -> 核心CPI;
    具有产业链“链主”地位的冠军企业 -> 冠军企业; 远低于6月份的增幅 -> 增幅). A modifier with no
    verb in it stays (一产对生产总值的贡献率)."""
    before, sep, head = text.rpartition("的")
    if not sep or len(head) < 2 or not before:
        return text
    if "、" in head:
        return text  # 基本有机化学品、初级形状的塑料、铜及铜材等进口: 的 inside one item of a list
    if "对" in before:
        return text  # 消费对经济增长的贡献率: what contributed and to what are both part of the name
    if before.endswith(_defining_verbs()):
        return text  # 通过公共网络实现的零售额: how the amount came about defines it (NBS's 网上零售额)
    if before.startswith(tuple(cues()["metric"]["defining_openers"])):
        return text  # 归属上市公司股东的净利润: whose share of the account it is defines it
    if excludes(text):
        return text  # 除房地产开发投资外的第三产业投资: the whole without a part is a series of its own
    if any(pos.startswith("v") and pos != "vn" for _, pos in words.words(before)):
        from .heads import is_junk  # noqa: PLC0415

        # 经济总量超过1万亿元的省份: a bare class of places is defined by its clause, which stays; so is a
        # class of firms by a threshold (营收超百亿元的公司有42家); a kind of firms (规模超百亿元的领航企业) is named by its kind
        # (a bare class picked by any clause is the set counted: 有进出口实绩的企业7398家, 纳入统计的景区74家,
        # 已经公布旅游收入的省份20个 in CKx, DRx, AU, BJ, FP)
        return text if is_junk(head) or is_bare_body(head) or counted_set(text) else head
    return text  # 一产对生产总值的贡献率: a modifier with no verb is part of the name


def counted_set(text: str) -> bool:
    """经济总量超过1万亿元的省份, 年旅客吞吐量1000万人次以上的运输机场: a bare class of bodies defined by its
    clause (a predicate or a threshold), which is the name of the set counted."""
    before, sep, head = text.rpartition("的")
    return bool(sep and before) and is_bare_body(head) and defines_set(before)


_JOINED = regex.compile(r"\p{Han}{2}[与及]\p{Han}{2}")


@cache
def _channel_marks() -> tuple[str, ...]:
    return tuple(cues()["metric"]["channel_marks"])


def shorten(text: str, limit: int = 14) -> str:
    """A long run of words before a number is a clause, not a name: keep what follows its
    last verb (…宣布诺基亚全球裁员 -> 诺基亚全球裁员). Lists (、) are names and stay whole, and so
    are nouns joined by 与/及 (工程设备与零部件制造业务营业收入, 装卸设备及零件)."""
    if len(text) <= limit or "、" in text or _JOINED.search(text) or any(c in text for c in _channel_marks()) \
            or counted_set(text) or opens_with_partner(text):
        return text  # (限额以上企业通过互联网实现商品零售额: sales through a channel, one name)
    ws = words.words(text)
    for i in range(len(ws) - 1, 0, -1):
        w, pos = ws[i - 1]
        if len(w) == 1 and words.is_word(w + ws[i][0][:1]):
            continue  # 体育娱乐用|品类: the segmenter split a word (用品); no verb ends a clause there
        before = "".join(x for x, _ in ws[:i - 1])
        if before.count("(") + before.count("（") > before.count(")") + before.count("）"):
            continue  # 业务收入(不包括邮政储蓄银行…): a verb inside a bracket bounds what is counted, ends no clause
        if pos.startswith("v") and pos != "vn" or pos in ("p", "uj", "ul"):
            rest = "".join(x for x, _ in ws[i:])
            if len(rest) >= 4 and not only_function_words(rest):
                return rest
            break
    return text


def after_list(text: str) -> str:
    """'A、B、C等活动' -> '活动'; '“X”等系列促消费活动' -> '系列促消费活动': a list of examples
    before 等 is not the name; a single example before a short noun stays (“X”等活动)."""
    head, sep, tail = text.rpartition("等")
    if sep and head and not tail.strip() and ("、" in head or "和" in head):
        return ""  # 冶金、化工等2个五千亿级产业链: examples before a count; the counted noun follows it
    if not sep or not head or not tail:
        return text
    from .heads import measurable  # noqa: PLC0415

    from .window import patterns  # noqa: PLC0415  (the window's patterns; window reads these helpers)

    measure = patterns()["lead"].sub("", tail)
    if "、" in head and measure and len(measure) <= 4 and measurable(measure):
        return head + sep + measure  # 铜及铜材、纸浆等合计进口: the goods listed are what was imported
    if "、" in head or len(tail) >= 4:
        return tail
    return text


def joined(doer: str, name: str) -> str:
    """规上工业 + 工业增加值 -> 规上工业增加值: the doer's last word said once; so are the firms' sector
    (规模以上工业企业 + 工业增加值 -> 规模以上工业增加值, the indicator's own name)."""
    k = next((k for k in range(min(len(doer), len(name)), 1, -1) if doer.endswith(name[:k])), 0)
    if not k:
        for head in cues()["metric"]["firm_kind_heads"]:
            sector = doer.removesuffix(head)
            if sector != doer and (k2 := next((j for j in range(min(len(sector), len(name)), 1, -1)
                                              if sector.endswith(name[:j])), 0)):
                return sector + name[k2:]
    return doer + name[k:]


def without_adverbs(doer: str) -> str:
    """规上工业实际 -> 规上工业, 全市累计 -> 全市: adverbs between a doer and its verb."""
    adverbs = cues()["metric"]["doer_adverbs"]
    ws = words.words(doer)
    while ws and (ws[-1][1] in ("d", "ad", "vd") or ws[-1][0] in adverbs):
        ws.pop()
    return "".join(w for w, _ in ws)


def excludes(text: str) -> bool:
    """除X外的Y, 除X以外的Y: the whole Y without X, a series of its own whose name keeps the exclusion."""
    before, sep, head = text.rpartition("的")
    if head.startswith(tuple(cues()["metric"]["adjusted_heads"])):
        return False
    return bool(sep) and len(head) >= 2 and any(before.lstrip().startswith(a) and before.endswith(b)
                                                for a, b in cues()["metric"]["exclusion_frames"])
