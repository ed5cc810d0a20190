"""Whose figure the words before a number name: a firm before its measure (招商银行营业收入), a body
before a bracket that holds the figure (厦门联芯集成电路项目(到资6.4亿元)), a place after a benchmark word
whose own figure follows (落后于河北(255亿美元). Used by window.py."""
from __future__ import annotations

import regex

from .. import words
from ..company import company_prefix, taiwan_short_prefix
from ..lexicon import cues, match_place
from .heads import measurable


def bracket_owner(text: str) -> tuple[str, str]:
    """…项目(到资 before a number: the name the bracket belongs to when it ends as a body does, and the
    bracket's own words; ("", text) when the words before the number open no bracket."""
    at = max(text.rfind("("), text.rfind("（"))
    if at < 2 or not text[at + 1:].strip() or "、" in text[at + 1:]:
        return "", text
    ws = words.words(_OWNER_CUT.split(text[:at].rstrip())[-1])
    leads = cues()["metric"]["bracket_owner_leads"]
    cut = next((i + 1 for i in range(len(ws) - 1, -1, -1) if ws[i][0] in leads), 0)
    name = "".join(w for w, _ in ws[cut:])  # 主要项目有厦门联芯集成电路项目 -> 厦门联芯集成电路项目
    ok = 2 < len(name) <= _OWNER_MAX and name.endswith(tuple(cues()["metric"]["bracket_owner_ends"]))
    if ok:
        return name, text[at + 1:]
    from .heads import drop_method_phrases, measurable  # noqa: PLC0415  (heads reads owners' words)

    inner = text[at + 1:]
    if not any(c in inner for c in ")）") and measurable(drop_method_phrases(inner)):
        # 一季度开局良好(GDP增长5.9%: a figure the bracket states with its own name; what stands before
        # the bracket describes it (开局良好, 平稳增长态势), it names nothing
        if name and not measurable(name) and _only_nouns(ws[cut:]):
            # 其次为药物及化妆品(销货价值上升2.5%: a kind of goods, the bracket its measure (DS's, XM's, ZM's and
            # ZV's Hong Kong retail releases): the goods' 销货价值
            return "", name + inner
        return "", text[at + 1:]
    return "", text


def _only_nouns(ws) -> bool:
    """Words that are nouns joined by conjunctions (药物及化妆品), no verb or adjective among them (开局良好)."""
    return any(t.startswith("n") for _, t in ws) and all(t.startswith(("n", "c")) or w in "、和及与" for w, t in ws)


_OWNER_CUT = regex.compile(r"[、，,：:；;\s]")
_OWNER_MAX = 20


def firm_first(place: str | None, text: str) -> tuple[str | None, str]:
    """A firm's name before its measure is whose figure it is (招商银行营业收入, 东方财富证券营收);
    a place peeled off the front of the name belongs to it (江苏银行净利润). Else unchanged."""
    whole = place + text.lstrip() if place else text.strip()
    cut = company_prefix(whole)
    if cut > len(place or "") and measurable(whole[cut:]):
        return whole[:cut], whole[cut:]
    if not place and (cut := taiwan_short_prefix(whole)):
        # 國泰金稅後純益: a Taiwan short name; a code after it (富邦金(2881)) is no part of the name
        name = regex.sub(r"[（(][0-9]{4}[)）]$", "", whole[:cut])
        return name, whole[cut:]
    return place, text


def benchmark_place(text: str) -> str | None:
    """The place of `落后于河北(` / `高于全国同期` when the number right after is that place's own."""
    from .window import patterns  # noqa: PLC0415  (the window's patterns; the window reads these helpers)

    p = patterns()
    start = max(0, len(text) - 16)
    # only where a benchmark word ends can its place start (one pass for the words, not a place lookup at
    # every position)
    ends = sorted({b.end() for b in p["benchmark_figure"].finditer(text, max(0, start - 4), overlapped=True)
                   if b.end() >= start})
    for i in ends:
        if (m := match_place(text, i)) and p["benchmark_tail"].match(text[m.end():]):
            return m.group()
    return None
