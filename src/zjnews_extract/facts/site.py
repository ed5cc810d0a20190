"""The place a site belongs to, read from its host name: a province's label (stats.tj.gov.cn,
tjj.zj.gov.cn, cq.cri.cn), the pinyin of a division (tjj.changzhou.gov.cn, liulin.gov.cn), or the
pinyin initials some sites use (www.fl.gov.cn), the last only for a place of the article's level
(全区 -> a district) that no other place of that level shares.

Words in data/facts_subjects.toml [site]; pinyin in data/place_pinyin.toml (scripts/make_place_pinyin.py).
"""
from __future__ import annotations

from functools import cache

import regex

from ..data import load_toml

_HOST = regex.compile(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", regex.IGNORECASE)


@cache
def _tables() -> tuple[dict, dict, dict, frozenset]:
    site = load_toml("facts_subjects.toml")["site"]
    pinyin = load_toml("place_pinyin.toml")
    return site["province_labels"], pinyin["pinyin"], pinyin["initials"], frozenset(site["not_labels"])


def place_of_site(url: str | None, kind: str | None = None) -> str | None:
    """The place (a name the gazetteer knows) whose site `url` is on, else None. `kind` is the last
    character of the article's 全X words: with it, a label several places share names the one of
    that level (yiwu: 义乌市, not 伊吾县), and pinyin initials are read at all."""
    m = _HOST.match(url or "")
    if not m:
        return None
    provinces, full, initials, skip = _tables()
    for label in regex.split(r"[.-]", m.group(1).lower()):
        if not label or label in skip:
            continue
        if label in provinces:
            return provinces[label]
        found = _one(full.get(label, ()), kind)
        if found is None and kind and 2 <= len(label) <= 3:
            found = _one(initials.get(label, ()), kind, strict=True)
        if found is None and 4 <= len(label) <= 12:
            found = _inside_parent(label, full, initials)
        if found:
            return found
    return None


# Why: a county's site often spells its prefecture and then itself, in pinyin or initials, with the
# initial of its 区/县/市 at the end: jmdbq (荆门 东宝区), fzmq (福州 闽清), qdndz (黔东南 丹寨).
_LEVEL_INITIALS = {"q": "区", "x": "县", "s": "市"}


def _inside_parent(label: str, full: dict, initials: dict) -> str | None:
    """The one county or district that a label names as prefecture + county (jmdbq -> 东宝区),
    the county inside the prefecture; None when no split or more than one fits."""
    from .gazetteer import division_of  # noqa: PLC0415

    found: set[str] = set()
    for i in range(2, len(label) - 1):
        head, tail = label[:i], label[i:]
        parents = [d for n in (*full.get(head, ()), *initials.get(head, ())) if (d := division_of(n))]
        if not parents:
            continue
        tails = [(tail, None)]
        if len(tail) >= 3 and tail[-1] in _LEVEL_INITIALS:
            tails.append((tail[:-1], _LEVEL_INITIALS[tail[-1]]))
        for key, suffix in tails:
            for name in (*initials.get(key, ()), *full.get(key, ())):
                child = division_of(name)
                if child is None or suffix and not name.endswith(suffix):
                    continue
                if any(child.code != p.code and child.code.startswith(p.code) for p in parents):
                    found.add(name)
    return next(iter(found)) if len(found) == 1 else None


def _one(names, kind: str | None, strict: bool = False) -> str | None:
    """The place a label names: the only one; else the only one of the highest level with its
    short name (dali: 大理州 over its own 大理市, not with 大荔县); else the only one of `kind`."""
    from .gazetteer import division_of  # noqa: PLC0415

    if not names:
        return None
    if len(names) == 1 and not strict:
        return names[0]
    divisions = [(n, division_of(n)) for n in names]
    if not strict:
        shorts = {d.name.removesuffix("州") if d else n for n, d in divisions}
        if len(shorts) == 1:
            return names[0]  # listed highest level first by the generator
    if kind:
        fits = [n for n, d in divisions if d is not None and d.whole_words == kind]
        if len(fits) == 1:
            return fits[0]
    return None
