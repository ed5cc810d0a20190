"""A fact's subject: the article's own place, districts it speaks of as 全区, and the
names of places and bodies as a fact carries them.

Place names come from data/facts_places.toml, cue words from data/facts_cues.toml [subject].
"""
from __future__ import annotations

from collections import Counter
from functools import cache

import regex

from ..data import load_toml
from ..text import is_han as _is_han
from .lexicon import alternation, city_pattern, cues, place_names, place_pattern


_DATELINE = regex.compile(r"\s*\d{1,2}月\d{1,2}日(?:讯|电)?")
# Why: a dateline follows its city within a few characters; `regex` matching from a position
# without an end costs the length of the rest of the text (quadratic over a long page).
_DATELINE_REACH = 40


def main_region(text: str, title: str | None = None) -> str | None:
    """The article's own place: the most named province or city (names in the headline
    count three times, a dateline's city not at all), else 全国 for national data, also
    when the nation is named more often than any place."""
    names = place_names()
    counts: Counter[str] = Counter()
    national = 0
    headline_end = len(title) if title and text.startswith(title) else text.find("\n")
    for m in place_pattern().finditer(text):
        if _DATELINE.match(text, m.end(), m.end() + _DATELINE_REACH):
            continue  # 新华社北京1月17日电: where the story was filed, not what it is about
        name = m.group()
        base = name if name in names else regex.sub(r"(省|市|自治区|特别行政区|地区|县|区|港)$", "", name)
        group = names.get(base)
        weight = 3 if m.start() < headline_end else 1
        if group in ("provinces", "cities"):
            counts[base] += weight
        elif group == "national" and (m.start() == 0 or not _is_han(text[m.start() - 1])):
            national += 1  # only as a topic (全国房地产开发投资…), not as a benchmark (高于全国)
    if counts and counts.most_common(1)[0][1] >= national:
        return counts.most_common(1)[0][0]
    if national or any(cue in text for cue in cues()["subject"]["national_cues"]):
        return "全国"
    return _unlisted_city(text)


_CLAUSE_START = regex.compile(r"(?:^|(?<=[\n。，,；;：:！？]))\s*(?=[\u4e00-\u9fff]{2,3}市)")


def _unlisted_city(text: str) -> str | None:
    """A city the place list does not know, when one opens clauses (前三季度，安庆市实现…):
    the most frequent such name. Only looked for when no listed place is named."""
    counts: Counter[str] = Counter()
    for m in _CLAUSE_START.finditer(text):
        city = city_pattern().match(text, m.end(), m.end() + 4)
        if city:
            counts[city.group()[:-1]] += 1
    return counts.most_common(1)[0][0] if counts else None


def whole_region_word(text: str) -> str | None:
    """The most used 全省/全市/全区 word, the article's own place when it never names it
    (a government work report of an unnamed city or district)."""
    counts = Counter(m.group() for m in _whole_region_pattern().finditer(text)
                     if not _is_han(text[m.start() - 1:m.start()] or " "))  # not 居全省第三: a benchmark
    return counts.most_common(1)[0][0] if counts else None


@cache
def _whole_region_pattern() -> regex.Pattern:
    return regex.compile(alternation(place_names_of("whole_region")))


def local_area(text: str) -> dict[str, str]:
    """Districts and counties named after their city (成都市武侯区 -> {"区": "武侯区"}), the first
    of each kind, kept only when the article speaks of 全区/我区 (全县/我县): then it is the
    article's own place, and those words mean it."""
    whole = {m.group()[-1] for m in _whole_region_pattern().finditer(text)}
    wanted = whole & {"区", "县"}
    if not wanted:
        return {}
    deny = tuple(cues()["subject"]["local_area_not_endings"])
    found: dict[str, str] = {}
    headline = _HEADLINE_AREA.match(text)  # 鼓楼区2026年政府工作报告: the district opens the headline
    for m in ([headline] if headline else []) + list(_local_areas(text)):
        name = m.group("d")
        if name[-1] in wanted and name[-1] not in found and not name.endswith(deny) \
                and name not in place_names():
            found[name[-1]] = name
            if len(found) == len(wanted):
                break
    return found


_HEADLINE_AREA = regex.compile(r"\s*(?P<d>[\u4e00-\u9fff]{2,3}?[区县])(?=\d|[\u4e00-\u9fff]{2})")


_AREA_END = regex.compile("[区县]")


def _local_areas(text: str):
    """Matches of 'city + district' ending at each 区/县 of the text (few), each tried on the
    dozen characters before it: a scan of the whole text with the long alternation costs more."""
    pattern = _local_area_pattern()
    for hit in _AREA_END.finditer(text):
        m = pattern.search(text, max(0, hit.start() - 12), hit.end())
        if m:
            yield m


@cache
def _local_area_pattern() -> regex.Pattern:
    names = [n for n, g in place_names().items() if g in ("provinces", "cities")]
    return regex.compile(rf"(?:{alternation(names)})(?:省|市)?(?P<d>[\u4e00-\u9fff]{{2,3}}?[区县])$")


def place_names_of(group: str) -> list[str]:
    return [name for name, g in place_names().items() if g == group]


def subject_name(name: str, region: str | None) -> str:
    """全省/我省 mean the article's region; 中国/我国 the nation."""
    group = place_names().get(name) or place_names().get(regex.sub(r"(省|市|地区)$", "", name))
    if group == "whole_region" and region:
        # 全省 is the region when the region is a province; 全市 when it is a city
        level = place_names().get(region)
        if (name[-1] == "省") == (level == "provinces") or name[-1] not in "省市":
            return region
        return name
    if group == "national":
        return "全国"
    return regex.sub(r"(省|地区)$", "", name) if group in ("provinces", "cities", "foreign") else name


def whole_of(subject: str | None, region: str | None) -> str | None:
    """The whole a share is of when the text leaves it out: 全省 for a province, 全市 for a city."""
    name = subject or region
    group = place_names().get(name or "")
    return {"provinces": "全省", "cities": "全市", "national": "全国"}.get(group or "")


_HOST = regex.compile(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", regex.IGNORECASE)


def place_of_site(url: str | None) -> str | None:
    """The province or city a site belongs to, by the pinyin in its host name
    (tjj.changzhou.gov.cn -> 常州; data/place_pinyin.toml), else None."""
    m = _HOST.match(url or "")
    if not m:
        return None
    table = load_toml("place_pinyin.toml")["pinyin"]
    for label in regex.split(r"[.-]", m.group(1).lower()):
        if label in table:
            return table[label]
    return None
