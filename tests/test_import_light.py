"""Importing the package loads nothing heavy: the record types, segmenter, parsers and store load on first use."""
import subprocess
import sys

HEAVY = ("jieba", "rjieba", "dateparser", "lxml", "duckdb", "msgspec", "regex", "bs4", "charset_normalizer")


def test_import_loads_nothing_heavy():
    code = f"import sys, zjnews_extract\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_record_types_load_when_asked_for():
    code = ("import sys, zjnews_extract\nfrom zjnews_extract import Document, Fact\n"
            "print(Document.__name__, Fact.__name__, zjnews_extract.Quantity.__module__, 'msgspec' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["Document", "Fact", "zjnews_extract.records", "True"]
    import zjnews_extract

    try:
        zjnews_extract.NoSuchName  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchName" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")
