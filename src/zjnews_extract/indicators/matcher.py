"""Metric phrase -> indicator id and scope, in one pass of an Aho-Corasick automaton.

Every word the catalogue knows (indicator aliases and heads, breakdown members, scope words,
fillers, change, share and contribution words, partner markers) is one pattern of a single
leftmost-longest automaton, so a phrase is cut into known words in time linear in its length
whatever the size of the catalogue. The words are then read like a Chinese noun phrase:

- a share word (占, 比重) ends what is measured: 出口占全国份额 is a share of 出口; a bare breakdown
  before it takes the indicator after it (第一产业占地区生产总值的比重: GDP's primary sector);
- a contribution word (贡献率, 拉动) or a count of breakdowns that grew (行业增加值实现增长) names a
  statistic derived from another one (derived.py);
- fillers (全省, 今年, 累计) and change words (增速, 同比, 比上月) say who, when and how it changed;
- scope words (规模以上, 限上, 城镇) go to `scope`;
- what is left must be exactly one indicator word, plus breakdown members the indicator takes
  (对美国 + 进出口, 高新技术产品 + 出口, 住宅 + 投资). Any word left unknown, two different
  indicators, two members of one dimension, or a kind or unit the indicator never has: no id.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache

import msgspec

from ..data import load_toml
from . import derived
from .catalogue import Indicator, catalogue
from .fit import IndicatorMatch, takes

_YEAR = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")  # 比2019年 -> 比#年: one pattern for every year
# domestic place groups of data/facts_places.toml that name who a number is about (foreign ones
# are trade partners here, listed as members of our own)
_PLACE_GROUPS = ("national", "whole_region", "provinces", "cities", "bodies")
_PLACE_SUFFIXES = ("省", "市", "自治区", "特别行政区", "地区", "县", "区")


@cache
def _normalise_table() -> dict[int, None]:
    return {ord(c): None for c in catalogue().words.ignore_chars}


def normalise(phrase: str) -> str:
    """Full-width to half-width (NFKC), Latin letters upper-case, quotes, brackets and spaces out,
    every four-digit year the same symbol."""
    text = unicodedata.normalize("NFKC", phrase).translate(_normalise_table())
    return _YEAR.sub("#", text.upper())


class _Lexicon(msgspec.Struct):
    patterns: list[str]
    roles: list[list[tuple[str, str]]]  # per pattern: (role, value) pairs
    automaton: object


@cache
def _lexicon() -> _Lexicon:
    import ahocorasick_rs  # noqa: PLC0415  (loaded with the first metric matched)

    cat = catalogue()
    roles: dict[str, list[tuple[str, str]]] = {}

    def add(surface: str, role: str, value: str = "") -> None:
        key = normalise(surface)
        if key and (role, value) not in roles.setdefault(key, []):
            roles[key].append((role, value))

    for ind in cat.indicators.values():
        for alias in ind.aliases:
            add(alias, "alias", ind.id)
        for alias in ind.context_aliases:
            add(alias, "alias_ctx", ind.id)
        for head in ind.heads:
            add(head, "head", ind.id)
    for member in cat.members.values():
        for surface in (member.zh, *member.aliases):
            add(surface, "member", member.id)
    for canonical, surfaces in cat.scope.items():
        for surface in surfaces:
            add(surface, "scope", canonical)
    words = cat.words
    for role, surfaces in (("change", words.change), ("share", words.share), ("marker", words.partner_marker),
                           ("filler", words.filler), ("sep", words.separators)):
        for surface in surfaces:
            add(surface, role)
    for role, table in (("contribution", words.contribution), ("noun", words.breakdown_nouns)):
        for surface, value in table.items():
            add(surface, role, value)
    places = load_toml("facts_places.toml")
    for group in _PLACE_GROUPS:
        for name in places.get(group, []):
            add(name, "place")
            for suffix in _PLACE_SUFFIXES:
                add(name + suffix, "place")
    patterns = list(roles)
    automaton = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return _Lexicon(patterns=patterns, roles=[roles[p] for p in patterns], automaton=automaton)


# what _match answers, without a sentence, for a phrase whose reading depends on its sentence
_NEEDS_SENTENCE = IndicatorMatch(None, None, "needs its sentence")


def match_metric(metric: str | None, *, kind: str | None = None, unit: str | None = None,
                 sentence: str | Callable[[], str] = "") -> IndicatorMatch:
    """The indicator a metric phrase names, and its scope; indicator None when nothing fits.

    kind and unit (of the fact) rule out indicators that never take them. `sentence` (or a function
    giving it, called only when needed) is read only for what the phrase leaves to it: the context
    words of context-bound aliases (利用外资 among 房地产 到位资金), a partner marker the phrase left
    out (美国进出口 in 对美国进出口…), the indicator of a bare breakdown (汽车制造业). The reading of a
    phrase alone is cached: the same metric on every fact of a long article is read once."""
    found = _phrase_alone(metric or "", kind, unit)
    if found is not _NEEDS_SENTENCE:
        return found
    return _match(metric or "", kind, unit, sentence() if callable(sentence) else sentence)


@lru_cache(maxsize=16384)
def _phrase_alone(metric: str, kind: str | None, unit: str | None) -> IndicatorMatch:
    return _match(metric, kind, unit, None)


def _tokens(text: str) -> list[derived.Token]:
    lex = _lexicon()
    return [(start, end, lex.roles[i]) for i, start, end in lex.automaton.find_matches_as_indexes(text)]


def _read_alone(phrase: str) -> IndicatorMatch:
    """A part of a phrase (the whole of a contribution, what a share is of) read on its own."""
    return _match(phrase, None, None, None, whole_phrase=False)


def _match(metric: str, kind: str | None, unit: str | None, sentence: str | None,
           whole_phrase: bool = True) -> IndicatorMatch:
    if not metric:
        return IndicatorMatch(None, None, "no metric")
    text = normalise(metric)
    cat_members = catalogue().members
    tokens = _tokens(text)
    cut, share_end = len(text), len(text)
    for start, end, roles in tokens:
        if _has(roles, "share"):
            cut, share_end = start, end
            break
    scope = next((value for s, _e, roles in tokens if s < cut for role, value in roles if role == "scope"), None)
    if any(_has(roles, "contribution") for _s, _e, roles in tokens):
        if not whole_phrase:
            return IndicatorMatch(None, scope, "a contribution inside a contribution")
        return derived.contribution(text, tokens, kind, scope, _read_alone)
    if whole_phrase and tokens and tokens[0][0] == 0 and all(role == "noun" for role, _v in tokens[0][2]):
        counted = derived.growing_count(text, tokens, cut, kind, unit, scope)
        if counted is not None:
            return counted
    covered = 0
    measures: list[set[tuple[str, str]]] = []
    members: list[tuple[list[str], bool]] = []  # (member ids of one surface, marked by 对/与/来自)
    dual: list[tuple[set[tuple[str, str]], tuple[list[str], bool]]] = []  # 外贸: an indicator word and a breakdown
    in_context: set[str] = set()  # indicators named by a context-bound alias (投资总额)
    previous: list[tuple[str, str]] = []
    for start, end, roles in tokens:
        if start >= cut:
            break
        if start > covered:
            return IndicatorMatch(None, scope, f"unknown words {text[covered:start]!r}")
        if all(role == "noun" for role, _v in roles):  # 行业增加值: which industries is not said
            return IndicatorMatch(None, scope, f"a generic breakdown noun {text[start:end]!r}")
        covered = end
        named = {("alias" if role == "alias_ctx" else role, value) for role, value in roles
                 if role in ("alias", "head", "alias_ctx")}
        in_context |= {value for role, value in roles if role == "alias_ctx"}
        member_ids = [value for role, value in roles if role == "member"]
        if member_ids:
            marked = _has(previous, "marker")
            if not marked and any("partner" in cat_members[m].dimensions for m in member_ids):
                if sentence is None:
                    return _NEEDS_SENTENCE
                marked = _marked_in(text[start:end], sentence)
            if named:
                dual.append((named, (member_ids, marked)))
            else:
                members.append((member_ids, marked))
        if named:
            measures.append(named)
        previous = roles
    if covered < cut:
        return IndicatorMatch(None, scope, f"unknown words {text[covered:cut]!r}")
    if not measures:
        if members and whole_phrase and cut < len(text):
            of_whole = _share_of(text[share_end:], members, kind, unit, sentence, scope)
            if of_whole is not None:
                return of_whole
        if len(members) == 1 and sentence is None:
            return _NEEDS_SENTENCE
        if len(members) == 1 and sentence:
            return _from_sentence(members, kind, unit, sentence, scope)
        return IndicatorMatch(None, scope, "no indicator word")
    ids = set.intersection(*({value for _role, value in named} for named in measures))
    if not ids and dual:  # 外贸货物吞吐量: the word that is also a breakdown is the breakdown here
        measures = [named for named in measures if all(named is not d for d, _m in dual)]
        members += [member for _d, member in dual]
        ids = set.intersection(*({value for _role, value in named} for named in measures)) if measures else set()
    if not ids:
        return IndicatorMatch(None, scope, "several indicators named together")
    alone = {value for role, value in measures[-1] if role == "alias"}
    return _resolve(ids, alone, members, kind, unit, sentence, scope, in_context)


def _share_of(whole: str, members: list[tuple[list[str], bool]], kind: str | None, unit: str | None,
              sentence: str | None, scope: str | None) -> IndicatorMatch | None:
    """A bare breakdown before a share word is a breakdown of the whole after it (第一产业占地区生产总值的
    比重: the primary sector's share of GDP, stated as gdp:primary like 第一产业增加值占GDP比重)."""
    found = _read_alone(whole)
    if found.indicator is None or ":" in found.indicator:
        return None
    result = _resolve({found.indicator}, {found.indicator}, members, kind, unit, sentence, scope, set())
    return result if result.indicator else None


def _marked_in(surface: str, sentence: str) -> bool:
    """The sentence writes a partner marker right before this member (对美国进出口) though the metric
    phrase left the marker out (美国进出口)."""
    if not sentence:
        return False
    text = normalise(sentence)
    return any(marker + surface in text for marker in catalogue().words.partner_marker)


def _from_sentence(members: list[tuple[list[str], bool]], kind: str | None, unit: str | None, sentence: str,
                   scope: str | None) -> IndicatorMatch:
    """A bare breakdown (汽车制造业 growing 9.5% in a list of 增加值 by industry, 钢材 among 产量 figures):
    the indicator words of the sentence that take this member; one indicator, or no id."""
    text = normalise(sentence)
    ids: set[str] = set()
    previous_end, previous_roles = -1, []
    for start, end, roles in _tokens(text):
        # a generic head counts only where it heads a member (汽车产量), not inside other words (实际投资总量)
        headed = start == previous_end and (_has(previous_roles, "member") or _has(previous_roles, "noun"))
        ids |= {value for role, value in roles if role == "alias" or (role == "head" and headed)}
        previous_end, previous_roles = end, roles
    found = _resolve(ids, set(), members, kind, unit, sentence, scope, set())
    if found.indicator is None:
        return IndicatorMatch(None, scope, "a bare breakdown; the sentence names no single indicator for it")
    return IndicatorMatch(found.indicator, scope, "indicator word from the sentence")


def _has(roles: list[tuple[str, str]], role: str) -> bool:
    return any(r == role for r, _v in roles)


def _bound(ind: Indicator, in_context: set[str]) -> bool:
    """Whether the indicator counts only in its context here: all its aliases are bound, or it was
    named by one of its context aliases."""
    return bool(ind.context) and (not ind.context_aliases or ind.id in in_context)


def _resolve(ids: set[str], alone: set[str], members: list[tuple[list[str], bool]], kind: str | None,
             unit: str | None, sentence: str | None, scope: str | None, in_context: set[str]) -> IndicatorMatch:
    cat = catalogue()
    fits: list[tuple[Indicator, list[str]]] = []
    reason = "no indicator takes these words together"
    for ind_id in sorted(ids):
        ind = cat.indicators[ind_id]
        parts = cat.fit_members(ind, members)
        if parts is None:
            continue
        if not parts and ind_id not in alone:
            reason = "a generic word without the breakdown it needs"
            continue
        if _bound(ind, in_context) and sentence is None:
            return _NEEDS_SENTENCE
        if _bound(ind, in_context) and not any(word in sentence for word in ind.context):
            reason = "a context-bound word outside its context"
            continue
        if not takes(ind, kind, unit):
            reason = f"{ind_id} never has kind {kind} with unit {unit}"
            continue
        fits.append((ind, parts))
    bound = [fit for fit in fits if _bound(fit[0], in_context)]
    fits = bound or fits
    if len(fits) != 1:
        return IndicatorMatch(None, scope, reason if not fits else "ambiguous: " + ", ".join(f[0].id for f in fits))
    ind, parts = fits[0]
    return IndicatorMatch(cat.canonical(":".join([ind.id, *parts])), scope)


