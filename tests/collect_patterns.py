"""Every regular expression the package compiles, with where it comes from; run as a script.

    python tests/collect_patterns.py  ->  JSON list of {engine, pattern, bytes, flags, origin}

`re` and `regex` are watched from before the package is imported, so patterns built at
import time, built lazily from the data files, and passed as strings to re.search / re.sub
are all seen. The package then reads the bundled pages and a few unusual inputs, so that
every stage builds its patterns. `origin` is the data file that holds the pattern string
(data/chrome.toml) when one does, else the module that compiled it (clean/chrome.py).
"""
from __future__ import annotations

import json
import os
import pkgutil
import sys
import importlib
from pathlib import Path

import regex
import regex._main as regex_main
import re

ROOT = Path(__file__).resolve().parent.parent
_seen: dict[tuple[str, str | bytes, int], str] = {}


def _package_caller() -> str | None:
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if os.sep + "zjnews_extract" + os.sep in name:
            return name.split(os.sep + "zjnews_extract" + os.sep, 1)[1]
        if name.startswith(os.path.dirname(re.__file__)) or os.sep + "regex" + os.sep in name \
                or name.endswith("functools.py"):
            frame = frame.f_back
            continue
        return None
    return None


def _watch() -> None:
    re_compile, regex_compile = re._compile, regex_main._compile

    def watched_re(pattern, flags):
        compiled = re_compile(pattern, flags)
        if isinstance(pattern, (str, bytes)) and (where := _package_caller()):
            _seen.setdefault(("re", pattern, int(compiled.flags)), where)
        return compiled

    def watched_regex(pattern, flags, ignore_unused, kwargs, cache_it):
        compiled = regex_compile(pattern, flags, ignore_unused, kwargs, cache_it)
        if isinstance(pattern, (str, bytes)) and (where := _package_caller()):
            _seen.setdefault(("regex", pattern, int(compiled.flags)), where)
        return compiled

    re._compile = watched_re
    regex_main._compile = watched_regex


def _exercise() -> None:
    import zjnews_extract
    from zjnews_extract.pipeline import warm_up

    for info in pkgutil.walk_packages(zjnews_extract.__path__, "zjnews_extract."):
        if info.name.endswith("__main__"):  # runs the command line when imported
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional extra (dask) that is not installed
            pass
    warm_up()
    sentence = "2025年全省实现地区生产总值9.1万亿元,同比增长5.5%,高于全国0.5个百分点。"
    pages = [p.read_bytes() for p in sorted((ROOT / "fixtures" / "pages").iterdir())]
    pages.append((ROOT / "fixtures" / "zj_commerce_2026_plan.txt").read_bytes())
    pages.append(f"<html><body><p>{sentence * 5}</p></body></html>".encode("gb18030") + b"\xfe\xff\x80")
    pages.append(("标题\n" + sentence * 3).encode("big5", "replace"))
    for page in pages:
        try:
            doc = zjnews_extract.extract(page)
        except zjnews_extract.ExtractError:
            continue
        if hasattr(doc, "to_html"):  # the review page, where there is one
            doc.to_html()
    zjnews_extract.quantities(sentence + "出口0、1、2万元，约三成，第3位，1.5倍，百分之六十五点二八")


def _data_strings() -> dict[str, str]:
    import tomllib

    found: dict[str, str] = {}

    def walk(value, name):
        if isinstance(value, str):
            found.setdefault(value, name)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item, name)
        elif isinstance(value, list):
            for item in value:
                walk(item, name)

    for path in sorted((ROOT / "src" / "zjnews_extract" / "data").glob("*.toml")):
        walk(tomllib.loads(path.read_text(encoding="utf-8")), f"data/{path.name}")
    return found


def main() -> None:
    _watch()
    _exercise()
    data = _data_strings()
    out = []
    for (engine, pattern, flags), where in _seen.items():
        is_bytes = isinstance(pattern, bytes)
        text = pattern.decode("latin-1") if is_bytes else pattern
        origin = data.get(text, where.replace(os.sep, "/"))
        out.append({"engine": engine, "pattern": text, "bytes": is_bytes, "flags": flags, "origin": origin,
                    "module": where.replace(os.sep, "/")})
    json.dump(out, sys.stdout)  # ASCII: patterns may hold lone surrogates


if __name__ == "__main__":
    main()
