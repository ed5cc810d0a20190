"""The indicator catalogue (data/indicators.toml) as typed records, read and checked once.

An indicator is one statistic with a stable id (trade.exports): names, the words news uses for
it (aliases), generic head words that name it only together with a breakdown (投资 in 住宅投资),
the breakdown dimensions it takes, the kinds and unit families its facts may have, and
cross-references to official source codes. A breakdown member (美国, 高新技术产品, 汽车制造业)
belongs to one dimension; a broken-down indicator's id is the indicator id and the member ids
joined by colons (trade.exports:high_tech_products).
"""
from __future__ import annotations

import re
from functools import cache

import msgspec

from ..data import load_toml

KINDS = ("value", "percent", "growth", "pp", "rank", "number")
# statistics derived from another indicator (`of`): see indicators/derived.py
DERIVED = ("contribution_rate", "growth_pull", "growing_count", "growth_breadth")
ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
MEMBER_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")


class Xref(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """An official source code for (part of) an indicator, valid from/to a year when it was split."""

    source: str  # nbs: National Bureau of Statistics monthly database code
    code: str
    name: str
    start: int | None = None  # first year the code covers
    end: int | None = None  # last year


class Indicator(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    zh: str
    en: str
    units: list[str] = []  # unit families a `value` fact may have; empty: no values (an index, a rate)
    kinds: list[str] = []  # empty: the catalogue's default kinds
    aliases: list[str] = []  # words that name it alone (or with a breakdown)
    heads: list[str] = []  # generic words that name it only together with a breakdown member
    breakdowns: list[str] = []  # dimensions it can be broken down by
    unmarked_partner: bool = False  # a partner needs no 对/与/来自 before it (sources of investment)
    context: list[str] = []  # aliases count only when the sentence names one of these words
    context_aliases: list[str] = []  # with these, only they are bound to the context (投资总额 of FDI)
    stock: bool = False  # a level at a moment (balances, inventories): its period is a point in time
    real_growth: bool = False  # growth stated at comparable prices (GDP, value added): not from nominal levels
    of: str | None = None  # a derived statistic: the indicator it is derived from
    derived: str | None = None  # which: one of DERIVED
    xref: list[Xref] = []


class Member(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: str
    dimensions: list[str]  # one thing may break down several indicators (猪肉: a price item, a farm output)
    zh: str
    en: str
    aliases: list[str] = []  # besides zh
    xref: list[Xref] = []


class Words(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    filler: list[str]  # who/when words inside a metric (全省, 今年, 累计): not part of what is measured
    change: list[str]  # change and comparison words (增速, 同比, 比上月): the indicator stays the same
    share: list[str]  # 占, 比重: what follows is the whole a share is taken of
    contribution: dict[str, str]  # 贡献率 -> rate, 拉动 -> pull, 贡献 -> by_kind: a contribution to another's growth
    contribution_wholes: dict[str, str]  # 工业, 经济, 外贸: what they name as the whole of a contribution
    contribution_default: str  # the whole when none is named (第三产业贡献率: NBS's contributions to GDP)
    growth: list[str]  # 增长, 正增长: the change words that count a breakdown as growing
    partner_marker: list[str]  # 对, 与, 来自: the place after it is a trade partner or source
    ignore_chars: str  # punctuation dropped before matching (quotes, brackets, spaces)
    separators: list[str]  # 、 and 和 between two members or indicators: a combined metric
    breakdown_nouns: dict[str, str]  # 行业 -> industry: a head after them (行业增加值) names the indicator of its members


class SumRule(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    whole: str
    parts: list[str]
    members: bool = False  # the same for every breakdown of the whole


class Relations(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    sums: list[SumRule] = []
    same: dict[str, str] = {}  # a breakdown that is an indicator of its own: agriculture.output:grain -> grain_output


class CatalogueFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    default_kinds: list[str]
    dimensions: dict[str, str]  # name -> what it breaks down by
    unit_families: dict[str, list[str]]
    scope: dict[str, list[str]]  # canonical scope -> its surfaces
    words: Words
    relations: Relations
    indicator: list[Indicator]
    members: dict[str, list[Member]]  # one list (TOML keeps an array of tables apart from tables after it)

    def member_list(self) -> list[Member]:
        return [m for group in self.members.values() for m in group]


class Catalogue(msgspec.Struct, frozen=True):
    relations: Relations
    indicators: dict[str, Indicator]
    members: dict[str, Member]
    dimensions: dict[str, str]
    unit_families: dict[str, list[str]]
    scope: dict[str, list[str]]
    words: Words
    default_kinds: list[str]
    derived_index: dict[tuple[str, str], Indicator] = {}  # (of, derived) -> the derived indicator

    def kinds(self, indicator: Indicator) -> list[str]:
        return indicator.kinds or self.default_kinds

    def derived_of(self, base: str, derived: str) -> Indicator | None:
        """The statistic of kind `derived` (contribution_rate, growing_count …) of indicator `base`."""
        return self.derived_index.get((base, derived))

    def fit_members(self, ind: Indicator, members: list[tuple[list[str], bool]]) -> list[str] | None:
        """Member ids in the indicator's dimension order, or None when a member does not fit it. Each item of
        `members` is the member ids one surface may mean and whether a partner marker (对, 来自) precedes it."""
        chosen: dict[str, str] = {}
        for member_ids, marked in members:
            fitting = [(d, m) for m in member_ids for d in ind.breakdowns if d in self.members[m].dimensions
                       and (d != "partner" or marked or ind.unmarked_partner)]
            if len(fitting) != 1:
                return None
            dimension, member_id = fitting[0]
            if dimension in chosen:  # 英国、德国的实际外资: several of one dimension
                return None
            chosen[dimension] = member_id
        return [chosen[d] for d in ind.breakdowns if d in chosen]

    def canonical(self, indicator_id: str) -> str:
        """The id under which a breakdown that is a statistic of its own is kept (relations.same), with
        the other breakdowns it came with (footfall:metro:daily_average -> urban rail's daily average)."""
        same = self.relations.same
        if indicator_id in same:
            return same[indicator_id]
        base, *parts = indicator_id.split(":")
        for part in parts:
            key = f"{base}:{part}"
            target = self.indicators.get(same.get(key, ""))
            rest = [([p], True) for p in parts if p != part]
            kept = self.fit_members(target, rest) if target else None
            if kept is not None and len(kept) == len(rest):
                return ":".join([same[key], *kept])
        return indicator_id

    def name(self, indicator_id: str) -> tuple[str, str] | None:
        """(Chinese name, English name) of an indicator id, breakdowns included; None if unknown."""
        base, *parts = indicator_id.split(":")
        ind = self.indicators.get(base)
        members = [self.members.get(p) for p in parts]
        if ind is None or any(m is None for m in members):
            return None
        zh = "".join(m.zh for m in members) + ind.zh
        en = ind.en + "".join(f", {m.en}" for m in members)
        return zh, en


@cache
def catalogue() -> Catalogue:
    """The catalogue, parsed and type-checked; problems() lists what is inconsistent in it."""
    raw = msgspec.convert(load_toml("indicators.toml"), type=CatalogueFile)
    return Catalogue(
        relations=raw.relations, indicators={i.id: i for i in raw.indicator}, members={m.id: m for m in raw.member_list()},
        dimensions=raw.dimensions, unit_families=raw.unit_families, scope=raw.scope, words=raw.words,
        default_kinds=raw.default_kinds,
        derived_index={(i.of, i.derived): i for i in raw.indicator if i.of and i.derived},
    )


def problems(raw: dict | None = None) -> list[str]:
    """Everything wrong with the catalogue (empty when it is sound): duplicate ids, an alias of two
    indicators (unless one is bound to a context), a head shared by indicators whose breakdowns
    overlap, a member surface twice in one dimension, unknown dimensions, kinds or unit families."""
    data = msgspec.convert(raw if raw is not None else load_toml("indicators.toml"), type=CatalogueFile)
    out: list[str] = []
    seen: dict[str, str] = {}
    for ind in data.indicator:
        if ind.id in seen:
            out.append(f"indicator id {ind.id} twice")
        seen[ind.id] = ind.id
        if not ID.match(ind.id):
            out.append(f"indicator id {ind.id} is not dotted lower-case words")
        if ind.context_aliases and not ind.context:
            out.append(f"{ind.id} has context aliases but no context words")
        if not ind.aliases and not ind.heads and not ind.of and not ind.context_aliases:
            out.append(f"{ind.id} has neither aliases nor heads")
        if (ind.of is None) != (ind.derived is None) or (ind.derived and ind.derived not in DERIVED):
            out.append(f"{ind.id}: a derived statistic needs both `of` and a `derived` of {DERIVED}")
        if ind.heads and not ind.breakdowns:
            out.append(f"{ind.id} has heads but no breakdowns to go with them")
        out += [f"{ind.id}: unknown dimension {d}" for d in ind.breakdowns if d not in data.dimensions]
        out += [f"{ind.id}: unknown kind {k}" for k in ind.kinds if k not in KINDS]
        out += [f"{ind.id}: unknown unit family {u}" for u in ind.units if u not in data.unit_families]
        if "value" in (ind.kinds or data.default_kinds) and not ind.units:
            out.append(f"{ind.id} takes values but names no unit family")
    ids = {i.id for i in data.indicator}
    members = {m.id for m in data.member_list()}
    refs = [ref for rule in data.relations.sums for ref in (rule.whole, *rule.parts)]
    refs += [ref for pair in data.relations.same.items() for ref in pair]
    refs += list(data.words.contribution_wholes.values()) + [data.words.contribution_default]
    refs += [ind.of for ind in data.indicator if ind.of]
    for ref in refs:
        base, *parts = ref.split(":")
        if base not in ids or any(p not in members for p in parts):
            out.append(f"relation names unknown indicator {ref}")
    out += [f"breakdown noun {noun}: unknown dimension {d}" for noun, d in data.words.breakdown_nouns.items()
            if d not in data.dimensions]
    out += [f"contribution word {w}: {v} is not rate, pull or by_kind" for w, v in data.words.contribution.items()
            if v not in ("rate", "pull", "by_kind")]
    def bound(ind: Indicator, alias: str) -> bool:  # counts only in its context
        return bool(ind.context) and (not ind.context_aliases or alias in ind.context_aliases)

    alias_owner: dict[str, Indicator] = {}
    for ind in data.indicator:
        for alias in ind.aliases + ind.context_aliases:
            other = alias_owner.get(alias)
            if other is not None and other.id != ind.id and not bound(ind, alias) and not bound(other, alias):
                out.append(f"alias {alias} of both {other.id} and {ind.id}")
            if not bound(ind, alias):
                alias_owner[alias] = ind
    head_owners: dict[str, list[Indicator]] = {}
    for ind in data.indicator:
        for head in ind.heads:
            head_owners.setdefault(head, []).append(ind)
    for head, owners in head_owners.items():
        for i, a in enumerate(owners):
            for b in owners[i + 1:]:
                shared = set(a.breakdowns) & set(b.breakdowns)
                if shared:
                    out.append(f"head {head} of {a.id} and {b.id}, which share breakdown {sorted(shared)}")
    member_ids: set[str] = set()
    surfaces: dict[tuple[str, str], str] = {}
    for m in data.member_list():
        if m.id in member_ids:
            out.append(f"member id {m.id} twice")
        member_ids.add(m.id)
        if not MEMBER_ID.match(m.id):
            out.append(f"member id {m.id} is not lower-case")
        out += [f"member {m.id}: unknown dimension {d}" for d in m.dimensions if d not in data.dimensions]
        for surface in {m.zh, *m.aliases}:
            for dimension in m.dimensions:
                key = (dimension, surface)
                if key in surfaces and surfaces[key] != m.id:
                    out.append(f"{surface} names both {surfaces[key]} and {m.id} in dimension {dimension}")
                surfaces[key] = m.id
    return out
