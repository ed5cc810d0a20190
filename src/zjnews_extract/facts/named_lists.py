"""Lists whose items are named bodies, each the subject of its figure: places (杭州、宁波、温州分别完成…),
firms (宁波银行、杭州银行分别实现…), sights and venues (黄山、九华山…分别接待游客…) and trade partners
(对欧盟、美国和东盟进出口分别增长…; 东盟、美国…为湖南省前4大贸易伙伴，分别进出口…). Used by lists.py."""
from __future__ import annotations

import regex

from . import metric as M
from . import words
from .metric.heads import measurable
from .metric.peel import without_lead_words
from .frames import Group
from .company import has_company_suffix
from .gazetteer import division_of
from .lexicon import cues, match_place
from .list_items import grammar as _grammar

_LIST_LEAD = regex.compile(r"^.*[的是为有:：]")


def list_doers(group: Group) -> tuple[str, ...] | None:
    """The items as subjects when they are all places, or firms (most with a firm's suffix, the rest
    short names that measure nothing: 宁波银行、均胜电子、韵达股份); else None."""
    items = group.items
    if group.shared and not measurable(group.shared):
        items = (*items[:-1], items[-1] + group.shared)  # 韵 | 达股份: no measure was split off
    first = _LIST_LEAD.sub("", items[0]) or items[0]  # 紧随其后的是宁波银行
    names = (first, *items[1:])
    if all(_whole_place(x) for x in names):
        return names
    firms = sum(has_company_suffix(x) for x in names)
    if firms * 2 >= len(names) and all(has_company_suffix(x) or len(x) <= 6 and not measurable(x) for x in names):
        return names
    return None


def _whole_place(text: str) -> bool:
    """A place name and nothing else; in a list, a county's short name counts too (永康、武义、东阳:
    every item a county of the gazetteer is no coincidence)."""
    m = match_place(text)
    return m is not None and m.end() == len(text) or division_of(text) is not None


def place_list(pre: str, n: int, subject_name) -> tuple[list[str], str] | None:
    """The n places of 'A、B和C[三省]进出口' when every item is a place, and the words after
    the last place (the metric they share), else None."""
    text = M.patterns()["lead"].sub("", M.patterns()["paren"].sub("", pre)).strip()
    parts = [p for p in _grammar()["place_join"].split(text) if p]
    if len(parts) != n:
        return None
    places, rest = [], ""
    parts[0] = parts[0].rsplit("的", 1)[-1]  # 增速较快的宁夏、广西分别…: the list starts after 的
    if not match_place(parts[0]):
        parts[0] = without_lead_words(parts[0])  # 而江苏、浙江…, 如德国、新加坡…: a word opens the clause
    if not match_place(parts[0]) and (first := _after_descriptor(parts[0])) != parts[0] \
            and parts[0][:-len(first)].endswith(tuple(cues()["grammar"]["place_list_classes"])):
        parts[0] = first  # 引资前6大省份山东、浙江…: the class of the places, right before the first
    for i, part in enumerate(parts):
        m = match_place(part)
        if not m or (m.end() < len(part) and i < n - 1):
            return None
        places.append(subject_name(m.group()))
        rest = part[m.end():]
    rest = _grammar()["collective"].sub("", rest)  # 三省, 两市: the list's own size
    rest = _grammar()["place_class"].sub("", rest)  # 等城市: what the places are
    return places, M.read_window(rest).metric if rest else ""


def firm_list(pre: str, n: int) -> tuple[tuple[str, ...], str] | None:
    """The n firms of '宁波银行、杭州银行(分别…)' or '招商银行和平安银行不良贷款率上升(，分别…)' and the words
    after the last firm's name (what they share), else None."""
    text = M.patterns()["lead"].sub("", M.patterns()["paren"].sub("", pre)).strip()
    parts = [p.strip() for p in _grammar()["place_join"].split(text) if p.strip()]
    if len(parts) != n:
        return None
    parts[0] = _LIST_LEAD.sub("", parts[0]) or parts[0]  # 紧随其后的是宁波银行
    last = parts[-1]
    # the last firm's name: the shortest start of the last part that ends as a firm does, when the others do
    cut = next((k for k in range(2, len(last) + 1) if has_company_suffix(last[:k])), None) \
        if all(has_company_suffix(x) for x in parts[:-1]) else None
    shared = ""
    if cut is not None and cut < len(last):
        parts[-1], shared = last[:cut], last[cut:]
    names = tuple(parts)
    if list_doers(Group(items=names)) != names or not any(has_company_suffix(x) for x in names) \
            or any(_whole_place(x) for x in names):
        return None
    return names, shared


def venue_list(pre: str, n: int) -> tuple[tuple[str, ...], str] | None:
    """The n named bodies of '黄山、九华山、…、三河古镇(分别接待游客…)': most items name a sight, zone or
    venue (M.is_named), the others are short names that measure nothing; and the words after the last
    one's name when it is followed by what they share (…、渝东南生态涵养发展区接待旅游人次分别增长); else None."""
    from .metric.bodies import is_named  # noqa: PLC0415  (metric imports this package's words)

    text = M.patterns()["lead"].sub("", M.patterns()["paren"].sub("", pre)).strip()
    parts = [p.strip() for p in _grammar()["place_join"].split(text) if p.strip()]
    if len(parts) != n or n < 2 or _grammar()["partner"].search(text):
        return None  # (对中国香港、中国台湾: partners)
    shared, last = "", parts[-1]
    if not is_named(last) and all(is_named(x) for x in parts[:-1]) \
            and (cut := next((k for k in reversed(_word_ends(last))
                              if is_named(last[:k]) and measurable(last[k:])
                              and "的" not in last[:k] and not last.startswith(("的", "等"), k)), None)):
        parts[-1], shared = last[:cut], last[cut:]
    named = sum(is_named(x) for x in parts)
    if named * 2 < n or not all(is_named(x) or len(x) <= 8 and not measurable(x) for x in parts):
        return None
    return tuple(parts), shared


def _word_ends(text: str) -> list[int]:
    """Where the words of `text` end, but its last (a name ends where a word does)."""
    ends, at = [], 0
    for w, _ in words.words(text)[:-1]:
        at += len(w)
        ends.append(at)
    return ends


def partner_list(pre: str, n: int) -> tuple[tuple[str, ...], str | None] | None:
    """对欧盟、美国和东盟进出口 with n=3 -> 对欧盟进出口, 对美国进出口, 对东盟进出口: the partner mark and
    what the list shares go with every partner; None unless all n items are places. Also the place
    right before the mark, whose trade it is (绍兴与东盟…), if any."""
    for m in _grammar()["partner"].finditer(pre):
        tail = _after_descriptor(pre[m.end():])  # 对前三大贸易市场非洲、拉美和美国: the list after the class
        found = place_list(tail, n, lambda name: name)
        if found is None:
            continue
        places, _ = found
        last = tail.rfind(places[-1])
        rest = tail[last + len(places[-1]):] if last >= 0 else ""
        doer = M.read_window(pre[:m.start()]).subject if m.start() else None
        return tuple(m.group() + place + rest for place in places), doer
    return None


# Why: a class named before a list of partners (前三大贸易市场, 主要出口市场) is this short.
_DESCRIPTOR_MAX = 10


def _after_descriptor(text: str) -> str:
    """前三大贸易市场非洲、拉美和美国 -> 非洲、拉美和美国: the words before the first place of a list, when the
    first item is those words and a place; else `text` as it is."""
    first = _grammar()["place_join"].split(text, maxsplit=1)[0]
    if match_place(first) is not None:
        return text
    for i in range(1, min(len(first) - 1, _DESCRIPTOR_MAX + 1)):
        m = match_place(first[i:])
        if m is not None and m.end() == len(first) - i:
            return text[i:]
    return text


def copula_partners(listed: str, predicate: str, n: int) -> Group | None:
    """东盟、美国、中国香港、欧盟 | 为湖南省前4大贸易伙伴 with n=4 -> 对东盟进出口 … of 湖南: a list said to be a
    place's trade partners (the predicate's word says which trade: cues' partner_predicates); None otherwise."""
    measure = next((m for w, m in cues()["grammar"]["partner_predicates"].items() if w in predicate), None)
    found = place_list(listed, n, lambda name: name) if measure else None
    if found is None:
        return None
    places = found[0]
    owner = next((p.group() for i in range(len(predicate)) if (p := match_place(predicate, i))), None)
    return Group(items=tuple(places), names=tuple(f"对{x}{measure}" for x in places),
                 subjects=(owner,) * n if owner else None)
