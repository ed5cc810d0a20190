"""jieba and rjieba (the optional accelerator) give identical words, tags and dictionary answers.

facts/words.py uses rjieba when it is installed; every fact depends on the words, so the two
engines must agree exactly: on every line of the dev texts, on each line's stretches that end at a
number (what the metric reader segments), and on whole texts.
"""
import re
from pathlib import Path

import pytest

from zjnews_extract.facts import words

pytest.importorskip("rjieba")

DEV_TEXTS = sorted((Path(__file__).parent / "gold" / "dev" / "texts").glob("*.txt"))
_NUMBER = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿]")


@pytest.fixture(scope="module")
def engines():
    return words._load_jieba(), words._load_rjieba()


def pieces():
    for path in DEV_TEXTS:
        text = path.read_text(encoding="utf-8")
        yield text
        for line in text.splitlines():
            yield line
            for m in _NUMBER.finditer(line):  # the words before each number, as a metric window sees them
                yield line[max(0, m.start() - 24):m.start()]


def test_dev_texts_are_there():
    assert len(DEV_TEXTS) >= 20


def test_identical_words_and_tags(engines):
    (jieba_cut, _), (rust_cut, _) = engines
    checked = 0
    for piece in pieces():
        assert rust_cut(piece) == jieba_cut(piece), piece
        checked += 1
    assert checked > 1000


def test_identical_dictionary_answers(engines):
    (jieba_cut, jieba_is_word), (_, rust_is_word) = engines
    seen = set()
    for path in DEV_TEXTS:
        for word, _ in jieba_cut(path.read_text(encoding="utf-8")):
            seen.add(word)
    # domain words with and without a tag of ours, dictionary words, and strings that are no word
    seen.update(w for w, _, _ in words._domain_words())
    seen.update(["落地", "进出口", "千团万企", "出口增长", "xyz", "2025年", ""])
    for word in sorted(seen):
        assert rust_is_word(word) == jieba_is_word(word), word


def test_engine_choice(monkeypatch):
    monkeypatch.setenv(words.ENGINE_VARIABLE, "jieba")
    monkeypatch.delitem(words._state, "engine", raising=False)
    assert words.engine_name() == "jieba"
    monkeypatch.setenv(words.ENGINE_VARIABLE, "no-such-engine")
    with pytest.raises(ValueError):
        words.engine_name()
