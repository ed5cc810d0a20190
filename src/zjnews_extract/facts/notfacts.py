"""Which numbers are facts (see GUIDELINES "Not facts"), and which bare figures are counts.

Rules read their words from data/facts_cues.toml ([nonfact], [implied_units]).
"""
from __future__ import annotations

from functools import cache

import msgspec
import regex

from ..data import load_toml
from ..quantity.durations import measures_time
from ..records import Quantity
from ..text import CLAUSE_ENDS, SENTENCE_ENDS
from ..text import is_han as _is_han
from ..text import is_list_gap
from .lexicon import alternation, cues


@cache
def _nonfact() -> dict:
    n = cues()["nonfact"]
    return {
        "rank_next": regex.compile(rf"^(?:{alternation(n['rank_next_deny'])})"),
        "threshold": regex.compile(rf"(?:{alternation(n['threshold_marks'])})$"),
        "durations": set(n["duration_units"]),
        "streak_not_next": tuple(n["streak_not_next"]),
        "streak_units": frozenset(n["streak_units"]),
        "numerals": set(n["list_numerals"]),
        "inclusive_ends": tuple(n["inclusive_threshold_ends"]),
        "field_again": regex.compile(n["field_again"]),
        "field_openers": tuple(n["field_openers"]),
        "max_list": n["max_list_value"],
        "next_deny": tuple(n["next_deny"]),
        "top_class": tuple(n["top_class_nouns"]),
        "ranked_by_verb": n["ranked_by_verb"],
        "share_before": tuple(n["share_before"]),
        # bounded looks both ways inside the clause: linear in any text
        "topic_before": regex.compile(rf"(?r)(?:{alternation(n['topic_open'])})[^，,。；;！？!?：:\d]{{0,16}}$"),
        "topic_after": regex.compile(rf"[^，,。；;！？!?：:\d]{{0,12}}?(?:{alternation(n['topic_close'])})[，,]"),
        "summary_after": regex.compile(rf"[^，,。；;！？!?：:\d]{{0,8}}?(?:{alternation(n['summary_after'])})"),
        # …的<the set's noun>(有|达|为)?<a count>: the set the threshold defines, counted
        "set_count": regex.compile(rf"的[^，,。；;！？!?\d]{{0,12}}?(?:有|达|为|共|共有|达到)?"
                                   rf"(?:\d+|[一二两三四五六七八九十]+)(?:{alternation(n['set_count_measures'])})"),
        # <a count><its noun><what they did> right before the threshold: (?r) reads back from it
        "count_before": regex.compile(rf"(?r)(?:^|(?<=[^\p{{Han}}]|{alternation(n['count_openers'])}))"
                                      rf"(?:\d+|[一二两三四五六七八九十]+)(?:{alternation(n['set_count_measures'])})"
                                      rf"[^，,。；;！？!?：:\d、]{{0,18}}$"),
    }


def fact_quantities(text: str, quantities: list[Quantity], protected, period_spans) -> list[Quantity]:
    """The quantities that state facts: fractions read as shares, then every one that is_fact()
    keeps (not inside an initiative name or quoted slogan, not part of a period)."""
    blocked, in_period = span_mask(len(text), protected), span_mask(len(text), period_spans)
    return [q for q in _listed_multiples(text, [_fraction_as_share(q, text) for q in quantities])
            if is_fact(q, text, blocked, in_period)]


def _listed_multiples(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """A multiple listed after a growth (分别增长76.3%、1.2倍和25.5%) is a growth too: the list's cue
    stands before its first item only. Changes `quantities` in place (a list of its caller's own)."""
    out = quantities
    for i in range(1, len(out)):
        prev, q = out[i - 1], out[i]
        if q.kind == "value" and q.unit == "倍" and q.value is not None and prev.kind == "growth" \
                and is_list_gap(text[prev.end:q.start]):
            out[i] = msgspec.structs.replace(q, kind="growth", unit="%", value=round(q.value * 100, 10))
    return out


def _fraction_as_share(q: Quantity, text: str) -> Quantity:
    """A fraction in news (约占全省的三分之一, 超过四分之一的企业) states a share: a percent, as
    几近一半 is 50 %. So does one written with a slash when a qualifier or a share's words say so (占总协议额近3/4,
    约占全国旅游总收入的1/4, 1/3左右): a bare 3/4 may be a day or a score."""
    if q.kind != "number" or q.value is None or not 0 < q.value <= 1:
        return q
    if "分之" not in q.text and not (_SLASH.search(q.text) and (q.qualifier != "exact" or _share_before(text, q.start))):
        return q
    return msgspec.structs.replace(q, kind="percent", value=round(q.value * 100, 10), unit="%")


_SLASH = regex.compile(r"\d\s*[/／]\s*\d")


def _share_before(text: str, start: int) -> bool:
    """A share's words right before a figure: 占…的, 为, 是 (facts_cues.toml [nonfact] share_before)."""
    return text[max(0, start - 2):start].endswith(_nonfact()["share_before"])


def span_mask(length: int, spans) -> bytearray:
    """One byte per character, 1 inside any of the spans: overlap tests become slices."""
    mask = bytearray(length)
    for s, e in spans:
        mask[max(0, s):max(0, min(length, e))] = b"\x01" * (max(0, min(length, e)) - max(0, s))
    return mask


# a rank and a list mark right before: the middle of a run of ranks (分居全省第二、第三、第三)
_RANK_BEFORE = regex.compile(r"第[一二三四五六七八九十\d]{1,3}[位名]?[、和]$")


def _ranked_in_clause(text: str, start: int, verbs: list[str]) -> bool:
    """A verb of holding a place (居, 列, 为) earlier in the figure's clause."""
    before = text[max(0, start - 30):start]
    cut = max(before.rfind(c) for c in CLAUSE_ENDS + SENTENCE_ENDS)
    return any(v in before[cut + 1:] for v in verbs)


def is_fact(q: Quantity, text: str, protected: bytearray, periods: bytearray) -> bool:
    """True when the quantity states something about the world (see GUIDELINES "Not facts").

    `protected` marks initiative names and quoted slogans, `periods` the period words
    (both from span_mask)."""
    if q.kind == "number" and not _may_be_count(q):
        return False
    if q.value is None and q.kind != "rank":
        return False
    if any(protected[q.start:q.end]):
        return False  # inside an initiative name (千团万企) or a quoted slogan
    if q.end > q.start and all(periods[q.start:q.end]):
        return False  # part of a date or period
    n = _nonfact()
    after = text[q.end:q.end + 4]
    before = text[max(0, q.start - 1):q.start]
    if q.kind == "rank":
        if (not before or not _is_han(before)) and after[:1] in ("，", ",", "、", "：", ":", "是") \
                and not _RANK_BEFORE.search(text, max(0, q.start - 8), q.start):
            return False  # 第一，…  第二是…: list numbering, not a rank (分居第二、第三、第三 is ranks)
        if not q.text.endswith(("大", "位", "名", "强")) and n["rank_next"].match(after):
            return False  # 第五届, 第一产业, 第二批
        if q.text.endswith(("强", "強")) and after.startswith(n["top_class"]):
            return False  # GDP前十强城市, 世界500强企业: a class of members, no rank held
        if q.text in n["ranked_by_verb"] and not _ranked_in_clause(text, q.start, n["ranked_by_verb"][q.text]):
            return False  # 立春是二十四节气之首: the first of a list, not a place held (位居全国之首 is)
        return True
    if before == "每":
        return False  # 每10股: a rate's base, not an amount
    if q.unit in n["durations"] and not (q.text.startswith("连续") and q.unit in n["streak_units"]
                                         and not text.startswith(n["streak_not_next"], q.end)) \
            and not measures_time(text, q.start, q.value, q.unit):  # 平均利用小时为1733小时: hours are measured
        return False  # 十年来, 入世20年: durations and anniversaries (连续5年位居第一 is a record)
    if q.kind == "value" and n["threshold"].search(q.text) and after[:1] and _is_han(after[0]) \
            and after[:1] not in "的，。；、":
        return False  # 1亿元以上产业项目: a threshold inside a name
    if q.kind == "value" and after[:2] in ("以上", "以下") and _is_han(text[q.end + 2:q.end + 3] or "，"):
        return False
    if q.text.endswith(n["inclusive_ends"]):
        return False  # 年主营业务收入2000万元及以上: a class's bound in a definition
    if q.kind == "value" and _field_again(text, q):
        return False  # 在29个省份之中，…: the group counted before, named again as a field
    if q.kind in ("value", "growth", "percent") and q.qualifier in ("over", "under") \
            and n["set_count"].match(text, q.end, q.end + 24):
        return False  # 经济总量超过1万亿元的省份有10个, 增幅超30%的产品48种: the threshold that defines a counted set
    if q.kind in ("value", "number") and q.qualifier in ("over", "under") and _counted_before(text, q):
        return False  # 15省份旅游收入超百亿, 有9个城市收入超过30亿元: the threshold of a counted set
    if q.kind == "value" and after.startswith(n["next_deny"]):
        return False  # 两位数增长
    if q.kind == "growth" and q.qualifier == "over" and (
            n["topic_before"].search(text, max(0, q.start - 16), q.start)
            and n["topic_after"].match(text, q.end, q.end + 16)
            or n["summary_after"].match(text, q.end, q.end + 12)):
        return False  # 从高技术制造业实现两位数增长来看: the heading of the figures that follow
    digits = _digits_of(q.text)
    if q.kind == "value" and digits and all(ch in n["numerals"] for ch in digits) \
            and (q.value or 0) <= n["max_list"] and not q.text.startswith("连续") \
            and not _rank_moved(text, q) \
            and not (q.unit == "倍" and before == "的"):  # 连续两个月回升: a streak; 上升两名: a rank's move; 是2015年的两倍: a ratio
        return False  # 五大任务, 两个市场, 一块短板: list sizes and figures of speech
    return True


@cache
def _rank_moves() -> tuple[tuple[str, ...], frozenset[str]]:
    moves = load_toml("quantity_skip.toml")["rank_moves"]  # (the quantity reader's words: one list)
    return tuple(moves["words"]), frozenset(moves["units"])


def _rank_moved(text: str, q: Quantity) -> bool:
    """True for the places a rank moved by (陕西省上升两名, 排名下降一位)."""
    verbs, units = _rank_moves()
    return q.unit in units and text.endswith(verbs, 0, q.start)


def _field_again(text: str, q: Quantity) -> bool:
    """True for a count that opens a field after 在/上述 (在29个省份之中，) when the same count of the same
    kind was said before in the text: a back-reference (GUIDELINES: not a fact)."""
    n = _nonfact()
    if not text.endswith(n["field_openers"], max(0, q.start - 3), q.start):
        return False
    m = n["field_again"].match(text, q.end, q.end + 16)
    return m is not None and text.find(q.text + m.group("noun")[:1], 0, max(0, q.start - 1)) >= 0


def _counted_before(text: str, q: Quantity) -> bool:
    """True when a count of places or firms opens `q`'s clause and the words between say what they
    did (59家企业累计用电量超1亿千瓦时); not after names (江西、安徽5省份…均超5000万: a named group's)."""
    m = _nonfact()["count_before"].search(text, max(0, q.start - 24), q.start)
    if m is None:
        return False
    from .metric.nouns import is_body  # noqa: PLC0415  (metric imports this package)

    after = m.group().lstrip("0123456789一二两三四五六七八九十")
    # the measure word is the noun (省份…) or stands before it (家企业…, 个城市…)
    return any(is_body(after[i:k]) for i in (0, 1) for k in range(i + 1, min(len(after), 6) + 1))


def _may_be_count(q: Quantity) -> bool:
    """A bare figure that could be a count with its measure word left out: it has a
    qualifier (逾30万), a magnitude (300万) or decimals (93.78). Whether it is one is
    decided by implied_unit() once its metric is known."""
    if q.value is None:
        return False
    return q.qualifier != "exact" or any(ch in q.text for ch in "万亿.")


def implied_unit(metric: str | None) -> str | None:
    """The measure word a metric's head noun implies (海外游客 -> 人次, 入园总人数 -> 人)."""
    if not metric:
        return None
    for head, unit in sorted(cues()["implied_units"].items(), key=lambda kv: -len(kv[0])):
        if metric.endswith(head):
            return unit
    return None


def _digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() or ch in "一二两三四五六七八九十百千万亿")
