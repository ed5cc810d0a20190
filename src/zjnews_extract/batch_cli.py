"""The `zjnews-extract batch` command: arguments, progress bar and summary line only."""
from __future__ import annotations

import argparse
import os
import sys

DESCRIPTION = """\
Extract many pages into one JSON Lines (or CSV) file: one line per input item, always: the
document (with doc_id and its facts) or an error record {"doc_id", "url", "error": {"type", "message"}}.
Lines come in input order. INPUT is a file, a folder (walked recursively for .html .htm .shtml .xhtml
.txt .jsonl .warc .warc.gz), a glob, or - to read such names from standard input, one a line.
JSON Lines inputs hold {"url", "html"} or {"url", "text", "published"} per line; WARC needs the
`warc` extra. The output file itself is never read as input. A summary line goes to stderr at the
end; the exit code is 0 when every item has its line, error records included."""


def add_parser(sub) -> None:
    """Register `batch` on the CLI's subparsers."""
    p = sub.add_parser("batch", help="many pages (files, folders, globs, JSON Lines, WARC) to JSON Lines",
                       description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, globs, or - for names on stdin")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="the output file (.jsonl or .csv), or a folder of Parquet parts with --format parquet")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes (default: all cores; 0 = in this process)")
    p.add_argument("--resume", action="store_true",
                   help="keep the items already in OUT (repairing a torn last line) and do the rest")
    p.add_argument("--published", metavar="DATE", help="reference date YYYY-MM-DD for items that give none")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"], default=None,
                   help="jsonl (default), csv (one row per fact, one row for an item without facts) or parquet "
                        "(a folder of part files, one row per fact with the document's columns)")
    p.add_argument("--db", metavar="FILE.duckdb",
                   help="also (or only) write the tables documents, facts and initiatives into this DuckDB file")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local process pool (default) or a Dask distributed cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    p.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="time limit per item, local engine (default 120)")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary line")
    p.add_argument("--review-dir", metavar="DIR",
                   help="also write an HTML review page per document and an index.html into DIR (JSON Lines output)")
    p.set_defaults(func=cmd_batch)


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import DEFAULT_TIMEOUT, run_batch  # noqa: PLC0415
    from .batch_inputs import iter_items  # noqa: PLC0415
    from .pipeline import reference_date  # noqa: PLC0415
    from .store.sinks import sinks  # noqa: PLC0415

    reference_date(args.published)  # a bad date stops here, before any work
    if not args.output and not args.db:
        print("zjnews-extract: batch needs -o OUT, --db FILE.duckdb, or both", file=sys.stderr)
        return 2
    fmt = args.format or ("csv" if (args.output or "").lower().endswith(".csv") else "jsonl")
    try:
        writers, text_output = sinks(args.output, fmt, args.db)
    except ValueError as exc:
        print(f"zjnews-extract: {exc}", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("zjnews-extract: --scheduler is for --engine dask", file=sys.stderr)
        return 2
    if args.output == "-":
        print("zjnews-extract: batch writes a file (so that --resume can read it back); name it with -o",
              file=sys.stderr)
        return 2
    if text_output and os.path.isdir(text_output):
        print(f"zjnews-extract: {text_output} is a folder; -o names the output file", file=sys.stderr)
        return 2
    if args.review_dir and (fmt != "jsonl" or not text_output or os.path.isfile(args.review_dir)):
        print("zjnews-extract: --review-dir needs a folder and JSON Lines output (the pages are made from it)",
              file=sys.stderr)
        return 2
    bar = _progress(args.quiet)
    on_result = None
    if bar is not None:
        errors_shown = [0]

        def on_result(outcome, summary) -> None:
            bar.update(1)
            if summary.errors != errors_shown[0]:
                errors_shown[0] = summary.errors
                bar.set_postfix_str(f"errors={summary.errors}", refresh=False)

    try:
        exclude = [p for p in (args.output, args.db) if p]
        summary = run_batch(iter_items(args.inputs, exclude=exclude), text_output, fmt=fmt, workers=args.workers,
                            published=args.published, resume=args.resume, engine=args.engine,
                            scheduler=args.scheduler,
                            timeout=args.timeout if args.timeout is not None else DEFAULT_TIMEOUT,
                            on_result=on_result, writers=writers)
    except ValueError as exc:
        print(f"zjnews-extract: {exc}", file=sys.stderr)
        return 2
    finally:
        if bar is not None:
            bar.close()
    if not args.quiet:
        print(f"zjnews-extract batch: {summary.line()}", file=sys.stderr)
    if args.review_dir:
        from .review import write_review_dir  # noqa: PLC0415

        rows = write_review_dir(args.output, args.review_dir)
        if not args.quiet:
            print(f"zjnews-extract batch: {sum(1 for r in rows if r.page)} review pages and "
                  f"{os.path.join(args.review_dir, 'index.html')}", file=sys.stderr)
    return 0


def _progress(quiet: bool):
    """A tqdm bar on stderr when it is a terminal; None otherwise (logs stay clean)."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm  # noqa: PLC0415

    tqdm.monitor_interval = 0  # no monitor thread: workers fork from a parent without threads
    return tqdm(file=sys.stderr, unit="doc", desc="batch", dynamic_ncols=True, postfix="errors=0")
