"""Names with their figures in brackets: 河南(47022.73亿元)、四川(40432.8亿元)…的GDP总量. The names are the
figures' subjects (subject.py reads them as places or bodies); this reads the measure of the run, named
after it (四川省(4.2%)、云南省(11.6%)的水力发电量, 西藏(14.7%)、重庆(11%)增速位列西部前三位)."""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import regex

from .. import words
from ..lexicon import alternation, cues
from ..period.grammar import grammar as period_grammar
from .heads import measurable
from .nouns import leading_noun

if TYPE_CHECKING:
    from ..frames import Frame

_CLAUSE_END = regex.compile(r"[，,；;。！？!?\n:：]")


@cache
def _patterns() -> dict[str, regex.Pattern]:
    m = cues()["metric"]
    return {"run": regex.compile(m["bracket_item_run"]), "lead": regex.compile(m["bracket_tail_lead"]),
            "name_only": regex.compile(m["bracket_name_only"]), "list_lead": regex.compile(alternation(m["bracket_list_leads"]))}


_HAN_BEFORE = regex.compile(r"\p{Han}{1,16}$")


def in_brackets_after_name(text: str, q) -> bool:
    """`q` fills a bracket right after a name: 河南(47022.73亿元), 华夏银行(4.59万亿元); not after a
    measure (规模以上工业增加值(12.7%), 增长目标(7%)), whose figure it is."""
    if not (q.start >= 2 and text[q.start - 1] in "(（" and text[q.end:q.end + 1] in (")", "）")):
        return False
    han = _HAN_BEFORE.search(text, max(0, q.start - 17), q.start - 1)
    if han is None:
        return False
    # (收入高于我市的依次是深圳(28665元): the name is what follows the list's lead, the measure before it)
    name = _patterns()["list_lead"].split(han.group())[-1]
    return bool(name) and not measurable(name)


def measure_after_run(text: str, q) -> str:
    """The measure named right after the run of bracketed items `q` is in, or ""."""
    run = _patterns()["run"].match(text, q.end)
    if run is None:
        return ""
    stop = _CLAUSE_END.search(text, run.end(), run.end() + 40)
    tail = text[run.end():stop.start() if stop else run.end() + 40]
    for _ in range(3):  # 6个省份前三季度GDP总量…: the names' count, then the period, then the measure
        before = tail
        tail = _patterns()["lead"].sub("", tail)
        if (period := period_grammar().match(tail)) is not None and period.start() == 0:
            tail = tail[period.end():]
        if tail == before:
            break
    noun = leading_noun(tail)
    # 高出全国(5.9%)、全省(6.4%)平均水平: the benchmarks' level, no measure of its own
    return "" if noun in cues()["metric"]["figure_of_benchmark_tail"] else noun


def names_only_before(raw: str) -> bool:
    """The words before the bracket are the name alone, after the clause start or a list's lead
    (分别为河南(, 其中,广东(): the measure is the sentence's, named before."""
    return _patterns()["name_only"].search(raw) is not None


_NAME_BEFORE = regex.compile(r"(?:[、和及与:：])\s*(?P<name>\p{Han}[\p{Han}·]{1,15}?)\s*[(（]$")


def bracket_name(text: str, q) -> str:
    """The name whose figure `q` is, in a run of bracketed items (清明上河园 of 、清明上河园(30.95万人次)), or ""."""
    m = _NAME_BEFORE.search(text[max(0, q.start - 20):q.start])
    return m.group("name") if m else ""


def bracketed_metric(text: str, q, raw: str, frame: "Frame") -> tuple[str, "Frame", bool] | None:
    """(metric, frame, inherited) of a figure in brackets after a name, or None when `q` is no such
    figure or the words around name no measure (the ordinary reading then applies)."""
    if not in_brackets_after_name(text, q):
        return None
    if (after := measure_after_run(text, q)) and measurable(after):
        # 四川省(4.2%)、云南省(11.6%)的水力发电量: the measure named after the names and their figures
        return after, frame.named(after, q.kind), False
    if names_only_before(raw) and frame.base and measurable(frame.base):
        # …GDP总量在3万亿元到5万亿元之间的有8个省份,分别为河南(47022.73亿元)、四川(…): the measure named before
        return frame.base, frame, True
    if names_only_before(raw) and (said := _said_before_lead(raw, q.kind)):
        # 收入高于我市的依次是深圳(28665元)、上海(18645元): the measure its own clause named before the list
        return said, frame.named(said, q.kind), False
    return None


def _said_before_lead(raw: str, kind: str) -> str:
    """The measure that opens the clause before a list's lead (收入高于我市的依次是, 人均可支配收入列前三位的依然是):
    its longest run of nouns from the clause start that names a quantity, or ""."""
    leads = list(_patterns()["list_lead"].finditer(raw))
    clause = _CLAUSE_END.split(raw[:leads[-1].start()] if leads else "")[-1].strip()
    run, best = "", ""
    for word, tag in words.words(clause):
        if not (tag.startswith("n") or tag in ("vn", "b", "an") or measurable(word)):  # (收入 tagged a verb)
            break
        run += word
        best = run if measurable(run) else best
    return best
