"""Which numbers are facts, and a fact's status, benchmark and default subject.

Rules read their words from data/facts_cues.toml and data/facts_places.toml.
"""
from __future__ import annotations

import bisect
from collections import Counter
from datetime import date, timedelta
from functools import cache

import regex

from ..records import Period, Quantity
from .lexicon import alternation, city_pattern, cues, place_names, place_pattern

# ------------------------------------------------------------------ not facts


@cache
def _nonfact() -> dict:
    n = cues()["nonfact"]
    return {
        "rank_next": regex.compile(rf"^(?:{alternation(n['rank_next_deny'])})"),
        "threshold": regex.compile(rf"(?:{alternation(n['threshold_marks'])})$"),
        "durations": set(n["duration_units"]),
        "numerals": set(n["list_numerals"]),
        "max_list": n["max_list_value"],
        "next_deny": tuple(n["next_deny"]),
    }


def span_mask(length: int, spans) -> bytearray:
    """One byte per character, 1 inside any of the spans: overlap tests become slices."""
    mask = bytearray(length)
    for s, e in spans:
        mask[max(0, s):max(0, min(length, e))] = b"\x01" * (max(0, min(length, e)) - max(0, s))
    return mask


def is_fact(q: Quantity, text: str, protected: bytearray, periods: bytearray) -> bool:
    """True when the quantity states something about the world (see GUIDELINES "Not facts").

    `protected` marks initiative names and quoted slogans, `periods` the period words
    (both from span_mask)."""
    if q.kind == "number" and not _may_be_count(q):
        return False
    if q.value is None and q.kind != "rank":
        return False
    if any(protected[q.start:q.end]):
        return False  # inside an initiative name (千团万企) or a quoted slogan
    if q.end > q.start and all(periods[q.start:q.end]):
        return False  # part of a date or period
    n = _nonfact()
    after = text[q.end:q.end + 4]
    before = text[max(0, q.start - 1):q.start]
    if q.kind == "rank":
        if (not before or not _is_han(before)) and after[:1] in ("，", ",", "、", "：", ":", "是"):
            return False  # 第一，…  第二是…: list numbering, not a rank
        if not q.text.endswith(("大", "位", "名", "强")) and n["rank_next"].match(after):
            return False  # 第五届, 第一产业, 第二批
        return True
    if before == "每":
        return False  # 每10股: a rate's base, not an amount
    if q.unit in n["durations"]:
        return False  # 十年来, 入世20年: durations and anniversaries
    if q.kind == "value" and n["threshold"].search(q.text) and after[:1] and _is_han(after[0]) \
            and after[:1] not in "的，。；、":
        return False  # 1亿元以上产业项目: a threshold inside a name
    if q.kind == "value" and after[:2] in ("以上", "以下") and _is_han(text[q.end + 2:q.end + 3] or "，"):
        return False
    if q.kind == "value" and after.startswith(n["next_deny"]):
        return False  # 两位数增长
    digits = _digits_of(q.text)
    if q.kind == "value" and digits and all(ch in n["numerals"] for ch in digits) \
            and (q.value or 0) <= n["max_list"]:
        return False  # 五大任务, 两个市场, 一块短板: list sizes and figures of speech
    return True


def _may_be_count(q: Quantity) -> bool:
    """A bare figure that could be a count with its measure word left out: it has a
    qualifier (逾30万), a magnitude (300万) or decimals (93.78). Whether it is one is
    decided by implied_unit() once its metric is known."""
    if q.value is None:
        return False
    return q.qualifier != "exact" or any(ch in q.text for ch in "万亿.")


def implied_unit(metric: str | None) -> str | None:
    """The measure word a metric's head noun implies (海外游客 -> 人次, 入园总人数 -> 人)."""
    if not metric:
        return None
    for head, unit in sorted(cues()["implied_units"].items(), key=lambda kv: -len(kv[0])):
        if metric.endswith(head):
            return unit
    return None


def _digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() or ch in "一二两三四五六七八九十百千万亿")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# ------------------------------------------------------------------ status



@cache
def _status_words() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    s = cues()["status"]
    return (regex.compile(alternation(s["strong"])), regex.compile(alternation(s["weak"])),
            regex.compile(alternation(s["deny"])))


def status_of(before: str, period: Period | None, published: date | None) -> str:
    """`target` for plans, goals and forecasts; `actual` for results.

    `before` is the sentence text up to the number. Strong cues (力争, 目标, 预计)
    always make a target; weak ones (将, 要) only when the period is not over yet.
    A period that starts after the published date is a plan whatever the words.
    Compounds that only contain a cue (超预期, 主要) are blanked out first.
    """
    strong, weak, deny = _status_words()
    before = deny.sub("", before)
    return status_from_cues(bool(strong.search(before)), bool(weak.search(before)), period, published)


def status_from_cues(strong: bool, weak: bool, period: Period | None, published: date | None) -> str:
    """status_of() once the cues before the number are known (see StatusCues)."""
    ended = _ended(period, published)
    if period is not None and published is not None and _in_future(period, published):
        return "target"  # nothing can have happened yet in a period that starts after publication
    if period is not None and published is not None and _far_end(period, published):
        return "target"  # a whole year that has months to run: its figures are plans (新一年…500场以上)
    if strong:
        return "target"
    if ended is not True and weak:
        return "target"
    return "actual"


@cache
def _cue_scanners() -> tuple[int, int, regex.Pattern, regex.Pattern]:
    """Longest deny word, longest cue, and the cue patterns shortest word first (so that an
    overlapped scan finds, at each position, the cue that ends soonest)."""
    s = cues()["status"]

    def shortest_first(words):
        return regex.compile("|".join(regex.escape(w) for w in sorted(set(words), key=len)))

    return (max(map(len, s["deny"])), max(map(len, list(s["strong"]) + list(s["weak"]))),
            shortest_first(s["strong"]), shortest_first(s["weak"]))


class StatusCues:
    """The status cues of one sentence, read once, so that the cues before each of its
    numbers cost O(1) instead of a rescan of the sentence (quadratic in a long one).

    `before(offset)` gives exactly what status_of would find in deny.sub("", text[start:offset]):
    up to `offset - longest deny word` the deny words blanked in the prefix are those
    blanked in the whole sentence (the scan makes the same choices there); the few
    characters after that are blanked and searched afresh."""

    def __init__(self, text: str, start: int, end: int):
        _, _, deny = _status_words()
        self.text, self.start = text, start
        self.deny_starts: list[int] = []
        self.deny_ends: list[int] = []
        self.removed: list[int] = [0]  # characters blanked by the first i deny words
        kept, cursor = [], start
        for m in deny.finditer(text, start, end):
            self.deny_starts.append(m.start())
            self.deny_ends.append(m.end())
            self.removed.append(self.removed[-1] + m.end() - m.start())
            kept.append(text[cursor:m.start()])
            cursor = m.end()
        kept.append(text[cursor:end])
        self.blanked = "".join(kept)
        _, _, strong, weak = _cue_scanners()
        self.strong_end = self._earliest_end(strong)
        self.weak_end = self._earliest_end(weak)

    def _earliest_end(self, pattern: regex.Pattern) -> float:
        best = float("inf")
        for m in pattern.finditer(self.blanked, overlapped=True):
            if m.start() >= best:
                break
            best = min(best, m.end())
        return best

    def before(self, offset: int) -> tuple[bool, bool]:
        """(strong cue, weak cue) in the sentence before `offset`, deny words blanked."""
        longest_deny, longest_cue, _, _ = _cue_scanners()
        strong, weak, deny = _status_words()
        i = bisect.bisect_right(self.deny_starts, offset - longest_deny)
        resume = max(self.start, offset - longest_deny + 1, self.deny_ends[i - 1] if i else self.start)
        j = resume - self.start - self.removed[i]  # length of the blanked text before `resume`
        tail = self.blanked[max(0, j - longest_cue + 1):j] + deny.sub("", self.text[resume:offset])
        return (self.strong_end <= j or bool(strong.search(tail)),
                self.weak_end <= j or bool(weak.search(tail)))


def _ended(period: Period | None, published: date | None) -> bool | None:
    if period is None or published is None or not period.end:
        return None
    return date.fromisoformat(period.end) < published


def _far_end(period: Period, published: date) -> bool:
    """True when the period still has more than a quarter to run at publication."""
    return bool(period.end) and date.fromisoformat(period.end) > published + timedelta(days=cues()["status"]["horizon_days"])


def _in_future(period: Period, published: date) -> bool:
    return bool(period.start) and date.fromisoformat(period.start) > published


# ------------------------------------------------------------------ versus


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


# ------------------------------------------------------------------ subject


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
