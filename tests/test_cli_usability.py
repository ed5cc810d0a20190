"""Issue 12, the CLI and packaging as a new user found them, and the shape of the batch package."""
from __future__ import annotations

import csv
import fnmatch
import io
import json
import re
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from cli_runner import run_main
from zjnews_extract.batch import WRITERS, Item, Writer, run_batch
from zjnews_extract.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "zj_commerce_2026_plan.txt"
SENTENCE = "2025年全省出口增长7.2%,高于全国1.1个百分点。"


def cli(*args, stdin=b""):
    """The command run in this process; batch commands with --workers 0 (no pool to start)."""
    if args and args[0] == "batch" and "--workers" not in args:
        args = (*args, "--workers", "0")
    return run_main(*args, stdin=stdin)


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


# --- progress, Ctrl-C, quiet ------------------------------------------------------------------------------

def test_the_progress_bar_shows_a_total_and_eta_when_the_input_count_is_known(tmp_path, monkeypatch, batch_folder):
    monkeypatch.setattr(sys, "stderr", FakeTerminal())
    assert main(["batch", str(batch_folder), "-o", str(tmp_path / "o.jsonl"), "--workers", "0"]) == 0
    text = sys.stderr.getvalue()
    assert re.search(r"\b4/4\b", text) and re.search(r"\d\d:\d\d<\d\d:\d\d", text)  # done/total, spent<left
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"text": SENTENCE}) + "\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stderr", FakeTerminal())
    assert main(["batch", str(rows), "-o", str(tmp_path / "p.jsonl"), "--workers", "0"]) == 0
    assert "/1" not in sys.stderr.getvalue()  # rows of a JSON Lines file: no total promised


@pytest.mark.slow
def test_ctrl_c_prints_the_summary_so_far_and_how_to_resume(tmp_path):
    crawl = tmp_path / "crawl.jsonl"
    n = 3000
    crawl.write_text("".join(json.dumps({"url": f"u{k}", "text": SENTENCE * 6}) + "\n" for k in range(n)),
                     encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "zjnews_extract", "batch", str(crawl), "-o", str(out), "--workers", "1"]
    # (a job started in the background, as a CI script may start this suite, inherits Ctrl-C ignored and
    # Python then keeps it ignored; the user at a terminal this test stands for has it delivered)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    for _ in range(1200):
        if out.exists() and out.stat().st_size > 5000:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    err = err.decode()
    assert proc.returncode == 130, err
    assert "interrupted:" in err and " items, " in err and "--resume" in err and "Traceback" not in err
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]  # whole lines only
    assert 0 < len(written) < n
    res = subprocess.run([*cmd, "--resume"], capture_output=True, timeout=300)
    assert res.returncode == 0
    assert [json.loads(line)["url"] for line in out.read_text(encoding="utf-8").splitlines()] == \
        [f"u{k}" for k in range(n)]


def test_quiet_still_prints_the_one_line_summary_unless_no_summary(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(SENTENCE, encoding="utf-8")
    quiet = cli("batch", str(page), "-o", str(tmp_path / "a.jsonl"), "--quiet", "--workers", "0")
    assert quiet.returncode == 0 and quiet.stderr.decode().startswith("zjnews-extract batch: 1 items, 1 ok")
    assert quiet.stderr.decode().count("\n") == 1
    silent = cli("batch", str(page), "-o", str(tmp_path / "b.jsonl"), "--quiet", "--no-summary", "--workers", "0")
    assert silent.returncode == 0 and silent.stderr == b""


# --- formats ----------------------------------------------------------------------------------------------

def test_format_json_is_one_document_pretty_when_asked_and_differs_from_jsonl(tmp_path):
    jsonl = cli("extract", str(SEED), "--format", "jsonl").stdout.decode()
    compact = cli("extract", str(SEED), "--format", "json").stdout.decode()
    pretty = cli("extract", str(SEED), "--format", "json", "--pretty").stdout.decode()
    assert jsonl.count("\n") == 1 and pretty.count("\n") > 100
    assert json.loads(jsonl) == json.loads(compact) == json.loads(pretty)
    assert cli("extract", str(SEED), "--format", "jsonl", "--pretty").returncode == 2  # one line cannot be indented
    out_json, out_jsonl = tmp_path / "out.json", tmp_path / "out.jsonl"
    for out in (out_json, out_jsonl):
        assert cli("batch", str(SEED), str(SEED.parent / "pages" / "gne-xinhuanet_1.html"), "-o", str(out),
                   "--workers", "0").returncode == 0
    array = json.loads(out_json.read_text(encoding="utf-8"))  # one JSON document: an array
    lines = [json.loads(line) for line in out_jsonl.read_text(encoding="utf-8").splitlines()]
    assert array == lines and len(array) == 2
    res = cli("batch", str(SEED), "-o", str(tmp_path / "pretty.json"), "--pretty", "--workers", "0")
    assert res.returncode == 0 and json.loads((tmp_path / "pretty.json").read_text(encoding="utf-8")) == array[:1]


@pytest.mark.parametrize("command", ["extract", "batch"])
def test_pretty_with_csv_is_refused_not_ignored(tmp_path, command):
    args = [str(SEED), "--format", "csv", "--pretty"]
    if command == "batch":
        args += ["-o", str(tmp_path / "o.csv")]
    res = cli(command, *args)
    err = res.stderr.decode()
    assert res.returncode == 2 and "--pretty" in err and err.count("\n") == 1 and res.stdout == b""


def test_csv_rows_carry_doc_id_url_title_published_source_beside_each_fact(tmp_path):
    res = cli("extract", str(SEED), "--format", "csv", "--published", "2026-01-21", "--url", "http://zjol/1")
    rows = list(csv.DictReader(io.StringIO(res.stdout.decode("utf-8"))))
    assert rows and list(rows[0])[:6] == ["doc_id", "url", "title", "published", "source", "id"]
    assert {(r["doc_id"], r["url"], r["title"], r["published"], r["source"]) for r in rows} == {
        (str(SEED), "http://zjol/1", rows[0]["title"], "2026-01-21T20:27:38+08:00", "浙江在线")}
    out = tmp_path / "o.csv"
    run_batch([Item(doc_id="seed", path=str(SEED), url="http://zjol/1")], str(out), workers=0)
    with open(out, encoding="utf-8", newline="") as fh:
        batch_rows = list(csv.DictReader(fh))
    assert [r["text"] for r in batch_rows] == [r["text"] for r in rows]
    assert {(r["url"], r["title"], r["source"]) for r in batch_rows} == {("http://zjol/1", rows[0]["title"], "浙江在线")}


def test_facts_only_prints_just_the_facts_table_in_the_terminal():
    table = cli("extract", str(SEED), "--facts-only", "--published", "2026-01-21").stdout.decode("utf-8")
    doc = json.loads(cli("extract", str(SEED), "--published", "2026-01-21").stdout)
    lines = table.rstrip("\n").splitlines()
    assert lines[0].split()[:4] == ["text", "value", "unit", "metric"]
    assert len(lines) == len(doc["facts"]) + 3 and lines[-1] == f"{len(doc['facts'])} facts"
    assert "1.1个百分点" in table and '"facts"' not in table  # a table, not JSON


# --- packaging, README, the test suite itself ---------------------------------------------------------------

def _readme_blocks() -> list[str]:
    return re.findall(r"^```[a-z]*\n(.*?)^```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S | re.M)


def test_readme_examples_write_into_an_ignored_folder_or_name_and_never_point_outside_the_repository():
    ignored = [line.strip() for line in (ROOT / ".gitignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")]
    outputs = [m.strip("[]") for block in _readme_blocks() for m in re.findall(r"(?:-o|--review-dir)\s+(\S+)", block)]
    assert outputs
    for path in outputs:
        assert any(fnmatch.fnmatch(path, pattern.strip("/")) or path.startswith(pattern.lstrip("/"))
                   for pattern in ignored), path
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../" not in text and "/work/" not in text and "/shared" not in text


def test_the_test_extra_stays_light_and_the_dask_tests_are_marked():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = project["project"]["optional-dependencies"]
    assert not [dep for dep in extras["test"] if dep.split("[")[0].split(">")[0] in ("dask", "distributed")]
    assert {"dask", "distributed"} <= {dep.split("[")[0].split(">")[0] for dep in extras["dask"]}
    for path in (ROOT / "tests").glob("test_*.py"):
        source = path.read_text(encoding="utf-8")
        if "distributed" in source or "engine=\"dask\"" in source or "--engine\", \"dask\"" in source:
            assert "pytest.mark.dask" in source, path.name
    assert "slow or dask" in (ROOT / ".ci" / "run").read_text()


def test_the_default_run_leaves_out_slow_tests_and_the_markers_are_declared():
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "not slow" in options["addopts"] and "not dask" in options["addopts"]
    assert {m.split(":")[0] for m in options["markers"]} == {"slow", "dask"}


def test_beautifulsoup4_earns_its_place_as_a_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(dep.startswith("beautifulsoup4") for dep in project["dependencies"])
    assert "BeautifulSoup" in (ROOT / "README.md").read_text(encoding="utf-8")
    bs4 = pytest.importorskip("bs4")
    import zjnews_extract

    soup = bs4.BeautifulSoup(f"<html><body><p>{SENTENCE}</p></body></html>", "html.parser")
    assert [f.text for f in zjnews_extract.extract(soup).facts] == ["7.2%", "1.1个百分点"]


# --- shape ------------------------------------------------------------------------------------------------

def test_the_batch_side_is_a_package_whose_files_name_its_parts_none_over_400_lines():
    folder = ROOT / "src" / "zjnews_extract" / "batch"
    names = {p.name for p in folder.glob("*.py")}
    assert {"inputs.py", "pool.py", "dask_engine.py", "writers.py", "cli.py"} <= names
    assert not (ROOT / "src" / "zjnews_extract" / "batch.py").exists()
    long = {p.name: n for p in folder.glob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long


def test_a_new_output_sink_is_one_small_class_registered_in_one_place(tmp_path, monkeypatch):
    """How an output plugs in: a Writer subclass, one entry in WRITERS, and --format offers it; run_batch
    also takes any number of writers beside the main output."""

    class Titles(Writer):
        name = "titles"
        needs_document = True  # receives the Document itself, no text made in the worker

        def open(self, *, resume=False, force=False):
            self.fh = open(self.path, "w", encoding="utf-8")
            return None

        def write(self, outcome):
            self.fh.write(f"{outcome.doc_id}\t{outcome.document.title if outcome.document else outcome.error['type']}\n")

        def close(self):
            self.fh.close()

    monkeypatch.setitem(WRITERS, "titles", Titles)
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>全省外贸</title></head><body><h1>全省外贸</h1><p>{SENTENCE * 3}</p></body></html>",
                    encoding="utf-8")
    (tmp_path / "empty.html").write_bytes(b"")
    res = run_main("batch", str(page), str(tmp_path / "empty.html"), "-o", str(tmp_path / "t.tsv"), "--format", "titles",
                   "--workers", "0")
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "t.tsv").read_text(encoding="utf-8").splitlines() == [f"{page}\t全省外贸",
                                                                            f"{tmp_path / 'empty.html'}\tInputError"]
    beside = Titles(str(tmp_path / "beside.tsv"))
    summary = run_batch([Item(doc_id="a", content=SENTENCE)], str(tmp_path / "o.jsonl"), writers=[beside], workers=1)
    assert summary.items == 1 and (tmp_path / "beside.tsv").read_text(encoding="utf-8") == "a\tNone\n"
    assert [json.loads(line)["doc_id"] for line in (tmp_path / "o.jsonl").read_text().splitlines()] == ["a"]
