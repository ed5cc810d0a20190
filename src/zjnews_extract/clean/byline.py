"""Reporters, outlet, editor and tags from the lines around an article.

Patterns live in data/byline.toml. Only lines near the article are searched (the
header between headline and body, the first and last paragraphs, and the chrome
lines removed from the article), so a related story's byline is never taken.
A page without a byline gets no author: nothing is invented.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_toml


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern
    last_paragraph_only: bool = False


@dataclass(frozen=True)
class _Lexicon:
    author: tuple[_Pattern, ...]
    source: tuple[_Pattern, ...]
    editor: tuple[_Pattern, ...]
    tags: tuple[_Pattern, ...]
    not_names: frozenset[str]
    affiliation_starts: tuple[str, ...]
    separators: re.Pattern
    source_trailers: tuple[str, ...]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_toml("byline.toml")

    def patterns(key: str) -> tuple[_Pattern, ...]:
        return tuple(_Pattern(re.compile(p["pattern"]), bool(p.get("last_paragraph_only", False)))
                     for p in data.get(key, []))

    names = data["names"]
    return _Lexicon(
        author=patterns("author"), source=patterns("source"), editor=patterns("editor"), tags=patterns("tags"),
        not_names=frozenset(names["not_names"]), affiliation_starts=tuple(names["affiliation_starts"]),
        separators=re.compile(names["separators"]), source_trailers=tuple(names["source_trailers"]),
    )


def _clean_name(name: str, lex: _Lexicon) -> str | None:
    name = name.strip(" ·")
    if re.fullmatch(r"[\u4e00-\u9fff·]+", name) and len(name) > 4:
        for start in lex.affiliation_starts:  # "方敏北京大学…" -> "方敏"
            pos = name.find(start, 2)
            if 2 <= pos <= 4:
                name = name[:pos]
                break
        else:
            return None
    for suffix in ("编译", "整理", "报道", "摄影", "摄"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
    if not name or name in lex.not_names or name.lower() in lex.not_names or re.search(r"\d", name):
        return None
    return name


def find_authors(lines: list[str], last_paragraph: str | None) -> list[str]:
    """Reporters named in the given lines, in order, without repeats."""
    lex = _lexicon()
    found: list[str] = []
    for pattern in lex.author:
        texts = [last_paragraph] if pattern.last_paragraph_only else lines
        for text in texts:
            if not text:
                continue
            for m in pattern.regex.finditer(text):
                for part in lex.separators.split(m.group("names")):
                    name = _clean_name(part, lex)
                    if name and name not in found:
                        found.append(name)
        if found:
            return found
    return found


_ROLE_WORDS = frozenset({"来源", "作者", "记者", "编辑", "责任编辑", "本站", "本网", "网络", "互联网", "未知", "佚名"})


def find_source(lines: list[str]) -> str | None:
    """The outlet named by 来源 (or printed beside the dateline)."""
    lex = _lexicon()
    for pattern in lex.source:
        for text in lines:
            m = pattern.regex.search(text)
            if not m:
                continue
            # "中国新闻网2011年06月19日17:49": a dateline glued to the outlet is not part of it
            source = re.split(r"\d{4}\s*[-年/.]", m.group("source"))[0].strip(" ·-")
            for trailer in lex.source_trailers:
                if source.endswith(trailer) and len(source) > len(trailer) + 1:
                    source = source[: -len(trailer)]
                cut = source.find(trailer)
                if cut >= 2:
                    source = source[:cut]
            source = re.sub(r"[(（][^)）]{1,6}[)）]$", "", source).strip(" ·-")
            if len(source) >= 2 and source not in _ROLE_WORDS:
                return source
    return None


def find_editor(lines: list[str]) -> str | None:
    lex = _lexicon()
    for pattern in lex.editor:
        for text in lines:
            m = pattern.regex.search(text)
            if m:
                editor = m.group("editor").strip()
                if editor and editor not in lex.not_names:
                    return editor
    return None


def find_tags(lines: list[str]) -> list[str]:
    lex = _lexicon()
    for pattern in lex.tags:
        for text in lines:
            m = pattern.regex.search(text)
            if m:
                tags = [t.strip() for t in re.split(r"[;；,，、\s|]+", m.group("tags")) if t.strip()]
                tags = [t for t in tags if len(t) <= 20 and re.search(r"[\w\u4e00-\u9fff]", t)]
                if tags:
                    return tags
    return []
