"""The fact lexicons (data/facts_cues.toml, data/facts_places.toml), read once."""
from __future__ import annotations

from functools import cache
from typing import Any

import regex

from ..data import load_toml


def cues() -> dict[str, Any]:
    return load_toml("facts_cues.toml")


def places() -> dict[str, Any]:
    return load_toml("facts_places.toml")


def alternation(words) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def place_names() -> dict[str, str]:
    """Every place or body name -> its group (national, whole_region, provinces, ...)."""
    out: dict[str, str] = {}
    for group, names in places().items():
        for name in names:
            out.setdefault(name, group)
    return out


@cache
def place_pattern() -> regex.Pattern:
    """A place name with an optional administrative suffix (浙江省, 肇庆市, 香港地区)."""
    return regex.compile(rf"(?:{alternation(place_names())})(?:省|市|自治区|特别行政区|地区(?!生产)|县|区|港(?:域|区)?(?![澳台资股元币口务]))?")


@cache
def port_pattern() -> regex.Pattern:
    """A port the place list does not know, told by what follows it (北部湾港完成…, 太仓港集装箱…).
    Kept apart from place_pattern: a character class beside that long alternation makes every
    scan of a whole text several times slower; this one is only matched at a known position."""
    return regex.compile(rf"[\u4e00-\u9fff]{{2,3}}港(?=(?:{alternation(cues()['subject']['port_name_next'])}))")


@cache
def city_pattern() -> regex.Pattern:
    """A city the place list does not know (安庆市), matched only where a name may start."""
    deny = alternation(cues()["subject"]["city_not_endings"])
    return regex.compile(rf"[\u4e00-\u9fff]{{2,3}}?市(?<!{deny})(?!场|民|区|值|委|政府|级|辖|面|容)")


def match_place(text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
    """A place name (or an unlisted port or city) starting exactly at `pos`."""
    end = len(text) if endpos is None else endpos
    return (place_pattern().match(text, pos, end) or port_pattern().match(text, pos, end)
            or city_pattern().match(text, pos, end))
