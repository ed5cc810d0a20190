"""The matching rules of the gold guidelines ("How scoring works"), for the gate test.

Facts are paired one to one per article, pairs with equal surface text first. A
pair matches at the quantity level when kind, unit and value agree, and at the
fact level when the period (start and end month) and the metric also agree
(equal; or one holds the other and the shorter has >= 2 characters and >= 40 %
of the longer's length; or character-bigram Dice >= 0.6).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

CURRENCIES = {"元": "CNY", "人民币": "CNY", "美元": "USD", "欧元": "EUR", "港元": "HKD", "日元": "JPY"}
UNIT_ALIASES = {"公斤": "千克", "个百分点": "pp", "百分点": "pp", "标准箱": "标箱", "公里": "千米"}


def read_gold(path: Path) -> tuple[list[dict], list[str]]:
    facts, initiatives = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            if "initiatives" in obj:
                initiatives.extend(obj["initiatives"])
            else:
                facts.append(obj)
    return facts, initiatives


def _clean(s) -> str:
    return re.sub(r"[\s“”\"'‘’《》「」]", "", str(s or ""))


def _unit(kind, unit):
    if kind == "rank":
        return "#rank"
    if unit is None:
        return None
    u = CURRENCIES.get(unit, unit)
    return UNIT_ALIASES.get(u, u)


def _month(p: str, end: bool) -> str | None:
    if m := re.fullmatch(r"(\d{4})", p):
        return f"{m.group(1)}-{12 if end else 1:02d}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", p):
        q = int(m.group(2))
        return f"{m.group(1)}-{3 * q if end else 3 * q - 2:02d}"
    if m := re.fullmatch(r"(\d{4})-H([12])", p):
        h = int(m.group(2))
        return f"{m.group(1)}-{6 * h if end else 6 * h - 5:02d}"
    if m := re.match(r"(\d{4})-(\d{2})", p):
        return f"{m.group(1)}-{m.group(2)}"
    return None


def months(period) -> tuple | None:
    """(first month, last month) of a compact period string or a {start, end} object."""
    if not period:
        return None
    if isinstance(period, dict):
        return _month(period["start"], False), _month(period["end"], True)
    a, _, b = str(period).partition("..")
    return _month(a, False), _month(b or a, True)


def _dice(a: str, b: str) -> float:
    ga = Counter(a[i:i + 2] for i in range(len(a) - 1))
    gb = Counter(b[i:i + 2] for i in range(len(b) - 1))
    total = sum(ga.values()) + sum(gb.values())
    return 2 * sum((ga & gb).values()) / total if total else 0.0


def same_metric(gold, pred) -> bool:
    g, p = _clean(gold), _clean(pred)
    if not g or not p:
        return not g and not p
    short, long_ = sorted((g, p), key=len)
    return g == p or (short in long_ and len(short) >= 2 and len(short) >= 0.4 * len(long_)) or _dice(g, p) >= 0.6


def same_quantity(g: dict, p: dict) -> bool:
    gv, pv = g.get("value"), p.get("value")
    return (g["kind"] == p["kind"] and _unit(g["kind"], g.get("unit")) == _unit(p["kind"], p.get("unit"))
            and gv is not None and pv is not None and abs(gv - pv) <= max(1e-9, 1e-6 * abs(gv)))


def same_fact(g: dict, p: dict) -> bool:
    return same_quantity(g, p) and months(g.get("period")) == months(p.get("period")) \
        and same_metric(g.get("metric"), p.get("metric"))


def pair(gold: list[dict], pred: list[dict], match) -> list[tuple[dict, dict]]:
    used, done, pairs = set(), set(), []
    for same_text in (True, False):
        for gi, g in enumerate(gold):
            if gi in done:
                continue
            for j, p in enumerate(pred):
                if j in used or (same_text and _clean(g["text"]) != _clean(p["text"])):
                    continue
                if match(g, p):
                    used.add(j)
                    done.add(gi)
                    pairs.append((g, p))
                    break
    return pairs


def f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: list[dict], gold_initiatives: list[str], pred: list[dict], pred_initiatives: list[str]) -> dict:
    """F1 at the quantity and fact levels, initiative F1 and attribute accuracy on fact pairs."""
    q_pairs = pair(gold, pred, same_quantity)
    f_pairs = pair(gold, pred, same_fact)
    gi = {_clean(n) for n in gold_initiatives}
    pi = {_clean(n) for n in pred_initiatives}
    out = {
        "quantity_f1": f1(len(q_pairs), len(pred), len(gold)),
        "fact_f1": f1(len(f_pairs), len(pred), len(gold)),
        "initiative_f1": f1(len(gi & pi), len(pi), len(gi)),
    }
    for key in ("status", "qualifier", "versus"):
        ok = sum(1 for g, p in f_pairs if (g.get(key) or None) == (p.get(key) or None))
        out[f"{key}_accuracy"] = ok / len(f_pairs) if f_pairs else 0.0
    return out
