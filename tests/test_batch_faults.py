"""Issue 12, batch faults: one bad item never costs the others, hangs the pool or goes missing."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cli_runner import run_main
from zjnews_extract.batch import Item, OutputError, extract_many, iter_items, run_batch
from zjnews_extract.records import Document

SENTENCE = "2025年全省出口增长7.2%,高于全国1.1个百分点。"
PAGE = f"<html><head><title>测试</title></head><body><p>{SENTENCE * 3}</p></body></html>"


def cli(*args, stdin=b""):
    return run_main(*args, stdin=stdin)


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def one_clear_line(res) -> str:
    err = res.stderr.decode("utf-8", "replace")
    assert res.returncode != 0 and "Traceback" not in err and err.count("\n") == 1, err
    return err


# --- WARC -------------------------------------------------------------------------------------------------

def _warc(path: Path, *, gz: bool, n: int = 4, same_id: bool = False) -> list[int]:
    """A WARC file of n HTML responses; the byte offset where each record starts."""
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    offsets = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        first_id = None
        for k in range(n):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"http://example.com/{k}", "response",
                                               payload=io.BytesIO((PAGE + f"<!-- {k} -->" * 30).encode()),
                                               http_headers=headers)
            if same_id and first_id is not None:
                record.rec_headers.replace_header("WARC-Record-ID", first_id)
            first_id = first_id or record.rec_headers.get_header("WARC-Record-ID")
            offsets.append(fh.tell())
            writer.write_record(record)
    return offsets


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_a_truncated_warc_file_yields_no_half_record_as_ok(tmp_path, gz):
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    offsets = _warc(path, gz=gz)
    data = path.read_bytes()
    whole = {item.url: item.content for item in iter_items([str(path)])}
    for cut in range(offsets[2] + 40, offsets[3], max(1, (offsets[3] - offsets[2]) // 7)):
        path.write_bytes(data[:cut])
        items = list(iter_items([str(path)]))
        good = [i for i in items if i.error_type is None]
        assert [i.url for i in good] == ["http://example.com/0", "http://example.com/1"], cut
        assert all(i.content == whole[i.url] for i in good)  # whole pages only
        assert len(items) == 3 and items[2].error_type == "InputError", cut  # the cut record says so


def test_a_duplicated_warc_record_id_drops_no_item(tmp_path):
    path = tmp_path / "dup.warc.gz"
    _warc(path, gz=True, same_id=True)
    items = list(iter_items([str(path), str(path)]))  # the file named twice is still read once
    assert [i.url for i in items] == [f"http://example.com/{k}" for k in range(4)]
    assert len({i.doc_id for i in items}) == 4 and all(i.error_type is None for i in items)
    assert [i.doc_id for i in iter_items([str(path)])] == [i.doc_id for i in items]  # stable across runs


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_a_corrupt_member_does_not_stop_reading_the_rest_of_the_file(tmp_path, gz):
    path = tmp_path / ("bad.warc.gz" if gz else "bad.warc")
    offsets = _warc(path, gz=gz)
    data = bytearray(path.read_bytes())
    middle = offsets[1] + 20 if gz else offsets[1]  # inside the compressed member / over the record header
    data[middle:middle + 60] = b"\x00" * 60
    path.write_bytes(bytes(data))
    items = list(iter_items([str(path)]))
    assert [i.url for i in items if i.error_type is None] == ["http://example.com/0", "http://example.com/2",
                                                              "http://example.com/3"]
    assert sum(i.error_type is not None for i in items) == 1


# --- file names, sizes, hangs -----------------------------------------------------------------------------

def test_a_file_whose_name_is_not_utf8_is_one_error_record_while_the_rest_run(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in (b"a.html", b"caf\xe9.html", b"z.html"):
        with open(os.path.join(os.fsencode(folder), name), "w", encoding="utf-8") as fh:
            fh.write(PAGE)
    out = tmp_path / "out.jsonl"
    res = cli("batch", str(folder), "-o", str(out), "--workers", "0")
    assert res.returncode == 0, res.stderr.decode()
    records = lines_of(out)
    assert [r["doc_id"] for r in records] == [f"{folder}/a.html", f"{folder}/caf\\xe9.html", f"{folder}/z.html"]
    assert records[1]["error"]["type"] == "InputError" and "UTF-8" in records[1]["error"]["message"]
    assert records[0]["facts"] and records[2]["facts"]
    names = os.fsencode(folder) + b"/caf\xe9.html\n" + os.fsencode(folder) + b"/a.html\n"
    res = cli("batch", "-", "-o", str(tmp_path / "stdin.jsonl"), "--workers", "0", stdin=names)
    assert res.returncode == 0, res.stderr.decode()
    assert [("error" in r) for r in lines_of(tmp_path / "stdin.jsonl")] == [True, False]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead, only not reaped
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_the_batch_process_after_kill_9(tmp_path):
    fifo = tmp_path / "hangs.html"
    os.mkfifo(fifo)  # opening it blocks forever: its worker is busy when the batch is killed
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "zjnews_extract", "batch", str(tmp_path / "a.html"), str(fifo),
                             "-o", str(out), "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        workers: set[int] = set()
        for _ in range(600):  # the two workers started and the good page is written
            workers = _children(proc.pid)
            if len(workers) >= 2 and out.exists() and out.stat().st_size > 0:
                break
            time.sleep(0.05)
        assert len(workers) >= 2 and proc.poll() is None
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        for _ in range(200):
            if not any(_alive(pid) for pid in workers):
                break
            time.sleep(0.05)
        assert not [pid for pid in workers if _alive(pid)], "workers outlived the killed batch"
    finally:
        for pid in _children(proc.pid) | workers:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


def quick(source, item, published):
    """A stand-in extraction (the pool is under test here, not the pipeline): runs in the workers."""
    return Document(doc_id=item.doc_id, text=source if isinstance(source, str) else source.decode())


def test_a_hung_item_holds_back_no_other_item(tmp_path):
    """One hung item (a FIFO nobody writes to) among 200 good pages, ordered=False: the 200 all come
    out while it hangs; only then does the test write the page into the FIFO, and the hung one comes
    last. No time limit and no clock: a pool that held items behind the hung one would never get
    there (a guard thread releases it after a minute, and the order is then wrong)."""
    fifo = tmp_path / "hangs.html"
    os.mkfifo(fifo)
    good = [Item(doc_id=f"g{k}", content=SENTENCE * (1 + k % 3)) for k in range(200)]
    items = [good[0], Item(doc_id="hung", path=str(fifo)), *good[1:]]  # the FIFO is read, then quickly "extracted"
    released = threading.Event()

    def release() -> None:
        if not released.is_set():
            released.set()
            with open(fifo, "w", encoding="utf-8") as fh:
                fh.write(PAGE)

    guard = threading.Timer(60, release)
    guard.start()
    arrival = []
    try:
        for outcome in extract_many(items, workers=2, timeout=None, ordered=False, output="json", extract=quick):
            arrival.append(outcome.doc_id)
            if len(arrival) == 200:
                threading.Thread(target=release).start()
    finally:
        guard.cancel()
    assert sorted(arrival[:200]) == sorted(i.doc_id for i in good) and arrival[200] == "hung"


def test_a_hung_item_becomes_a_timeout_record_and_the_rest_keep_their_order(tmp_path):
    fifo = tmp_path / "hangs.html"
    os.mkfifo(fifo)
    items = [Item(doc_id=f"g{k}", content=SENTENCE) for k in range(6)]
    items.insert(2, Item(doc_id="hung", path=str(fifo)))
    out = list(extract_many(items, workers=2, timeout=1, output="json"))
    assert [o.doc_id for o in out] == [i.doc_id for i in items]
    assert out[2].error["type"] == "TimeoutError" and all(o.ok for k, o in enumerate(out) if k != 2)


def test_endless_or_huge_inputs_are_refused_by_the_size_cap(tmp_path):
    huge = tmp_path / "huge.html"
    with open(huge, "wb") as fh:  # 500 MB, sparse: refused from its size, never read
        fh.truncate(500 * 1024 * 1024)
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"url": "u1", "text": "出口" * 400_000}) + "\n"
                    + json.dumps({"url": "u2", "text": SENTENCE}) + "\n", encoding="utf-8")
    items = [*iter_items(["/dev/zero", str(huge), str(rows)], max_bytes=1_000_000)]
    out = list(extract_many(items, workers=1, max_bytes=1_000_000, output="json"))
    kinds = [(o.doc_id, (o.error or {}).get("type")) for o in out]
    assert kinds == [("/dev/zero", "InputTooLarge"), (str(huge), "InputTooLarge"), (f"{rows}:1", "InputTooLarge"),
                     (f"{rows}:2", None)]
    res = cli("batch", "--help")
    assert b"--max-bytes" in res.stdout and b"default 64M" in res.stdout


# --- the output -------------------------------------------------------------------------------------------

def test_a_read_only_or_missing_output_folder_is_one_line_and_a_nonzero_exit(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    err = one_clear_line(cli("batch", str(tmp_path), "-o", str(tmp_path / "no" / "such" / "out.jsonl"), "--workers", "0"))
    assert "does not exist" in err
    if not os.access("/sys", os.W_OK) or sys.platform.startswith("linux"):  # sysfs refuses new files, even to root
        err = one_clear_line(cli("batch", str(tmp_path), "-o", "/sys/out.jsonl", "--workers", "0"))
        assert "cannot write" in err or "permission denied" in err.lower()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_a_nonzero_exit(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    err = one_clear_line(cli("batch", str(tmp_path), "-o", "/dev/full", "--workers", "0"))
    assert "No space left" in err


def test_a_missing_input_folder_or_a_glob_matching_nothing_is_one_line_and_a_nonzero_exit(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert "no such file or folder" in one_clear_line(cli("batch", str(tmp_path / "nope"), "-o", str(out)))
    assert "no file matches" in one_clear_line(cli("batch", str(tmp_path / "*.nothing"), "-o", str(out)))
    assert not out.exists()  # refused before anything was written


@pytest.mark.parametrize("args", [["--workers", "-1"], ["--timeout", "0"], ["--timeout", "-5"], ["--max-bytes", "0"],
                                  ["--workers", "two"]])
def test_workers_minus_one_and_timeout_zero_are_rejected(tmp_path, args):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    err = one_clear_line(cli("batch", str(tmp_path / "a.html"), "-o", str(tmp_path / "o.jsonl"), *args))
    assert args[0] in err
    assert not (tmp_path / "o.jsonl").exists()


def test_csv_values_starting_with_a_formula_character_are_neutralised(tmp_path):
    items = [Item(doc_id="=HYPERLINK(\"http://evil\")", content=f"<html><head><title>+cmd|' /C calc'!A0</title>"
                  f"</head><body><h1>+cmd|' /C calc'!A0</h1><p>{SENTENCE * 3}</p></body></html>", url="@SUM(1+1)"),
             Item(doc_id="-2+3", content="2025年全省出口下降2.1%。"), Item(doc_id="'quoted", content="没有数字。")]
    out = tmp_path / "o.csv"
    run_batch(items, str(out), workers=0)
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    cells = [value for row in rows for key, value in row.items() if value and key not in ("value", "start", "end")]
    assert not [c for c in cells if c[0] in "=+-@"]
    assert {row["doc_id"] for row in rows} == {"'=HYPERLINK(\"http://evil\")", "'-2+3", "''quoted"}
    assert rows[0]["title"] == "'+cmd|' /C calc'!A0" and rows[0]["url"] == "'@SUM(1+1)"
    assert [row["value"] for row in rows if row["doc_id"] == "'-2+3"] == ["-2.1"]  # numbers stay numbers


def test_a_doc_id_holding_a_newline_keeps_the_csv_parseable_and_resume_exact(tmp_path):
    items = [Item(doc_id=f"page\n{k}\r\nend", content=SENTENCE * (k + 1)) for k in range(5)]
    items.append(Item(doc_id='quote " and, comma', content=SENTENCE))
    out = tmp_path / "o.csv"
    run_batch(items, str(out), workers=0)
    whole = out.read_bytes()
    with open(out, encoding="utf-8", newline="") as fh:
        ids = [row["doc_id"] for row in csv.DictReader(fh)]
    assert list(dict.fromkeys(ids)) == [i.doc_id for i in items]
    breaks = [k + 1 for k in range(len(whole)) if whole[k:k + 1] in (b"\n", b"\r")]
    for cut in sorted({*breaks[::3], len(whole) - 1, len(whole) // 2, 40}, reverse=True):
        out.write_bytes(whole[:cut])  # killed half way, perhaps inside a quoted line break
        summary = run_batch(items, str(out), workers=0, resume=True)
        assert out.read_bytes() == whole and summary.skipped + summary.items == len(items), cut


def test_writing_over_an_existing_output_without_resume_asks_for_force(tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    err = one_clear_line(cli("batch", str(tmp_path / "a.html"), "-o", str(out), "--workers", "0"))
    assert "--force" in err and out.read_text(encoding="utf-8") == "precious\n"
    with pytest.raises(OutputError, match="--force"):
        run_batch([Item(doc_id="a", content=SENTENCE)], str(out), workers=0)
    res = cli("batch", str(tmp_path / "a.html"), "-o", str(out), "--force", "--workers", "0")
    assert res.returncode == 0 and [r["doc_id"] for r in lines_of(out)] == [str(tmp_path / "a.html")]
