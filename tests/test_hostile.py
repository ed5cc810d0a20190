"""Hostile and broken input: every item ends as a record or an error record; never a crash, a hang, a fetch.

Plus property tests: extract() lets out nothing but ExtractError on arbitrary text and bytes, and every
fact's text is exactly Document.text[start:end].
"""
import json
import os
import random
import re
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zjnews_extract
from zjnews_extract import ExtractError
from zjnews_extract.batch import extract_many, iter_items, run_batch

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SENTENCE = "2025年全省实现地区生产总值9.1万亿元,同比增长5.5%,高于全国0.5个百分点。"
TRADITIONAL = "2025年全省實現地區生產總值9.1萬億元,同比增長5.5%,高於全國0.5個百分點。"
SECRET = "TOP-SECRET-7f3a9c"  # must never show up in any output
CHINESE_CODECS = ["gb2312", "gbk", "gb18030", "big5", "big5hkscs", "cp950", "hz", "utf-8", "utf-16-le",
                  "utf-16-be"]


def _html(body: str, head: str = "", title: str = "测试页") -> str:
    return f"<html><head>{head}<title>{title}</title></head><body>{body}</body></html>"


def hostile_pages(tmp: Path, port: int) -> dict[str, bytes]:
    """name -> bytes of every kind of broken or malicious page the issue lists."""
    (tmp / "secret.txt").write_text(SECRET)
    real = (FIXTURES / "pages" / "gne-xinhuanet_1.html").read_bytes()
    gbk = (FIXTURES / "pages" / "cx-163money_1.html").read_bytes()
    rng = random.Random(5)
    pages = {
        "empty.html": b"",
        "whitespace.html": b" \n\t\r\n ",
        "binary.html": rng.randbytes(40_000),
        "nul-heavy.html": b"\x00\x01\x02PK\x03\x04" * 5000,
        "png.html": b"\x89PNG\r\n\x1a\n" + rng.randbytes(5000),
        "truncated.html": real[: len(real) // 2],
        "truncated-in-char.html": _html(SENTENCE * 20).encode("utf-8")[:-3 - 120],
        "truncated-in-tag.html": b"<html><head><title>\xe6\xb5\x8b</title></head><body><p>" + SENTENCE.encode() + b"<di",
        "no-body.html": b"<html><head><title>\xe6\xb5\x8b\xe8\xaf\x95</title></head></html>",
        "only-doctype.html": b"<!DOCTYPE html>",
        "deep-nesting.html": ("<div>" * 10_000 + SENTENCE + "</div>" * 10_000).encode(),
        "deep-unclosed.html": ("<p><span><b>" * 4000 + SENTENCE).encode(),
        "billion-laughs.xml": (
            '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
            + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
                      for i in range(1, 10))
            + "]>\n<html><body><p>" + SENTENCE + "&lol9;</p></body></html>").encode(),
        "xxe-file.xml": (f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{tmp}/secret.txt">]>'
                         f"<html><body><p>{SENTENCE}&xxe;</p></body></html>").encode(),
        "xxe-http.xhtml": (f'<?xml version="1.0"?>\n<!DOCTYPE html SYSTEM "http://127.0.0.1:{port}/evil.dtd" '
                           f'[<!ENTITY net SYSTEM "http://127.0.0.1:{port}/x">]>'
                           f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:xi="http://www.w3.org/2001/XInclude">'
                           f'<body><p>{SENTENCE}&net;</p><xi:include href="file://{tmp}/secret.txt" parse="text"/>'
                           f'<img src="http://127.0.0.1:{port}/i.png"/></body></html>').encode(),
        "megabyte-digits-wan.txt": ("1234567890万" * 95_000).encode(),
        "megabyte-digits.txt": ("9" * 1_000_000).encode(),
        # 6,000 repeats here (12,000 facts); the megabyte version is in the slow growth test below
        "numberish.txt": ("1,234.5万亿元增长12.5%" * 6_000).encode(),
        "wrong-label-gbk-says-utf8.html": re.sub(rb'charset="?[a-zA-Z0-9-]+', b"charset=utf-8", gbk),
        "wrong-label-big5-says-gb2312.html": _html("<p>" + TRADITIONAL + "</p>", '<meta charset="gb2312">',
                                                   "測試").encode("big5"),
        "wrong-label-utf8-says-gbk.html": _html("<p>" + SENTENCE + "珺——</p>",
                                                '<meta charset="gbk">').encode("utf-8"),
        "unknown-label.html": _html("<p>" + SENTENCE + "</p>", '<meta charset="x-no-such-codec">').encode("gb18030"),
    }
    for codec in CHINESE_CODECS:
        sentence, title = (TRADITIONAL, "測試") if codec in ("big5", "big5hkscs", "cp950") else (SENTENCE, "测试")
        body = _html("<p>" + sentence + "</p>", f'<meta charset="{codec}">', title).encode(codec)
        middle = len(body) // 2
        pages[f"invalid-{codec}.html"] = body[:middle] + b"\xff\x80\xfe\x81" + body[middle:] + b"\x81"
        pages[f"invalid-unlabelled-{codec}.html"] = (_html("<p>" + sentence * 3 + "</p>", "", title).encode(codec)
                                                     + b"\xfe\xff\x80")
    return pages


@pytest.fixture(scope="module")
def listener():
    """A local port that records whether anything tried to fetch from it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.setblocking(False)
    yield sock
    sock.close()


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory, listener):
    tmp = tmp_path_factory.mktemp("hostile")
    folder = tmp / "pages"
    folder.mkdir()
    pages = hostile_pages(tmp, listener.getsockname()[1])
    for name, data in pages.items():
        (folder / name).write_bytes(data)
    out = tmp / "out.jsonl"
    names = [str(folder / name) for name in sorted(pages)]
    # The default per-item limit only guards against a hang; speed is checked by growth ratios
    # (test_large_inputs_cost_time_linear_in_their_size), never by a clock.
    summary = run_batch(iter_items(names), str(out), workers=2)
    records = {r["doc_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    return names, summary, records, out


def test_every_hostile_input_gives_one_record_or_error_record(hostile_run):
    names, summary, records, out = hostile_run
    assert summary.items == len(names) == len(records) == out.read_text(encoding="utf-8").count("\n")
    assert list(records) == names  # in input order, none lost, none twice
    for doc_id, record in records.items():
        if "error" in record:
            assert set(record) == {"doc_id", "url", "error"}, doc_id
            assert record["error"]["type"] and isinstance(record["error"]["message"], str)
        else:
            assert all(record["text"][f["start"]:f["end"]] == f["text"] for f in record["facts"]), doc_id


def test_empty_and_binary_files_are_error_records(hostile_run):
    _, _, records, _ = hostile_run
    for name in ("empty.html", "whitespace.html", "binary.html", "nul-heavy.html", "png.html"):
        record = next(r for k, r in records.items() if k.endswith("/" + name))
        assert record.get("error") or not record["facts"], name


def test_entities_are_never_expanded_resolved_or_fetched(hostile_run, listener):
    _, _, records, out = hostile_run
    text = out.read_text(encoding="utf-8")
    assert SECRET not in text
    assert "lollollollollollollollollol" not in text
    with pytest.raises(BlockingIOError):
        listener.accept()  # nobody connected to fetch a DTD, an entity, an include or an image


def _seconds(source) -> float:
    import time

    started = time.process_time()
    zjnews_extract.extract(source)
    return time.process_time() - started


@pytest.mark.slow
@pytest.mark.parametrize("name,make", [
    ("page of repeated paragraphs", lambda n: _html(("<p>" + SENTENCE + "</p>\n") * n).encode()),
    ("one line of digits and 万", lambda n: ("1234567890万" * (n // 2)).encode()),
    ("number-like text", lambda n: ("1,234.5万亿元增长12.5%" * (n // 3)).encode()),
])
def test_large_inputs_cost_time_linear_in_their_size(name, make):
    """Ten times the input (1 MB -> 10 MB for the page) may cost about ten times the time, not a hundred
    (a 20 MB page once took minutes through a quadratic stage). CPU time; the small input's least of two runs."""
    small, big = make(9_500), make(95_000)
    _seconds(small)  # loads the stages
    t_small = min(_seconds(small) for _ in range(2))
    t_big = _seconds(big)
    assert t_big <= 30 * t_small, (name, t_small, t_big)


def test_unreadable_folder_and_file_as_root_too(tmp_path, monkeypatch):
    # chmod 000 does not stop root, so the refusals are made to happen where the OS would make them.
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.html").write_text(SENTENCE)
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "b.html").write_text(SENTENCE)
    (tmp_path / "open" / "c.html").write_text(SENTENCE)
    real_scandir, real_open = os.scandir, open
    locked_file = str(tmp_path / "open" / "c.html")

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def guarded_open(file, *args, **kwargs):
        if os.fspath(file) == locked_file:
            raise PermissionError(13, "Permission denied", locked_file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr("builtins.open", guarded_open)
    out = list(extract_many(iter_items([str(tmp_path)]), workers=0, output="json"))
    records = [json.loads(o.data) for o in out]
    assert [(r["doc_id"], r.get("error", {}).get("type")) for r in records] == [
        (str(tmp_path / "locked"), "PermissionError"), (str(tmp_path / "open" / "b.html"), None),
        (locked_file, "PermissionError")]


@pytest.mark.parametrize("codec,labelled", [
    ("gb2312", True), ("gb2312", False), ("gbk", True), ("gbk", False),
    ("gb18030", True), ("gb18030", False), ("big5", True), ("big5", False), ("big5hkscs", True),
    ("cp950", True), ("utf-8", True), ("utf-8", False)])
def test_a_few_invalid_bytes_do_not_lose_a_page(codec, labelled):
    """A real page with a handful of broken bytes (a bad copy, a truncated character) keeps its text."""
    sentence = TRADITIONAL if codec in ("big5", "big5hkscs", "cp950") else SENTENCE
    head = f'<meta charset="{codec}">' if labelled else ""
    page = _html("".join(f"<p>{sentence}</p>" for _ in range(60)), head, "标题" if sentence == SENTENCE else "標題")
    data = page.encode(codec)
    middle = len(data) // 2
    data = data[:middle] + b"\xff\x80\xfe\x81" + data[middle:] + b"\x81"
    doc = zjnews_extract.extract(data)
    assert doc.text.count(sentence) >= 50


# --- properties of extract() -------------------------------------------------------------------------------

FRAGMENTS = ["<p>", "</p>", "<div>", "</div>", "<br>", "<title>", "</title>", "<script>", "</script>",
             "\n", " ", ",", "。", "、", "%", "%", "万", "亿", "万亿元", "元", "个百分点", "倍", "第", "名",
             "年", "月", "日", "去年", "今年以来", "同比增长", "下降", "约", "超过", "近", "1", "2", "0", "9",
             ".", "-", "—", "~", "至", "两", "十", "百", "千", "零", "一", "三", "浙江省", "出口", "增长",
             "&amp;", "&#", ";", "<!--", "-->", "\u3000", "\ufeff", "\ufffd", "𠀀"]
chinese_news = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)
anything = st.one_of(st.text(max_size=300), chinese_news)


def _extract(source):
    try:
        return zjnews_extract.extract(source)
    except ExtractError:
        return None


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(anything)
def test_extract_text_raises_only_extract_error_and_spans_hold(source):
    doc = _extract(source)
    if doc is not None:
        for fact in doc.facts:
            assert doc.text[fact.start:fact.end] == fact.text


@PROPERTY
@given(st.one_of(st.binary(max_size=400), chinese_news.map(lambda s: s.encode("gb18030")),
                 chinese_news.map(lambda s: s.encode("utf-8")[:-1])))
def test_extract_bytes_raises_only_extract_error_and_spans_hold(source):
    doc = _extract(source)
    if doc is not None:
        for fact in doc.facts:
            assert doc.text[fact.start:fact.end] == fact.text


@PROPERTY
@given(st.lists(anything, max_size=3))
def test_extract_page_lists_raise_only_extract_error(pages):
    doc = _extract(pages)
    if doc is not None:
        assert all(doc.text[f.start:f.end] == f.text for f in doc.facts)
