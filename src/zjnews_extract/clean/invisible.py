"""Text as read -> text without invisible characters and with only encodable characters.

Runs on every page before anything reads it (HTML and pasted text alike), so Document.text never
holds a zero-width space, a control character or a terminal escape code, and every span points
into the text as returned. The characters are listed in data/invisible.toml. Lone surrogates (a
str that is not Unicode text: it cannot be written as UTF-8) become U+FFFD; a surrogate pair
becomes the character it encodes. Both changes are reported as Removed entries, never silent.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..data import load_toml
from ..records import Removed

_SURROGATE = re.compile("[\ud800-\udfff]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_SHOWN_KINDS = 12  # distinct removed sequences named in the log entry


@lru_cache(maxsize=1)
def escape_codes() -> re.Pattern[str]:
    """Terminal escape codes alone (a coloured log is text, though its ESC bytes are control characters)."""
    return re.compile(load_toml("invisible.toml")["escape_codes"])


def _ranges() -> list[tuple[int, int]]:
    return [tuple(int(code, 16) for code in span.split("-")) for span in load_toml("invisible.toml")["ranges"]]


def _class(ranges) -> str:
    return "[" + "".join(f"{_escape(first)}-{_escape(last)}" for first, last in ranges) + "]"


@lru_cache(maxsize=1)
def _characters() -> str:
    """The listed characters as one character class."""
    return _class(_ranges())


@lru_cache(maxsize=1)
def _any_character() -> re.Pattern[str]:
    """One of them: a bare class, searched in one fast pass over a page, which is all most pages need
    (escape codes, which start with one of these characters, are looked at only then)."""
    return re.compile(_characters())


@lru_cache(maxsize=1)
def _any_bmp_character() -> re.Pattern[str] | None:
    """One of those below U+10000: `re` tests such a class with one table look-up a character (a class
    that reaches past U+FFFF is a list of ranges tried in turn, half again as slow over a page)."""
    bmp = [(first, min(last, 0xFFFF)) for first, last in _ranges() if first <= 0xFFFF]
    return re.compile(_class(bmp)) if bmp else None


@lru_cache(maxsize=1)
def _astral_leads() -> tuple[bytes, ...]:
    """The first UTF-8 bytes of the listed characters past U+FFFF (F3 for the tag characters): a page
    whose UTF-8 lacks them all holds none of those characters (one memchr a byte)."""
    leads = set()
    for first, last in _ranges():
        if last >= 0x10000:  # a 4-byte sequence starts with F0 + the code point's top bits
            leads.update(bytes([0xF0 + top]) for top in range(max(first, 0x10000) >> 18, (last >> 18) + 1))
    return tuple(sorted(leads))


def _has_invisible(text: str, utf8: bytes | None) -> bool:
    """Whether the page holds any listed character; `utf8` is its UTF-8, when at hand."""
    if utf8 is None:
        return bool(_any_character().search(text))
    bmp = _any_bmp_character()
    if bmp is not None and bmp.search(text):
        return True
    return any(lead in utf8 for lead in _astral_leads()) and bool(_any_character().search(text))


@lru_cache(maxsize=1)
def _runs() -> re.Pattern[str]:
    return re.compile(_characters() + "+")


def _escape(code: int) -> str:
    return f"\\U{code:08x}"


def _shown(sequence: str) -> str:
    """A removed sequence written so it can be read: invisible characters as \\uXXXX, the rest as is."""
    return "".join(ch if ch.isprintable() and ch != "\\" else
                   (f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}") for ch in sequence[:16])


def without_invisible(text: str, *, utf8: bytes | None = None) -> tuple[str, list[Removed]]:
    """(text, what was removed or replaced) for one page; `utf8` is the page's UTF-8 when the caller
    has it (bytes it decoded as strict UTF-8), which spares encoding the page again."""
    removed: list[Removed] = []
    if utf8 is None:
        try:
            utf8 = text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates (a pair is no better: UTF-8 has no place for it)
            text, note = _fix_surrogates(text)
            removed.append(note)
    if not _has_invisible(text, utf8):
        return text, removed
    seen: Counter[str] = Counter()

    def drop_code(m: re.Match[str]) -> str:
        seen[m.group()] += 1
        return ""

    def drop_characters(m: re.Match[str]) -> str:
        seen.update(m.group())
        return ""

    if "\x1b" in text or "\x9b" in text:
        text = escape_codes().sub(drop_code, text)
    text = _runs().sub(drop_characters, text)
    listed = ", ".join(f"{_shown(s)} ×{n}" for s, n in seen.most_common(_SHOWN_KINDS))
    more = f", and {len(seen) - _SHOWN_KINDS} more kinds" if len(seen) > _SHOWN_KINDS else ""
    removed.append(Removed(text=listed + more, reason="invisible characters"))
    return text, removed


def _fix_surrogates(text: str) -> tuple[str, Removed]:
    pairs = 0

    def join(m: re.Match[str]) -> str:
        nonlocal pairs
        pairs += 1
        return m.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le")

    text = _PAIR.sub(join, text)
    lone: Counter[str] = Counter(_SURROGATE.findall(text))
    text = _SURROGATE.sub("\ufffd", text)
    listed = ", ".join(f"{_shown(s)} ×{n}" for s, n in lone.most_common(_SHOWN_KINDS))
    parts = [f"{sum(lone.values())} lone surrogates replaced by \\ufffd ({listed})"] if lone else []
    if pairs:
        parts.append(f"{pairs} surrogate pairs joined into their characters")
    return text, Removed(text="; ".join(parts), reason="not Unicode text")
