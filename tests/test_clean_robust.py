"""Hostile input: every case gives a CleanedPage or an InputError, quickly; nothing is fetched or expanded."""
from __future__ import annotations

import os
import time

import pytest

from zjnews_extract.clean import clean_page
from zjnews_extract.errors import InputError
from zjnews_extract.records import CleanedPage

ARTICLE = "<p>深层嵌套页面中的新闻正文，测试解析器不会崩溃。</p>"

CASES = {
    "empty": b"",
    "blank text": " \n\t ",
    "random bytes": os.urandom(4096),
    "png header": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
    "truncated": "<html><body><div><p>这是一段被截断的新闻，内容很重要。记者 张".encode(),
    "no body": b"<html><head><title>t</title></head></html>",
    "deep nesting": ("<div>" * 10000 + ARTICLE + "</div>" * 10000).encode(),
    "billion laughs": (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        "<html><body><p>&lol3;</p>" + ARTICLE + "</body></html>").encode(),
    "external entity": ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                        "<html><body><p>&x;</p>" + ARTICLE + "</body></html>").encode(),
    "bad gbk bytes": ('<meta charset="gbk">' + ARTICLE).encode("gb18030") + b"\x81\xff\xfe",
    "bad big5 bytes": ('<meta charset="big5">' + "<p>香港特區政府今日公布數據，出口上升。</p>").encode("big5") + b"\xff\x80",
    "lying charset": ('<meta charset="shift_jis">' + ARTICLE).encode("utf-8"),
    "unknown charset": ('<meta charset="x-no-such-codec">' + ARTICLE).encode("gb18030"),
    "nul bytes in text": "<p>正文\x00内容，测试。</p>".encode(),
    "unclosed scripts": ("<html><body>" + "<script>" * 300_000 + "<p>正文，内容。</p>").encode(),
    "doctype flood": ("<!DOCTYPE x [" * 6000 + "<p>正文，内容。</p>").encode(),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_is_handled(name):
    t0 = time.perf_counter()
    try:
        result = clean_page(CASES[name])
        assert isinstance(result, CleanedPage)
    except InputError as exc:
        assert str(exc)
    assert time.perf_counter() - t0 < 5


def test_entities_are_never_expanded_or_resolved():
    for name in ("billion laughs", "external entity"):
        page = clean_page(CASES[name])
        assert "lollol" not in page.text and "root:" not in page.text
        assert "测试解析器不会崩溃" in page.text


@pytest.mark.parametrize("bad", [None, 42, 3.5, object(), [], [42]])
def test_wrong_types_raise_input_error(bad):
    with pytest.raises(InputError):
        clean_page(bad)


def test_a_large_page_is_cleaned():
    para = "<p>这是一个用来测试大页面的段落，内容没有意义，只是为了长度。</p>"
    big = ("<html><body><div>" + "<a href='/x'>导航</a>" * 2000 + "</div><div>" + para * 20000 + "</div></body></html>")
    page = clean_page(big.encode())
    assert page.text.count("测试大页面") > 1000


def test_nesting_past_the_parser_limit_still_gives_the_text():
    page = clean_page(CASES["deep nesting"])
    assert "测试解析器不会崩溃" in page.text


def test_a_page_with_text_only_in_scripts_is_an_empty_page():
    page = clean_page(b"<html><head><script>var s = '\xe6\xb5\x99\xe6\xb1\x9f';</script></head><body></body></html>")
    assert page.text == ""


def test_a_page_cut_for_length_says_so_in_the_removal_log():
    from zjnews_extract.clean import clean_page

    sentence = "全省出口增长5.5%,高于全国0.5个百分点。"
    page = "<html><body>" + "".join(f"<p>{sentence}</p>" for _ in range(120_000)) + "</body></html>"
    cleaned = clean_page(page)
    notes = [r for r in cleaned.removed if r.reason.startswith("page cut at")]
    assert len(notes) == 1 and "more not read" in notes[0].reason


def test_pages_of_one_article_give_one_document():
    import zjnews_extract

    def page(n: int, body: str) -> bytes:
        return ("<html><head><title>全省外贸稳中有进_新闻中心</title></head><body><h1>全省外贸稳中有进</h1>"
                f"<div class='content'><p>{body}</p><p>本文共2页</p></div></body></html>").encode("gb18030")

    first = page(1, "今年前三季度，全省进出口总额3.6万亿元，同比增长5.1%，规模居全国第三位，其中出口2.7万亿元。")
    second = page(2, "同期，全省跨境电商进出口额增长12.4%，占全省外贸比重提高到9.8%，新增外贸企业1.2万家。")
    doc = zjnews_extract.extract([first, second], published="2025-10-20")
    assert doc.text.count("全省外贸稳中有进") == 1
    assert "3.6万亿元" in doc.text and "9.8%" in doc.text
    assert doc.text.index("3.6万亿元") < doc.text.index("9.8%")
    assert {f.text for f in doc.facts} >= {"3.6万亿元", "12.4%", "9.8%"}
    assert all(doc.text[f.start:f.end] == f.text for f in doc.facts)
