"""`zjnews-extract batch` as a user runs it: in a subprocess, including a kill -9 half way and --resume."""
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli_runner import run_main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SENTENCES = ["2025年全省出口增长7.2%,高于全国1.1个百分点。", "今年以来,全市规上工业增加值同比增长5.1%。",
             "全年接待游客1.2亿人次。", "没有数字的一句话。"]


def run(*args, stdin=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "zjnews_extract", "batch", *args], input=stdin,
                          capture_output=True, timeout=timeout)


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_batch_fixtures_with_summary_line(tmp_path, batch_folder):
    out = tmp_path / "out.jsonl"
    res = run(str(batch_folder), str(FIXTURES / "zj_commerce_2026_plan.txt"),
              "-o", str(out), "--workers", "2", "--published", "2026-01-21")
    assert res.returncode == 0, res.stderr.decode()
    records = lines_of(out)
    pages = sorted(str(p) for p in batch_folder.glob("*.html"))
    assert [r["doc_id"] for r in records] == [*pages, str(FIXTURES / "zj_commerce_2026_plan.txt")]
    summary = res.stderr.decode().strip().splitlines()[-1]
    assert summary.startswith(f"zjnews-extract batch: {len(records)} items, ")
    assert " errors, " in summary and " facts, " in summary and summary.endswith("items/s")
    assert "\r" not in res.stderr.decode()  # stderr is not a terminal here: no progress bar


def test_quiet_csv_and_names_on_stdin(tmp_path, batch_folder):
    out = tmp_path / "out.csv"
    names = "\n".join(str(p) for p in sorted(batch_folder.glob("*.html"))[:2]) + "\n"
    res = run_main("batch", "-", "-o", str(out), "--quiet", "--no-summary", "--workers", "1", stdin=names.encode())
    assert res.returncode == 0 and res.stderr == b""
    import csv

    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["doc_id"] for r in rows} == set(names.split())


def test_bad_published_date_is_a_clear_error(tmp_path, batch_folder):
    res = run(str(batch_folder), "-o", str(tmp_path / "o.jsonl"), "--published", "someday")
    assert res.returncode == 1 and b"published" in res.stderr


def _time_per_item() -> float:
    from zjnews_extract.pipeline import extract_document, warm_up

    warm_up()
    started = time.perf_counter()
    for k in range(40):
        extract_document(SENTENCES[k % 4] * 8)
    return (time.perf_counter() - started) / 40


@pytest.mark.slow
def test_resume_after_kill_9_gives_exactly_one_line_per_item(tmp_path):
    # Enough items for ~1 s of one worker, whatever the pipeline's speed today.
    n = int(min(20000, max(300, 1.0 / max(_time_per_item(), 1e-5))))
    crawl = tmp_path / "crawl.jsonl"
    with open(crawl, "w", encoding="utf-8") as fh:
        for k in range(n):
            fh.write(json.dumps({"url": f"http://example.com/{k}", "text": SENTENCES[k % 4] * 8,
                                 "published": "2025-06-01"}, ensure_ascii=False) + "\n")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "zjnews_extract", "batch", str(crawl), "-o", str(out), "--workers", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.stat().st_size > 20000:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial = out.read_bytes()
    assert 0 < partial.count(b"\n") < n
    res = subprocess.run([*cmd, "--resume"], capture_output=True, timeout=120)
    assert res.returncode == 0, res.stderr.decode()
    assert b"already done, skipped" in res.stderr
    ids = [r["doc_id"] for r in lines_of(out)]
    assert ids == [f"{crawl}:{k + 1}" for k in range(n)]
    kept = partial[: partial.rfind(b"\n") + 1]
    assert out.read_bytes().startswith(kept)  # every whole line written before the kill is kept as it was


def test_output_inside_the_walked_folder_is_not_read_back(tmp_path):
    from zjnews_extract.cli import main

    (tmp_path / "a.html").write_text("<html><body><p>2025年全省出口增长7.2%。</p></body></html>", encoding="utf-8")
    out = tmp_path / "out.jsonl"  # exists, growing, full of "text", while the folder is walked
    assert main(["batch", str(tmp_path), "-o", str(out), "--workers", "1", "--quiet"]) == 0
    assert [r["doc_id"] for r in lines_of(out)] == [str(tmp_path / "a.html")]


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_only(tmp_path, monkeypatch, batch_folder):
    from zjnews_extract.cli import main

    args = ["batch", str(batch_folder), "-o", str(tmp_path / "o.jsonl"), "--workers", "1", "--force"]
    for stream, shown in ((FakeTerminal(), True), (io.StringIO(), False)):
        monkeypatch.setattr(sys, "stderr", stream)
        assert main(args) == 0
        text = stream.getvalue()
        assert ("doc/s" in text and "errors=" in text and "\r" in text) == shown  # tqdm redraws in place
        assert text.rstrip().splitlines()[-1].startswith("zjnews-extract batch: 4 items, ")


@pytest.mark.dask
def test_dask_engine_with_its_own_local_cluster_matches_local(tmp_path, batch_folder):
    pytest.importorskip("distributed")
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    inputs = [str(batch_folder), str(FIXTURES / "zj_commerce_2026_plan.txt")]
    assert run(*inputs, "-o", str(local), "--workers", "1", "--quiet").returncode == 0
    res = run(*inputs, "-o", str(dask), "--engine", "dask", "--workers", "1")
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    assert dask.read_bytes() == local.read_bytes()
    assert res.stderr.decode().strip().splitlines()[-1].startswith("zjnews-extract batch: 5 items, ")
