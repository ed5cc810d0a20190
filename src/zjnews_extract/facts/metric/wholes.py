"""The whole a part's figure is measured by: the measure named before it (其中农业41.51亿元 after
农林牧渔总产值 takes 总产值), without the sites the last figure was of, and for a growth never a rate
named in between. Used by resolve.py."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...records import Quantity
from ..lexicon import cues
from .heads import measurable

if TYPE_CHECKING:
    from ..frames import Frame


def whole_measure(base: str) -> str:
    """内河港口 after 沿海港口货物吞吐量: the measure without the sites the last figure was of."""
    for site in cues()["metric"]["site_classes"]:
        at = base.find(site)
        if at >= 0 and measurable(rest := base[at + len(site):]):
            return rest
    return base


def grown(frame: "Frame", q: Quantity) -> str:
    """The measure a part's figure takes: for a growth, the last measure named for an amount or a change, never
    a rate between (国有企业同比下降16.1% after 产品产销率为92.3%: the 增加值 of the sentence before grew)."""
    return frame.amount_base or frame.base if q.kind == "growth" else frame.base
