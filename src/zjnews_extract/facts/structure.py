"""The three sectors' shares written as one ratio (三次产业结构比为25.72:26.84:47.44): each term is a
sector's share of GDP, a percent fact of its own; the quantity reader reads no fact from a ratio.

A ratio counts only after a cue of sector structure in its sentence and when its three terms add
up to about 100, so a score (3:1) or a table reference never passes. Words are data
(facts_cues.toml [structure]).
"""
from __future__ import annotations

from functools import cache

import regex

from ..records import Fact, Quantity
from .lexicon import cues

_TERM = r"\d{1,3}(?:\.\d{1,3})?"
_SEP = r"\s?[:：∶]\s?"
_SENTENCE_END = regex.compile(r"[。；;！？!?\n]")


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, dict]:
    s = cues()["structure"]
    triple = regex.compile(rf"(?<![\d.])({_TERM}){_SEP}({_TERM}){_SEP}({_TERM})(?![\d.:：∶])")
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
            period = ctx.periods.period_at(m.start(), prev_end)
            sentence = text[max(0, c.start() - 40):window_end]
            for k, name in enumerate(s["parts"], start=1):
                q = Quantity(text=m.group(k), start=m.start(k), end=m.end(k), kind="percent",
                             value=terms[k - 1], unit="%", qualifier="exact")
                facts.append(Fact(id=fact_id(q), text=q.text, start=q.start, end=q.end, kind="percent",
                                  value=q.value, unit="%", qualifier="exact", metric=name, metric_from="own",
                                  subject=ctx.home, period=period, status="actual", versus=None,
                                  sentence=sentence))
            spans.append((m.start(), m.end()))
    return facts, spans
