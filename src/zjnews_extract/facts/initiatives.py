"""Named initiatives: programs, campaigns, event series, slogans and brands an article names.

Two ways a name shows itself:
- in quotes: “千团万企拓市场争订单”行动 -> 千团万企拓市场争订单 (the trailing generic noun
  stays outside), when something says it is a name: a program noun after it (行动, 品牌,
  组合拳), a verb that carries programs out before it (落实, 打好), the look of a slogan
  (a "+", a list, a numeral: 新三样), or other quoted names beside it (“开门稳”“开门好”);
  never quoted speech, an epithet or metaphor (“压舱石”作用), a five-year plan (“十五五”),
  an institution or company, a stock term (“三驾马车”), a word quoted for emphasis;
- unquoted, ending in a program head (提振消费专项行动, 义乌国际贸易综合改革,
  第五届全球数字贸易博览会 -> 全球数字贸易博览会) or as a known event abbreviation (广交会).

Each name is listed once with the span of every mention (the name itself, without quote
marks), in order of first mention. A name inside a longer name is not its mention; an
event abbreviation after its full name (西安世园会 … 世园会) is a mention of the full name,
so such a span holds the abbreviation, not the whole name. The words are data (data/initiatives.toml).
"""
from __future__ import annotations

import bisect
from functools import cache
from typing import Any

import regex

from ..data import load_toml
from ..records import Initiative, Span
from .lexicon import alternation
from .names import SMALL, NameSet


def _lexicon() -> dict[str, Any]:
    return load_toml("initiatives.toml")


@cache
def _patterns() -> dict[str, Any]:
    lex = _lexicon()
    q, ex, uq = lex["quoted"], lex["exclude"], lex["unquoted"]
    quote_alts = []
    for i, (open_, close) in enumerate(q["pairs"]):
        o, c = regex.escape(open_), regex.escape(close)
        quote_alts.append(rf"{o}(?P<q{i}>[^{o}{c}\n]{{1,{q['max_chars'] * 2}}}?){c}")
    heads = alternation(uq["name_heads"] + uq["abbreviations"])
    return {
        "quoted": regex.compile("|".join(quote_alts)),
        "speech": regex.compile(alternation(q["speech_marks"])),
        "not_after": regex.compile(rf"(?:{alternation(q['not_after'])})\s*$"),
        "not_before": regex.compile(rf"(?<!\s)\s*+(?:{alternation(q['not_before'])})"),
        "not_before_pattern": regex.compile(q["not_before_pattern"]),
        "keep_before": regex.compile(rf"(?<!\s)\s*+(?:{alternation(q['keep_before'])})"),
        "verb_before": regex.compile(rf"(?:{alternation(q['verbs_before'])})\s*$"),
        "slogan": regex.compile(rf"{alternation(q['slogan_marks'])}"),
        "numeral": regex.compile(rf"[{regex.escape(q['numerals'])}]"),
        "figure_prefix": regex.compile(q["figure_prefix_pattern"]),
        "figure_sign": regex.compile(rf"[\d{regex.escape(q['numerals'])}一第]"),
        "name_ending": regex.compile(rf"(?:{alternation(q['name_endings'])})$"),
        "sentence": regex.compile(rf"[{regex.escape(q['sentence_chars'])}]"),
        "quote_chars": "".join(a + b for a, b in q["pairs"]),
        "plan": regex.compile(ex["five_year_plan_pattern"]),
        "institution": regex.compile(rf"(?:{alternation(ex['institution_suffixes'])})$"),
        "split_head": regex.compile(rf"(?:{alternation(q['split_heads'])})$"),
        # program heads and event abbreviations; an unquoted name runs back from one to its clause start
        "heads": regex.compile(heads),
        "han": regex.compile(r"\p{Han}"),
        "digit": regex.compile(r"\d"),
        "latin": regex.compile(r"[A-Za-z]"),
        "boundary": frozenset(uq["boundary_chars"]),
        "lead": regex.compile(alternation(uq["lead_words"])),
        "lead_strip": regex.compile(uq["lead_pattern"]),
        "generic": regex.compile(rf"(?:{alternation(uq['generic_endings'])})$"),
        "head": regex.compile(rf"(?:{heads})$"),
        "idioms": regex.compile(alternation(lex["protect"]["numeral_idioms"])),
    }


def find_initiatives(text: str) -> list[Initiative]:
    """Named programs, campaigns, event series, slogans and brands, each once, with every mention."""
    p = _patterns()
    names: list[str] = []  # in order of first mention
    quoted_spans: list[tuple[int, int]] = []
    for m in p["quoted"].finditer(text):
        s, e = m.span(m.lastgroup)
        quoted_spans.append((m.start(), m.end()))
        for name_s, name_e in _quoted_names(text, s, e, m.start(), m.end()):
            names.append(text[name_s:name_e])
    for name in _unquoted_names(text, quoted_spans):
        names.append(name)
    return _with_mentions(text, names)


def _quoted_names(text: str, s: int, e: int, outer_s: int, outer_e: int) -> list[tuple[int, int]]:
    p, q = _patterns(), _lexicon()["quoted"]
    inner = text[s:e]
    stripped = inner.strip()
    if not (q["min_chars"] <= len(stripped.replace(" ", "")) <= q["max_chars"]):
        return []
    if p["speech"].search(inner) or stripped in q["stock_terms"] or p["plan"].match(stripped):
        return []
    if p["not_after"].search(text, max(0, outer_s - 4), outer_s):
        return []
    keep = p["keep_before"].match(text, outer_e, outer_e + 4)
    coded = p["digit"].search(stripped) and p["latin"].search(stripped)  # “415X”
    if not keep and not coded and not p["han"].search(stripped):
        return []  # “714”: a code or a number, unless a program noun follows (“618”大促)
    if not keep and p["sentence"].search(stripped):
        return []
    if not keep and is_figure(stripped):
        return []  # “双第一”: a figure quoted for emphasis; its rank is a fact
    if not (keep or _looks_named(text, stripped, outer_s, outer_e)):
        return []
    if not keep and (p["not_before"].match(text, outer_e, outer_e + 4)
                     or p["not_before_pattern"].match(text[outer_e:outer_e + 8])):
        return []
    if not keep and p["institution"].search(stripped):
        return []
    s += len(inner) - len(inner.lstrip())
    e -= len(inner) - len(inner.rstrip())
    parts = text[s:e].split("、")
    if len(parts) > 1 and all(len(x) >= 3 and p["split_head"].search(x) for x in parts):
        out, pos = [], s
        for x in parts:
            out.append((pos, pos + len(x)))
            pos += len(x) + 1
        return out
    return [(s, e)]


def is_figure(name: str) -> bool:
    """True when the quoted words are themselves a figure: after an optional count word
    (双, 两个, 三个) exactly one quantity that takes up the rest (第一, 90%, 百亿)."""
    p = _patterns()
    if not p["figure_sign"].search(name):
        return False  # no numeral at all: spare the quantity parser
    from ..quantity import find_quantities  # noqa: PLC0415  (the parser loads its tables on first use)

    prefix = p["figure_prefix"].match(name)
    rest = name[prefix.end():] if prefix else name
    found = find_quantities(rest)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(rest)


def _looks_named(text: str, name: str, outer_s: int, outer_e: int) -> bool:
    """Signs besides a trailing program noun that quoted words name something (see the TOML)."""
    p = _patterns()
    if p["verb_before"].search(text, max(0, outer_s - 4), outer_s):
        return True
    if p["slogan"].search(name) or p["name_ending"].search(name):
        return True
    if len(name) >= 3 and p["numeral"].search(name):
        return True
    quotes = p["quote_chars"]
    near_before = text[max(0, outer_s - 2):outer_s]
    near_after = text[outer_e:outer_e + 2]
    return (near_before[-1:] in quotes and near_before != "") or (near_after[:1] in quotes and near_after != "") \
        or (len(near_before) == 2 and near_before[1] == "、" and near_before[0] in quotes) \
        or (len(near_after) == 2 and near_after[0] == "、" and near_after[1] in quotes)


def _unquoted_names(text: str, quoted_spans: list[tuple[int, int]]) -> list[str]:
    p, uq = _patterns(), _lexicon()["unquoted"]
    out = []
    quote_ends = {qe for _, qe in quoted_spans}
    span_ends = [qe for _, qe in quoted_spans]  # in order and apart (one finditer), so ends are sorted
    boundary, previous_end = p["boundary"], 0
    for m in p["heads"].finditer(text):
        start = m.start()
        floor = max(previous_end, m.start() - 40)
        while start > floor and text[start - 1] not in boundary:
            start -= 1
        previous_end = m.end()
        k = bisect.bisect_right(span_ends, start)  # the first quoted span ending after `start`
        if k < len(quoted_spans) and quoted_spans[k][0] < m.end():
            continue  # inside quotes
        chunk = text[start:m.end()]
        leads = list(p["lead"].finditer(chunk))
        if leads:
            chunk, start = chunk[leads[-1].end():], start + leads[-1].end()
        lead = p["lead_strip"].match(chunk)
        if lead:
            chunk, start = chunk[lead.end():], start + lead.end()
        if start in quote_ends:
            continue  # the generic noun after a quoted name (“三最”改革): the name is the quote
        if chunk in uq["abbreviations"]:
            out.append(chunk)
            continue
        head = p["head"].search(chunk)
        if head is None or head.start() < uq["min_prefix_chars"] or len(chunk) > uq["max_chars"]:
            continue
        if p["generic"].search(chunk):
            continue
        out.append(chunk)
    return out


def _with_mentions(text: str, names: list[str]) -> list[Initiative]:
    """Deduplicate; find every mention; an abbreviation that ends a longer name joins it."""
    firsts: dict[str, str] = {}  # names that differ only in spaces (互联网+, 互联网 +) are one
    for n in names:
        if n:
            firsts.setdefault(n.replace(" ", ""), n)
    unique = list(dict.fromkeys(n for n in names if n))
    abbreviations = set(_lexicon()["unquoted"]["abbreviations"])
    merged = {n: next((long for long in unique if long != n and long.endswith(n)), None) if n in abbreviations
              else None for n in unique}
    for n in unique:
        first = firsts[n.replace(" ", "")]
        if merged[n] is None and first != n:
            merged[n] = first
    spans: dict[str, list[tuple[int, int]]] = {n: [] for n in unique if merged[n] is None}
    taken = bytearray(len(text))  # 1 where a longer name claimed the text
    found_at = _occurrences(text, unique)
    for name in sorted(unique, key=len, reverse=True):  # longer names claim their text first
        owner = merged[name] or name
        for start in found_at[name]:
            end = start + len(name)
            if not any(taken[start:end]):
                spans[owner].append((start, end))
                taken[start:end] = b"\x01" * len(name)
    found = [(min(v), k, sorted(v)) for k, v in spans.items() if v]
    found.sort()
    return [Initiative(name=k, mentions=[Span(start=s, end=e) for s, e in v]) for _, k, v in found]


def _occurrences(text: str, names: list[str]) -> dict[str, list[int]]:
    """Where each name occurs, left to right, each occurrence starting after the previous one
    of the same name ends (as repeated str.find gives them), in one scan of the text for all
    the names (a find per name costs names x length on a page with thousands of names)."""
    found: dict[str, list[int]] = {n: [] for n in names}
    if len(names) <= SMALL:  # a few names: a find each, in C, is faster and still linear
        for name in names:
            start = text.find(name)
            while start >= 0:
                found[name].append(start)
                start = text.find(name, start + len(name))
        return found
    free_from = dict.fromkeys(names, 0)  # where the next occurrence of each name may start
    index = NameSet(names)
    for start in index.starts(text):
        for name in index.at(text, start):
            if start >= free_from[name]:
                found[name].append(start)
                free_from[name] = start + len(name)
    return found


def protected_spans(initiatives: list[Initiative], text: str | None = None) -> list[tuple[int, int]]:
    """Spans whose numbers are not facts: every mention of a named initiative (千团万企, 新三样)
    and, when the text is given, fixed expressions with a numeral (三位一体)."""
    spans = [(m.start, m.end) for ini in initiatives for m in ini.mentions]
    if text is not None:
        spans += [m.span() for m in _patterns()["idioms"].finditer(text)]
    return sorted(spans)
