"""The facts stage's incremental helpers give exactly what the plain rescans gave."""
from __future__ import annotations

import random
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from zjnews_extract.facts.status import StatusCues, _status_words, status_of
from zjnews_extract.facts.lexicon import cues

# Cue words, deny words that contain them, their pieces and fillers: the overlaps are the hard part.
_STATUS = cues()["status"]
_PIECES = (list(_STATUS["strong"]) + list(_STATUS["weak"]) + list(_STATUS["deny"])
           + ["主", "近", "计", "划", "完成", "年度", "预", "期", "超", "，", "5%", "全省", "增长"])


def _cues_by_rescan(sentence: str, offset: int) -> tuple[bool, bool]:
    strong, weak, deny = _status_words()
    before = deny.sub("", sentence[:offset])
    return bool(strong.search(before)), bool(weak.search(before))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.integers(0, 3))
def test_status_cues_match_a_rescan_of_every_prefix(pieces, lead):
    text = "。" * lead + "".join(pieces)
    cues_ = StatusCues(text, lead, len(text))
    for offset in range(lead, len(text) + 1):
        assert cues_.before(offset) == _cues_by_rescan(text[lead:], offset - lead), (text, offset)


def test_a_deny_word_cut_by_the_number_is_not_blanked():
    # 将近 is not a cue, but a number starting at 近 leaves 将 alone before it, as status_of read it
    text = "全省将近30万"
    cues_ = StatusCues(text, 0, len(text))
    assert cues_.before(3) == _cues_by_rescan(text, 3) == (False, True)
    assert cues_.before(4) == (False, False)
    assert status_of(text[:4], None, None) == "actual"


def test_status_cues_on_a_long_sentence_are_the_rescan_results():
    rng = random.Random(3)
    text = "".join(rng.choice(_PIECES) for _ in range(3000))
    cues_ = StatusCues(text, 0, len(text))
    for offset in rng.sample(range(len(text)), 200):
        assert cues_.before(offset) == _cues_by_rescan(text, offset)


def _by_find(text: str, name: str) -> list[int]:
    out, start = [], text.find(name)
    while start >= 0:
        out.append(start)
        start = text.find(name, start + len(name))
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["直播", "+", "平台", "海外仓", "世园会", "杭州", "，"]), max_size=40),
       st.lists(st.sampled_from(["直播+平台", "直播+平台+海外仓", "平台", "台+海", "杭州世园会", "世园会",
                                 "平台平台", "直播"]), min_size=1, max_size=5, unique=True))
def test_one_scan_finds_what_a_find_per_name_finds(pieces, names):
    from zjnews_extract.facts.initiatives import _occurrences

    text = "".join(pieces)
    expected = {n: _by_find(text, n) for n in names}
    assert _occurrences(text, names) == expected
    with patch("zjnews_extract.facts.initiatives.SMALL", 0):  # the one-scan path for many names
        assert _occurrences(text, names) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["直播", "+", "平台", "海外仓", "世园会", "杭州", "，", "A"]), max_size=40),
       st.lists(st.sampled_from(["直播+平台", "直播+平台+海外仓", "平台", "台+海", "杭州世园会", "世园会",
                                 "平台平台", "直播", "A+"]), max_size=5, unique=True))
def test_name_set_finds_what_a_longest_first_alternation_finds(pieces, names):
    import regex

    from zjnews_extract.facts.names import NameSet

    text = "".join(pieces)
    expected = []
    if names:
        alternation = regex.compile("|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True)))
        expected = [(m.start(), m.group()) for m in alternation.finditer(text)]
    assert list(NameSet(names).finditer(text)) == expected
    with patch("zjnews_extract.facts.names.SMALL", 0):  # the set look-ups used for many names
        assert list(NameSet(names).finditer(text)) == expected


def test_a_sentence_without_full_stops_is_carried_as_a_window():
    from datetime import date

    from zjnews_extract.facts import find_facts

    text = "全省出口额1234.5亿元,增长12.5%," * 400  # one 9,600-character sentence, 800 facts
    facts, _ = find_facts(text, published=date(2025, 6, 1))
    assert len(facts) == 800
    for fact in facts:
        assert len(fact.sentence) <= 600 + len(fact.text) and fact.text in fact.sentence
