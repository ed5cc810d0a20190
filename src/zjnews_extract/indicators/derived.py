"""Statistics derived from another indicator: contributions to its growth and counts of what grew.

- Contributions (NBS 指标解释): 贡献率 is a part's increment over the whole's increment, in %; 拉动 is
  the whole's growth times that rate, in percentage points. The whole is named after 对 (第二产业对GDP
  增长的贡献率) or after 拉动 (拉动全市规上工业增长); the part before them is a breakdown of the whole
  (第二产业, 民营企业, 最终消费支出), a scope (限额以上单位), a component statistic (工业增加值 of GDP), or
  nothing: the fact's subject is the part (浙江进出口增长贡献率居首位). With no whole named the part's
  own indicator is the whole (进出口增长贡献率), or GDP's for a bare sector (第三产业贡献率, NBS A0207).
- Counts of breakdowns that grew: a breakdown noun (行业, 产品), the indicator, a growth word (41个大类
  行业中有39个行业增加值保持增长; 63种产品产量实现增长).

Each derived statistic is an indicator of the catalogue with `of` (its base) and `derived` (its
kind); what has none stays unmapped. Every part of a phrase is read once: linear in its length.
"""
from __future__ import annotations

from collections.abc import Callable

from .catalogue import Indicator, catalogue
from .fit import IndicatorMatch, unit_family

Token = tuple[int, int, list[tuple[str, str]]]
Reader = Callable[[str], IndicatorMatch]  # reads a part of a phrase on its own
_NEUTRAL = ("filler", "place", "change")  # who, when and how it changed: no part of what is measured


def contribution(text: str, tokens: list[Token], kind: str | None, scope: str | None,
                 read: Reader) -> IndicatorMatch:
    """A phrase with 贡献率, 贡献 or 拉动: the contribution statistic of the whole, broken down by the part."""
    if kind not in (None, "percent", "pp", "rank"):
        return IndicatorMatch(None, scope, "a contribution word before an amount (拉动消费: what a campaign spurred)")
    at = next(i for i, (_s, _e, roles) in enumerate(tokens) if _value(roles, "contribution"))
    start, end, roles = tokens[at]
    how = _value(roles, "contribution")
    measure = "growth_pull" if how == "pull" or (how == "by_kind" and kind == "pp") else "contribution_rate"
    marker = next((t for t in reversed(tokens[:at]) if text[t[0]:t[1]] == "对" and _value(t[2], "marker") is not None),
                  None)
    if how == "pull" and end < len(text) and not _value(tokens[-1][2], "contribution"):
        part_end, whole = (marker[0] if marker else start), (end, len(text))  # 制造业拉动规上工业增长
    elif marker is not None:
        part_end, whole = marker[0], (marker[1], start)  # 第二产业对GDP增长的贡献率
    else:
        part_end, whole = start, None  # 进出口增长贡献率, 第三产业贡献率
    if whole is not None:
        base, whole_scope = _whole(text, tokens, whole, read)
        if base is None:
            return IndicatorMatch(None, scope, f"a contribution to {text[whole[0]:whole[1]]!r}, which names no indicator")
        members = _part(text, tokens, part_end, base)
    elif measure == "growth_pull":  # 第二产业拉动: of GDP's growth
        base, whole_scope = catalogue().words.contribution_default, None
        members = _part(text, tokens, part_end, base)
    else:
        base, members = _unnamed_whole(text, tokens, part_end, read)
        whole_scope = None
        if base is None:
            return IndicatorMatch(None, scope, "a contribution whose whole is not said")
    if members is None:
        return IndicatorMatch(None, scope, f"a contribution of {text[:part_end]!r}, which is no part of {base}")
    target = catalogue().derived_of(base, measure)
    if target is None:
        return IndicatorMatch(None, scope, f"the catalogue keeps no {measure} of {base}")
    return _fitted(target, members, kind, scope or whole_scope)


def growing_count(text: str, tokens: list[Token], cut: int, kind: str | None, unit: str | None,
                  scope: str | None) -> IndicatorMatch | None:
    """行业增加值实现增长 (个), 产品产量同比增长 (种): the count of breakdowns whose statistic grew; None
    when the phrase is not such a count (大类行业: the size of the classification)."""
    cat = catalogue()
    dimension = _value(tokens[0][2], "noun")
    bases: set[str] = set()
    grew = False
    for start, end, roles in tokens[1:]:
        if start >= cut:
            break
        named = {v for r, v in roles if r in ("alias", "head")}
        bases |= {v for v in named if dimension in cat.indicators[v].breakdowns}
        grew = grew or text[start:end] in cat.words.growth
        if not named and not all(r in (*_NEUTRAL, "scope") for r, _v in roles):
            return None
    if not grew or len(bases) != 1 or _covered(tokens, cut) < cut:
        return None
    if kind not in (None, "value", "growth", "rank") or (unit is not None and unit_family(unit) != "count"):
        return None
    target = cat.derived_of(bases.pop(), "growing_count")
    return None if target is None else IndicatorMatch(target.id, scope)


def _whole(text: str, tokens: list[Token], span: tuple[int, int], read: Reader) -> tuple[str | None, str | None]:
    """The indicator a contribution is to, and the scope it is written with (规上工业)."""
    found = read(text[span[0]:span[1]])
    inside = [t for t in tokens if span[0] <= t[0] and t[1] <= span[1]]
    scope = next((v for _s, _e, roles in inside for r, v in roles if r == "scope"), None)
    if found.indicator is not None:
        return (found.indicator if ":" not in found.indicator else None), scope or found.scope
    # 工业, 经济, 外贸: what is left once who, when, scope and change are set aside
    kept, at = [], span[0]
    for start, end, roles in inside:
        kept.append(text[at:start])
        if not all(r in (*_NEUTRAL, "scope") for r, _v in roles):
            kept.append(text[start:end])
        at = end
    kept.append(text[at:span[1]])
    return catalogue().words.contribution_wholes.get("".join(kept)), scope


def _unnamed_whole(text: str, tokens: list[Token], part_end: int, read: Reader) -> tuple[str | None, list | None]:
    """No 对, no 拉动 X: 进出口增长贡献率 is of 进出口 (its part is the subject), 第三产业贡献率 of GDP."""
    cat = catalogue()
    found = read(text[:part_end])
    if found.indicator is not None:
        base, *parts = found.indicator.split(":")
        return base, [([p], True) for p in parts]
    default = cat.words.contribution_default
    members = _part(text, tokens, part_end, default)
    return (default, members) if members else (None, None)


def _part(text: str, tokens: list[Token], part_end: int, base: str) -> list[tuple[list[str], bool]] | None:
    """The breakdowns of `base` that the words before 对/拉动 name; None when they name something else."""
    cat = catalogue()
    members: list[tuple[list[str], bool]] = []
    if _covered(tokens, part_end) < part_end:
        return None
    for _start, _end, roles in (t for t in tokens if t[1] <= part_end):
        member_ids = [v for r, v in roles if r == "member"]
        named = {v for r, v in roles if r in ("alias", "head", "alias_ctx")}
        if member_ids:
            members.append((member_ids, True))
        elif named:
            if base in named:  # 第三产业增加值: the whole's own head after its member
                continue
            # 工业增加值 in GDP's accounts is GDP's industry (relations.same: gdp:industry = industry.value_added)
            component = [whole for whole, indicator in cat.relations.same.items()
                         if indicator in named and whole.startswith(base + ":")]
            if len(component) != 1:
                return None
            members.append(([component[0].split(":", 1)[1]], True))
        elif not all(r in (*_NEUTRAL, "scope", "marker", "sep") for r, _v in roles) or _value(roles, "sep") is not None:
            return None
    return members


def _fitted(target: Indicator, members: list[tuple[list[str], bool]], kind: str | None,
            scope: str | None) -> IndicatorMatch:
    cat = catalogue()
    parts = cat.fit_members(target, members)
    if parts is None:
        return IndicatorMatch(None, scope, f"{target.id} takes no such breakdown")
    if kind is not None and kind not in cat.kinds(target):
        return IndicatorMatch(None, scope, f"{target.id} never has kind {kind}")
    return IndicatorMatch(cat.canonical(":".join([target.id, *parts])), scope)


def _covered(tokens: list[Token], upto: int) -> int:
    """How far from the start the tokens run without a gap of unknown words."""
    covered = 0
    for start, end, _roles in tokens:
        if start >= upto or start > covered:
            break
        covered = max(covered, end)
    return covered


def _value(roles: list[tuple[str, str]], role: str) -> str | None:
    return next((v for r, v in roles if r == role), None)
