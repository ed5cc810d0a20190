"""The DuckDB store and Parquet parts written by the batch, and `series` on them (dev gold texts)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from zjnews_extract.batch import iter_items, run_batch
from zjnews_extract.cli import main
from zjnews_extract.store import DuckDBWriter, ParquetWriter, connect, indicator_counts, series_records

DEV_TEXTS = Path(__file__).resolve().parent.parent / "fixtures" / "dev" / "dev_texts.jsonl"


def _batch(out: Path | None, db: Path, parquet: Path | None = None, *, resume: bool = False):
    writers = [DuckDBWriter(str(db))] + ([ParquetWriter(str(parquet))] if parquet else [])
    return run_batch(iter_items([str(DEV_TEXTS)]), str(out) if out else None, workers=0, resume=resume,
                     writers=writers)


@pytest.fixture(scope="module")
def dev_store(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("store")
    paths = {"out": folder / "out.jsonl", "db": folder / "facts.duckdb", "parquet": folder / "parts"}
    summary = _batch(paths["out"], paths["db"], paths["parquet"])
    assert summary.items == 22 and summary.errors == 0
    return paths


def _count(db: Path, sql: str):
    con = connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _jsonl_facts(out: Path) -> tuple[int, int]:
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return len(docs), sum(len(d.get("facts") or []) for d in docs)


def test_the_store_holds_what_the_jsonl_output_holds(dev_store):
    lines, facts = _jsonl_facts(dev_store["out"])
    assert lines == 22 and facts > 400
    assert _count(dev_store["db"], "SELECT count(*) FROM documents") == [(lines,)]
    assert _count(dev_store["db"], "SELECT count(*) FROM facts") == [(facts,)]
    parts = str(dev_store["parquet"] / "*.parquet")
    assert _count(dev_store["db"], f"SELECT count(fact_id), count(DISTINCT doc_id) FROM read_parquet('{parts}')") \
        == [(facts, lines)]


def test_columns_are_typed(dev_store):
    types = dict(_count(dev_store["db"], "SELECT column_name, data_type FROM information_schema.columns "
                                          "WHERE table_name IN ('facts', 'documents')"))
    assert types["period_start"] == "DATE" and types["period_end"] == "DATE" and types["value"] == "DOUBLE"
    assert types["published"] == "TIMESTAMP" and types["reference_date"] == "DATE"
    for column in ("doc_id", "indicator", "subject", "scope", "unit", "kind", "status", "basis", "period_type"):
        assert column in types


def test_resume_and_a_second_run_keep_one_row_per_document(dev_store, tmp_path):
    before = _count(dev_store["db"], "SELECT count(*), sum(facts) FROM documents")
    again = _batch(dev_store["out"], dev_store["db"], resume=True)
    assert again.skipped == 22 and again.items == 0
    # a second run without resume writes every document again: still one row each
    db = tmp_path / "copy.duckdb"
    db.write_bytes(dev_store["db"].read_bytes())
    _batch(None, db)
    assert _count(db, "SELECT count(*), sum(facts) FROM documents") == before
    assert _count(db, "SELECT count(*) FROM facts") == _count(dev_store["db"], "SELECT count(*) FROM facts")


def test_resume_fills_in_what_only_the_store_lacks(dev_store, tmp_path):
    db = tmp_path / "late.duckdb"
    summary = _batch(dev_store["out"].with_name("out_copy.jsonl"), db)  # both outputs complete
    assert summary.items == 22
    only_text = tmp_path / "fresh.duckdb"
    out = tmp_path / "out.jsonl"
    out.write_bytes(dev_store["out"].read_bytes())
    summary = _batch(out, only_text, resume=True)  # the JSON Lines file has all, the new store none
    assert summary.items == 22 and out.read_bytes() == dev_store["out"].read_bytes()
    assert _count(only_text, "SELECT count(*) FROM documents") == [(22,)]


def test_series_on_the_dev_store(dev_store):
    rows = series_records(str(dev_store["db"]), "trade.total", subject="浙江")
    assert rows and all(r["subject"].startswith("浙江") and r["docs"] for r in rows)
    full_year = [r for r in rows if r["kind"] == "value" and r["period_start"] == "2025-01-01"
                 and r["period_end"] == "2025-12-31"]
    assert any(r["value"] == pytest.approx(5.55e12) and r["unit"] == "CNY" for r in full_year)
    counts = {r["indicator"]: r["facts"] for r in indicator_counts(str(dev_store["db"]))}
    assert counts["trade.total"] >= len(rows)


def test_series_command_formats(dev_store, capsys):
    db = str(dev_store["db"])
    assert main(["series", db, "--indicator", "trade.exports", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {"period_start", "value", "unit", "docs", "conflict"} <= set(rows[0])
    assert main(["series", db, "--indicator", "trade.exports", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("subject,scope,period_start,period_end")
    assert main(["series", db]) == 0
    assert "trade.total" in capsys.readouterr().out


def test_series_and_check_on_a_missing_store_are_clear_errors(tmp_path, capsys):
    assert main(["series", str(tmp_path / "none.duckdb"), "--indicator", "gdp"]) == 2
    assert main(["check", str(tmp_path / "none.duckdb")]) == 2
    assert "no such database" in capsys.readouterr().err


def test_batch_command_with_db_only_and_parquet(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text("2025年，全省进出口总值5.55万亿元，增长5.4%；其中出口4.18万亿元。", encoding="utf-8")
    db, parts = tmp_path / "f.duckdb", tmp_path / "parts"
    assert main(["batch", str(page), "--db", str(db), "--workers", "0", "--quiet", "--published", "2026-01-21"]) == 0
    assert _count(db, "SELECT indicator FROM facts ORDER BY ord") == [("trade.total",), ("trade.total",),
                                                                      ("trade.exports",)]
    assert main(["batch", str(page), "-o", str(parts), "--format", "parquet", "--workers", "0", "--quiet"]) == 0
    assert len(list(parts.glob("part-*.parquet"))) == 1
    assert main(["batch", str(page), "--workers", "0"]) == 2
    assert "needs -o" in capsys.readouterr().err


def test_an_item_that_fails_is_one_documents_row(tmp_path):
    db = tmp_path / "e.duckdb"
    items = [str(tmp_path / "missing.html"), {"doc_id": "ok", "text": "全省出口4.18万亿元。"}]
    run_batch(items, None, workers=0, writers=[DuckDBWriter(str(db))])
    rows = dict(_count(db, "SELECT doc_id, error_type FROM documents"))
    assert rows == {str(tmp_path / "missing.html"): "FileNotFoundError", "ok": None}


def test_importing_the_package_and_its_commands_loads_no_duckdb():
    import subprocess
    import sys

    code = ("import sys, zjnews_extract, zjnews_extract.store, zjnews_extract.indicators, zjnews_extract.cli\n"
            "zjnews_extract.cli.build_parser()\n"
            "print(sorted(m for m in ('duckdb', 'ahocorasick_rs', 'jieba') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_series_as_a_dataframe_when_pandas_is_there(dev_store):
    pytest.importorskip("pandas")
    from zjnews_extract.store import series_frame

    frame = series_frame(str(dev_store["db"]), "trade.total", subject="浙江")
    assert list(frame.columns)[:4] == ["subject", "scope", "period_start", "period_end"]
    assert len(frame) == len(series_records(str(dev_store["db"]), "trade.total", subject="浙江"))


def test_a_file_that_is_no_duckdb_store_is_a_clear_error(tmp_path, capsys):
    page, db = tmp_path / "page.txt", tmp_path / "not.duckdb"
    page.write_text("全省出口4.18万亿元。", encoding="utf-8")
    db.write_text("this is not a database", encoding="utf-8")
    assert main(["batch", str(page), "--db", str(db), "--workers", "0", "--quiet"]) == 2
    assert "cannot use" in capsys.readouterr().err


def test_a_measure_word_is_one_unit_in_the_store_whichever_script_the_page_writes(tmp_path):
    # the record keeps the page's own 輛 (as its metric keeps the page's words); the store files both scripts
    # under one unit, so a series of car sales joins a Hong Kong page and a mainland one
    db = tmp_path / "u.duckdb"
    items = [{"doc_id": "trad", "text": "一月全國汽車銷量為218.6萬輛，同比增長3.2%。", "published": "2024-02-10"},
             {"doc_id": "simp", "text": "一月全国汽车销量为218.6万辆，同比增长3.2%。", "published": "2024-02-10"}]
    run_batch(items, None, workers=0, writers=[DuckDBWriter(str(db))])
    units = dict(_count(db, "SELECT doc_id, unit FROM facts WHERE kind = 'value'"))
    assert units == {"trad": "辆", "simp": "辆"}
