"""China's administrative divisions (data/places_china.toml) and the names news write them by,
found in a text by one leftmost-longest Aho-Corasick automaton: time linear in the text, whatever
the number of names (some 3,300 divisions and their short names).

A division is found by its official name (天祝藏族自治县, 泉州市), or by its short name: a
province's or prefecture's alone (泉州, 大理州), a county's only with its suffix (柳林县) —
county names are often common words (长安, 新华, 城关), so a bare one (柳林) is a *weak* mention
that only an article can confirm (facts/ownplace.py). Everything here is loaded on first use.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from ..data import load_toml

LEVELS = ("province", "prefecture", "county")
# Why: a county-level division may be written with any of these (it may have been a 县, then a
# 市, now a 区; an autonomous county is 秀山县 in prose).
_COUNTY_SUFFIXES = ("县", "市", "区", "旗")
# Why: municipalities are provinces that speak of themselves as 全市 / 我市.
MUNICIPALITIES = ("11", "12", "31", "50")


@dataclass(frozen=True)
class Division:
    code: str
    official: str  # 天祝藏族自治县
    name: str  # as a subject: 天祝, 大理州, 泉州, 浙江
    level: str  # province | prefecture | county

    @property
    def province(self) -> str:
        return self.code[:2]

    @property
    def prefecture(self) -> str | None:
        return self.code[:4] if self.level == "county" and self.code[:4] in divisions() else None

    @property
    def whole_words(self) -> str:
        """The last characters of the 全X / 我X words the division's own articles use."""
        if self.level == "province":
            if self.code in MUNICIPALITIES:
                return "市"
            return "区" if self.official.endswith("自治区") else "省"
        for end, word in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"), ("地区", "区"), ("盟", "盟")):
            if self.official.endswith(end):
                return word
        return self.official[-1] if self.official[-1] in "市县区旗州" else "区"

    def ancestors(self) -> list[Division]:
        """The prefecture (if any) and the province the division is part of, nearest first."""
        table = divisions()
        out = [table[c] for c in (self.prefecture,) if c]
        if self.level != "province" and self.province in table:
            out.append(table[self.province])
        return out


@cache
def divisions() -> dict[str, Division]:
    data = load_toml("places_china.toml")
    out: dict[str, Division] = {}
    for level, group in zip(LEVELS, ("provinces", "prefectures", "counties")):
        for code, names in data[group].items():
            out[code] = Division(code=code, official=names[0], name=names[1], level=level)
    return out


@cache
def name_words() -> dict:
    """The words of data/facts_subjects.toml [names]."""
    return load_toml("facts_subjects.toml")["names"]



class Surface(NamedTuple):
    codes: tuple[str, ...]  # the divisions a name may be, highest level first
    bare: bool  # a short name: an administrative suffix may follow (泉州 + 市)


@cache
def surfaces() -> tuple[dict[str, Surface], dict[str, Surface]]:
    """(strong, weak): names that are places wherever they stand, and county short names (and
    one-character county names with their suffix: 和县, 范县) that count only when confirmed."""
    words = name_words()
    ambiguous, not_names = set(words["ambiguous_prefectures"]), set(words["not_names"])
    strong: dict[str, list] = {}
    weak: dict[str, list] = {}

    def add(table, name, code, bare):
        if name and name not in not_names:
            table.setdefault(name, [[], bare])[0].append(code)

    for code, d in divisions().items():
        names = load_toml("places_china.toml")[{"province": "provinces", "prefecture": "prefectures",
                                                 "county": "counties"}[d.level]][code]
        if d.level == "county" and len(d.official) <= 2:
            add(weak, d.official, code, False)  # 和县, 范县 (示范县): a common pair of characters
        else:
            add(strong, d.official, code, False)
        for short in names[1:]:
            if short == d.official:
                continue
            weak_short = d.level == "county" or short in ambiguous
            add(weak if weak_short else strong, short, code, not short.endswith("州"))
            if d.level == "county" and d.official not in not_names:
                # with a suffix a county is sure, the suffixes of its past included (秀山县 of
                # 秀山土家族苗族自治县, 上虞市 of today's 上虞区, 萧山市)
                for suffix in _COUNTY_SUFFIXES:
                    add(strong, short + suffix, code, False)
    rank = {level: i for i, level in enumerate(LEVELS)}

    def freeze(table):
        return {name: Surface(tuple(sorted(set(codes), key=lambda c: (rank[divisions()[c].level], c))), bare)
                for name, (codes, bare) in table.items()}

    strong_t = freeze(strong)
    weak_t = {k: v for k, v in freeze(weak).items() if k not in strong_t}
    return strong_t, weak_t


class Automaton:
    """Leftmost-longest search of many literal names (ahocorasick-rs), positions in characters."""

    def __init__(self, names):
        import ahocorasick_rs  # noqa: PLC0415  (loaded with the first article read)

        self.names = list(names)
        self.longest = max((len(n) for n in self.names), default=0)
        self._ac = ahocorasick_rs.AhoCorasick(self.names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        """(start, end, name) of the names found, leftmost-longest, not overlapping."""
        end = len(text) if end is None else end
        chunk = text[start:end] if (start, end) != (0, len(text)) else text
        for i, s, e in self._ac.find_matches_as_indexes(chunk):
            yield start + s, start + e, self.names[i]

    def at(self, text: str, pos: int, end: int | None = None) -> tuple[int, str] | None:
        """(end, name) of the longest name starting exactly at `pos`."""
        end = min(len(text) if end is None else end, pos + self.longest)
        for s, e, name in self.finditer(text, pos, end):
            return (e, name) if s == pos else None
        return None


@cache
def weak_automaton() -> Automaton:
    return Automaton(surfaces()[1])


def division_of(name: str) -> Division | None:
    """The division a name (as written, with or without its suffix) most likely is: the highest level."""
    strong, weak = surfaces()
    hit = strong.get(name) or weak.get(name)
    if hit is None and name[-1:] in "省市县区州旗":
        hit = strong.get(name[:-1]) or weak.get(name[:-1])
    return divisions()[hit.codes[0]] if hit else None


def county_within(name: str, region: str | None) -> bool:
    """True when `name` is the short name of a county or district inside `region` (定海 in 舟山):
    a short county name counts as a place only where its region confirms it."""
    whole = division_of(region) if region else None
    found = surfaces()[1].get(name)
    return bool(whole and found and any(c != whole.code and c.startswith(whole.code) for c in found.codes))


def subject_form(name: str) -> str | None:
    """A division's name as a subject, as the press writes it short: 泉州市 -> 泉州, 绵竹市 -> 绵竹,
    大理白族自治州 -> 大理州, 天祝藏族自治县 -> 天祝; a county or district written with its suffix
    keeps it (柳林县, 武侯区). None for a name that is no division."""
    d = division_of(name)
    if d is None:
        return None
    if name == d.official and d.level == "county" and not name.endswith("市") and "自治" not in name:
        return name  # 柳林县, 武侯区: as written
    if d.level == "county" and name != d.official and name[-1:] in "县区旗":
        return name  # 上虞区 for a 上虞市 of the past: as written
    return d.name


def is_municipality(name: str | None) -> bool:
    d = division_of(name) if name else None
    return d is not None and d.level == "province" and d.code in MUNICIPALITIES
