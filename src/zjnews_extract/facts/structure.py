"""The three sectors' shares written as one ratio (三次产业结构比为25.72:26.84:47.44): each term is a
sector's share of GDP, a percent fact of its own; the quantity reader reads no fact from a ratio.
A ratio to one (城乡收入比由2.05:1下降为2.02:1, 猪粮比价下降到4.76∶1) is the one number it states.

A ratio counts only after a cue of sector structure in its sentence and when its three terms add
up to about 100, so a score (3:1) or a table reference never passes. Words are data
(facts_cues.toml [structure]).
"""
from __future__ import annotations

from functools import cache

import regex

from ..data import load_toml
from ..records import Fact, Quantity
from .lexicon import cues
from .period.measures import one_year, review_years, starts_change

_TERM = r"\d{1,3}(?:\.\d{1,3})?"
# (︰, the presentation form of a colon, in JZ, KJ 北京 and 宁波, PP 朔州 and RU 贵港 bulletins)
_SEP = r"\s?[:：∶︰]\s?"
_SENTENCE_END = regex.compile(r"[。；;！？!?\n]")


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, dict]:
    s = cues()["structure"]
    triple = regex.compile(rf"(?<![\d.])({_TERM}){_SEP}({_TERM}){_SEP}({_TERM})(?![\d.:：∶︰])")
    return regex.compile(s["cue"]), triple, s


def find_structure_facts(text: str, ctx, fact_id) -> tuple[list[Fact], list[tuple[int, int]]]:
    """Facts of the sector ratios of `text` and the spans of their terms (no other reading of them)."""
    cue, triple, s = _patterns()
    facts: list[Fact] = []
    spans: list[tuple[int, int]] = []
    for c in cue.finditer(text):
        stop = c.end() + s["reach"]
        end_mark = _SENTENCE_END.search(text, c.end(), stop)
        window_end = end_mark.start() if end_mark else min(len(text), stop)
        for m in triple.finditer(text, c.end(), window_end):
            terms = [float(m.group(k)) for k in (1, 2, 3)]
            if abs(sum(terms) - 100) > s["sum_tolerance"] or (spans and m.start() < spans[-1][1]):
                continue
            # 由上年的a:b:c调整为d:e:f: the time before the first ratio is that ratio's alone
            prev_end = spans[-1][1] if spans and spans[-1][1] > c.start() else 0
            period = _ends_of_years(ctx.periods.period_at(m.start(), prev_end), text[c.end():m.start()])
            sentence = text[max(0, c.start() - 40):window_end]
            head = _ratio_name(text, c)
            for k, name in enumerate(s["parts"], start=1):
                q = Quantity(text=m.group(k), start=m.start(k), end=m.end(k), kind="percent",
                             value=terms[k - 1], unit="%", qualifier="exact")
                facts.append(Fact(id=fact_id(q), text=q.text, start=q.start, end=q.end, kind="percent",
                                  value=q.value, unit="%", qualifier="exact", metric=head + name, metric_from="own",
                                  subject=ctx.home, period=period, status="actual", versus=None,
                                  sentence=sentence))
            spans.append((m.start(), m.end()))
    return facts, spans


def _ends_of_years(period, between: str):
    """A ratio changed over the years a review names (这五年…三次产业结构由9.4:54.5:36.1调整为9:51:40): the first is
    the year before them, the one it became the last year's, as a level's are (period/measures.py)."""
    if period is None or not review_years(period):
        return period
    if regex.search(r"\d", between):  # the ratio it became
        return one_year(period, int(period.end[:4]))
    return one_year(period, int(period.start[:4]) - 1) if starts_change(between) else period


def _ratio_name(text: str, cue: regex.Match) -> str:
    """The ratio's own name when the cue is one phrase (三次产业结构比, 三次产业比例): the series a reader
    looks for is "the structure's first term", and reports name it both ways. A cue that spans a clause
    (三次产业分别增长…，比重为) or names the shares themselves (比重, 占比) adds nothing to 第一产业比重."""
    words = cues()["structure"]
    name = regex.sub(r"\s", "", cue.group(0))  # (三 次 产业结构: a spaced PDF's words)
    if regex.search(r"[，,]", name) or name.endswith(tuple(words["share_endings"])):
        return ""
    after = text[cue.end():cue.end() + 3].lstrip()
    if after.startswith(words["name_suffix"]) and not after.startswith(words["share_endings"][0]):
        name += words["name_suffix"]
    return name


_TO_ONE = regex.compile(rf"(?<![\d.:：∶︰])(\d{{1,4}}(?:\.\d{{1,4}})?){_SEP}1(?![\d.:：∶︰])")


@cache
def _ratio_nouns() -> tuple[str, ...]:
    return tuple(cues()["structure"]["ratio_nouns"])


def ratio_to_one_quantities(text: str) -> list[Quantity]:
    """X of each X:1 whose sentence names a ratio before it (收入比, 比价, 比值): a value with unit
    ratio, read like any number of the sentence; a score or a scale (3:1 获胜, 1:500) names none."""
    out: list[Quantity] = []
    for m in _TO_ONE.finditer(text):
        lower = max(0, m.start() - 80)
        ends = [e.end() for e in _SENTENCE_END.finditer(text, lower, m.start())]
        sentence = text[ends[-1] if ends else lower:m.start()]
        if any(noun in sentence for noun in _ratio_nouns()):
            qualifier = next((q for w, q in _qualifiers() if sentence.endswith(w)), "exact")  # 约为61:1
            out.append(Quantity(text=m.group(1), start=m.start(1), end=m.end(1), kind="value",
                                value=float(m.group(1)), unit="ratio", qualifier=qualifier))
    return out


@cache
def _qualifiers() -> tuple[tuple[str, str], ...]:
    """The quantity reader's qualifier words written before a number, longest first (hedges are approx)."""
    words = load_toml("quantity_words.toml")["qualifier_before"]
    return tuple((w, "approx" if q == "hedge" else q) for w, q in sorted(words.items(), key=lambda kv: -len(kv[0])))
