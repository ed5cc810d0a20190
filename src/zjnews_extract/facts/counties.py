"""Bare county names (上虞, 温岭) a text confirms as places: written in full elsewhere (上虞区), or under
their prefecture and standing as words of their own. Split from ownplace.py, which weighs them."""
from __future__ import annotations

from .gazetteer import surfaces, weak_automaton
from .lexicon import place_pattern


def confirmed_counties(text: str) -> frozenset[str]:
    """The bare county names (上虞, 温岭) `text` confirms as places of its facts: those whose division
    it also writes in full (上虞区), and those whose prefecture it names (温岭 in a 台州 paper's story:
    台州共有两地上榜, 温岭位列全国第24名) where the name is a word of its own. Only the first kind
    counts towards the article's own place (ownplace._weak_mentions)."""
    from .gazetteer import division_of  # noqa: PLC0415

    _, weak = surfaces()
    strong_codes = {d.code for m in place_pattern().finditer(text) if (d := division_of(m.group())) is not None}
    found: set[str] = set()
    for start, end, name in weak_automaton().finditer(text):
        if name in found:
            continue
        codes = weak[name].codes
        # its parent written (温岭 under 台州, an ambiguous prefecture 天水 under 甘肃省) and a word of its own
        if any(c in strong_codes for c in codes) or (
                any(c[:-2] in strong_codes for c in codes) and stands_alone(text, start, end)):
            found.add(name)
    return frozenset(found)


def stands_alone(text: str, start: int, end: int) -> bool:
    """The name is a word of its own where it stands, not the inside of others (新增城镇 holds 增城)."""
    from .words import words  # noqa: PLC0415

    left = max(0, start - 6)
    bounds, pos = {left}, left
    for word, _ in words(text[left:end + 6]):
        pos += len(word)
        bounds.add(pos)
    return start in bounds and end in bounds
