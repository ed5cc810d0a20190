"""Issue 12, wrong or lost content and errors that escape: each test is named after the line it checks."""
from __future__ import annotations

import datetime as dt

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zjnews_extract
from zjnews_extract import ExtractError, InputError
from zjnews_extract.batch import extract_many

SENTENCE = "浙江省2025年出口5.5万亿元，同比增长7.2%。全年外贸稳中有进，结构持续优化。"


def _html(body: str, title: str = "浙江外贸稳中有进") -> str:
    return f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"


def _facts(doc) -> list[tuple[str, float | None]]:
    return [(f.text, f.value) for f in doc.facts]


def _spans_hold(doc) -> bool:
    return all(doc.text[f.start:f.end] == f.text for f in doc.facts)


# --- invisible characters -------------------------------------------------------------------------------

@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e",
                                       "\u202e", "\x1b", "\x7f", "\x9b", "\U000e0041"])
@pytest.mark.parametrize("as_html", [False, True])
def test_zero_width_characters_inside_a_number_do_not_change_its_value(invisible, as_html):
    # (a NUL is not in the list: in text that is not HTML it marks a binary file, and is refused)
    text = f"浙江省2025年出口5{invisible}.5万亿元，同比增长7{invisible}.2%。全年外贸稳中有进，结构持续优化。" + "外贸结构持续优化。" * 6
    doc = zjnews_extract.extract(_html(f"<p>{text}</p>") if as_html else text)
    assert _facts(doc)[:2] == [("5.5万亿元", 5.5e12), ("7.2%", 7.2)]
    assert invisible not in doc.text and _spans_hold(doc)
    assert [r.reason for r in doc.removed].count("invisible characters") == 1


@pytest.mark.parametrize("as_html", [False, True])
def test_ansi_escape_codes_in_a_title_are_no_fact(as_html):
    title = "\x1b[1;31m浙江外贸稳中有进\x1b[0m"
    page = (_html(f"<p>{SENTENCE}</p>", title=title) if as_html
            else f"{title}\n2026-01-21 20:27:38 来源：浙江在线\n{SENTENCE}\n")
    doc = zjnews_extract.extract(page)
    assert doc.title == "浙江外贸稳中有进"
    assert _facts(doc) == [("5.5万亿元", 5.5e12), ("7.2%", 7.2)]  # no 1, 31 or 0 from the escape codes
    assert "\x1b" not in doc.text and "[0m" not in doc.text and _spans_hold(doc)
    note = next(r for r in doc.removed if r.reason == "invisible characters")
    assert "[1;31m" in note.text and "[0m" in note.text  # said, not silent


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("a文\n\t\x00\x1f\x7f\x85\xad\u200b\u2060\ufe0f\ufeff\U000e0041\U000e007f"
                                         "\U000e0080\U0001f600\U00010000\uffff"), max_size=30))
def test_invisible_check_by_parts_is_the_whole_class(text):
    """The fast check (characters below U+10000 as one table, the rest only where their UTF-8 lead byte
    is) finds exactly what the whole class finds."""
    from zjnews_extract.clean import invisible

    assert invisible._has_invisible(text, text.encode("utf-8")) == bool(invisible._any_character().search(text))


def test_invisible_characters_are_removed_before_spans_so_spans_point_into_the_text_as_returned():
    doc = zjnews_extract.extract("出口\u200b增长\u200d5.5\u2060%，进口增长\x1b[32m3.1%\x1b[0m。" * 3)
    assert doc.facts and _spans_hold(doc)
    assert all(ch not in doc.text for ch in "\u200b\u200d\u2060\x1b")


# --- lone surrogates ------------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["\ud800", "\udfff", "\udce9", "\ud83d"])
def test_a_lone_surrogate_is_replaced_by_a_recorded_replacement_and_the_document_encodes(bad):
    doc = zjnews_extract.extract(f"{SENTENCE}{bad}出口增长3%。")
    msgspec.json.encode(doc).decode("utf-8")  # writes as UTF-8 JSON: no failure far from the cause
    assert bad not in doc.text and "\ufffd" in doc.text
    assert any(r.reason == "not Unicode text" and "replaced" in r.text for r in doc.removed)
    assert _spans_hold(doc)


def test_a_surrogate_pair_becomes_the_character_it_encodes():
    doc = zjnews_extract.extract(SENTENCE + "\ud83d\ude00")
    assert doc.text.endswith("\U0001f600") and "\ufffd" not in doc.text


def test_a_lone_surrogate_in_url_or_doc_id_is_the_librarys_input_error():
    with pytest.raises(InputError):
        zjnews_extract.extract(SENTENCE, url="http://x/\ud800")


# --- a 2 MB data: URI -----------------------------------------------------------------------------------

def test_a_two_megabyte_data_uri_attribute_inside_the_article_does_not_cut_it():
    blob = "data:image/png;base64," + "iVBORw0KGgo" * 190_000  # 2 MB
    second = "新兴市场出口占比提高到百分之六十，民营企业出口增长百分之九。" * 4
    page = _html(f'<div class="article"><p>{SENTENCE * 3}</p><p><img src="{blob}" alt="图"></p><p>{second}</p></div>')
    assert len(page) > 2_000_000
    doc = zjnews_extract.extract(page)
    assert doc.text.endswith(second) and SENTENCE in doc.text
    assert not any("page cut" in r.reason for r in doc.removed)


# --- BeautifulSoup ----------------------------------------------------------------------------------------

def test_extract_accepts_a_beautifulsoup_object_and_a_tag():
    bs4 = pytest.importorskip("bs4")
    html = _html(f'<div class="main"><p>{SENTENCE}</p></div><div class="footer">版权所有</div>')
    html = html.replace("<head>", '<head><meta charset="gbk">')
    from_text = zjnews_extract.extract(html)
    soup = bs4.BeautifulSoup(html.encode("gbk"), "lxml")
    from_soup = zjnews_extract.extract(soup)
    assert from_soup.text == from_text.text and _facts(from_soup) == _facts(from_text)
    assert (from_soup.encoding, from_soup.encoding_method) == ("gbk", "beautifulsoup")
    from_tag = zjnews_extract.extract(soup.find("div", class_="main"))
    assert _facts(from_tag) == _facts(from_text) and "版权所有" not in from_tag.text


def test_importing_the_package_does_not_import_bs4():
    import subprocess
    import sys

    code = ("import sys, zjnews_extract; from zjnews_extract.clean import clean_page; "
            "clean_page('<p>出口增长5%。</p>'); clean_page(b'2025'); print('bs4' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# --- errors that escape ---------------------------------------------------------------------------------

@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", dt.date(9999, 12, 31), dt.date(1, 1, 1),
                                       dt.datetime(9999, 12, 31, 23, 59)])
def test_out_of_range_published_dates_are_the_librarys_input_error(published):
    with pytest.raises(InputError, match="out of range"):
        zjnews_extract.extract("明年浙江省出口5.5万亿元，去年增长7.2%。", published=published)


def test_an_out_of_range_date_on_the_page_itself_is_ignored():
    page = _html(f"<p>{SENTENCE}</p>").replace("<head>", '<head><meta name="pubdate" content="9999-12-31">')
    doc = zjnews_extract.extract(page)
    assert _facts(doc)[:1] == [("5.5万亿元", 5.5e12)]


@pytest.mark.parametrize("kwargs", [{"url": 123}, {"url": b"http://x"}, {"charset": 5}, {"published": 20260121},
                                    {"published": ["2026-01-21"]}])
def test_url_123_and_other_wrong_argument_types_are_the_librarys_input_error(kwargs):
    with pytest.raises(InputError):
        zjnews_extract.extract(SENTENCE, **kwargs)


def test_a_failure_inside_extract_leaves_as_the_librarys_internal_error(monkeypatch):
    import zjnews_extract.pipeline as pipeline

    def broken(*args, **kwargs):
        raise KeyError("a bug in some stage")

    monkeypatch.setattr(pipeline, "find_facts", broken)
    with pytest.raises(zjnews_extract.InternalError) as caught:
        zjnews_extract.extract(SENTENCE)
    assert isinstance(caught.value, ExtractError) and isinstance(caught.value.__cause__, KeyError)


def test_extract_many_with_dicts_lacking_doc_id_names_them_by_their_place():
    items = [{"html": SENTENCE}, {"text": SENTENCE, "url": "http://x/1"}, {"text": None}, 42, {"doc_id": "k", "text": "出口增长3%。"}]
    out = list(extract_many(items, workers=0))
    assert [o.doc_id for o in out] == ["#0", "http://x/1", "#2", "#3", "k"]
    assert [o.ok for o in out] == [True, True, False, False, True]
    assert out[0].document.facts and out[3].error["type"] == "InputError"


@pytest.mark.parametrize("kwargs", [{"workers": -1}, {"workers": 1.5}, {"timeout": 0}, {"timeout": -3},
                                    {"output": "xml"}, {"published": "someday"}, {"max_bytes": 0}])
def test_extract_many_refuses_bad_settings_with_the_librarys_input_error(kwargs):
    with pytest.raises(InputError):
        list(extract_many([{"text": SENTENCE}], **kwargs))


def test_extract_many_lets_out_only_the_librarys_errors_when_the_items_themselves_fail():
    def items():
        yield {"text": SENTENCE}
        raise OSError("the crawl database went away")

    with pytest.raises(InputError, match="went away"):
        list(extract_many(items(), workers=0))
    with pytest.raises(InputError):
        list(extract_many(42, workers=0))


_VALUES = st.one_of(st.none(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20), st.binary(max_size=20),
                    st.lists(st.integers(), max_size=2), st.dates(), st.booleans())


@settings(max_examples=60, deadline=None)
@given(source=st.one_of(st.text(max_size=60), st.binary(max_size=60), _VALUES), url=_VALUES, published=_VALUES,
       charset=_VALUES)
def test_only_the_librarys_own_error_types_leave_extract(source, url, published, charset):
    try:
        doc = zjnews_extract.extract(source, url=url, published=published, charset=charset)
    except ExtractError:
        return
    msgspec.json.encode(doc).decode("utf-8")
    assert _spans_hold(doc)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.one_of(_VALUES, st.dictionaries(st.sampled_from(["doc_id", "html", "text", "url", "published"]),
                                                  _VALUES, max_size=4)), max_size=4))
def test_only_the_librarys_own_error_types_leave_extract_many(items):
    out = list(extract_many(items, workers=0, output="json"))
    assert len(out) == len(items)
    for outcome in out:
        outcome.data.encode("utf-8")
