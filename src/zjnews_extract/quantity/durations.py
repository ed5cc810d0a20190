"""Hours and days that are amounts, not durations: where the sentence measures time itself
(发电设备平均利用小时为1733小时, 志愿服务时长累计超2626836小时); words in quantity_words.toml
[time_measures]."""
from __future__ import annotations

from functools import cache

import regex


@cache
def _time_measure() -> regex.Pattern:
    from ..data import load_toml  # noqa: PLC0415

    words = load_toml("quantity_words.toml")["time_measures"]["words"]
    # bounded: at most 40 characters before the number, inside its sentence
    return regex.compile("(?:" + "|".join(map(regex.escape, words)) + r")[^。；;！？!?\n]{0,30}$")


def measures_time(text: str, start: int) -> bool:
    """The sentence before the number names a measure of time (利用小时, 时长): its hours are a fact."""
    return _time_measure().search(text, max(0, start - 40), start) is not None
