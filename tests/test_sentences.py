"""Sentence and clause splitting: offsets point back into the text."""
from hypothesis import given
from hypothesis import strategies as st

from zjnews_extract.text import Piece, index_of, split_clauses, split_sentences


def test_sentences_end_at_full_stops_and_line_breaks():
    text = "标题一行\n第一句，有逗号。第二句！第三句?"
    got = [s.text(text) for s in split_sentences(text)]
    assert got == ["标题一行", "第一句，有逗号", "第二句", "第三句"]


def test_clauses_end_at_commas_semicolons_and_colons():
    text = "全年:甲增长5%,乙增长6%；丙下降1%"
    (sentence,) = split_sentences(text)
    assert [c.text(text) for c in split_clauses(text, sentence)] == ["全年", "甲增长5%", "乙增长6%", "丙下降1%"]


def test_a_space_between_chinese_parts_of_a_headline_splits_clauses():
    text = "营收三百亿元 净利润一百亿"
    (sentence,) = split_sentences(text)
    assert [c.text(text) for c in split_clauses(text, sentence)] == ["营收三百亿元", "净利润一百亿"]


def test_a_space_inside_latin_text_does_not_split():
    text = "GDP growth 5%，其次"
    (sentence,) = split_sentences(text)
    assert split_clauses(text, sentence)[0].text(text) == "GDP growth 5%"


def test_index_of_finds_the_piece_holding_an_offset():
    pieces = [Piece(0, 3), Piece(4, 8), Piece(9, 12)]
    assert index_of(pieces, 5) == 1
    assert index_of(pieces, 0) == 0
    assert index_of(pieces, 11) == 2


@given(st.text(alphabet="甲乙丙，。；：\n 12%", max_size=60))
def test_pieces_are_trimmed_non_empty_slices_in_order(text):
    last = 0
    for s in split_sentences(text):
        assert 0 <= s.start < s.end <= len(text) and s.start >= last
        assert s.text(text) == s.text(text).strip()
        last = s.end
        for c in split_clauses(text, s):
            assert s.start <= c.start < c.end <= s.end
            assert c.text(text).strip() == c.text(text)
