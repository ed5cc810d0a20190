"""以 + figure + the thing it is (以11.7%的增速位居首位, 以97.6亿元净利润绝对值名列第一, 以168亿元列旅游总收入排行榜
第一): the noun the instrument phrase names is what the figure measures. Words in facts_cues.toml [metric]
(instrument_marks, instrument_alias, instrument_rank_verbs, instrument_rank_tails)."""
from __future__ import annotations

from functools import cache

import regex

from .. import words
from ..lexicon import alternation, cues
from .heads import ends_in_head


@cache
def _instrument_patterns() -> tuple[regex.Pattern, dict[str, str]]:
    m = cues()["metric"]
    return regex.compile(rf"(?:{alternation(m['instrument_marks'])})\s*$"), dict(m["instrument_alias"])


_FIGURE_STOP = regex.compile(r"[\d，,、。；;：:！？!?（）()%\s]")


def instrument_noun(text: str, end: int, raw: str) -> str:
    """以11.7%的增速, 以97.6亿元净利润名列第一, 以168亿元列旅游总收入排行榜第一: the noun after 以 + figure (+ 的)
    or the field its rank verb names (the figure ends at `end`), or ""."""
    mark, alias = _instrument_patterns()
    linked = text[end:end + 1] == "的"
    if not mark.search(raw):
        return ""
    start = end + 1 if linked else end
    if not linked and (field := _ranked_field(text, start)):
        return field
    best = _headed_run(text, start, alias if linked else {})
    if not linked and best and not text.startswith(_instrument_rank_verbs(), start + len(best)):
        return ""  # 以97.6亿元净利润名列第一 names the figure's measure; 以3亿元资金收购… does not
    return best


def linked_noun(text: str, end: int) -> str:
    """跑赢全省5.4%的增速, 高于全国20.9%的平均增速, 29.85%的市占率位列第二, 按65%的分红比例: the measure a figure's
    的 links it to (the figure ends at `end`), with no 以 before it, or ""."""
    if text[end:end + 1] != "的":
        return ""
    name = _headed_run(text, end + 1, _instrument_patterns()[1], stop_at_verb=True)
    ws = words.words(name)
    while len(ws) > 1 and ws[0][1] in ("a", "ad") and ends_in_head(rest := "".join(w for w, _ in ws[1:])):
        name, ws = rest, ws[1:]  # 近两成的高增速, 20.3%的强劲增幅: how fast is no part of the name
    return name


def _headed_run(text: str, start: int, alias: dict[str, str], stop_at_verb: bool = False) -> str:
    """The longest run of up to four words from `start` that ends in a head of a measure (增速, 市占率, 分红比例;
    速度 read as 增速), or ""; with `stop_at_verb`, a verb after a head ends the run (8.2%的增速高于全国增速: what
    the rate did) and a noun after it makes it no measure's name."""
    ws = words.words(_FIGURE_STOP.split(text[start:start + 11], 1)[0])
    if ws and ws[0][0] in alias:
        return alias[ws[0][0]]
    best = ""
    for i in range(1, min(len(ws), 4) + 1):
        if ws[i - 1][1] in ("d", "p", "c", "uj") or (stop_at_verb and best and ws[i - 1][1] == "v"):
            break
        name = "".join(w for w, _ in ws[:i])
        if ends_in_head(name):
            best = name
        elif stop_at_verb and best:
            return ""  # 158.42亿元的销售目标: the phrase goes on past its head, so names something else
    return best


def _ranked_field(text: str, start: int) -> str:
    """以168亿元列旅游总收入排行榜第一, 以56.76亿元，列净利润绝对值第二: the field a rank verb right after the figure
    ranks in is what the figure measures (its 排行榜 no part of it), or ""."""
    at = start + (1 if text[start:start + 1] in "，," else 0)
    verb = next((v for v in _instrument_rank_verbs() if text.startswith(v, at)), None)
    if verb is None or (m := _rank_field().match(text, at + len(verb))) is None:
        return ""
    field = m.group(1)
    for tail in cues()["metric"]["instrument_rank_tails"]:
        field = field.removesuffix(tail)
    return field if ends_in_head(field) else ""


@cache
def _rank_field() -> regex.Pattern:
    """The field of a rank: Han characters up to the place (第一, 前三, or a word: 榜首, 首位)."""
    places = alternation(cues()["metric"]["instrument_rank_places"])
    return regex.compile(rf"([\u4e00-\u9fff]{{2,12}}?)(?:第[一二三四五六七八九十\d]|前[一二三四五六七八九十\d]|{places})")


@cache
def _instrument_rank_verbs() -> tuple[str, ...]:
    """The rank verbs after 以 + figure + noun with no 的 (以97.6亿元净利润绝对值名列第一): data [metric]
    instrument_rank_verbs."""
    return tuple(cues()["metric"]["instrument_rank_verbs"])
