"""A fact's subject: the names of places and bodies as a fact carries them, and the whole a
share is of. The article's own place (what 全市/我县 mean) is facts/ownplace.py's; the company
it reports on, facts/company.py's.

Place names come from data/facts_places.toml and data/places_china.toml (facts/gazetteer.py).
"""
from __future__ import annotations

import regex

from .gazetteer import division_of, name_words, subject_form
from .lexicon import place_names


_SUFFIX = regex.compile(r"(?:省|市|地区)$")
_PROVINCE_SUFFIX = regex.compile(r"(?:省|地区)$")


def subject_name(name: str, region: str | None, wholes: dict | None = None) -> str:
    """A place or body as a fact carries it: 全省/我县/全区 -> the article's place of that level
    (`wholes`, from facts/ownplace.py), 中国/我国 -> 全国, a division written short (泉州市 -> 泉州,
    大理白族自治州 -> 大理州, 天祝藏族自治县 -> 天祝; 柳林县 and 武侯区 as written)."""
    names = place_names()
    group = names.get(name) or names.get(_SUFFIX.sub("", name))
    if group == "whole_region":
        if wholes and name[-1] in wholes:
            return wholes[name[-1]]
        # 全省 is the region when the region is a province; 全市 when it is a city
        level = names.get(region or "") or _level_group(region)
        if region in name_words()["municipalities"]:
            level = "cities"  # 全市 of 北京: the whole of a province-level city
        if region and ((name[-1] == "省") == (level == "provinces") or name[-1] not in "省市") \
                and not (name[-1] == "市" and level == "counties" and not region.endswith("市")):
            return region  # (全市 is no county's: 德清县 is not the 全市 of a table of 湖州's counties)
        return name
    if group == "national":
        return "全国"
    if name in names and group != "whole_region":
        return _PROVINCE_SUFFIX.sub("", name) if group in ("provinces", "cities", "foreign") else name
    if group in ("provinces", "cities", "foreign"):
        return _SUFFIX.sub("", name)  # 泉州市 -> 泉州
    return subject_form(name) or name


def _level_group(name: str | None) -> str | None:
    d = division_of(name) if name else None
    return {"province": "provinces", "prefecture": "cities", "county": "counties"}.get(d.level) if d else None


def whole_of(subject: str | None, region: str | None) -> str | None:
    """The whole a share is of when the text leaves it out: 全省 for a province, 全市 for a city,
    全县 for a county."""
    name = subject or region
    group = place_names().get(name or "")
    if group:
        return {"provinces": "全省", "cities": "全市", "national": "全国"}.get(group)
    d = division_of(name) if name else None
    return "全" + d.whole_words if d and d.whole_words in "省市区县州旗" else None
