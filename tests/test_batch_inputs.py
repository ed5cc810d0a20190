"""Batch inputs: every kind of INPUT gives items with stable doc_ids, and problems become error items."""
import gzip
import io
import json
import os
from pathlib import Path

import pytest

from zjnews_extract.batch import Item, as_item, iter_items

PAGE = "<html><head><title>测试</title></head><body><p>2025年全省出口增长7.2%。</p></body></html>"


def _tree(root: Path) -> None:
    (root / "a").mkdir()
    (root / "a" / "deep").mkdir()
    (root / "a" / "one.html").write_text(PAGE, encoding="utf-8")
    (root / "a" / "deep" / "two.htm").write_text(PAGE, encoding="utf-8")
    (root / "a" / "note.txt").write_text("出口增长7.2%。", encoding="utf-8")
    (root / "a" / "image.png").write_bytes(b"\x89PNG\r\n")


def ids(items):
    return [item.doc_id for item in items]


def test_folder_is_walked_recursively_by_extension_in_name_order(tmp_path):
    _tree(tmp_path)
    got = ids(iter_items([str(tmp_path / "a")]))
    base = str(tmp_path / "a")
    assert got == [f"{base}/deep/two.htm", f"{base}/note.txt", f"{base}/one.html"]


def test_links_to_folders_are_not_followed_so_a_loop_ends(tmp_path):
    _tree(tmp_path)
    os.symlink(tmp_path / "a", tmp_path / "a" / "deep" / "back-up")
    assert len(list(iter_items([str(tmp_path / "a")]))) == 3


def test_named_file_is_read_whatever_its_extension(tmp_path):
    _tree(tmp_path)
    (item,) = iter_items([str(tmp_path / "a" / "image.png")])
    assert item.path == item.doc_id == str(tmp_path / "a" / "image.png")


def test_glob_and_duplicates_give_each_file_once(tmp_path):
    _tree(tmp_path)
    got = ids(iter_items([str(tmp_path / "a" / "**" / "*.htm*"), str(tmp_path / "a"),
                          str(tmp_path / "a" / "." / "one.html")]))
    assert len(got) == len(set(got)) == 3


def test_stdin_lists_names(tmp_path):
    _tree(tmp_path)
    names = io.StringIO(f"{tmp_path}/a/one.html\n\n{tmp_path}/a/deep\n")
    assert ids(iter_items(["-"], stdin=names)) == [f"{tmp_path}/a/one.html", f"{tmp_path}/a/deep/two.htm"]


def test_missing_path_and_empty_glob_are_error_items(tmp_path):
    missing, empty = iter_items([str(tmp_path / "nope.html"), str(tmp_path / "*.nothing")])
    assert missing.error_type == "FileNotFoundError" and missing.doc_id.endswith("nope.html")
    assert empty.error_type == "FileNotFoundError"


def test_jsonl_rows_html_text_published_and_bad_lines(tmp_path):
    path = tmp_path / "crawl.jsonl"
    rows = [json.dumps({"url": "http://x/1", "html": PAGE}, ensure_ascii=False),
            "",
            json.dumps({"url": "http://x/2", "text": "出口增长7.2%。", "published": "2025-03-01"}),
            "{not json",
            json.dumps([1, 2]),
            json.dumps({"url": "http://x/5"})]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = list(iter_items([str(path)]))
    assert ids(items) == [f"{path}:1", f"{path}:3", f"{path}:4", f"{path}:5", f"{path}:6"]
    assert items[0].content == PAGE and items[0].url == "http://x/1" and items[0].error_type is None
    assert items[1].content == "出口增长7.2%。" and items[1].published == "2025-03-01"
    assert all(item.error_type == "InputError" for item in items[2:])


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "crawl.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"url": "u", "text": "出口"}) + "\n")
    (item,) = iter_items([str(tmp_path)])
    assert item.doc_id == f"{path}:1" and item.content == "出口"


def _warc(path: Path, *, gz: bool) -> None:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    assert warcio
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for n, (ctype, body) in enumerate([("text/html; charset=gbk", PAGE.encode("gbk")),
                                            ("image/png", b"\x89PNG"),
                                            ("text/html", PAGE.encode("utf-8"))]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"http://example.com/{n}", "response", payload=io.BytesIO(body),
                                               http_headers=headers)
            writer.write_record(record)
        writer.write_record(writer.create_warc_record("http://example.com/", "request",
                                                      payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_only(tmp_path, name):
    path = tmp_path / name
    _warc(path, gz=name.endswith(".gz"))
    items = list(iter_items([str(tmp_path)]))
    assert [item.url for item in items] == ["http://example.com/0", "http://example.com/2"]
    assert all(item.doc_id.startswith("<urn:uuid:") for item in items)
    assert items[0].content == PAGE.encode("gbk")
    assert [item.charset for item in items] == ["gbk", None]  # the HTTP header's word, passed on
    again = list(iter_items([str(path)]))
    assert ids(again) == ids(items)  # ids are the records' own: stable across runs


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_truncated_warc_gives_items_or_an_error_item_never_an_exception(tmp_path, name):
    path = tmp_path / name
    _warc(path, gz=name.endswith(".gz"))
    data = path.read_bytes()
    for cut in range(50, len(data), max(1, len(data) // 23)):
        path.write_bytes(data[:cut])
        items = list(iter_items([str(path)]))
        assert len(items) <= 3  # two pages, then perhaps the error where the file stops making sense
        assert all((i.content is not None) != (i.error_type is not None) for i in items)


def test_unreadable_folder_is_an_error_item(tmp_path, monkeypatch):
    # Tests run as root, where chmod 000 does not stop reading: make the listing itself fail.
    _tree(tmp_path)
    locked = str(tmp_path / "a" / "deep")
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(iter_items([str(tmp_path / "a")]))
    assert [(i.doc_id, i.error_type) for i in items][0] == (locked, "PermissionError")
    assert len(items) == 3  # the readable files are still there


def test_as_item_accepts_paths_dicts_and_items(tmp_path):
    assert as_item(tmp_path / "x.html").path == str(tmp_path / "x.html")
    assert as_item({"doc_id": "d", "text": "出口"}).content == "出口"
    assert as_item({"url": "http://x", "html": PAGE}).doc_id == "http://x"
    assert as_item({"doc_id": "d"}).error_type == "InputError"
    same = Item(doc_id="k", content="t")
    assert as_item(same) is same
