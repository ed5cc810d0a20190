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
            "tail": regex.compile(rf"(?:(?:{joins})?(?:{alternation(m['aspect_tail_words'])}))+$")}


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


def aspect_list(pre: str, n: int, measure: str | None) -> tuple[str, ...] | None:
    """总量和增速分居全市第二和第三 after 建筑业产值…: one aspect of the measure named before per figure
    (建筑业产值总量, 建筑业产值增速), or None when `pre` opens with no run of n aspects."""
    p = _patterns()
    run = p["run"].match(pre.strip())
    if run is None or not measure or len(base := p["tail"].sub("", measure)) < 2:
        return None
    items = [x for x in regex.split(alternation(cues()["metric"]["aspect_joins"]), run.group()) if x]
    return tuple(base + x for x in items) if len(items) == n else None
