"""Line-level chrome rules: which lines of a page are not article text, and why.

The markers live in data/chrome.toml (read once, lazily). The same rules serve
HTML pages (inside the chosen article block too) and pasted page text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_toml

# (a half-width comma right before a Han character is a Chinese comma typed half-width: 2023 年,公司实现营业收入…,
# as PDF copies and many pasted pages write it; 1,234 is no clause, and a semicolon so placed parts tags and
# keywords: 关键词:景区;排行榜)
_PROSE = re.compile(r"[，。；！？]|[,;!?]\s|,(?=[\u4e00-\u9fff])")


# Glued chrome sits in the last characters of a paragraph.
_GLUED_REACH = 80


@dataclass(frozen=True)
class Rule:
    reason: str
    pattern: re.Pattern
    max_len: int
    prose_ok: bool
    ends: bool
    keep_if: re.Pattern | None = None  # a line the rule would claim but that this finds stays text


def _data() -> dict:
    return load_toml("chrome.toml")


@lru_cache(maxsize=1)
def glued_rules() -> tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]:
    """(reason, pattern, words one of which a match holds: an empty tuple asks for none)."""
    return tuple((g["reason"], re.compile(g["pattern"]), tuple(g.get("needs", ()))) for g in _data().get("glued", []))


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    data = _data()
    return tuple(
        Rule(reason=r["reason"], pattern=re.compile(r["pattern"]), max_len=int(r.get("max_len", 10_000)),
             prose_ok=bool(r.get("prose_ok", False)), ends=bool(r.get("ends", False)),
             keep_if=re.compile(r["keep_if"]) if "keep_if" in r else None)
        for r in data["rule"]
    )


def reads_as_prose(text: str) -> bool:
    """A line with sentence punctuation: chrome markers that are not decisive leave it alone."""
    return bool(_PROSE.search(text))


@lru_cache(maxsize=1)
def _longest_rule() -> int:
    return max(r.max_len for r in rules())


@lru_cache(maxsize=8192)  # main-block choice and line filtering ask about the same lines
def match(text: str) -> Rule | None:
    """The first chrome rule that claims this line, or None for article text."""
    size = len(text)
    if size > _longest_rule():
        return None
    prose = None
    for rule in rules():
        if size > rule.max_len:
            continue
        if not rule.prose_ok:
            if prose is None:
                prose = reads_as_prose(text)
            if prose:
                continue
        if rule.pattern.search(text) and not (rule.keep_if and rule.keep_if.search(text)):
            return rule
    return None


def split_glued(text: str) -> tuple[str, str, str] | None:
    """(paragraph, tail, reason) when a paragraph ends in chrome (an editor mark, a home link)."""
    tail = text[-_GLUED_REACH:]
    for reason, pattern, needs in glued_rules():
        if needs and not any(word in tail for word in needs):
            continue  # no match can hold none of them: the search (every position of the tail) is skipped
        m = pattern.search(tail)
        if m:
            cut = len(text) - len(tail) + m.start()
            if cut >= 10:
                return text[:cut].rstrip(), text[cut:].strip(), reason
    return None
