"""Word segmentation: the only module that imports jieba.

jieba loads lazily, once, on first use (about 1 s); `warm_up()` does it ahead of
time, e.g. once per worker process. Domain words from data/facts_words.txt and the
initiative names found in an article are added to its dictionary so they stay whole.
Parts of speech come from jieba's own word-tag table (a dictionary look-up), which
is far cheaper than its HMM tagger and good enough to tell verbs from nouns.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources

_lock = threading.Lock()
_state: dict = {}


def _load():
    if "jieba" in _state:
        return _state["jieba"], _state["tags"]
    with _lock:
        if "jieba" not in _state:
            import jieba  # noqa: PLC0415  (heavy: loaded on first use only)
            import jieba.posseg  # noqa: PLC0415

            jieba.setLogLevel(60)
            jieba.initialize()
            tags = dict(jieba.posseg.dt.word_tag_tab)
            text = resources.files("zjnews_extract.data").joinpath("facts_words.txt").read_text(encoding="utf-8")
            for line in text.splitlines():
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                parts = line.split()
                word, freq = parts[0], int(parts[1]) if len(parts) > 1 else None
                jieba.add_word(word, freq)
                if len(parts) > 2:
                    tags[word] = parts[2]
            _state["tags"] = tags
            _state["jieba"] = jieba
    return _state["jieba"], _state["tags"]


def warm_up() -> None:
    """Load jieba and the domain dictionary now."""
    _load()


def add_words(words, tag: str = "nz") -> None:
    """Keep these names whole from now on (initiatives found in an article)."""
    jieba, tags = _load()
    new = [w for w in words if w and len(w) >= 2 and w not in tags]
    for w in new:
        jieba.add_word(w, 2000)
        tags[w] = tag
    if new:
        _cut.cache_clear()


@lru_cache(maxsize=8192)
def _cut(text: str) -> tuple[tuple[str, str], ...]:
    jieba, tags = _load()
    return tuple((w, tags.get(w, "m" if w[:1].isdigit() else "x")) for w in jieba.lcut(text, HMM=False))


def words(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) pairs of a short text; pos is jieba's tag, "x" when unknown."""
    return list(_cut(text)) if text else []
