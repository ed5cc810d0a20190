"""The `zjnews-extract batch` command: arguments, checks, progress bar and summary line only."""
from __future__ import annotations

import argparse
import os
import re
import sys

DESCRIPTION = """\
Extract many pages into one output file: one record per input item, always: the document (with
doc_id and its facts) or an error record {"doc_id", "url", "error": {"type", "message"}}, in input
order. INPUT is a file, a folder (walked recursively for .html .htm .shtml .xhtml .txt .jsonl .warc
.warc.gz), a glob, or - to read such names from standard input, one a line. JSON Lines inputs hold
{"url", "html"} or {"url", "text", "published"} per line; WARC needs the `warc` extra. The output
file itself is never read as input, and an existing one is only appended to (--resume) or written
over (--force). A summary line goes to stderr at the end; the exit code is 0 when every item has its
record, error records included; 130 when interrupted (run the same command with --resume)."""

_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*+([kmg]i?b?|b)?", re.IGNORECASE)  # fullmatch on the stripped text
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}


def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} workers: use 0 (in this process) or more")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text} seconds: the time limit must be above 0")
    return value


def _size(text: str) -> int:
    m = _SIZE.fullmatch(text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (bytes, or with k, M, G: 64M)")
    value = int(float(m.group(1)) * _UNITS[(m.group(2) or "")[:1].lower()])
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text}: the size limit must be above 0")
    return value


def add_parser(sub) -> None:
    """Register `batch` on the CLI's subparsers."""
    from .work import DEFAULT_MAX_BYTES  # noqa: PLC0415
    from .writers import WRITERS  # noqa: PLC0415

    p = sub.add_parser("batch", help="many pages (files, folders, globs, JSON Lines, WARC) to JSON Lines",
                       description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, globs, or - for names on stdin")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="the output file (.jsonl, .json or .csv), or a folder of Parquet parts with --format parquet")
    p.add_argument("--format", choices=list(WRITERS), default=None,
                   help="jsonl: one line per item (default); json: one JSON array; csv: one row per fact; "
                        "parquet: a folder of part files, one row per fact (default: by OUT's name)")
    p.add_argument("--db", metavar="FILE.duckdb",
                   help="also (or only) write the tables documents, facts and initiatives into this DuckDB file")
    p.add_argument("--pretty", action="store_true", help="indent the JSON (--format json only)")
    p.add_argument("--workers", type=_workers, default=None, metavar="N",
                   help="worker processes (default: all cores; 0 = in this process)")
    p.add_argument("--resume", action="store_true",
                   help="keep the items already in OUT (repairing a torn end) and do the rest")
    p.add_argument("--force", action="store_true", help="write over an existing OUT")
    p.add_argument("--published", metavar="DATE", help="reference date YYYY-MM-DD for items that give none")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local process pool (default) or a Dask distributed cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    p.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                   help="time limit per item, local engine (default 120)")
    p.add_argument("--max-bytes", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                   help=f"larger pages are error records, never read whole (default {DEFAULT_MAX_BYTES // 2**20}M)")
    p.add_argument("--review-dir", metavar="DIR",
                   help="also write an HTML review page per document and an index.html into DIR (JSON Lines output)")
    p.add_argument("--quiet", action="store_true", help="no progress bar (the summary line stays)")
    p.add_argument("--no-summary", action="store_true", help="no summary line at the end")
    p.set_defaults(func=cmd_batch)


class _Refused(Exception):
    """A one-line refusal of the command as given."""


def cmd_batch(args: argparse.Namespace) -> int:
    from ..pipeline import reference_date  # noqa: PLC0415
    from .inputs import iter_items, missing_inputs  # noqa: PLC0415
    from .run import DEFAULT_TIMEOUT, Summary, run_batch  # noqa: PLC0415
    from .writers import OutputError, format_for  # noqa: PLC0415

    try:
        reference_date(args.published)  # a bad date stops here, before any work (exit 1, as extract does)
        fmt = format_for(args.output or "", args.format)
        _check(args, fmt, missing_inputs(args.inputs))
        writers = _outputs(args, fmt)
    except (_Refused, OutputError) as exc:
        return _say(exc, 2)
    summary = Summary()
    bar = _progress(args)
    try:
        exclude = [path for path in (args.output, args.db) if path]
        run_batch(iter_items(args.inputs, exclude=exclude, max_bytes=args.max_bytes), writers=writers,
                  workers=args.workers, published=args.published, resume=args.resume, force=args.force,
                  engine=args.engine, scheduler=args.scheduler, max_bytes=args.max_bytes,
                  timeout=args.timeout if args.timeout is not None else DEFAULT_TIMEOUT,
                  on_result=bar.update if bar is not None else None, summary=summary)
    except OutputError as exc:
        return _say(exc, 2)
    except KeyboardInterrupt:
        if bar is not None:
            bar.close()
        if not args.no_summary:
            print(f"zjnews-extract batch: interrupted: {summary.line()}", file=sys.stderr)
        kept = " and ".join(path for path in (args.output, args.db) if path)
        print(f"zjnews-extract batch: what was written stays in {kept}; to continue, run the same command "
              "with --resume", file=sys.stderr)
        return 130
    finally:
        if bar is not None:
            bar.close()
    if not args.no_summary:
        print(f"zjnews-extract batch: {summary.line()}", file=sys.stderr)
    if args.review_dir:
        from ..review import write_review_dir  # noqa: PLC0415

        rows = write_review_dir(args.output, args.review_dir)
        if not args.no_summary:
            print(f"zjnews-extract batch: {sum(1 for r in rows if r.page)} review pages and "
                  f"{os.path.join(args.review_dir, 'index.html')}", file=sys.stderr)
    return 0


def _outputs(args: argparse.Namespace, fmt: str) -> list:
    """The writers the command line asks for: OUT in its format, and the DuckDB store of --db."""
    from .writers import WRITERS, StoreOutput  # noqa: PLC0415

    writers = [WRITERS[fmt](args.output, pretty=args.pretty)] if args.output else []
    if args.db:
        from ..store.duckdb_writer import DuckDBWriter  # noqa: PLC0415  (duckdb itself loads when it opens)

        writers.append(StoreOutput(DuckDBWriter(args.db), args.db))
    return writers


def _check(args: argparse.Namespace, fmt: str, missing: list[str]) -> None:
    from .writers import WRITERS  # noqa: PLC0415

    if not args.output and not args.db:
        raise _Refused("batch needs -o OUT, --db FILE.duckdb, or both")
    if args.output and args.db and os.path.abspath(args.output) == os.path.abspath(args.db):
        raise _Refused("-o and --db name the same file")
    if fmt == "parquet" and not args.output:
        raise _Refused("--format parquet needs -o FOLDER for its part files")
    if missing:
        what = "no file matches" if any(ch in missing[0] for ch in "*?[") else "no such file or folder"
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise _Refused(f"{what}: {missing[0]}{more}")
    if args.scheduler and args.engine != "dask":
        raise _Refused("--scheduler is for --engine dask")
    if args.pretty and not WRITERS[fmt].pretty_ok:
        raise _Refused(f"--pretty is for --format json; {fmt} is not indented")
    if args.resume and args.force:
        raise _Refused("--resume keeps OUT and --force writes over it: choose one")
    if args.resume and not WRITERS[fmt].resumable:
        raise _Refused(f"--resume is for jsonl or csv output; a {fmt} file cannot be continued")
    if args.review_dir and (fmt != "jsonl" or not args.output or os.path.isfile(args.review_dir)):
        raise _Refused("--review-dir needs a folder and JSON Lines output (the pages are made from it)")


def _say(exc: Exception, code: int) -> int:
    print(f"zjnews-extract: {exc}", file=sys.stderr)
    return code


class _Bar:
    """A tqdm bar on stderr: a total and time left when the number of items is known."""

    def __init__(self, total: int | None) -> None:
        from tqdm import tqdm  # noqa: PLC0415

        tqdm.monitor_interval = 0  # no monitor thread: workers fork from a parent without threads
        self.bar = tqdm(file=sys.stderr, unit="doc", desc="batch", dynamic_ncols=True, postfix="errors=0",
                        total=total)
        self.errors = 0
        self.skipped = 0

    def update(self, outcome, summary) -> None:
        if summary.skipped != self.skipped:  # resumed: items already done count as done
            self.bar.update(summary.skipped - self.skipped)
            self.skipped = summary.skipped
        self.bar.update(1)
        if summary.errors != self.errors:
            self.errors = summary.errors
            self.bar.set_postfix_str(f"errors={summary.errors}", refresh=False)

    def close(self) -> None:
        self.bar.close()


def _progress(args: argparse.Namespace) -> _Bar | None:
    """A bar when stderr is a terminal and --quiet is not given; None otherwise (logs stay clean)."""
    if args.quiet or not sys.stderr.isatty():
        return None
    from .inputs import count_items  # noqa: PLC0415

    return _Bar(count_items(args.inputs, exclude=[path for path in (args.output, args.db) if path]))
