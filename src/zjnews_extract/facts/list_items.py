"""How the words before a list's numbers split into its items: 'A、B和C' with a shared tail
(进出口、出口和进口占全国份额), ordinals written with their head once (第一、二、三产业), one-character
items (轻、重工业), the last item's own part, and lists written with commas because their items
hold 和 (通用设备制造业，金属制品业，橡胶和塑料制品业等). lists.py decides which list a run of
numbers reports on.
"""
from __future__ import annotations

from functools import cache

import msgspec
import regex

from ..text import Piece, is_han
from . import metric as M
from .metric.heads import measurable
from .metric.nouns import NOUNISH
from . import words
from .frames import Group
from .lexicon import alternation, cues

_LIST_SPLIT = regex.compile(r"[、/／]")  # 线上/线下零售额份额: a broker note writes its lists with slashes


@cache
def grammar() -> dict:
    g = cues()["grammar"]
    joins = alternation(g["list_joins"])
    return {
        "last_join": regex.compile(joins),
        "place_join": regex.compile(rf"、|{joins}"),
        "collective": regex.compile(rf"^[一二两三四五六七八九十\d]+(?:个)?(?:{alternation(g['collective_units'])})"),
        "pointer": regex.compile(g["list_pointer"]),
        "partner": regex.compile(alternation(g["partner_list_marks"])),
        "list_class": regex.compile(alternation(g["list_classes"])),
        "place_class": regex.compile(rf"^等(?:[一二两三四五六七八九十\d]+个?)?(?:{alternation(g['place_list_classes'])})"),
    }
# A name longer than this is a clause, not one item of a list written with commas.
_RUN_ITEM_MAX = 24
# how the name of an industry or a class of goods ends: a name, whatever verb is inside it
RUN_NAME_ENDS = ("业", "类")


def split_list(text: str, n: int) -> Group | None:
    """'进出口、出口和进口占全国份额' with n=3 -> items 进出口, 出口, 进口 and shared 占全国份额."""
    if (ranked := M.patterns()["rank_tail"].search(text)) and ranked.start() > 0:
        text = M.peel(text[:ranked.start()])[0]  # …游客接待量居全省前三位，分别为…: the names before the rank
    parts = _LIST_SPLIT.split(text)
    if len(parts) != n and len(by_comma := text.split("、")) == n:
        parts = by_comma  # 同城、异地、国际/港澳台快递业务量: a slash inside one item of a list written with 、
    if len(parts) != n:
        # the first join ends the list, unless it may join a name's nouns and a plain one follows
        # (化妆品、电子出版物及音像制品和金银珠宝类: 电子出版物及音像制品)
        joins = list(grammar()["last_join"].finditer(parts[-1]))
        if len(parts) + 1 != n or not joins:
            return None
        inner = cues()["grammar"]["name_joins"]
        at = next((j for j in joins if j.group() not in inner), joins[0])
        parts = parts[:-1] + [parts[-1][:at.start()], parts[-1][at.end():]]
    group = items_group([p.strip() for p in parts])
    if group is None or (scope := _scope_before(group.items[0])) is None:
        return group
    # 限额以上零售业单位中的超市、百货店…零售额: the whole the list is taken from is every item's
    return msgspec.structs.replace(group, items=(group.items[0], *(scope + item for item in group.items[1:])))


def _scope_before(first: str) -> str | None:
    """The whole named before a list's first item with 中的 (限额以上零售业单位中的超市), or None; 中 must be
    a word of its own (供应更为集中的便利店: 集中 is no "among")."""
    for mark in cues()["grammar"]["list_scope_marks"]:
        at = first.rfind(mark)
        if at >= 2 and at + len(mark) < len(first):
            pos = 0
            for w, _ in words.words(first):
                if pos == at:
                    return first[:at + len(mark)] if w == mark[0] else None
                if pos > at:
                    return None
                pos += len(w)
    return None


def items_group(parts: list[str]) -> Group | None:
    """The items of a list already cut in its parts, the last one's tail shared (…橡胶和塑料制品业等
    重点行业 -> 橡胶和塑料制品业; 粮油食品类、饮料类和烟酒类商品零售额 -> 烟酒类 | 商品零售额)."""
    if not all(parts):
        return None
    parts = _one_character_run(_ordinal_run(parts))
    last = parts[-1]
    shared = ""
    if pointer := grammar()["pointer"].search(last, 1):
        last, shared = last[:pointer.start()], last[pointer.end():]  # …医药制造这三个创新活跃行业的…
    elif "等" in last[1:]:
        last, shared = last.split("等", 1)
        if cls := grammar()["list_class"].match(shared):
            shared = shared[cls.end():]  # …橡胶和塑料制品业等重点行业: the items' class, shared by none
    else:
        last_words = words.words(last)
        item_words = [words.words(p) for p in parts[:-1]]
        first_words = item_words[0]
        ends = {ws[-1][0] for ws in item_words if ws}
        end = next(iter(ends)) if len(ends) == 1 else ""
        if len(end) >= 2 and (at := last.find(end)) > 0 and at + len(end) < len(last):
            # 专用设备制造业、汽车制造业、电气机械和器材制造业产值: the items end in one word, the last too
            last, shared = last[:at + len(end)], last[at + len(end):]
        elif (mark := _common_last_character(parts)) is not None:
            # 粮油食品类、饮料类和烟酒类商品零售额: every item ends in 类, so does the last, and what
            # follows is shared (烟酒类 | 商品零售额; 中西药品类 whole)
            last, shared = last[:mark + 1], last[mark + 1:]
        elif not (last_words and first_words and last_words[-1][0] == first_words[-1][0]):
            own, tail = _own_part(last, last_words, max(len(p) for p in parts[:-1]))
            # (生产总值、财政总收入、全社会固定资产投资分别增长: two or more items that name measures of their own
            # share nothing with the last one's tail; one alone may be a kind: 外商投资和国有企业进出口比重)
            measures = len(parts) >= 3 and all(measurable(p) for p in parts[:-1])
            if (not tail or measurable(tail) or _class_tail(tail) or all(ws and ws[0][1] == "ns" for ws in item_words)) \
                    and not (tail and measures and measurable(tail)):
                last, shared = own, tail
            # else what every item would share names neither a measure nor the items' class, nor follows
            # a list of places: the words are the last item's own (集装箱、金属矿石、矿建材料: 矿|建|材料 cut by
            # the segmenter; 办公楼和商业营业用房; 原油、铜矿砂、煤及褐煤及其精矿), the items before stand alone
    return Group(items=tuple(_flows_of_first(parts[:-1] + [last])), shared=shared.strip())


def _flows_of_first(parts: list[str]) -> list[str]:
    """民营企业进出口、出口和进口: bare trade flows after a first flow of a kind of firms or goods are that
    kind's too (民营企业出口); a place or 全省 before the first flow is who, not what, and stays its own."""
    flows = sorted(cues()["grammar"]["partner_flows"], key=len, reverse=True)
    head = next((f for f in flows if parts[0].endswith(f)), None)
    if head is None or not all(p in flows for p in parts[1:]):
        return parts
    kind = parts[0][:-len(head)]
    kind_words = words.words(kind)
    if len(kind) < 2 or kind.startswith(tuple(cues()["grammar"]["flow_kind_not_openers"])) \
            or any(pos == "ns" for _, pos in kind_words):
        return parts
    return [parts[0]] + [kind + p for p in parts[1:]]


def _common_last_character(parts: list[str]) -> int | None:
    """Where the last item ends when every other item ends in one character and the last holds it
    after its first character; else None."""
    ends = {p[-1] for p in parts[:-1]}
    if len(ends) != 1 or not is_han(end := next(iter(ends))):
        return None
    at = parts[-1].find(end, 1)
    return at if at > 0 else None


_ORDINAL_FIRST = regex.compile(r"(?:第[一二三四五六七八九十]|^[一二三四五六七八九十])$")
_NUMERAL_ITEM = regex.compile(r"^[一二三四五六七八九十](?!十)")


def _ordinal_run(parts: list[str]) -> list[str]:
    """第一、二、三产业: ordinals whose head (产业) is written once, after the last of them, are
    第一产业, 第二产业, 第三产业 (the words after the head stay with the last item); bare
    numerals (一、二、三产) stay bare (一产, 二产, 三产). Words before the first ordinal
    (南方五省区第一、二、三产业) stay with the first item."""
    first = _ORDINAL_FIRST.search(parts[0])
    if not first:
        return parts
    lead, mark = parts[0][:first.start()], "第" if first.group().startswith("第") else ""
    k = 1
    while k < len(parts) and _NUMERAL_ITEM.match(parts[k]) and (len(parts[k]) == 1 or k == len(parts) - 1
                                                                    or not _NUMERAL_ITEM.match(parts[k + 1])):
        k += 1
        if len(parts[k - 1]) > 1:
            break  # 三产业: the run ends at the item that carries the head
    tail = parts[k - 1][1:]
    if k < 2 or not tail:
        return parts
    head = words.words(tail)[0][0]
    run = [mark + p.removeprefix(lead).removeprefix("第")[0] + head for p in parts[:k]]
    run[0] = lead + run[0]
    run[-1] += tail[len(head):]
    return run + parts[k:]


def _one_character_run(parts: list[str]) -> list[str]:
    """轻、重工业分别完成用电量: one-character items whose head (工业) is written once, after the
    last of them, each take it (轻工业, 重工业; 大、中型企业PMI -> 大型企业)."""
    if len(parts) < 2 or any(len(p) != 1 or not is_han(p) for p in parts[:-1]) or len(parts[-1]) < 3 \
            or not is_han(parts[-1][0]):
        return parts
    tail = parts[-1][1:]
    first = words.words(parts[-1])[0][0]
    if len(words.words(tail)) == 1:
        head = tail
    elif len(first) >= 3:
        head = first[1:]  # 大、中型企业PMI: the word the last character opens (中型企业) gives the head
    elif len(first) == 2 and all(words.is_word(p + first[1]) for p in parts[:-1]):
        # 内、外贸吞吐量: each character makes a word with the last one's second (内贸, 外贸); the rest is shared
        return [p + first[1] for p in parts[:-1]] + [parts[-1]]
    else:
        return parts  # 吃、穿和用类商品: the words after the last character are shared as a whole later
    return [p + head for p in parts[:-1]] + [parts[-1]]


_NAME_JOINS = ("和", "及", "与", "、", "/", "／")  # (国际/港澳台快递业务量: a slash joins two names of one item)


def _own_part(last: str, last_words, target: int) -> tuple[str, str]:
    """The last item of 'A、B和C价格' split into its own part and the words every item shares:
    words are taken until the part is as long as the longest other item (飞机票、旅游和宾馆住宿
    价格: 宾馆住宿 | 价格), never a function word (进口 | 占全国份额) and never the last word."""
    taken = ""
    for k, (w, pos) in enumerate(last_words):
        if taken and len(taken) >= target:
            break
        rest = last[len(taken) + len(w):]
        if taken and (not (pos.startswith(NOUNISH) or pos == "vn") or not rest):
            break
        taken += w
    rest = last[len(taken):]
    while rest[:1] in _NAME_JOINS:
        # 社会保障和就业(支出): a join goes on with the item's own name, and the noun after it is the item's
        joined = words.words(rest[1:])
        if not joined:
            return last, ""
        taken += rest[0] + joined[0][0]
        rest = last[len(taken):]
    rest_words = words.words(rest) if rest else []
    # 商业营业用房施工面积 after 商品住宅、办公楼: the shared name is the activity's measure (施工面积),
    # the nouns before it (用房) are still the item's own
    for k, (w, pos) in enumerate(rest_words[1:], 1):
        if w == "占":
            break  # 快递业务量占全部比例: a share of the items' measure, which every item shares too
        if pos in ("v", "vn", "nz") and all(p.startswith("n") and p != "nz" for _, p in rest_words[:k]) \
                and measurable(shared := "".join(x for x, _ in rest_words[k:])):
            return last[:len(last) - len(shared)], shared
        if not pos.startswith("n"):
            break
    return taken, rest



def _class_tail(rest: str) -> bool:
    """类商品 after 吃、穿和用, 行业 after a list of trades: the class the items belong to, shared by all."""
    return rest.startswith(tuple(cues()["grammar"]["list_class_heads"])) or rest in cues()["grammar"]["list_classes"]


def comma_run(text: str, clauses: list[Piece]) -> list[str]:
    """The bare names that end `clauses`, one per clause: a list written with commas because its
    items hold 和 (通用设备制造业，金属制品业，橡胶和塑料制品业等重点行业增速较快，分别增长…)."""
    run: list[str] = []
    for c in reversed(clauses):
        t = text[c.start:c.end]
        name = M.peel(t)[0]
        if not name or len(name) > _RUN_ITEM_MAX or any(ch.isdigit() for ch in t) \
                or M.has_verb(name) and not name.endswith(RUN_NAME_ENDS):
            break  # (电力、热力生产和供应业: a verb inside an industry's name)
        run.insert(0, name)
    return run
