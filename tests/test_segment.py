"""Segmentation keeps an article's initiative names whole for that article only."""
from datetime import date

from zjnews_extract.facts import find_facts
from zjnews_extract.facts import words as segment

NAME = "千团万企拓市场争订单"
ARTICLE = f"2025年，浙江深化“{NAME}”行动，组织4637个团组赴境外参展。"


def test_names_are_whole_inside_their_article_only():
    _, initiatives = find_facts(ARTICLE, published=date(2026, 1, 21))
    assert NAME in [i.name for i in initiatives]
    with segment.keeping_whole([NAME]):
        assert (NAME, "nz") in segment.words(f"推进{NAME}行动")
    # another article read afterwards is segmented as if this one had never been read
    assert NAME not in [w for w, _ in segment.words(f"推进{NAME}行动")]


def test_output_does_not_depend_on_what_was_read_before():
    other = f"全省推进{NAME}工作，出口增长7.2%。"
    first = find_facts(other, published=date(2026, 1, 21))
    find_facts(ARTICLE, published=date(2026, 1, 21))
    assert find_facts(other, published=date(2026, 1, 21)) == first
