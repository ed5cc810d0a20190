"""The batch engine: one outcome per item in input order, isolation, time limit, crash, memory bound, resume."""
import csv
import io
import json
import os
import time
from pathlib import Path

import pytest

from zjnews_extract.batch import Item, OutputError, extract_many, iter_items, run_batch
from zjnews_extract.batch.pool import _WAITING_PER_WORKER
from zjnews_extract.batch.writers import CsvWriter, JsonLinesWriter
from zjnews_extract.records import Document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SENTENCES = ["2025年全省出口增长7.2%。", "今年以来,全市规上工业增加值同比增长5.1%。", "没有数字的一句话。"]


def text_items(n: int) -> list[Item]:
    return [Item(doc_id=f"t{k}", content=SENTENCES[k % 3] * (1 + k % 4)) for k in range(n)]


# Extraction stand-ins run in the workers (they must be importable, module-level functions).

def slow_on_marked(source, item, published):
    if item.doc_id.startswith("slow"):
        time.sleep(60)
    return Document(doc_id=item.doc_id, text=str(source))


def crash_on_marked(source, item, published):
    if item.doc_id.startswith("crash"):
        os._exit(3)  # as a segfault or the out-of-memory killer would
    return Document(doc_id=item.doc_id, text=str(source))


def raise_on_marked(source, item, published):
    if item.doc_id.startswith("bug"):
        raise KeyError("a bug in some stage")
    return Document(doc_id=item.doc_id, text=str(source))


def test_in_order_one_outcome_per_item_same_as_in_process():
    items = text_items(40)
    pooled = list(extract_many(items, workers=2, output="json"))
    local = list(extract_many(items, workers=0, output="json"))
    assert [o.doc_id for o in pooled] == [f"t{k}" for k in range(40)]
    assert [o.data for o in pooled] == [o.data for o in local]
    assert all(json.loads(o.data)["doc_id"] == o.doc_id for o in pooled)


def test_documents_by_default_and_paths_accepted():
    seed = FIXTURES / "zj_commerce_2026_plan.txt"
    (outcome,) = extract_many([seed], workers=1, published="2026-01-21")
    assert outcome.ok and isinstance(outcome.document, Document) and outcome.document.facts
    assert outcome.doc_id == str(seed) and outcome.facts == len(outcome.document.facts)


def test_unordered_still_gives_every_item_once():
    got = [o.doc_id for o in extract_many(text_items(30), workers=2, ordered=False)]
    assert sorted(got) == sorted(f"t{k}" for k in range(30))


def test_any_exception_is_that_items_error_record():
    items = [Item(doc_id="a", content="x"), Item(doc_id="bug1", content="x"), Item(doc_id="b", content="x"),
             Item(doc_id="gone", path="/nonexistent/file.html")]
    for workers in (0, 2):
        out = list(extract_many(items, workers=workers, output="json", extract=raise_on_marked))
        records = [json.loads(o.data) for o in out]
        assert [r["doc_id"] for r in records] == ["a", "bug1", "b", "gone"]
        assert records[1]["error"] == {"type": "KeyError", "message": "'a bug in some stage'"}
        assert records[3]["error"]["type"] == "FileNotFoundError"
        assert "error" not in records[0] and "error" not in records[2]


def test_item_past_the_time_limit_is_stopped_and_the_rest_goes_on():
    items = [Item(doc_id=f"ok{k}", content="x") for k in range(5)]
    items.insert(2, Item(doc_id="slow", content="x"))
    out = list(extract_many(items, workers=2, timeout=1.0, extract=slow_on_marked))
    assert [o.doc_id for o in out] == ["ok0", "ok1", "slow", "ok2", "ok3", "ok4"]
    assert out[2].error["type"] == "TimeoutError"
    assert all(o.ok for k, o in enumerate(out) if k != 2)


def test_a_dying_worker_costs_one_error_record():
    items = [Item(doc_id=f"ok{k}", content="x") for k in range(6)]
    items.insert(3, Item(doc_id="crash", content="x"))
    out = list(extract_many(items, workers=1, output="json", extract=crash_on_marked))
    records = [json.loads(o.data) for o in out]
    assert [r["doc_id"] for r in records] == [i.doc_id for i in items]
    assert records[3]["error"]["type"] == "WorkerCrash" and "exit code 3" in records[3]["error"]["message"]
    assert sum("error" in r for r in records) == 1


def test_work_in_flight_is_bounded():
    """The input is pulled only a bounded distance ahead of what has been yielded (flat memory)."""
    pulled = [0]

    def endless():
        k = 0
        while True:
            pulled[0] += 1
            yield Item(doc_id=f"i{k}", content="出口增长7.2%。")
            k += 1

    gen = extract_many(endless(), workers=2, output="json")
    for n, _ in enumerate(gen, 1):
        assert pulled[0] - n <= 2 * _WAITING_PER_WORKER + 1
        if n == 300:
            break
    gen.close()


def test_jsonl_output_loads_with_json_and_csv_with_csv(tmp_path):
    items = [Item(doc_id="seed", path=str(FIXTURES / "zj_commerce_2026_plan.txt")),
             Item(doc_id="none", content="没有数字。"), Item(doc_id="bad", path=str(tmp_path / "missing"))]
    jl, cs = tmp_path / "o.jsonl", tmp_path / "o.csv"
    summary = run_batch(items, str(jl), workers=1, published="2026-01-21")
    assert (summary.items, summary.ok, summary.errors) == (3, 2, 1) and summary.facts > 0
    lines = [json.loads(line) for line in jl.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in lines] == ["seed", "none", "bad"] and len(lines[0]["facts"]) == summary.facts
    run_batch(items, str(cs), fmt="csv", workers=1, published="2026-01-21")
    rows = list(csv.DictReader(io.StringIO(cs.read_text(encoding="utf-8"))))
    assert len(rows) == summary.facts + 2
    assert {r["doc_id"] for r in rows} == {"seed", "none", "bad"}
    assert [r["error_type"] for r in rows if r["doc_id"] == "bad"] == ["FileNotFoundError"]
    seed_rows = [r for r in rows if r["doc_id"] == "seed"]
    assert [r["text"] for r in seed_rows] == [f["text"] for f in lines[0]["facts"]]


def test_resume_cuts_a_torn_last_line_and_skips_done_items(tmp_path):
    out = tmp_path / "o.jsonl"
    items = text_items(12)
    run_batch(items[:5], str(out), workers=0)
    with open(out, "ab") as fh:
        fh.write(b'{"doc_id":"t5","text":"half a li')  # killed mid-write
    summary = run_batch(items, str(out), workers=0, resume=True)
    assert (summary.skipped, summary.items) == (5, 7)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in records] == [f"t{k}" for k in range(12)]


def test_resume_csv_redoes_the_last_item_whose_rows_may_be_cut(tmp_path):
    out = tmp_path / "o.csv"
    items = text_items(6)
    run_batch(items, str(out), fmt="csv", workers=0)
    whole = out.read_bytes()
    lines = whole.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:-1]) + lines[-1][:5])  # a torn last row
    writer = CsvWriter(str(out))
    done = writer.open(resume=True)
    writer.close()
    assert "t5" not in done and "t4" not in done and "t3" in done
    run_batch(items, str(out), fmt="csv", workers=0, resume=True)
    assert out.read_bytes() == whole


def test_resume_refuses_a_file_that_is_not_a_batch_output(tmp_path):
    jl, cs = tmp_path / "o.jsonl", tmp_path / "o.csv"
    run_batch(text_items(3), str(cs), fmt="csv", workers=0)
    run_batch(text_items(3), str(jl), workers=0)
    csv_bytes, jsonl_bytes = cs.read_bytes(), jl.read_bytes()
    with pytest.raises(OutputError, match="batch output"):
        JsonLinesWriter(str(cs)).open(resume=True)  # a CSV where JSON Lines were meant
    with pytest.raises(OutputError, match="header"):
        CsvWriter(str(jl)).open(resume=True)
    assert (cs.read_bytes(), jl.read_bytes()) == (csv_bytes, jsonl_bytes)  # nothing was cut


def test_with_force_the_output_is_started_afresh(tmp_path):
    out = tmp_path / "o.jsonl"
    out.write_text("old\n")
    run_batch(text_items(2), str(out), workers=0, force=True)
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == ["t0", "t1"]


def test_fixture_folder_end_to_end(tmp_path, batch_folder):
    out = tmp_path / "o.jsonl"
    summary = run_batch(iter_items([str(batch_folder)]), str(out), workers=2)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == summary.items == len(list(batch_folder.glob("*.html")))
    for record in records:
        assert record["doc_id"].startswith(str(batch_folder))
        assert "error" in record or all(record["text"][f["start"]:f["end"]] == f["text"] for f in record["facts"])
