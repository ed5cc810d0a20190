"""The article's candidate lines -> kept paragraphs and a log of what went, and why.

Applies the chrome rules line by line, splits an editor mark glued to the last
paragraph, drops link lists, notes where the article ends (editor, tags,
copyright) so the menus after it go too, and drops a summary repeated at the end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Removed
from . import chrome
from .removed import RemovedLog

_SQUASH = re.compile(r"\s+")
# A line after the article's end is kept only if it reads as real prose of this length.
_MIN_PROSE_AFTER_END = 15
# A paragraph this long after an end marker shows the marker stood above the body (a summary, its
# keywords and an empty 作者简介 line, then the article): what follows it is the article again.
_MIN_BODY_AFTER_FALSE_END = 60
# Repeats shorter than this are too common to call a repeated summary.
_MIN_REPEAT = 12
# Only the last few lines can be a repeated summary; the body itself may repeat a phrase.
_MAX_TRAILING_REPEATS = 3


# Removed lines that carry metadata (a disclaimer's "原作者" is nobody's byline).
_METADATA_REASONS = frozenset({"dateline", "source-line", "page-info", "byline", "editor", "tags"})


def squash(text: str) -> str:
    return _SQUASH.sub("", text)


@dataclass
class Filtered:
    kept: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    chrome_lines: list[str] = field(default_factory=list)  # removed datelines, bylines, editor and tag lines
    notices: list[str] = field(default_factory=list)  # copyright notices: "本文为百略网授权…" names the outlet


def filter_lines(lines: list[tuple[str, int]], headline: str | None) -> Filtered:
    """`lines` are (text, link characters); the headline is dropped here and shown once on top."""
    out = Filtered()
    log = RemovedLog()
    head = squash(headline) if headline else ""
    seen_body = False
    ended = False
    for text, link_chars in lines:
        text = text.strip()
        if not text:
            continue
        flat = squash(text)
        if head and (flat == head or (not seen_body and len(flat) >= 4 and flat in head)):
            log.add(text, "headline")
            continue
        if link_chars and link_chars >= 0.5 * len(flat):
            log.add(text, "links")
            continue
        rule = chrome.match(text)
        if rule is not None:
            log.add(text, rule.reason)
            if rule.reason in _METADATA_REASONS:
                out.chrome_lines.append(text)
            elif rule.reason == "copyright":
                out.notices.append(text)
            ended = ended or (rule.ends and seen_body)
            continue
        prose = chrome.reads_as_prose(text) and len(flat) >= _MIN_PROSE_AFTER_END
        if ended and not prose:
            log.add(text, "after article end")
            continue
        if ended and len(flat) >= _MIN_BODY_AFTER_FALSE_END:
            ended = False  # 内容摘要 … 作者简介: … then the body: a whole paragraph says the article goes on
        glued = chrome.split_glued(text) if prose else None
        if glued:
            text, tail, reason = glued
            log.add(tail, reason)
            out.chrome_lines.append(tail)
        log.cut()  # a kept line ends the run of removed lines before it
        out.kept.append(text)
        seen_body = seen_body or prose
    out.removed = log.entries()
    _drop_trailing_repeats(out)
    return out


def _drop_trailing_repeats(out: Filtered) -> None:
    """A summary printed again at the bottom of the page is not a new paragraph."""
    repeats: list[str] = []
    for _ in range(_MAX_TRAILING_REPEATS):
        if len(out.kept) < 2:
            break
        last = squash(out.kept[-1])
        if len(last) < _MIN_REPEAT or not any(last in squash(t) for t in out.kept[:-1]):
            break
        repeats.append(out.kept.pop())
    if repeats:  # one entry, in page order
        out.removed.append(Removed(text="\n".join(reversed(repeats)), reason="repeated"))
