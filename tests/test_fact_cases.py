"""Fact cases as data (tests/cases/facts_*.jsonl), run by one loader test; see tests/cases/README.md.

- facts_developed_on.jsonl, facts_bugs_found.jsonl, facts_subjects.jsonl: short sentences through
  find_facts (with the case's `url`, when it has one, as the page's address); each
  expected fact is checked on the fields it names, numbers in `absent` must be in no fact,
  and with `only` the expected facts are all the facts, in order.
- facts_evaluated_on.jsonl: real articles annotated before the code ran on them, through
  extract(); every expected fact is paired with the output by the gold scorer's rules
  (gate_scoring.py) and must match at the fact level (kind, unit, value, period months,
  metric by the scorer's similarity rule).

`known_wrong` is a strict xfail: a flagged case (a sentence case's reason; an article's
{"index": reason} per expected fact) must still fail, so a fix fails the test until the
flag is removed. `python tests/test_fact_cases.py --refresh` rewrites the article flags
from the current code: it removes the flags of facts that now match and updates reasons,
but refuses to flag a fact that matched before (a regression) unless given
`--allow-regressions`. It also drops the flag of a sentence case that now passes.
"""
from __future__ import annotations

import functools
import json
import math
import sys
from datetime import date
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import gate_scoring as gs  # noqa: E402

CASES = HERE / "cases"
SENTENCE_FILES = ("facts_developed_on.jsonl", "facts_bugs_found.jsonl", "facts_subjects.jsonl")
ARTICLE_FILE = "facts_evaluated_on.jsonl"
CASE_KEYS = {"text", "published", "url", "expect", "absent", "only", "why", "known_wrong", "source"}
FIELDS = {"text", "nth", "kind", "value", "unit", "metric", "metric_from", "subject", "period", "status", "qualifier",
          "versus", "indicator", "scope", "basis", "period_type"}
OPERATORS = {"startswith", "endswith", "contains", "excludes", "not", "same_as"}


def load(name: str) -> list[dict]:
    path = CASES / name
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def save(name: str, cases: list[dict]) -> None:
    lines = [json.dumps(case, ensure_ascii=False) + "\n" for case in cases]
    (CASES / name).write_text("".join(lines), encoding="utf-8")


def _published(case: dict) -> date | None:
    return date.fromisoformat(case["published"]) if case.get("published") else None


# ---------------------------------------------------------------- sentence cases


@functools.cache
def sentence_facts(text: str, published: date | None, url: str | None = None) -> list[dict]:
    import msgspec

    from zjnews_extract.facts import find_facts

    facts, _ = find_facts(text, published=published, url=url)
    return [msgspec.to_builtins(f) for f in facts]


def _nth_offset(text: str, needle: str, nth: int) -> int:
    offset = -1
    for _ in range(nth + 1):
        offset = text.find(needle, offset + 1)
        if offset < 0:
            break
    return offset


def _locate(facts: list[dict], text: str, want: dict) -> dict | None:
    """The fact an expectation names: the first with its text, or the one at the nth occurrence of it."""
    if "nth" in want:
        offset = _nth_offset(text, want["text"], want["nth"])
        return next((f for f in facts if f["start"] == offset and f["text"] == want["text"]), None)
    return next((f for f in facts if f["text"] == want["text"]), None)


def _check_field(fact: dict, key: str, want, facts: list[dict], text: str) -> str | None:
    got = fact.get(key)
    if key == "period":
        return None if gs.months(got) == gs.months(want) else f"period {gs.show_months(got)}, want {want}"
    if key == "value":
        ok = got is not None and math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9)
        return None if ok else f"value {got}, want {want}"
    if not isinstance(want, dict):
        return None if got == want else f"{key} {got!r}, want {want!r}"
    problems = []
    for op, arg in want.items():
        if op == "same_as":  # {"text": another fact (default: this one), "nth": …, "field": (default: this field)}
            other = _locate(facts, text, {"text": fact["text"], **arg}) if "text" in arg else fact
            if other is None:
                problems.append(f"{key}: no fact {arg['text']!r} to compare with")
                continue
            field = arg.get("field", key)
            ok, arg = got == other.get(field), f"{other['text']}.{field} {other.get(field)!r}"
        elif op == "not":
            ok = got != arg
        elif op == "excludes":
            ok = arg not in (got or "")
        elif op in ("startswith", "endswith", "contains"):
            ok = isinstance(got, str) and (got.startswith(arg) if op == "startswith" else
                                           got.endswith(arg) if op == "endswith" else arg in got)
        else:
            ok, arg = False, f"{arg!r} (unknown operator; use one of {sorted(OPERATORS)})"
        if not ok:
            problems.append(f"{key} {got!r}, want {op} {arg}")
    return "; ".join(problems) or None


def sentence_problems(case: dict) -> list[str]:
    """Everything a sentence case expects and the code does not do (empty when the case passes)."""
    text = case["text"]
    facts = sentence_facts(text, _published(case), case.get("url"))
    expect = case.get("expect", [])
    problems = [f"unknown case key {k!r}" for k in case if k not in CASE_KEYS]
    if case.get("only") and [f["text"] for f in facts] != [w["text"] for w in expect]:
        return problems + [f"facts {[f['text'] for f in facts]}, want exactly {[w['text'] for w in expect]}"]
    for i, want in enumerate(expect):
        problems += [f"{want['text']}: unknown field {k!r}" for k in want if k not in FIELDS]
        fact = facts[i] if case.get("only") else _locate(facts, text, want)
        if case.get("only") and "nth" in want and fact["start"] != _nth_offset(text, want["text"], want["nth"]):
            fact = None
        if fact is None:
            problems.append(f"no fact {want['text']!r} (nth {want.get('nth', 0)}) in {[f['text'] for f in facts]}")
            continue
        for key, value in want.items():
            if key not in ("text", "nth") and key in FIELDS:
                if problem := _check_field(fact, key, value, facts, text):
                    problems.append(f"{want['text']}: {problem}")
    for number in case.get("absent", []):
        if hits := [f["text"] for f in facts if number in f["text"]]:
            problems.append(f"{number!r} should be no fact, found {hits}")
    return problems


# ---------------------------------------------------------------- article cases


@functools.cache
def _article_facts(text: str, published: str | None, url: str | None) -> tuple:
    return tuple(gs.extract_plain(text, published, url)["facts"])


def article_facts(case: dict) -> list[dict]:
    """The article through extract(), once per session, called as the scorer calls it."""
    return list(_article_facts(case["text"], case.get("published"), case.get("source", {}).get("url")))


def _differences(want: dict, got: dict) -> list[str]:
    out = []
    if want.get("kind") != got.get("kind"):
        out.append(f"kind: got {got.get('kind')}")
    if gs.unit_key(want.get("kind"), want.get("unit")) != gs.unit_key(got.get("kind"), got.get("unit")):
        out.append(f"unit: got {got.get('unit')}")
    if not gs.same_number(want.get("value"), got.get("value")):
        out.append(f"value: got {got.get('value')}")
    if not gs.same_period(want, got):
        out.append(f"period: got {gs.show_months(got.get('period'))}")
    if not gs.same_metric(want.get("metric"), got.get("metric")):
        out.append(f"metric: got {got.get('metric')}")
    return out


def _why_not(want: dict, pred: list[dict], used: set[int]) -> str:
    """Why an expected fact found no match: how the nearest unpaired reading of it differs."""
    same_text = [j for j, p in enumerate(pred) if gs.clean(p.get("text")) == gs.clean(want.get("text"))]
    for pool, prefix in (([j for j in same_text if j not in used], ""),
                         ([j for j, p in enumerate(pred) if j not in used and gs.same_quantity(want, p)], "read as ")):
        if pool:
            j = min(pool, key=lambda j: len(_differences(want, pred[j])))
            label = f"{prefix}{pred[j]['text']!r}: " if prefix else ""
            return label + ("; ".join(_differences(want, pred[j])) or "unreadable gold period")
    if same_text:
        return "its reading is paired with another expected fact"
    return "not read as a fact"


def article_failures(case: dict) -> dict[str, str]:
    """{index of an expected fact: why it does not match} for the article's expected facts."""
    pred = article_facts(case)
    pairs = gs.pair_indices(case["expect"], pred, gs.same_fact)
    used = set(pairs.values())
    return {str(i): _why_not(want, pred, used) for i, want in enumerate(case["expect"]) if i not in pairs}


def article_problems(case: dict) -> list[str]:
    flagged = case.get("known_wrong") or {}
    failing = article_failures(case)
    expect = case["expect"]
    problems = [f"unknown case key {k!r}" for k in case if k not in CASE_KEYS]
    problems += [f"[{i}] {expect[int(i)]['text']} {expect[int(i)].get('metric')}: {why}"
                 for i, why in failing.items() if i not in flagged]
    problems += [f"[{i}] {expect[int(i)]['text']} now matches: remove its known_wrong flag (--refresh)"
                 for i in flagged if i not in failing]
    return problems


# ---------------------------------------------------------------- the loader test


def _all_cases():
    for name in SENTENCE_FILES:
        group = name.removeprefix("facts_").removesuffix(".jsonl")
        for i, case in enumerate(load(name)):
            yield pytest.param(name, case, id=f"{group}-{i:02d}")
    for case in load(ARTICLE_FILE):
        yield pytest.param(ARTICLE_FILE, case, id=f"evaluated_on-{case['source']['name']}")


@pytest.mark.parametrize(("file", "case"), list(_all_cases()))
def test_fact_case(file, case):
    if file == ARTICLE_FILE:
        problems = article_problems(case)
        assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
    elif case.get("known_wrong"):
        assert sentence_problems(case), f"known_wrong case now passes, remove the flag: {case['known_wrong']}"
    else:
        problems = sentence_problems(case)
        assert not problems, case["why"] + "\n" + "\n".join(problems)


# ---------------------------------------------------------------- --refresh


def refresh(allow_regressions: bool) -> int:
    """Rewrite the known_wrong flags from the current code; a new flag only with allow_regressions."""
    refused = 0
    for name in SENTENCE_FILES:
        cases = load(name)
        for i, case in enumerate(cases):
            problems = sentence_problems(case)
            if case.get("known_wrong") and not problems:
                print(f"fixed    {name}[{i}]: {case['why']} (flag {case['known_wrong']!r} removed)")
                case["known_wrong"] = None
            elif problems and not case.get("known_wrong"):
                verb = "flagged " if allow_regressions else "REFUSED "
                print(f"{verb} {name}[{i}]: {case['why']}: {'; '.join(problems)}")
                if allow_regressions:
                    case["known_wrong"] = "; ".join(problems)
                else:
                    refused += 1
        save(name, cases)
    cases = load(ARTICLE_FILE)
    fixed = flagged = 0
    for case in cases:
        label = case["source"]["name"]
        old, now = case.get("known_wrong") or {}, article_failures(case)
        new = {}
        for i, why in now.items():
            fact = case["expect"][int(i)]
            if i in old:
                if old[i] != why:
                    print(f"changed  {label}[{i}] {fact['text']}: {old[i]} -> {why}")
                new[i] = why
            elif allow_regressions:
                print(f"flagged  {label}[{i}] {fact['text']}: {why}")
                new[i], flagged = why, flagged + 1
            else:
                print(f"REFUSED  {label}[{i}] {fact['text']}: matched before, now {why}")
                refused += 1
        for i in old:
            if i not in now:
                print(f"fixed    {label}[{i}] {case['expect'][int(i)]['text']} (was: {old[i]})")
                fixed += 1
        case["known_wrong"] = dict(sorted(new.items(), key=lambda kv: int(kv[0]))) or None
    save(ARTICLE_FILE, cases)
    total = sum(len(c["expect"]) for c in cases)
    wrong = sum(len(c["known_wrong"] or {}) for c in cases)
    print(f"{len(cases)} articles, {total} expected facts, {wrong} flagged known_wrong "
          f"({fixed} fixed, {flagged} newly flagged, {refused} regressions refused)")
    if refused:
        print("regressions were not flagged (their cases fail): fix them, or rerun with --allow-regressions",
              file=sys.stderr)
    return 1 if refused else 0


if __name__ == "__main__":
    if "--refresh" not in sys.argv:
        print("usage: python tests/test_fact_cases.py --refresh [--allow-regressions]", file=sys.stderr)
        sys.exit(2)
    sys.exit(refresh(allow_regressions="--allow-regressions" in sys.argv))
