"""Line-level chrome rules: which lines of a page are not article text, and why.

The markers live in data/chrome.toml (read once, lazily). The same rules serve
HTML pages (inside the chosen article block too) and pasted page text.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_PROSE = re.compile(r"[，。；！？]|[,;!?]\s")
# An editor mark glued to the end of the last paragraph: "…市场。（责任编辑：吴珂珺）"
_GLUED_EDITOR = re.compile(
    r"\s*[\[【（(]?\s*(?:标签|关键词)?[^。！？]{0,30}?(?:责任编辑|责编)\s*[:：][^。！？]{0,30}$")


@dataclass(frozen=True)
class Rule:
    reason: str
    pattern: re.Pattern
    max_len: int
    prose_ok: bool
    ends: bool


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    data = tomllib.loads(resources.files("zjnews_extract.data").joinpath("chrome.toml").read_text("utf-8"))
    return tuple(
        Rule(reason=r["reason"], pattern=re.compile(r["pattern"]), max_len=int(r.get("max_len", 10_000)),
             prose_ok=bool(r.get("prose_ok", False)), ends=bool(r.get("ends", False)))
        for r in data["rule"]
    )


def reads_as_prose(text: str) -> bool:
    """A line with sentence punctuation: chrome markers that are not decisive leave it alone."""
    return bool(_PROSE.search(text))


def match(text: str) -> Rule | None:
    """The first chrome rule that claims this line, or None for article text."""
    size = len(text)
    prose = None
    for rule in rules():
        if size > rule.max_len:
            continue
        if not rule.prose_ok:
            if prose is None:
                prose = reads_as_prose(text)
            if prose:
                continue
        if rule.pattern.search(text):
            return rule
    return None


def split_glued_editor(text: str) -> tuple[str, str] | None:
    """(paragraph, editor tail) when a long paragraph ends in an editor mark, else None."""
    m = _GLUED_EDITOR.search(text)
    if not m or m.start() < 10:
        return None
    return text[: m.start()].rstrip(), text[m.start():].strip()
