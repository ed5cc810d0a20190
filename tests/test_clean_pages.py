"""Golden expectations on real pages copied from the corpus (fixtures/pages/expected.json)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from zjnews_extract.clean import clean_page

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
EXPECTED = {k: v for k, v in json.loads((PAGES / "expected.json").read_text("utf-8")).items() if not k.startswith("_")}


def squash(text) -> str:
    return re.sub(r"\s+", "", text or "")


@pytest.fixture(scope="module")
def cleaned():
    return {name: clean_page((PAGES / name).read_bytes()) for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_main_text(cleaned, name):
    page, want = cleaned[name], EXPECTED[name]
    text = squash(page.text)
    assert page.text.split("\n")[0] == page.title, "the headline is the first line"
    for snippet in want["with"]:
        assert squash(snippet) in text, f"lost from the article: {snippet}"
    for snippet in want["without"]:
        assert squash(snippet) not in text, f"chrome left in the article: {snippet}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_metadata(cleaned, name):
    page, want = cleaned[name], EXPECTED[name]
    assert squash(page.title) == squash(want["title"])
    published = want["published"]
    assert page.published is not None and page.published[:10] == published[:10]
    if "T" in published:
        assert page.published == published
    assert page.authors == want["authors"]
    if "source" in want:
        assert page.source == want["source"]
    if "editor" in want:
        assert page.editor == want["editor"]
    assert page.encoding == want["encoding"]
    if "encoding_method" in want:
        assert page.encoding_method == want["encoding_method"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_removal_is_logged_with_a_reason(cleaned, name):
    page, want = cleaned[name], EXPECTED[name]
    reasons = {r.reason for r in page.removed}
    assert set(want["removed"]) <= reasons
    assert all(r.text and r.reason for r in page.removed)


def test_the_pages_of_one_article_give_one_document():
    first = "<html><body><h1>浙江发布统计数据</h1><div><p>第一页的正文，说明了今年的进出口情况。</p></div></body></html>"
    second = "<html><body><h1>浙江发布统计数据</h1><div><p>第二页的正文，说明了消费市场的变化。</p></div></body></html>"
    page = clean_page([first, second.encode("utf-8")])
    assert page.title == "浙江发布统计数据"
    assert page.text.split("\n") == ["浙江发布统计数据", "第一页的正文，说明了今年的进出口情况。",
                                     "第二页的正文，说明了消费市场的变化。"]
