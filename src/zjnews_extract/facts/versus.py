"""A fact's benchmark: the whole of a share, the benchmark of a gap, the field of a rank.

Words come from data/facts_cues.toml [versus].
"""
from __future__ import annotations

from functools import cache

import regex

from .lexicon import alternation, cues


@cache
def _year_ago() -> frozenset[str]:
    return frozenset(cues()["versus"]["year_ago"])


def normalise_versus(v: str | None) -> str | None:
    """Year-ago spellings read 去年同期; a place keeps its short name."""
    if not v:
        return None
    v = v.strip("的 ，,、")
    if v in _year_ago():
        return "去年同期"
    return v or None


@cache
def _patterns() -> dict:
    v = {**cues()["versus"], **cues()["grammar"]}
    verbs = alternation(v["contribution_verbs"])
    return {
        # contributions: 对GDP增长贡献2.5个百分点, 拉动出口增长1.36个百分点 -> the thing contributed to
        # (拉动全市规模以上工业0.4个百分点: the thing grown may be named without 增长)
        "contribution": regex.compile(rf"对(?P<v>[^，,；;]{{1,16}}?)(?:的)?贡献|(?:{verbs})(?P<v>[^，,；;]{{1,16}}?)$"),
        # 在全省13个设区市中 / 在全国主要港口中: the field a rank later in the sentence is among
        "among": regex.compile(rf"(?:^|(?<=[，,。；;\s]))在(?P<v>[^，,。；;在]{{2,16}}?)(?:{alternation(v['among_ends'])})"
                               r"(?=[，,]|[\u4e00-\u9fff])"),
    }


# Why: the field a rank is among is stated within a few words before it (在全省13个设区市中…
# 排名第2); a bounded look keeps an endless sentence linear.
_AMONG_REACH = 60


def versus_of(text: str, q, w, raw: str) -> str | None:
    """The benchmark of a gap in points, the whole of a share, the field of a rank: from the
    words before the number (`w`, read from `raw`)."""
    from .metric import noun_after  # noqa: PLC0415  (metric reads versus words too)

    if q.kind == "value" and q.unit == "倍":
        return normalise_versus(w.versus) if w.versus else None  # 为全国的1.4倍: the base of a multiple
    if q.kind not in ("pp", "percent", "rank"):
        return None
    if q.kind in ("pp", "percent") and (m := _patterns()["contribution"].search(raw)):
        return m.group("v")
    if q.kind == "pp":
        if w.versus:
            return normalise_versus(w.versus)
        return "去年同期" if w.year_ago else None
    if q.kind == "percent":
        return normalise_versus(w.versus) if w.share else None
    if w.versus:
        return normalise_versus(w.versus)
    if q.text.endswith("大"):
        return noun_after(text[q.end:q.end + 24]) or None
    return None


def rank_field(text: str, q, sentence_start: int) -> str | None:
    """在全省13个设区市中…排名第2: the field a rank is among, stated before it in its sentence."""
    among = _patterns()["among"].search(text, max(sentence_start, q.start - _AMONG_REACH), q.start)
    return among.group("v") if among else None
