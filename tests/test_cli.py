"""The command line, run as a user runs it: in a subprocess."""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from cli_runner import run_main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "zj_commerce_2026_plan.txt"


def run(*args, stdin=None):
    """As a user runs it: a new interpreter, `python -m zjnews_extract`."""
    return subprocess.run([sys.executable, "-m", "zjnews_extract", *args], input=stdin, capture_output=True,
                          timeout=120)


def run_here(*args, stdin=b""):
    """The same command in this process (no interpreter start, jieba already loaded)."""
    return run_main(*args, stdin=stdin)


def test_extract_json_is_utf8_and_has_facts():
    res = run("extract", str(SEED), "--published", "2026-01-21")
    assert res.returncode == 0, res.stderr.decode()
    text = res.stdout.decode("utf-8")
    assert "浙江" in text  # ensure_ascii off
    doc = json.loads(text)
    assert doc["facts"] and all(doc["text"][f["start"]:f["end"]] == f["text"] for f in doc["facts"])


def test_extract_from_stdin_jsonl_is_one_line():
    res = run_here("extract", "-", "--format", "jsonl", stdin="2025年出口增长7.2%。".encode())
    assert res.returncode == 0, res.stderr.decode()
    assert res.stdout.decode().count("\n") == 1
    json.loads(res.stdout)


def test_extract_csv_has_one_row_per_fact():
    res = run_here("extract", str(SEED), "--format", "csv", "--published", "2026-01-21")
    js = json.loads(run_here("extract", str(SEED), "--published", "2026-01-21").stdout)
    rows = list(csv.DictReader(io.StringIO(res.stdout.decode("utf-8"))))
    assert len(rows) == len(js["facts"]) > 0
    assert rows[0]["text"] == js["facts"][0]["text"]


def test_missing_file_is_one_clear_line():
    res = run_here("extract", "/nonexistent/page.html")
    assert res.returncode != 0
    err = res.stderr.decode()
    assert "no such file" in err and "Traceback" not in err and err.count("\n") == 1


def test_bad_published_date_is_one_clear_line():
    res = run_here("extract", str(SEED), "--published", "yesterday-ish")
    assert res.returncode != 0
    assert "Traceback" not in res.stderr.decode()


def test_schema_and_version():
    res = run("schema")
    assert res.returncode == 0
    assert "Fact" in json.loads(res.stdout)["$defs"]
    ver = run("--version")
    assert ver.returncode == 0 and ver.stdout.decode().strip().startswith("zjnews-extract ")


def test_help_reads():
    res = run_here("extract", "--help")
    assert res.returncode == 0 and b"--published" in res.stdout
