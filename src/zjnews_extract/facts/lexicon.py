"""The fact lexicons (data/facts_cues.toml, data/facts_places.toml), read once."""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

import regex

from ..data import load_toml


def cues() -> dict[str, Any]:
    return load_toml("facts_cues.toml")


def places() -> dict[str, Any]:
    return load_toml("facts_places.toml")


def alternation(words) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def place_names() -> dict[str, str]:
    """Every place or body name -> its group (national, whole_region, provinces, ...)."""
    out: dict[str, str] = {}
    for group, names in places().items():
        for name in names:
            out.setdefault(name, group)
    return out


# Why: an administrative suffix after a short name (浙江省, 肇庆市, 香港地区, 宁波港域); 地区生产总值 is
# a measure, and 港 before these is a word of its own (港澳, 港资, 港口).
_SUFFIX = regex.compile(r"(?:省|市|自治区|特别行政区|地区(?!生产)|县|区|港(?:域|区)?(?![澳台资股元币口务]))")


class PlaceMatch:
    """A place name found in a text, read like a regex match (group, start, end)."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    def group(self) -> str:
        return self._text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end


# Why: a character that makes a duration or a date with the digits before it (7天, 3月, 5年, 2周).
_TIME_UNITS = frozenset("天日月年周")


class PlaceMatcher:
    """Every listed place or body (data/facts_places.toml) and every administrative division
    (facts/gazetteer.py) that counts wherever it stands, with an optional suffix after a short
    name: one Aho-Corasick automaton, so a scan is linear in the text whatever the number of names."""

    def __init__(self):
        from .gazetteer import Automaton, surfaces  # noqa: PLC0415

        strong, _ = surfaces()
        # (全市, 我县 name the article's own place whole: no suffix follows them, 我县省市县 is 我县 + levels)
        self.bare = {name for name, s in strong.items() if s.bare} \
            | {name for name, kind in place_names().items() if kind not in ("whole_region", "national")}
        self.names = set(strong) | set(place_names())
        self.automaton = Automaton(self.names)
        self.not_before = load_toml("facts_subjects.toml")["names"]["suffix_not_before"]

    def _complete(self, text: str, start: int, end: int, name: str, endpos: int) -> PlaceMatch | None:
        """The match with its suffix, or a shorter name when the suffix is another word's (西湖区域)."""
        if start and name[0] in _TIME_UNITS and text[start - 1].isdigit():
            return None  # 春节7天全市: 7天 is a duration, no 天全市 (a county of 雅安)
        deny = self.not_before.get(name[-1:])
        if deny and text[end:end + 1] in deny and name not in place_names():
            name = name[:-1]
            end -= 1
            if name not in self.names:
                return None
        if name in self.bare:
            m = _SUFFIX.match(text, end, endpos)
            if m and not (self.not_before.get(m.group()[-1:]) and text[m.end():m.end() + 1] in self.not_before[m.group()[-1]]):
                end = m.end()
        return PlaceMatch(start, end, text[start:end])

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else min(endpos, len(text))
        cursor = pos
        for s, e, name in self.automaton.finditer(text, pos, endpos):
            if s < cursor:
                continue  # inside the suffix of the name before
            m = self._complete(text, s, e, name, endpos)
            if m is not None:
                cursor = m.end()
                yield m

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> PlaceMatch | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> PlaceMatch | None:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        hit = self.automaton.at(text, pos, endpos)
        return self._complete(text, pos, hit[0], hit[1], endpos) if hit else None


@cache
def place_pattern() -> PlaceMatcher:
    """A place name with an optional administrative suffix (浙江省, 肇庆市, 香港地区, 柳林县)."""
    return PlaceMatcher()


@cache
def port_pattern() -> regex.Pattern:
    """A port the place list does not know, told by what follows it (北部湾港完成…, 太仓港集装箱…).
    Kept apart from place_pattern: a character class beside that long alternation makes every
    scan of a whole text several times slower; this one is only matched at a known position."""
    return regex.compile(rf"[\u4e00-\u9fff]{{2,3}}港(?=(?:{alternation(cues()['subject']['port_name_next'])}))")


@cache
def body_pattern() -> regex.Pattern:
    """A place no list knows, told by its ending (解放碑商圈, 西湖景区, 洋山港区), matched only at a
    known position; not a generic phrase (重点景区, 各大商圈)."""
    names = load_toml("facts_subjects.toml")["names"]
    # 西湖景区, 灵隐寺飞来峰景区, 鲁迅故里·沈园景区 (two names joined by a middle dot)
    # (a name has no 的 in it: 门票收入超过千万元的景区 is a class of sites, no site)
    return regex.compile(rf"{_body_name()}(?:·[\u4e00-\u9fff]{{1,4}}?)?(?:{alternation(names['body_endings'])})")


def _body_name() -> str:
    names = load_toml("facts_subjects.toml")["names"]
    return rf"(?!{alternation(names['body_not_starts'])})(?:(?!的)[\u4e00-\u9fff]){{2,6}}?"


@cache
def _zone_pattern() -> regex.Pattern:
    return regex.compile(rf"({_body_name()})(?:{alternation(load_toml('facts_subjects.toml')['names']['zone_endings'])})")


def _zone_at(text: str, pos: int, end: int) -> regex.Match | None:
    """A zone no list knows (赣江新区, 苏通园区), its name all nouns: 将推进自贸试验区 is a verb phrase
    about the zones, no zone's name."""
    from .words import words  # noqa: PLC0415  (jieba loads lazily)

    m = _zone_pattern().match(text, pos, end)
    if m is None:
        return None
    tagged = words(m.group(1))
    # (a lone character of an unknown name is tagged at random, 苏通 = 苏/j 通/v: only whole words
    # count, and a function word opening the name, 将推进…)
    if any(len(w) > 1 and tag[:1] in "vdpcu" for w, tag in tagged) or tagged[0][1][:1] in "dpcu":
        return None
    return m


@cache
def city_pattern() -> regex.Pattern:
    """A city the place list does not know (安庆市), matched only where a name may start."""
    deny = alternation(cues()["subject"]["city_not_endings"])
    starts = "".join(cues()["subject"]["city_not_starts"])
    return regex.compile(rf"(?![{starts}])(?:(?!的)[\u4e00-\u9fff]){{2,3}}?市(?<!{deny})(?!场|民|区|值|委|政|级|辖|面|容)")


# Why: a county's bare short name (温岭, 嘉善) is a place only in an article that confirms it (see
# facts/counties.py confirmed_counties); find_facts sets the names for the article it reads.
_CONFIRMED: ContextVar[frozenset[str]] = ContextVar("confirmed_counties", default=frozenset())


@contextmanager
def confirming(names: frozenset[str]):
    """While the block runs, match_place also takes these bare county names as places."""
    token = _CONFIRMED.set(names)
    try:
        yield
    finally:
        _CONFIRMED.reset(token)


@cache
def _first_chars(names: frozenset[str]) -> frozenset[str]:
    return frozenset(n[0] for n in names)


def confirmed() -> frozenset[str]:
    """The county short names confirmed for the article being read: part of the key of every
    cache whose reading depends on places (metric/window.py, metric/heads.py)."""
    return _CONFIRMED.get()


def _confirmed_at(text: str, pos: int, end: int, names: frozenset[str]) -> PlaceMatch | None:
    from .gazetteer import weak_automaton  # noqa: PLC0415

    hit = weak_automaton().at(text, pos, end)
    return PlaceMatch(pos, hit[0], hit[1]) if hit and hit[1] in names else None


def match_place(text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
    """A place name (or an unlisted port, place or city, or a county's short name the article
    confirms) starting exactly at `pos`."""
    end = len(text) if endpos is None else endpos
    names = _CONFIRMED.get()
    # (a site's name, 西湖景区, before the county's short name inside it, 西湖; a confirmed name is
    # looked for only where one starts: a set lookup, not an automaton call at every position)
    if (place := place_pattern().match(text, pos, end)) is not None:
        # (大庆油田, 三亚湾景区: a body named after its place is the body)
        body = body_pattern().match(text, pos, end) or _zone_at(text, pos, end)
        return body if body is not None and body.end() > place.end() else place
    return (port_pattern().match(text, pos, end)
            or body_pattern().match(text, pos, end)
            or _zone_at(text, pos, end)
            or (names and text[pos:pos + 1] in _first_chars(names) and _confirmed_at(text, pos, end, names))
            or city_pattern().match(text, pos, end))


def opens_with_partner(text: str) -> bool:
    """`text` opens with a trade partner's mark, a foreign economy and a name after it (与东盟进出口,
    对共建“一带一路”国家的进出口值, 对美国出口): the trade with the partner, named with it. Not a comparison
    (与全国增速相比: a domestic whole), nor a partner right before a count (与非洲58个国家和地区)."""
    for mark in cues()["grammar"]["partner_list_marks"]:
        if text.startswith(mark):
            m = match_place(text, len(mark))
            return m is not None and place_names().get(m.group()) == "foreign" and bool(text[m.end():].strip())
    return False
