"""Word segmentation: the only module that imports jieba (or rjieba).

The segmenter loads lazily, once, on first use; `warm_up()` does it ahead of time, e.g. once per
worker process. Domain words from data/facts_words.txt join its dictionary once; the initiative
names of one article are kept whole only while that article is read (`keeping_whole`), so no
article changes how another is segmented and a batch gives the same output in any order.
Parts of speech come from jieba's own word-tag table (a dictionary look-up), which is far cheaper
than its HMM tagger and good enough to tell verbs from nouns.

Two engines give the same words and tags: jieba (pure Python, the dependency) and, when it is
installed (`pip install 'zjnews-extract[fast]'`), rjieba, the Rust port with the same dictionary:
about 20x faster, loaded in a quarter of the time, and its dictionary is plain memory that forked
batch workers share untouched. tests/test_segment_engines.py checks both give identical words and
tags on the dev texts. ZJNEWS_EXTRACT_SEGMENTER=jieba (or rjieba) picks one; the default takes
rjieba when it can be imported.
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources

_lock = threading.Lock()
_state: dict = {}
# The current article's names to keep whole, as one alternation pattern (None: none).
_keep: ContextVar = ContextVar("zjnews_extract_keep_whole", default=None)
ENGINE_VARIABLE = "ZJNEWS_EXTRACT_SEGMENTER"
# Tags jieba-rs gives a word that is not in its dictionary (it tells letters from digits); ours come
# from the tag table alone, so for these the dictionary is asked whether the word is in it.
_RUST_DEFAULT_TAGS = frozenset({"x", "m", "eng"})


def _domain_words() -> list[tuple[str, int | None, str | None]]:
    """(word, frequency or None, tag or None) from data/facts_words.txt, in file order."""
    text = resources.files("zjnews_extract.data").joinpath("facts_words.txt").read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        found.append((parts[0], int(parts[1]) if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None))
    return found


def engine_name() -> str:
    """The engine in use (or to be used): "rjieba" or "jieba"."""
    if "engine" in _state:
        return _state["engine"]
    wanted = os.environ.get(ENGINE_VARIABLE, "").strip().lower()
    if wanted not in ("", "auto", "jieba", "rjieba"):
        raise ValueError(f"{ENGINE_VARIABLE} must be jieba or rjieba, not {wanted!r}")
    if wanted == "jieba":
        return "jieba"
    try:
        import rjieba  # noqa: F401, PLC0415
    except ImportError:
        if wanted == "rjieba":
            raise
        return "jieba"
    return "rjieba"


def _load_jieba():
    import jieba  # noqa: PLC0415  (heavy: loaded on first use only)
    import jieba.posseg  # noqa: PLC0415

    jieba.setLogLevel(60)
    jieba.initialize()
    tags = dict(jieba.posseg.dt.word_tag_tab)
    for word, freq, tag in _domain_words():
        jieba.add_word(word, freq)
        if tag:
            tags[word] = tag

    def cut(text: str) -> tuple[tuple[str, str], ...]:
        return tuple((w, tags.get(w, "m" if w[:1].isdigit() else "x")) for w in jieba.lcut(text, HMM=False))

    return cut, tags.__contains__


def _load_rjieba():
    import rjieba  # noqa: PLC0415

    seg = rjieba.Jieba()
    untagged = set()  # domain words added without a tag and not in the dictionary: no tag, as with jieba
    tagged = {}  # domain words with a tag of ours: it wins over the dictionary's (rjieba keeps the old one)
    for word, freq, tag in _domain_words():
        if tag:
            tagged[word] = tag
            untagged.discard(word)
        elif not seg.has_word(word):
            untagged.add(word)
        seg.add_word(word, freq, tag)
    has_word, tag_words, ours = seg.has_word, seg.tag, tagged.get

    def cut(text: str) -> tuple[tuple[str, str], ...]:
        out = []
        for w, t in tag_words(text, False):
            mine = ours(w)
            if mine:
                t = mine
            elif not t or (t in _RUST_DEFAULT_TAGS and not has_word(w)) or w in untagged:
                t = "m" if w[:1].isdigit() else "x"  # jieba's word-tag table has no entry for it
            out.append((w, t))
        return tuple(out)

    def is_word(text: str) -> bool:
        return has_word(text) and text not in untagged

    return cut, is_word


def _load():
    """(cut, is_word) of the engine in use, loaded once."""
    if "cut" in _state:
        return _state["cut"], _state["is_word"]
    with _lock:
        if "cut" not in _state:
            name = engine_name()
            _state["cut"], _state["is_word"] = _load_rjieba() if name == "rjieba" else _load_jieba()
            _state["engine"] = name
    return _state["cut"], _state["is_word"]


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
    return _load()[0](text)


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
    return _load()[1](text)
