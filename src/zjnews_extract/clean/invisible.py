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


@lru_cache(maxsize=1)
def _invisible() -> re.Pattern[str]:
    data = load_toml("invisible.toml")
    parts = []
    for span in data["ranges"]:
        first, last = (int(code, 16) for code in span.split("-"))
        parts.append(f"{_escape(first)}-{_escape(last)}")
    return re.compile(f"(?:{data['escape_codes']})|[{''.join(parts)}]++")


def _escape(code: int) -> str:
    return f"\\U{code:08x}"


def _shown(sequence: str) -> str:
    """A removed sequence written so it can be read: invisible characters as \\uXXXX, the rest as is."""
    return "".join(ch if ch.isprintable() and ch != "\\" else
                   (f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}") for ch in sequence[:16])


def without_invisible(text: str) -> tuple[str, list[Removed]]:
    """(text, what was removed or replaced) for one page."""
    removed: list[Removed] = []
    if _SURROGATE.search(text):
        text, note = _fix_surrogates(text)
        removed.append(note)
    pattern = _invisible()
    if not pattern.search(text):
        return text, removed
    seen: Counter[str] = Counter()

    def drop(m: re.Match[str]) -> str:
        found = m.group()
        if found[0] in "\x1b\x9b":
            seen[found] += 1
        else:
            for ch in found:
                seen[ch] += 1
        return ""

    text = pattern.sub(drop, text)
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
