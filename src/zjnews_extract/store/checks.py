"""Consistency checks over the stored facts; each finding names the rule and the facts involved.

- sum: a whole stated beside its parts (进出口 = 出口 + 进口, relations in data/indicators.toml)
  that differs from their sum by more than the rounding of the stated digits;
- share: a share (出口占全国份额 15.5%, 香港实际外资占总数) that differs from part / whole of the
  stored levels beyond rounding; the part must come from the document stating the share;
- growth: a year-on-year growth rate that differs from the two stored levels of the same period
  in consecutive years (skipped for indicators whose growth is at comparable prices, such as GDP);
- unit: the same value for the same indicator, subject, scope and period stated with two units.

Only exact figures take part (bounds such as 超4万亿元 do not), and only actual results are
compared with actual results, targets with targets.
"""
from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from ..indicators import catalogue
from .duckdb_writer import connect
from .rounding import half_step

RULES = ("sum", "share", "growth", "unit")
_FIELDS = ("doc_id", "fact_id", "text", "kind", "value", "unit", "qualifier", "indicator", "subject", "scope",
           "period_start", "period_end", "status", "basis", "versus")
_COMBINATIONS = 64  # at most this many combinations of part statements are tried per whole


def run_checks(db: str, rules: tuple[str, ...] = RULES) -> Iterator[dict[str, Any]]:
    """Every finding of the chosen rules, as plain records."""
    facts = _load(db)
    checks = {"sum": _sums, "share": _shares, "growth": _growth, "unit": _units}
    for rule in rules:
        yield from checks[rule](facts)


def _load(db: str) -> list[dict[str, Any]]:
    con = connect(db, read_only=True)
    try:
        cursor = con.execute(f"SELECT {', '.join(_FIELDS)} FROM facts WHERE indicator IS NOT NULL "
                             "AND value IS NOT NULL AND qualifier = 'exact' ORDER BY doc_id, ord")
        return [dict(zip(_FIELDS, row)) for row in cursor.fetchall()]
    finally:
        con.close()


def _shown(fact: dict[str, Any]) -> dict[str, Any]:
    out = {k: fact[k] for k in ("doc_id", "fact_id", "indicator", "subject", "scope", "value", "unit", "text")}
    out["period"] = [d.isoformat() if d else None for d in (fact["period_start"], fact["period_end"])]
    return out


def _key(fact: dict[str, Any]) -> tuple:
    return (fact["subject"], fact["scope"], fact["period_start"], fact["period_end"], fact["status"])


def _levels(facts: list[dict[str, Any]]) -> dict[tuple, list[dict[str, Any]]]:
    """Plain amounts (kind value, no change basis) by (indicator, subject, scope, period, status)."""
    out: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for f in facts:
        if f["kind"] == "value" and f["basis"] is None and f["period_start"] is not None:
            out[(f["indicator"], *_key(f))].append(f)
    return out


def _finding(rule: str, message: str, stated: float, expected: float, tolerance: float,
             involved: list[dict[str, Any]]) -> dict[str, Any]:
    return {"rule": rule, "message": message, "stated": stated, "expected": expected, "tolerance": tolerance,
            "facts": [_shown(f) for f in involved]}


def _sums(facts: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    levels = _levels(facts)
    for rule in catalogue().relations.sums:
        for (indicator, *key), wholes in list(levels.items()):
            if indicator == rule.whole:
                suffix = ""
            elif rule.members and indicator.startswith(rule.whole + ":"):
                suffix = indicator[len(rule.whole):]
            else:
                continue
            names = [p + suffix for p in rule.parts]
            for whole in wholes:
                options = [[f for f in levels.get((name, *key), []) if f["unit"] == whole["unit"]] for name in names]
                same_doc = [[f for f in group if f["doc_id"] == whole["doc_id"]] for group in options]
                if all(same_doc):
                    options = same_doc
                if not all(options):
                    continue
                for parts in itertools.islice(itertools.product(*options), _COMBINATIONS):
                    total = sum(p["value"] for p in parts)
                    tolerance = half_step(whole["text"], whole["value"]) + sum(half_step(p["text"], p["value"])
                                                                             for p in parts)
                    if abs(total - whole["value"]) > tolerance + 1e-9 * abs(whole["value"]):
                        yield _finding("sum", f"{indicator} is not the sum of {' + '.join(names)}",
                                       whole["value"], total, tolerance, [whole, *parts])


def _strip(place: str | None) -> str | None:
    if not place:
        return place
    for suffix in ("自治区", "省", "市"):
        if place.endswith(suffix) and len(place) > len(suffix) + 1:
            return place[: -len(suffix)]
    return place


def _shares(facts: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    levels = _levels(facts)
    by_place: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for (indicator, subject, scope, start, end, status), group in levels.items():
        by_place[(indicator, _strip(subject), scope, start, end, status)].extend(group)
    for share in facts:
        if share["kind"] != "percent" or share["period_start"] is None:
            continue
        key = _key(share)
        parts = [f for f in levels.get((share["indicator"], *key), []) if f["doc_id"] == share["doc_id"]]
        if not parts:
            continue
        base = share["indicator"].split(":")[0]
        wholes = levels.get((base, *key), []) if base != share["indicator"] else []
        if not wholes and share["versus"]:
            wholes = by_place.get((share["indicator"], _strip(share["versus"]), *key[1:]), [])
        for part, whole in itertools.islice(itertools.product(parts, wholes), _COMBINATIONS):
            if whole["unit"] != part["unit"] or whole["value"] == 0 or whole is part:
                continue
            expected = 100.0 * part["value"] / whole["value"]
            tolerance = _ratio_tolerance(share, part, whole)
            if abs(expected - share["value"]) > tolerance + 1e-9:
                yield _finding("share", f"share of {share['indicator']} disagrees with part / whole",
                               share["value"], expected, tolerance, [share, part, whole])


def _ratio_tolerance(stated: dict[str, Any], top: dict[str, Any], bottom: dict[str, Any]) -> float:
    """How far a percentage worked out from top / bottom may be from the one stated, given the
    rounding of all three figures as written (half a step of each one's last digit)."""
    return half_step(stated["text"], stated["value"]) + 100.0 * (
        half_step(top["text"], top["value"]) / abs(bottom["value"])
        + abs(top["value"]) * half_step(bottom["text"], bottom["value"]) / bottom["value"] ** 2)


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _growth(facts: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    levels = _levels(facts)
    cat = catalogue()
    for g in facts:
        if g["kind"] != "growth" or g["basis"] != "同比" or g["period_start"] is None:
            continue
        entry = cat.indicators.get(g["indicator"].split(":")[0])
        if entry is None or entry.real_growth:
            continue
        subject, scope, start, end, status = _key(g)
        now = levels.get((g["indicator"], subject, scope, start, end, status), [])
        before = levels.get((g["indicator"], subject, scope, _year_before(start), _year_before(end), status), [])
        for v1, v0 in itertools.islice(itertools.product(now, before), _COMBINATIONS):
            if v1["unit"] != v0["unit"] or v0["value"] == 0:
                continue
            expected = 100.0 * (v1["value"] / v0["value"] - 1.0)
            tolerance = _ratio_tolerance(g, v1, v0)
            if abs(expected - g["value"]) > tolerance + 1e-9:
                yield _finding("growth", f"growth of {g['indicator']} disagrees with the levels of both years",
                               g["value"], expected, tolerance, [g, v1, v0])


def _units(facts: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for f in facts:
        if f["kind"] == "value" and f["period_start"] is not None:
            groups[(f["indicator"], *_key(f), f["basis"])].append(f)
    for group in groups.values():
        for a, b in itertools.combinations(group, 2):
            if a["unit"] != b["unit"] and abs(a["value"] - b["value"]) <= 1e-9 * max(abs(a["value"]), 1.0):
                yield _finding("unit", f"{a['indicator']}: the same value with units {a['unit']} and {b['unit']}",
                               a["value"], b["value"], 0.0, [a, b])
