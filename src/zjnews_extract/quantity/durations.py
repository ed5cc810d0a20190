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
    # (a word followed by a colon is a page's label: 发布时间:2018年06月21日 15时26分, 更新时间: 5年前;
    # one right after a span is the span's idiom: 花了11年時間，…花了5年時間)
    return regex.compile(r"(?<![\d一二三四五六七八九十两年月天日])(?:" + "|".join(map(regex.escape, words))
                         + r")(?![:：\s])[^。；;！？!?\n]{0,30}$")


def measures_time(text: str, start: int, value: float | None = None, unit: str | None = None) -> bool:
    """The sentence before the number names a measure of time (利用小时, 时长): its hours are a fact.
    A calendar year (2022年) never is one, whatever the sentence measures."""
    if unit == "年" and value is not None and 1900 <= value <= 2100:
        return False
    return _time_measure().search(text, max(0, start - 40), start) is not None
