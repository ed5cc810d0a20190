"""Frames: what a clause inherits from the clauses before it, and how the numbers of a
clause are grouped.

A `Frame` is the reading state carried along an article: the subject (until a paragraph
or a sentence names another), the last metric named outright (for numbers whose clause
leaves it out: 其中出口4.18万亿元、增长7.2%), the list a run of numbers reports on one by
one (分别), the last share of the sentence. Frames are immutable: each step returns a new
one.

The numbers of a clause come as `Slot`s, each with the words between it and the number
before (its window); numbers joined only by 、/和 form a chain that shares its head's words.
"""
from __future__ import annotations

from functools import cache

import msgspec
from msgspec.structs import replace

from ..records import Quantity
from ..text import is_han, is_list_gap
from . import metric as M
from .lexicon import cues

# Why: a sentence may name thousands of metrics (a hostile page); the few a list can refer
# back to are the last ones.
_BASES_KEPT = 32


@cache
def _comparison_words() -> tuple[str, ...]:
    return tuple(cues()["metric"]["compare"])


def _without_comparison(name: str) -> str:
    """增速高于“国家线” (a count's set: 21省增速高于“国家线”) -> 增速: the figures after it are values of the measure,
    not of its comparison with a benchmark (江西(6.9%)、福建(6.7%)…)."""
    from .metric.heads import measurable  # noqa: PLC0415  (heads reads the frame's module through metric)

    for word in _comparison_words():
        if (at := name.find(word)) > 0 and measurable(name[:at]):
            return name[:at]
    return name


class Group(msgspec.Struct, frozen=True):
    """A list of things that a run of numbers reports on one by one (分别)."""

    items: tuple[str, ...]
    shared: str = ""  # the words after the last item that every item shares (占全国份额)
    names: tuple[str, ...] = ()  # the metrics given to the items
    versus: str | None = None
    subjects: tuple[str, ...] | None = None  # when the items are places, they are the subjects
    inherited: bool = False  # the items come from an earlier clause or sentence, not this number's words


class Frame(msgspec.Struct, frozen=True):
    subject: str | None = None
    base: str = ""  # the last metric named outright
    amount_base: str = ""  # the last one named for an amount or a change (a rate's name is not reused for growth)
    bases: tuple[str, ...] = ()  # metrics named in this sentence, in order (the last few)
    group: Group | None = None
    consumed_to: int = 0  # the words up to here were read as the name after an earlier count
    last_clause: str = ""  # the previous clause, when it held no number (its object may be the metric)
    prev_clause: str = ""
    clause_metric: str = ""  # the metric of the previous number in this clause
    last_metric: str = ""  # the metric of the previous number in this sentence (what a 拉动… pull is of)
    count_set: str = ""  # a set a count in this sentence defined (有59个县(市)增速高于…): a later count's change is its
    share_metric: str = ""  # the last share of this sentence: a year-on-year gap in points is about it
    share_versus: str | None = None  # ...and its whole
    listed_subject: str | None = None  # the places a list of this sentence gave its figures (a later rank of them all)
    named_since_group: int = 0  # metrics named outright since the list was set (a later 分别 may be theirs)
    counted: tuple[str, str] = ("", "")  # (unit, noun) of the last count that named what it counted (项, 重点工程项目)
    # the base before a name that holds for its sentence only (安徽省成为接待游客总数最多的省份,达…), put back after it
    restore_base: tuple[str, str] | None = None
    host_run: bool = False  # the sentence's last count of visitors was a named site's (listed_hosts.py)

    def new_sentence(self) -> "Frame":
        kept = self if self.restore_base is None else replace(self, base=self.restore_base[0],
                                                              amount_base=self.restore_base[1], restore_base=None)
        return replace(kept, bases=(), group=None, share_metric="", share_versus=None, last_metric="", count_set="",
                       listed_subject=None, host_run=False)

    def named_here(self, name: str, kind: str) -> "Frame":
        """`name` named for the figures of this sentence only; the base before comes back after it."""
        restore = self.restore_base or (self.base, self.amount_base)
        return replace(self.named(name, kind), restore_base=restore)

    def named(self, name: str, kind: str) -> "Frame":
        """`name` was named outright for a number of `kind`."""
        name = _without_comparison(name)
        # named again (外贸吞吐量 after 沿江…, again after 沿海…): it is the latest, for a list after it
        bases = (tuple(b for b in self.bases if b != name) + (name,))[-_BASES_KEPT:]
        return replace(self, base=name, amount_base=self.amount_base if kind == "percent" else name, bases=bases,
                       named_since_group=self.named_since_group + 1)

    def listing(self, group: Group) -> "Frame":
        """`group` is the list the next figures may report on."""
        return replace(self, group=group, named_since_group=0)


class Slot(msgspec.Struct, frozen=True):
    """One number of a clause with the words before it."""

    q: Quantity
    raw: str  # the window: clause words between the previous number (or clause start) and this one
    window: M.Window
    after_start: int = 0  # where the words before it begin (the previous number's end or the clause start)


def clause_slots(cut, clause_start: int, quantities: list[Quantity]) -> list[Slot]:
    """The numbers of one clause, each with its window (`cut(start, end)` gives the words
    without period words)."""
    out, prev_end = [], clause_start
    # (a clause opened by a colon may be a list's first item: …博物馆分别为：南昌汉代海昏侯国遗址博物馆22.57万人次)
    colon = clause_start > 0 and cut(clause_start - 1, clause_start) in (":", "：")
    for q in quantities:
        raw = cut(prev_end, q.start) if q.start > prev_end else ""
        window = M.read_window(raw, q.kind)
        if colon and prev_end == clause_start and M.labelled_item("：" + raw):
            window = M.read_window("：" + raw, q.kind)
        out.append(Slot(q, raw, window, prev_end))
        prev_end = q.end
    return out


def chains(slots: list[Slot]) -> list[list[int]]:
    """Runs of numbers joined only by 、/和 (6360.6亿、6211.9亿), or by 、 and the change word the
    run opened with (减少3388.95万平方米、减少72.32万平方米): each chain shares its head's words."""
    out: list[list[int]] = []
    for i, slot in enumerate(slots):
        if i and slot.q.kind == slots[i - 1].q.kind and (
                is_list_gap(slot.raw) or _repeats_head_word(slot.raw, slots[out[-1][0]].raw)):
            out[-1].append(i)
        else:
            out.append([i])
    return out


# Why: the change word a list repeats before each of its numbers is short (减少, 下降, 增长了).
_REPEATED_MAX = 4
_JOIN = "、，,和及与 "


def _repeats_head_word(raw: str, head_raw: str) -> bool:
    """、减少 between numbers whose chain opened with …减少: the same word again, one list; 和上升 after
    …分别下降: a 分别 list whose figures each say their own change."""
    if not raw.startswith(("、", "，", ",", "和")):
        return False
    word = raw.lstrip(_JOIN)
    if raw.startswith("和"):
        verbs = _list_change_verbs()
        return word in verbs and M.patterns()["respective"].search(head_raw) is not None \
            and head_raw.rstrip().endswith(verbs)
    return 0 < len(word) <= _REPEATED_MAX and all(map(is_han, word)) and head_raw.rstrip().endswith(word)


@cache
def _list_change_verbs() -> tuple[str, ...]:
    return tuple(cues()["grammar"]["list_change_verbs"])



__all__ = ["Frame", "Group", "Slot", "chains", "clause_slots"]
