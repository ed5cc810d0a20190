"""An article's own place: the place its numbers are about unless a sentence names another, and
what its 全市 / 我县 / 全区 / 全省 words mean.

The article tells its level by the whole-place words it uses as a topic (全县经济运行 -> a county;
居全省第三 is a benchmark, not a topic). Its own place is the place of that level it names most
(the headline counts three times; a dateline's city, a benchmark such as 高出绍兴平均 or 排德阳市
第一, and a place inside a company's name count not at all), else the place its site is of
(liulin.gov.cn, www.fl.gov.cn), else the one place of that level all the places it names belong to,
else a bare county name of that level it writes once. The places above it (its prefecture and
province) answer the other whole-place words: in an article about 涪陵, 全市 is 重庆.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import regex

from ..data import load_toml
from ..text import is_han
from .gazetteer import Division, divisions, surfaces, weak_automaton
from .lexicon import cues, place_names, place_pattern
from .counties import stands_alone
from .site import place_of_site

_DATELINE = regex.compile(r"\s*\d{1,2}月\d{1,2}日(?:讯|电)?")
# Why: a dateline follows its city within a few characters; `regex` matching from a position
# without an end costs the length of the rest of the text (quadratic over a long page).
_DATELINE_REACH = 40
_HEADLINE_WEIGHT = 3
# Why: listed groups that are places an article can be about (bodies such as 经开区 answer 全区;
# a group of places such as 西部地区 answers no 全X word).
_PLACE_GROUPS = ("provinces", "cities", "bodies", "groups")
# Why: the first place the body names (its lede) is what most news are about: it counts once more.
_LEDE_BONUS = 1


@dataclass(frozen=True)
class OwnPlace:
    name: str | None = None  # as a subject: 涪陵, 大理州, 浙江, 全国
    wholes: dict = field(default_factory=dict)  # last character of 全X/我X -> the place it means
    weight: int = 0  # how often the article names it (the headline three times)


@dataclass
class _Tally:
    weight: Counter = field(default_factory=Counter)  # key -> weighted count
    forms: dict = field(default_factory=dict)  # key -> Counter of the subject forms written
    kinds: dict = field(default_factory=dict)  # key -> last character of its 全X words
    division: dict = field(default_factory=dict)  # key -> Division (None for a listed name)

    def add(self, key, form, kind, division, weight):
        self.weight[key] += weight
        self.forms.setdefault(key, Counter())[form] += 1
        self.kinds[key] = kind
        self.division[key] = division

    def best(self, keys) -> str | None:
        ranked = sorted(((self.weight[k], _rank(self.division[k]), k) for k in keys if self.weight[k] > 0),
                        key=lambda t: (-t[0], t[1]))
        return ranked[0][2] if ranked else None

    def name(self, key) -> str:
        return self.forms[key].most_common(1)[0][0]


def _rank(d: Division | None) -> int:
    return {"province": 0, "prefecture": 1, "county": 2}.get(d.level, 3) if d else 1


@cache
def _words() -> dict:
    return load_toml("facts_subjects.toml")


def own_place(text: str, title: str | None = None, url: str | None = None,
              skip: tuple = (), source: str | None = None) -> OwnPlace:
    """The article's own place; `skip` holds spans whose places do not count (a company's name);
    the page's `source` (来源: 运城日报, a line the cleaner took out of the text) counts as a line."""
    own = _own_place(text, title, url, skip, source)
    regions = _words()["national"]["regions"]
    if own.name in regions and sum(r in text for r in regions) >= 2:
        return OwnPlace(name="全国", weight=own.weight)  # 东部地区…；中部地区…: the nation broken down
    return own


def _own_place(text: str, title: str | None, url: str | None, skip: tuple, source: str | None) -> OwnPlace:
    headline_end = len(title) if title and text.startswith(title) else text.find("\n")
    tally, national = _count(f"{text}\n{source}" if source else text, headline_end, skip)
    topic = _topic_words(text)
    kind = _topic_kind(topic)
    if kind is not None and sum(topic.values()) <= 1 and (top := tally.best(tally.weight)) is not None \
            and _compared(tally, top):
        kind = None  # one 全市 quoted in a round-up of provinces says nothing of the article's own level
    if kind is None:
        key = tally.best(tally.weight)
        if key is not None and _compared(tally, key):
            return _whole_of_peers(tally, key)
        if key is not None and tally.weight[key] >= national:
            return _own(tally, key)
        if national or _national_cue(text):
            return OwnPlace(name="全国", weight=national)
        city = _unlisted_city(text)
        if city:
            return OwnPlace(name=city, wholes={"市": city})
        site = place_of_site(url)
        return _own_site(site, None)
    key = tally.best(k for k in tally.weight if tally.kinds[k] == kind)
    site = place_of_site(url, kind)
    if key is not None and site is not None and _within(site, tally.division.get(key)) and kind != "省":
        # 平湖's own site speaks of 全市 and of 嘉兴: its 全市 is 平湖, a county-level city in 嘉兴 (but 我省 on
        # a city's site, lanzhou…, still speaks as the province: no city is a 省)
        return _own_site(site, kind)
    if key is not None:
        return _own(tally, key)
    if site is not None:
        return _own_site(site, kind)
    above = _common_ancestor(tally, kind)
    if above is not None:
        return _with_wholes(above.name, above)
    weak = _weak_of_kind(text, kind)
    return _with_wholes(weak.name, weak) if weak else OwnPlace()


def _within(name: str, whole: Division | None) -> bool:
    """`name` is a division strictly inside `whole` (平湖 in 嘉兴)."""
    from .gazetteer import division_of  # noqa: PLC0415

    d = division_of(name)
    return d is not None and whole is not None and d.code != whole.code and d.code.startswith(whole.code)


def _own(tally: _Tally, key) -> OwnPlace:
    own = _with_wholes(tally.name(key), tally.division[key], tally.kinds[key])
    return OwnPlace(name=own.name, wholes=own.wholes, weight=tally.weight[key])


def _own_site(name: str | None, kind: str | None) -> OwnPlace:
    from .gazetteer import division_of  # noqa: PLC0415

    if name is None:
        return OwnPlace()
    d = division_of(name)
    return _with_wholes(d.name if d else name, d, kind)  # never written: its short name (柳林)


def _with_wholes(name: str, d: Division | None, kind: str | None = None) -> OwnPlace:
    wholes: dict[str, str] = {}
    if kind:
        wholes[kind] = name
    if d is not None:
        wholes.setdefault(d.whole_words, name)
        for above in d.ancestors():
            wholes.setdefault(above.whole_words, above.name)
    return OwnPlace(name=name, wholes=wholes)


def _count(text: str, headline_end: int, skip) -> tuple[_Tally, int]:
    from .gazetteer import division_of, subject_form  # noqa: PLC0415

    tally, national, first_national = _Tally(), 0, None
    names = place_names()
    strong_codes: set[str] = set()
    found = []
    for m in place_pattern().finditer(text):
        if _inside(m.start(), skip) or _DATELINE.match(text, m.end(), m.end() + _DATELINE_REACH):
            continue  # 新华社北京1月17日电: where the story was filed, not what it is about
        name = m.group()
        group = names.get(name) or names.get(regex.sub(r"(省|市|自治区|特别行政区|地区|县|区|港)$", "", name))
        if group == "national":
            if m.start() == 0 or not is_han(text[m.start() - 1]):
                national += 1  # only as a topic (全国房地产开发投资…), not as a benchmark (高于全国)
                if first_national is None and m.start() >= headline_end:
                    first_national = m.start()
            continue
        d = division_of(name)
        if d is None and group not in _PLACE_GROUPS:
            continue
        if d is not None:
            strong_codes.add(d.code)
        found.append((m.start(), m.end(), name, d, group))
    covered = {start for start, *_ in found}
    for start, end, name in _weak_mentions(text, strong_codes, skip):
        if start in covered:
            continue  # a listed name (萧山) that is also a county's short name
        found.append((start, end, name, divisions()[_confirmed_code(name, strong_codes)], None))
    found.sort(key=lambda f: f[:2])
    listed = _list_members(text, found)
    lede = True  # until the body's first topic: a place, or the nation before it
    for i, (start, end, name, d, group) in enumerate(found):
        if lede and first_national is not None and first_national < start and start >= headline_end:
            lede = False
            national += _LEDE_BONUS
        if i in listed or _benchmark(text, start, end):
            weight = 0  # 北京、上海、广州和深圳分别上涨: peers reported side by side, not the article's place
        elif start < headline_end:
            weight = _HEADLINE_WEIGHT
        else:
            weight, lede = 1 + (_LEDE_BONUS if lede else 0), False
        if d is not None:
            form = subject_form(name) or d.name
            tally.add(d.code, form, d.whole_words, d, weight)
        elif group == "groups":
            tally.add(name, name, "", None, weight)
        else:
            base = regex.sub(r"(省|地区)$", "", name)
            tally.add(base, base, "区" if group == "bodies" or name.endswith("区") else "市", None, weight)
    if lede and first_national is not None:
        national += _LEDE_BONUS
    return tally, national


def _weak_mentions(text: str, strong_codes: set[str], skip):
    """Bare county names (上虞, 柳林) whose division the article also writes in full (上虞区)."""
    _, weak = surfaces()
    for start, end, name in weak_automaton().finditer(text):
        if not _inside(start, skip) and any(c in strong_codes for c in weak[name].codes):
            yield start, end, name


def _confirmed_code(name: str, strong_codes: set[str]) -> str:
    codes = surfaces()[1][name].codes
    return next(c for c in codes if c in strong_codes)


def _weak_of_kind(text: str, kind: str) -> Division | None:
    """The one bare county name of the article's level it writes (为绵竹经济社会发展), when nothing
    else tells its place."""
    _, weak = surfaces()
    found = {c for start, end, name in weak_automaton().finditer(text) for c in weak[name].codes[:1]
             if divisions()[c].level == "county" and divisions()[c].whole_words == kind
             and stands_alone(text, start, end)}
    return divisions()[found.pop()] if len(found) == 1 else None


# Why: an article that names this many places of one level, none of them in most of its
# mentions, compares them (25省份发布国庆假期旅游收入: 江苏…, 江西…, 贵州…); it is about their whole.
_PEERS_MIN = 4
_OWN_SHARE = 0.5


def _compared(tally: _Tally, key) -> bool:
    peers = _peers(tally, key)
    total = sum(tally.weight[k] for k in peers)
    return len(peers) >= _PEERS_MIN and tally.weight[key] < _OWN_SHARE * total


def _peers(tally: _Tally, key) -> list:
    """The places named with some weight at the level of `key` (groups of places are one level)."""
    d = tally.division[key]
    level = d.level if d else tally.kinds[key]
    return [k for k, p in tally.division.items() if tally.weight[k] > 0
            and (p.level if p else tally.kinds[k]) == level and (p is None) == (d is None)]


def _whole_of_peers(tally: _Tally, key) -> OwnPlace:
    """The place the compared places all belong to (their province, or the nation)."""
    d = tally.division[key]
    if d is None:
        return OwnPlace(name="全国")  # 一线城市, 二线城市, 三线城市 …
    above = {a.code for a in d.ancestors()}
    for k in _peers(tally, key):
        above &= {a.code for a in tally.division[k].ancestors()}
    if above:
        whole = max((divisions()[c] for c in above), key=lambda a: len(a.code))
        return _with_wholes(whole.name, whole)
    return OwnPlace(name="全国")


def _common_ancestor(tally: _Tally, kind: str) -> Division | None:
    """The division of the article's level that every place it names belongs to (苏州 -> 江苏)."""
    above = None
    for key, d in tally.division.items():
        if d is None or tally.weight[key] <= 0:
            continue
        mine = next((a for a in [d, *d.ancestors()] if a.whole_words == kind), None)
        if mine is None or (above is not None and mine.code != above.code):
            return None
        above = mine
    return above


# Why: items of an enumeration are joined by these (北京、上海、广州和深圳; 上海大众、上海通用).
_LIST_JOIN = "、和与及"
# Why: an item of an enumeration (a place, or a name that starts with one: 上海通用五菱) is short.
_ITEM_MAX = 8
_ITEM_END = regex.compile(r"[、，,。；;：:！？!?\n]")


def _list_members(text: str, found) -> set[int]:
    """Indexes of the mentions that are items of an enumeration (after or before a 、)."""
    members: set[int] = set()
    for i, (start, end, *_) in enumerate(found):
        after = _ITEM_END.search(text, end, end + _ITEM_MAX)
        if text[start - 1:start] in _LIST_JOIN and start > 0 or (after and after.group() == "、"):
            members.add(i)
    return members


def _inside(pos: int, spans) -> bool:
    return any(s <= pos < e for s, e in spans)


def _benchmark(text: str, start: int, end: int) -> bool:
    """高出绍兴平均, 排德阳市第一, 位居全德阳: a place named as what another is compared with."""
    before, after = _benchmark_words()
    return bool(before.search(text, max(0, start - 6), start)) or text.startswith(after, end)


@cache
def _benchmark_words() -> tuple[regex.Pattern, tuple[str, ...]]:
    from .lexicon import alternation  # noqa: PLC0415

    w = _words()["own_place"]
    return regex.compile(rf"(?:{alternation(w['benchmark_before'])})全?$"), tuple(w["benchmark_after"])


def whole_region_word(text: str) -> str | None:
    """The 全X/我X word the article uses most as a topic (全县经济运行; not 居全省第三 or
    比全国、全省高, benchmarks)."""
    counts = _topic_words(text)
    return counts.most_common(1)[0][0] if counts else None


def _topic_kind(topic: Counter) -> str | None:
    """The last character of the 全X/我X words (`topic`, _topic_words) the article uses most as a
    topic; 我市/本市 say it twice as surely as 全市."""
    counts: Counter[str] = Counter()
    for word, n in topic.items():
        counts[word[-1]] += n * (1 if word[0] == "全" else 2)
    return counts.most_common(1)[0][0] if counts else None


# Why: the last character of a time word (今天, 今年, 1-6月, 一季度, 同期); a 全X right after one opens
# the figures' clause.
_TIME_ENDS = frozenset("年月日天季度期")


def _topic_words(text: str) -> Counter:
    counts: Counter[str] = Counter()
    for m in _whole_pattern().finditer(text):
        before = text[m.start() - 1:m.start()] or " "
        # 全 right after a word (健全市场, 安全区) is no topic word; after a time (今天全省, 1-6月全市) it is;
        # so is 本 (样本县, 成本市场, 日本市场: a word ending in 本, no "this county")
        if m.group()[0] not in "全本" or not (is_han(before) and before not in _TIME_ENDS or before == "、"):
            counts[m.group()] += 1
    return counts


_CLAUSE_START = regex.compile(r"(?:^|(?<=[\n。，,；;：:！？]))\s*(?=[\u4e00-\u9fff]{2,3}市)")


def _unlisted_city(text: str) -> str | None:
    """A city no list knows, when one opens clauses (前三季度，安庆市实现…): the most frequent such
    name. Only looked for when no known place is named."""
    from .lexicon import city_pattern  # noqa: PLC0415

    counts: Counter[str] = Counter()
    for m in _CLAUSE_START.finditer(text):
        city = city_pattern().match(text, m.end(), m.end() + 4)
        if city:
            counts[city.group()[:-1]] += 1
    return counts.most_common(1)[0][0] if counts else None


@cache
def _whole_pattern() -> regex.Pattern:
    from .lexicon import alternation  # noqa: PLC0415

    return regex.compile(alternation(n for n, g in place_names().items() if g == "whole_region"))


def _national_cue(text: str) -> bool:
    return any(cue in text for cue in [*cues()["subject"]["national_cues"], *_words()["national"]["bodies"]])
