"""Parts named against their whole.

The parts of a scoped total named under 其中 keep the total's scope (福建省民营企业进出口8855亿元…。其中，
出口6489.3亿元…；进口2365.8亿元: 民营企业出口, 民营企业进口), so that a part of a kind of trade never shares a
series with the whole place's exports. Customs releases write it this way for 民营企业, 外商投资企业, 加工贸易
… (福建, 漳州 and the national half-year release). The scope runs from the total to the end of the sentence
after it; words are data (facts_cues.toml [scoped_parts]).

Items listed inside a whole (在实物商品网上零售额中，吃、穿和用类商品分别增长…, the bureau's monthly retail
release) are parts of it: an item that measures nothing by itself (吃类商品) is measured by the whole
(吃类商品实物商品网上零售额)."""
from __future__ import annotations

from functools import cache

import regex
from msgspec.structs import replace

from ..records import Fact
from ..text import SENTENCE_ENDS
from .lexicon import cues
from .period.runs import sentence_start


@cache
def _words() -> tuple[tuple[str, ...], tuple[str, ...], str, frozenset[str]]:
    c = cues()["scoped_parts"]
    return tuple(sorted(c["wholes"], key=len, reverse=True)), tuple(c["parts"]), c["opener"], frozenset(c["not_kinds"])


def scope_parts(text: str, facts: list[Fact]) -> list[Fact]:
    """`facts` (in text order) with the parts of a scoped total named with its scope."""
    wholes, parts, opener, not_kinds = _words()
    out: list[Fact] = []
    scope, until, opened = "", -1, False
    for f in facts:
        if f.start >= until:
            scope, opened = "", False
        whole = next((w for w in wholes if f.metric and f.metric.endswith(w)), None)
        if f.kind == "value" and whole and len(f.metric) > len(whole) \
                and f.metric[:-len(whole)] not in not_kinds:
            scope, until, opened = f.metric[:-len(whole)], _second_sentence_end(text, f.end), False
        elif f.kind == "value" and whole:
            # 山东省民营企业外贸进出口规模稳中有增，实现进出口5665.1亿元…，其中，出口…: the kind named in the
            # clause before the total; any other total (全省外贸进出口) ends the scope before it
            said = _kind_said_before(text, f, whole)
            scope, until, opened = said, _second_sentence_end(text, f.end) if said else -1, False
        elif scope and f.metric and f.metric.startswith(parts):
            opened = opened or opener in text[max(0, f.start - 24):f.start]
            if opened:
                f = replace(f, metric=scope + f.metric)
        out.append(f)
    return out


_SENTENCE_END = regex.compile(f"[{SENTENCE_ENDS}]")


def _kind_said_before(text: str, f: Fact, whole: str) -> str:
    """The kind of trade named with `whole` earlier in the total's sentence (民营企业外贸 before 进出口), when
    it names a kind of firm or trade (data [scoped_parts] kind_marks); else ""."""
    before = text[sentence_start(text, f.start):f.start]
    at = before.rfind(whole, 0, len(before) - len(whole))
    if at < 2:
        return ""
    m = _KIND_BEFORE.search(before, 0, at)
    kind = _AFTER_PLACE.sub("", m.group()) if m else ""  # (山东省民营企业外贸: the province is the subject)
    return kind if any(w in kind for w in cues()["scoped_parts"]["kind_marks"]) else ""


_KIND_BEFORE = regex.compile(r"(?r)\p{Han}{2,10}$")
_AFTER_PLACE = regex.compile(r"^.*?[省市县区](?=\p{Han}{2})")


def _second_sentence_end(text: str, pos: int) -> int:
    """The end of the sentence after the one `pos` is in (the 其中 sentence after a total's)."""
    first = _SENTENCE_END.search(text, pos)
    second = _SENTENCE_END.search(text, first.end()) if first else None
    return second.start() if second else len(text)


@cache
def _within() -> regex.Pattern:
    return regex.compile(cues()["scoped_parts"]["within_whole"])


def within_whole(text: str, at: int) -> str:
    """The measured whole its sentence names before `at` (在限额以上批发和零售单位商品零售额中，…), else ""."""
    from .metric.heads import measurable  # noqa: PLC0415  (metric imports this package's words)

    m = _within().search(text, sentence_start(text, at), at)
    return m.group("whole") if m and measurable(m.group("whole")) else ""


def parts_within(text: str, facts: list[Fact]) -> list[Fact]:
    """`facts` with items listed inside a named whole (在X中，A、B分别…) measured by the whole."""
    from .metric.heads import measurable  # noqa: PLC0415  (metric imports this package's words)

    out: list[Fact] = []
    for f in facts:
        if f.metric and not measurable(f.metric) and (whole := within_whole(text, f.start)) \
                and not f.metric.endswith(whole):
            f = replace(f, metric=f.metric + whole)
        out.append(f)
    return out
