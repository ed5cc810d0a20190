"""The matching rules of the gold guidelines ("How scoring works"), shared by the gate and the case loader.

This is the project's copy of what the evaluation scorer does, rule for rule, so that a
test here and a scored run agree on what "matched" means:

- Facts are paired one to one per article, in gold order, pairs with equal surface text
  (spaces and quote marks removed) first.
- A pair matches at the quantity level when kind, unit (after the aliases below) and value
  (relative tolerance 1e-6) agree, and at the fact level when the period (start and end
  month, or both null) and the metric also agree: equal; or one holds the other and the
  shorter has >= 2 characters and >= 40 % of the longer's length; or character-bigram
  Dice >= 0.6.
- A period string in no accepted form is "bad" and matches nothing.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

CURRENCY = {"元": "CNY", "人民币": "CNY", "块": "CNY", "块钱": "CNY", "圆": "CNY", "RMB": "CNY",
            "美元": "USD", "美圆": "USD", "欧元": "EUR", "日元": "JPY", "港元": "HKD", "港币": "HKD",
            "港幣": "HKD", "英镑": "GBP", "韩元": "KRW", "澳元": "AUD", "新台币": "TWD", "台币": "TWD",
            "泰铢": "THB", "卢布": "RUB", "瑞士法郎": "CHF", "奈拉": "NGN", "比特币": "BTC",
            "马来西亚令吉": "MYR", "令吉": "MYR"}
ISO = set(CURRENCY.values())
# Spellings of one unit map to one key; ASCII symbols are compared case-insensitively.
UNIT_ALIASES = {
    "千克": "kg", "公斤": "kg", "克": "g", "毫克": "mg", "微克": "ug", "吨": "t", "噸": "t",
    "米": "m", "公尺": "m", "千米": "km", "公里": "km", "厘米": "cm", "公分": "cm",
    "平方米": "m2", "m²": "m2", "平方千米": "km2", "平方公里": "km2", "km²": "km2",
    "摄氏度": "c", "°c": "c", "℃": "c", "升": "l", "公升": "l", "毫升": "ml",
    "标箱": "teu", "標箱": "teu", "标准箱": "teu", "千瓦时": "kwh", "千瓦時": "kwh",
    "個": "个", "個月": "个月", "塊": "块", "英尺": "ft", "英寸": "in", "英里": "mi", "亩": "mu",
    "斤": "jin", "千瓦": "kw", "赫兹": "hz", "千卡": "kcal", "字节": "b",
    "％": "%", "percent": "%", "个百分点": "pp", "百分点": "pp", "個百分點": "pp",
}
BAD = ("bad",)


# ---------------------------------------------------------------- reading gold files


def read_text(path: Path) -> tuple[str, str | None, str | None]:
    """(body, url, published) of a gold text file: up to two header lines, then the article."""
    lines = path.read_text(encoding="utf-8").split("\n")
    url = published = None
    body_start = 0
    for i, line in enumerate(lines[:2]):
        if m := re.match(r"#\s*(url|published):\s*(.*)$", line):
            body_start = i + 1
            value = m.group(2).strip()
            if m.group(1) == "url":
                url = value
            elif value and value != "unknown":
                published = value
    return "\n".join(lines[body_start:]), url, published


def read_gold(path: Path) -> tuple[list[dict], list[str]]:
    """Gold facts and initiative names of one NAME.jsonl file."""
    facts, initiatives = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            if "initiatives" in obj:
                initiatives.extend(obj["initiatives"])
            else:
                facts.append(obj)
    return facts, initiatives


def gold_names(folder: Path) -> list[str]:
    """Articles of a gold folder: NAME.jsonl with a texts/NAME.txt beside it."""
    return sorted(p.stem for p in folder.glob("*.jsonl") if (folder / "texts" / f"{p.stem}.txt").exists())


def gold_digest(folder: Path) -> str:
    """The checksum the scorer prints for a gold folder (each article's jsonl, then its text, by name)."""
    digest = hashlib.sha256()
    for name in gold_names(folder):
        digest.update((folder / f"{name}.jsonl").read_bytes())
        digest.update((folder / "texts" / f"{name}.txt").read_bytes())
    return digest.hexdigest()[:12]


def extract_plain(body: str, published: str | None, url: str | None) -> dict:
    """The library's document as plain data, called the way the scorer's --api mode calls it."""
    import zjnews_extract

    kwargs = {"published": published}
    if url and url.startswith("http"):
        kwargs["url"] = url
    return zjnews_extract.extract(body, **kwargs).to_dict()


# ---------------------------------------------------------------- normalising


def clean(s) -> str:
    return re.sub(r"[\s“”\"'‘’《》「」]", "", str(s or ""))


def number(value) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def same_number(a, b) -> bool:
    a, b = number(a), number(b)
    return a is not None and b is not None and abs(a - b) <= max(1e-9, 1e-6 * abs(a))


def unit_key(kind, unit):
    """One key per unit: ISO currency codes, lower-case symbols, measure words; rank has none."""
    if kind == "rank":
        return "#rank"
    if unit is None or str(unit).strip() == "":
        return None
    u = str(unit).strip()
    u = CURRENCY.get(u, u)
    if u.upper() in ISO:
        return u.upper()
    u = UNIT_ALIASES.get(u, UNIT_ALIASES.get(u.lower(), u))
    return u.lower() if u.isascii() else u


def _month(p: str, end: bool) -> str | None:
    p = p.strip()
    if m := re.fullmatch(r"(\d{4})(?:年)?", p):
        return f"{m.group(1)}-{12 if end else 1:02d}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", p):
        q = int(m.group(2))
        return f"{m.group(1)}-{3 * q if end else 3 * q - 2:02d}"
    if m := re.fullmatch(r"(\d{4})-H([12])", p):
        h = int(m.group(2))
        return f"{m.group(1)}-{6 * h if end else 6 * h - 5:02d}"
    if m := re.fullmatch(r"(\d{4})(?:-|年)(\d{1,2})(?:月)?(?:-\d{1,2})?(?:[T ].*)?", p):
        if 1 <= int(m.group(2)) <= 12:
            return f"{m.group(1)}-{int(m.group(2)):02d}"
    return None


def months(period):
    """(first month, last month) of a compact period or a {start, end} object; None; or BAD."""
    if period in (None, "", {}):
        return None
    if isinstance(period, dict):
        start, end = period.get("start"), period.get("end")
        if not start and not end:
            return None
        a, b = _month(str(start or end), False), _month(str(end or start), True)
        return (a, b) if a and b else BAD
    a_txt, sep, b_txt = str(period).strip().partition("..")
    if sep and (not a_txt.strip() or not b_txt.strip()):
        return BAD
    a, b = _month(a_txt, False), _month(b_txt if sep else a_txt, True)
    return (a, b) if a and b else BAD


def show_months(period) -> str:
    """A period as the compact text a case file uses ("2025-01..2025-06", "none")."""
    span = months(period)
    if span is None:
        return "none"
    if span == BAD:
        return f"unreadable {period!r}"
    return span[0] if span[0] == span[1] else f"{span[0]}..{span[1]}"


# ---------------------------------------------------------------- matching


def _dice(a: str, b: str) -> float:
    ga = Counter(a[i:i + 2] for i in range(len(a) - 1))
    gb = Counter(b[i:i + 2] for i in range(len(b) - 1))
    total = sum(ga.values()) + sum(gb.values())
    return 2 * sum((ga & gb).values()) / total if total else 0.0


def same_metric(gold, pred) -> bool:
    g, p = clean(gold), clean(pred)
    if not g or not p:
        return not g and not p
    short, long_ = sorted((g, p), key=len)
    return g == p or (short in long_ and len(short) >= 2 and len(short) >= 0.4 * len(long_)) or _dice(g, p) >= 0.6


def _place(s) -> str:
    s = clean(s)
    return re.sub(r"(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$", "", s) or s


def same_place(gold, pred) -> bool:
    """Subjects and benchmarks: equal after dropping 省/市/自治区, or one holds the other (>= 2 characters)."""
    g, p = _place(gold), _place(pred)
    if not g or not p:
        return not g and not p
    short, long_ = sorted((g, p), key=len)
    return g == p or (len(short) >= 2 and short in long_)


def same_quantity(g: dict, p: dict) -> bool:
    return (g.get("kind") == p.get("kind")
            and unit_key(g.get("kind"), g.get("unit")) == unit_key(p.get("kind"), p.get("unit"))
            and same_number(g.get("value"), p.get("value")))


def same_period(g: dict, p: dict) -> bool:
    gp = months(g.get("period"))
    return gp != BAD and gp == months(p.get("period"))


def same_fact(g: dict, p: dict) -> bool:
    return same_quantity(g, p) and same_period(g, p) and same_metric(g.get("metric"), p.get("metric"))


def pair_indices(gold: list[dict], pred: list[dict], match) -> dict[int, int]:
    """Greedy one-to-one pairing, gold in order, equal surface text first: {gold index: pred index}."""
    used, pairs = set(), {}
    for same_text in (True, False):
        for gi, g in enumerate(gold):
            if gi in pairs:
                continue
            for j, p in enumerate(pred):
                if j in used or (same_text and clean(g.get("text")) != clean(p.get("text"))):
                    continue
                if match(g, p):
                    used.add(j)
                    pairs[gi] = j
                    break
    return pairs


def pair(gold: list[dict], pred: list[dict], match) -> list[tuple[dict, dict]]:
    return [(gold[gi], pred[j]) for gi, j in pair_indices(gold, pred, match).items()]


# ---------------------------------------------------------------- scores

ATTRIBUTES = {  # field -> how a gold and a predicted value are compared on fact pairs
    "status": lambda g, p: g == p,
    "qualifier": lambda g, p: g == p,
    "subject": same_place,
    "versus": same_place,
}


def f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def counts(gold: list[dict], gold_initiatives: list[str], pred: list[dict], pred_initiatives: list[str]) -> Counter:
    """The tallies of one article; add them over articles for micro-averaged scores."""
    f_pairs = pair(gold, pred, same_fact)
    gi, pi = {clean(n) for n in gold_initiatives}, {clean(n) for n in pred_initiatives}
    c = Counter(gold=len(gold), pred=len(pred), quantity_tp=len(pair(gold, pred, same_quantity)),
                fact_tp=len(f_pairs), init_gold=len(gi), init_pred=len(pi), init_tp=len(gi & pi))
    for key, same in ATTRIBUTES.items():
        c[f"{key}_pairs"] = len(f_pairs)
        c[f"{key}_ok"] = sum(1 for g, p in f_pairs if same(g.get(key), p.get(key)))
    return c


def scores(c: Counter) -> dict:
    """F1 at the quantity and fact levels, initiative F1 and attribute accuracy on fact pairs."""
    out = {"quantity_f1": f1(c["quantity_tp"], c["pred"], c["gold"]),
           "fact_f1": f1(c["fact_tp"], c["pred"], c["gold"]),
           "initiative_f1": f1(c["init_tp"], c["init_pred"], c["init_gold"])}
    for key in ATTRIBUTES:
        out[f"{key}_accuracy"] = c[f"{key}_ok"] / c[f"{key}_pairs"] if c[f"{key}_pairs"] else 0.0
        # a fact-level pair counts only with this attribute right too: unlike the accuracy, this
        # cannot fall when a newly matched fact brings a wrong attribute, so it can carry a floor
        out[f"fact_{key}_f1"] = f1(c[f"{key}_ok"], c["pred"], c["gold"])
    return out


def score(gold: list[dict], gold_initiatives: list[str], pred: list[dict], pred_initiatives: list[str]) -> dict:
    return scores(counts(gold, gold_initiatives, pred, pred_initiatives))
