"""Lists of labelled figures: the measure is said once, then each figure follows the name of the body it
is about (5A级景区接待量分别是黄鹤楼3.8万人次、东湖18.78万人次…; 接待情况分别为：天水麦积山大景区25万人次、
平凉崆峒山景区17.9万人次…). The name is the figure's subject, not its measure. Places are peeled as
subjects elsewhere; this reads the bodies that are no place (sights, venues, zones). Words in
data/facts_cues.toml [grammar] labelled_openers and labelled_joins."""
from __future__ import annotations

from functools import cache

import regex

from .. import words
from ..lexicon import cues, match_place
from .heads import measurable

# Why: a body's name in such a list is short (木兰生态旅游区, 南昌汉代海昏侯国遗址博物馆).
_NAME_MAX = 16


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern]:
    c = cues()["grammar"]
    openers = "|".join(regex.escape(w) for w in sorted(c["labelled_openers"], key=len, reverse=True))
    joins = "|".join(regex.escape(w) for w in sorted(c["labelled_joins"], key=len, reverse=True))
    name = rf"(?P<name>[^\s，,、；;：:。是为]{{2,{_NAME_MAX}}})"
    return (regex.compile(rf"^(?P<head>.*?)(?:{openers})\s*+{name}$"),
            regex.compile(rf"^\s*+(?:{joins})\s*+{name}$"))


def labelled_item(text: str) -> tuple[str, str] | None:
    """(the words before the list, the body's name) when `text`, the words before a figure, ends in the
    name of a body that a list opener or an item mark puts right before the figure; else None. The
    words before the list are "" for an item after the first."""
    opened, item = _patterns()
    m = opened.match(text) or item.match(text)
    if m is None:
        return None
    name = m.group("name")
    place = match_place(name)
    if place is not None and place.end() == len(name) or measurable(name) or not _proper(name) \
            or name.startswith(tuple(cues()["grammar"]["labelled_title_openers"])) \
            or name.endswith(tuple(cues()["grammar"]["labelled_class_endings"])):
        return None
    return m.groupdict().get("head") or "", name


def _proper(name: str) -> bool:
    """A noun phrase with a proper name in it; the segmenter tags many sights as a person's name
    (黄鹤楼, 麦积山), and no person stands before a figure in such a list."""
    ws = words.words(name)
    tags = _proper_tags()
    # (湿地 is tagged a state word: 西溪湿地)
    return (ws[-1][1].startswith("n") or ws[-1][1] == "z") and ws[-1][1] != "vn" and any(pos in tags for _, pos in ws) \
        and not any(pos == "r" or pos.startswith("v") and len(w) >= 2 for w, pos in ws)  # (海昏侯: 昏 no verb)


@cache
def _proper_tags() -> frozenset[str]:
    return frozenset((*cues()["metric"]["proper_tags"], "nr"))


def without_class(metric: str) -> str:
    """5A级景区接待量 -> 接待量: the class of sites the listed bodies belong to is said of them, not of what
    each counted (the name of each one is its subject)."""
    for site in cues()["metric"]["site_classes"]:
        at = metric.rfind(site)
        if at >= 0 and measurable(rest := metric[at + len(site):]):
            return rest
    return metric
