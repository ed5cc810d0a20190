"""Texts written in traditional characters: the facts are read on a simplified shadow of the text
and handed back in the article's own script.

The rules, lexicons and jieba's dictionary are simplified; a traditional page (a Hong Kong or Taiwan
mirror of mainland news, a Big5 page) would miss most words (指標, 單位, 億元 …). The shadow converts
character by character (OpenCC's traditional-to-simplified table), so every offset stays the
same: a fact's span, text and sentence are the original's, and its words (metric, subject …) are
the original's where they stand in the text, else converted back with OpenCC.
"""
from __future__ import annotations

from functools import cache

import msgspec

from .data import load_toml
from .records import Fact, Initiative
from .text import is_han


@cache
def _marks() -> tuple[frozenset[str], int, float]:
    t = load_toml("script.toml")["traditional"]
    return frozenset(t["marks"]), t["min_marks"], t["min_share"]


# Why: a short text holds few of the marks; two of them that make a tenth of its Han characters are no
# stray quoted name (《經濟日報》 in a long simplified page is 2 in hundreds).
_SHORT_LEAST = 2
_SHORT_SHARE = 0.1


def is_traditional(text: str) -> bool:
    """True when `text` is written in traditional characters (a cheap count; nothing is loaded)."""
    marks, least, share = _marks()
    found = sum(1 for c in text if c in marks)
    if found < _SHORT_LEAST:
        return False
    han = sum(1 for c in text if is_han(c))
    if found < least:
        # a sentence or two (全國規模以上工業增加值比上年增長5.7%): few marks, but a tenth of its characters
        return found >= _SHORT_SHARE * max(han, 1)
    return found >= share * max(han, 1)


@cache
def _converter(config: str):
    import opencc  # noqa: PLC0415  (loaded for traditional texts only)

    return opencc.OpenCC(config)


def simplified_shadow(text: str) -> str:
    """`text` with each traditional character replaced by its simplified form, and the variant forms of [variants]
    (﹔ -> ；): same length, same offsets."""
    to_simple = _converter("t2s")
    table = {}
    for c in set(text):
        if is_han(c):
            s = to_simple.convert(c)
            if len(s) == 1 and s != c:
                table[ord(c)] = s
    return text.translate(table).translate(_variants())  # (and the small marks: ﹔ is ；)


@cache
def _variants() -> dict[int, str]:
    return {ord(k): v for k, v in load_toml("script.toml")["variants"].items()}


def variant_shadow(text: str) -> str:
    """`text` with the variant forms a simplified text may write replaced (於 -> 于): same offsets."""
    return text.translate(_variants())


def to_traditional(words: str) -> str:
    return _converter("s2t").convert(words)


NATIONAL = "全国"


def restore(text: str, shadow: str, facts: list[Fact], initiatives: list[Initiative],
            traditional: bool = True) -> tuple[list[Fact], list[Initiative]]:
    """Facts and initiatives read on `shadow`, in the words of `text` (the original); words the text does
    not hold as one run stay as read unless the text is `traditional`."""
    from .facts.ids import span_id  # noqa: PLC0415

    own = _own_forms(text, shadow)

    def words(value: str | None, near: int) -> str | None:
        if not value:
            return value
        at = _nearest(shadow, value, near)
        if at >= 0:
            return text[at:at + len(value)]
        if not traditional:
            return value  # (a variant shadow: the words read are the simplified text's own)
        # words the text does not hold as one run (汽车产量 from 汽車産銷): in the forms the article writes
        # (産, not OpenCC's 產), else OpenCC's
        back = to_traditional(value)
        if len(back) != len(value):
            return back
        return "".join(own.get(s, t) for s, t in zip(value, back))

    out = []
    for f in facts:
        sentence_at = _nearest(shadow, f.sentence, f.start) if f.sentence else -1
        changes = dict(
            id=span_id(f.start, f.end, text[f.start:f.end]), text=text[f.start:f.end],
            metric=words(f.metric, f.start), scope=words(f.scope, f.start),
            # 全国 is the one name of the nation as a subject (中国, 我国 and 全國 all become it)
            subject=f.subject if f.subject == NATIONAL else words(f.subject, f.start),
            versus=words(f.versus, f.start),
            sentence=text[sentence_at:sentence_at + len(f.sentence)] if sentence_at >= 0 else f.sentence,
        )
        if traditional and f.unit and not f.unit.isascii():
            # a measure word as the number writes it (45.04萬頭 counts 頭), as its metric keeps the article's words
            at = shadow.find(f.unit, f.start, f.end)
            if at >= 0:
                changes["unit"] = text[at:at + len(f.unit)]
        if f.period is not None and f.period.text:
            changes["period"] = msgspec.structs.replace(f.period, text=words(f.period.text, f.start))
        out.append(msgspec.structs.replace(f, **changes))
    named = [msgspec.structs.replace(i, name=words(i.name, i.mentions[0].start if i.mentions else 0))
             for i in initiatives]
    return out, named


def _own_forms(text: str, shadow: str) -> dict[str, str]:
    """Each simplified character of the shadow -> the form the article writes it in most often."""
    counts: dict[str, dict[str, int]] = {}
    for o, s in zip(text, shadow):
        if o != s:
            forms = counts.setdefault(s, {})
            forms[o] = forms.get(o, 0) + 1
    return {s: max(forms, key=forms.get) for s, forms in counts.items()}


def _nearest(haystack: str, needle: str, near: int) -> int:
    """The occurrence of `needle` in `haystack` closest before (else after) offset `near`, or -1."""
    before = haystack.rfind(needle, 0, near + len(needle))
    return before if before >= 0 else haystack.find(needle, near)
