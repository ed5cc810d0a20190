"""The `zjnews-extract` command: argument parsing and output formats only."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .errors import ExtractError
from .output import document_json, facts_table, write_csv


def _read_input(path: str) -> bytes:
    """The page's bytes; refused past the batch's default size limit (an endless /dev/zero, a dump)."""
    from .batch.work import DEFAULT_MAX_BYTES, read_capped  # noqa: PLC0415

    if path == "-":
        data = sys.stdin.buffer.read(DEFAULT_MAX_BYTES + 1)
        if len(data) > DEFAULT_MAX_BYTES:
            raise CommandError(f"standard input goes on past {DEFAULT_MAX_BYTES:,} bytes; not a page")
        return data
    p = Path(path)
    if not p.exists():
        raise CommandError(f"no such file: {path}")
    if p.is_dir():
        raise CommandError(f"{path} is a folder; use `zjnews-extract batch` for many files")
    try:
        return read_capped(path, DEFAULT_MAX_BYTES)
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from None


class CommandError(Exception):
    """A problem with the command line or the files it names: one line on stderr."""


class _OneLineParser(argparse.ArgumentParser):
    """A wrong argument is one line on stderr (and exit code 2), not the usage text and then the error."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def cmd_extract(args: argparse.Namespace) -> int:
    from .pipeline import extract_document  # noqa: PLC0415

    if args.pretty and args.format != "json":
        raise CommandError(f"--pretty is for --format json; {args.format} is not indented")
    if args.facts_only and (args.format != "json" or args.pretty):
        raise CommandError("--facts-only prints a table of the facts; it takes no --format or --pretty")
    raw = _read_input(args.path)
    from .batch.items import printable_id  # noqa: PLC0415

    doc_id = None if args.path == "-" else printable_id(args.path)
    doc = extract_document(raw, url=args.url, published=args.published, doc_id=doc_id)
    out = sys.stdout
    if args.facts_only:
        out.write(facts_table(doc))
    elif args.format == "csv":
        write_csv(doc, out)
    elif args.format == "jsonl":
        out.write(document_json(doc) + "\n")  # exactly one line
    else:
        out.write(document_json(doc, pretty=args.pretty) + "\n")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .records import json_schema  # noqa: PLC0415

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog="zjnews-extract",
        description="Turn Chinese news pages (HTML or pasted text) into structured facts.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_OneLineParser)

    ex = sub.add_parser("extract", help="one page to a JSON document (or CSV rows of facts)",
                        description="Extract one article: cleaned text, metadata, facts and initiatives.")
    ex.add_argument("path", metavar="PATH", help="an HTML or text file, or - for standard input")
    ex.add_argument("--published", metavar="DATE", help="reference date YYYY-MM-DD for relative periods")
    ex.add_argument("--url", help="the page's address, kept in the output")
    ex.add_argument("--format", choices=["json", "jsonl", "csv"], default="json",
                    help="json: the document (default; indented with --pretty); jsonl: the document on exactly "
                         "one line; csv: one row per fact, with the document's doc_id, url, title, published, source")
    ex.add_argument("--pretty", action="store_true", help="indent the JSON (--format json only)")
    ex.add_argument("--facts-only", action="store_true", help="print just the facts, as a table for the terminal")
    ex.set_defaults(func=cmd_extract)

    sc = sub.add_parser("schema", help="print the JSON Schema of the output document",
                        description="Print the JSON Schema of a Document, generated from the record types.")
    sc.set_defaults(func=cmd_schema)
    _add_batch(sub)
    from .review_cli import add_parser as add_review  # noqa: PLC0415

    add_review(sub)
    from .store.cli import add_parsers as add_store_commands  # noqa: PLC0415  (series, check)

    add_store_commands(sub)
    return parser


def _add_batch(sub) -> None:
    """The batch command lives in batch/cli.py."""
    from .batch.cli import add_parser  # noqa: PLC0415

    add_parser(sub)


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # UTF-8 out whatever the locale says
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.func(args)
    except CommandError as exc:
        print(f"zjnews-extract: {exc}", file=sys.stderr)
        return 2
    except ExtractError as exc:
        print(f"zjnews-extract: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
