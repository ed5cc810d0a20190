"""Word segmentation: the only module that imports jieba.

jieba loads lazily, once, on first use (about 1 s); `warm_up()` does it ahead of
time, e.g. once per worker process. Domain words from data/facts_words.txt join its
dictionary once; the initiative names of one article are kept whole only while that
article is read (`keeping_whole`), so no article changes how another is segmented and
a batch gives the same output in any order.
Parts of speech come from jieba's own word-tag table (a dictionary look-up), which
is far cheaper than its HMM tagger and good enough to tell verbs from nouns.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources

_lock = threading.Lock()
_state: dict = {}
# The current article's names to keep whole, as one alternation pattern (None: none).
_keep: ContextVar = ContextVar("zjnews_extract_keep_whole", default=None)


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


@contextmanager
def keeping_whole(names, tag: str = "nz"):
    """While the block runs, `words()` keeps these names (an article's initiatives) as one word each."""
    from .names import NameSet  # noqa: PLC0415

    found = NameSet(n for n in names if n and len(n) >= 2)
    token = _keep.set((found, tag) if found else None)
    try:
        yield
    finally:
        _keep.reset(token)


@lru_cache(maxsize=8192)
def _cut(text: str) -> tuple[tuple[str, str], ...]:
    jieba, tags = _load()
    return tuple((w, tags.get(w, "m" if w[:1].isdigit() else "x")) for w in jieba.lcut(text, HMM=False))


def words(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) pairs of a short text; pos is jieba's tag, "x" when unknown."""
    if not text:
        return []
    keep = _keep.get()
    if keep is None:
        return list(_cut(text))
    names, tag = keep
    out: list[tuple[str, str]] = []
    at = 0
    for start, name in names.finditer(text):  # cut around the names, each name one word
        if start > at:
            out.extend(_cut(text[at:start]))
        out.append((name, tag))
        at = start + len(name)
    if at < len(text):
        out.extend(_cut(text[at:]))
    return out


def is_word(text: str) -> bool:
    """True when jieba's dictionary (with the domain words) holds `text` as one word."""
    _, tags = _load()
    return text in tags
