"""The metric of a streak (连续15年, 连续5个月): the thing whose record it is, with the record's words
(货物吞吐量连续位居世界第一); the record may name its own measure after the streak (连续三年规上工业增加值总量
居全省开发区第一)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ...records import Quantity
from .. import words
from .heads import measurable
from .nouns import is_generic
from .window import Window

if TYPE_CHECKING:
    from ..frames import Frame

# the most characters of a streak's record (连续三年规上工业增加值总量居全省开发区第一)
_RECORD_MAX = 24


def _measure_opening(record: str) -> str:
    """The measure a streak's record opens with, its nouns before the first verb (规上工业增加值总量 of
    …总量居全省开发区第一, 单日旅客发送量 of …超1700万人次), or "" when it opens with none."""
    head = ""
    for word, pos in words.words(record):
        if pos.startswith("v") and pos != "vn" or pos.startswith(("m", "p", "d")):
            break
        head += word
    return head if head != record and measurable(head) and not is_generic(head) else ""  # (降幅: the thing's)


# (a space ends a headline's phrase too: 连续第6年创新高 2022年内蒙古进出口总值…)
_CLAUSE_STOP = regex.compile(r"[，,。；;！？!?、\s（(]")


def streak_name(text: str, q: Quantity, w: Window, frame: "Frame") -> tuple[str, "Frame", bool]:
    """The streak's metric, the frame after it, and whether the metric came from the frame."""
    # 货物吞吐量连续15年位居世界第一: the streak is the thing's record; what follows (位居世界) is the
    # record's words, never a name for it or for the rank after it
    thing = w.metric if w.metric and measurable(w.metric) else (frame.last_metric or frame.base)
    stop = _CLAUSE_STOP.search(text, q.end, q.end + _RECORD_MAX)
    record = text[q.end:stop.start() if stop else q.end + _RECORD_MAX].strip()
    own = bool(w.metric and measurable(w.metric))
    if not own and (named := _measure_opening(record)):
        # 连续三年规上工业增加值总量居全省开发区第一: the record names its own measure after the streak
        return named + "连续" + record[len(named):], frame, False
    if own:
        frame = frame.named(thing, "value")  # the rank after the streak (第一) is the thing's
    # (the streak word stays in the name: 连续 is what makes it a record, 外贸进出口连续保持同比增长)
    return thing + "连续" + record, frame, not own  # 货物吞吐量连续位居世界第一
