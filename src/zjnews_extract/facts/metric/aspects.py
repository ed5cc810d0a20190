"""Aspects of a measure named before: 总量和增幅均列全市第三 after 生产总值237.2亿元，增长9.4% ranks the
生产总值's 总量和增幅, not a thing called 总量. A name made only of aspect words (总量, 增速, 占比 …, joined
by 和/及/、) takes the measure the clause before named."""
from __future__ import annotations

from functools import cache

import regex

from ..lexicon import alternation, cues


@cache
def _patterns() -> dict:
    m = cues()["metric"]
    aspect = alternation(m["aspect_words"])
    joins = alternation(m["aspect_joins"])
    return {"run": regex.compile(rf"(?:{aspect})(?:(?:{joins})(?:{aspect}))*"),
            "whole": regex.compile(rf"^(?:{aspect})(?:(?:{joins})(?:{aspect}))*(?:{joins})?$"),
            "tail": regex.compile(rf"(?:(?:{joins})?(?:{aspect}))+$")}


def aspect_name(name: str | None, raw: str, measure: str | None) -> str | None:
    """`measure` + the aspects `name` holds (its run in `raw` when the reader cut it at a change word:
    总量和 | 增幅), or None when `name` is no bare aspect or no measure was named before."""
    p = _patterns()
    if not name or not measure or not p["whole"].match(name):
        return None
    base = p["tail"].sub("", measure)  # (建筑业产值总量 then 增速: the measure, not its first aspect)
    if len(base) < 2:
        return None
    at = raw.find(name)
    run = p["run"].match(raw, at) if at >= 0 else None
    return base + (run.group() if run and run.group().startswith(name.rstrip("和及与、")) else name)
