"""The `series` and `check` commands: arguments and output formats only."""
from __future__ import annotations

import argparse
import csv
import json
import sys

SERIES_HELP = """\
Print the time series of one indicator from a store written by `batch --db`: period, value,
unit, and the documents that state it; two documents stating different values for the same
subject, scope, period, kind and basis are both marked conflict. Without --indicator, list the
indicators the store holds."""

CHECK_HELP = """\
Check the stored facts for numbers that do not agree, one JSON line per finding with the facts
involved: parts that do not add up to their whole (sum), shares that disagree with part / whole
(share), growth that disagrees with the levels of consecutive years (growth), the same value with
different units (unit). Exit code 1 when there is a finding, 0 when there is none."""


def add_parsers(sub) -> None:
    """Register `series` and `check` on the CLI's subparsers."""
    from .checks import RULES  # noqa: PLC0415  (light: no duckdb import)

    se = sub.add_parser("series", help="one indicator's time series from a DuckDB store", description=SERIES_HELP,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    se.add_argument("db", metavar="DB", help="the DuckDB file written by batch --db")
    se.add_argument("--indicator", metavar="ID", help="indicator id, e.g. trade.exports (see data/indicators.toml)")
    se.add_argument("--subject", metavar="NAME", help="only this place or body (浙江 also finds 浙江省)")
    se.add_argument("--scope", metavar="S", help="only this scope (规模以上, 限额以上, 城镇 …)")
    se.add_argument("--kind", choices=["value", "growth", "pp", "percent", "rank", "number"], help="only this kind")
    se.add_argument("--status", choices=["actual", "target", "all"], default="actual",
                    help="results (default), targets, or both")
    se.add_argument("--format", choices=["table", "csv", "json"], default="table", help="table (default), csv or json")
    se.set_defaults(func=cmd_series)

    ch = sub.add_parser("check", help="consistency checks over a DuckDB store", description=CHECK_HELP,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    ch.add_argument("db", metavar="DB", help="the DuckDB file written by batch --db")
    ch.add_argument("--rule", action="append", choices=list(RULES), help="run only this rule (repeatable)")
    ch.set_defaults(func=cmd_check)


def _fail(message: str) -> int:
    print(f"zjnews-extract: {message}", file=sys.stderr)
    return 2


def cmd_series(args: argparse.Namespace) -> int:
    from .series import COLUMNS, indicator_counts, series_records  # noqa: PLC0415

    try:
        if not args.indicator:
            rows, columns = indicator_counts(args.db), ("indicator", "facts", "documents")
        else:
            rows = series_records(args.db, args.indicator, subject=args.subject, scope=args.scope, kind=args.kind,
                                  status=None if args.status == "all" else args.status)
            columns = COLUMNS
    except FileNotFoundError as exc:
        return _fail(str(exc))
    except Exception as exc:  # noqa: BLE001  (a file that is not one of our stores: one line, not a trace)
        return _fail(f"cannot read {args.db}: {exc}")
    out = sys.stdout
    if args.format == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
    else:
        out.write(_table(rows, columns))
    return 0


def _table(rows: list[dict], columns) -> str:
    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "CONFLICT" if value else ""
        if isinstance(value, float):  # 3010000000000, 7.1: every stated digit, no exponent
            return format(value, "f").rstrip("0").rstrip(".") if abs(value) < 1e18 else f"{value:g}"
        if isinstance(value, list):
            return ", ".join(value)
        return str(value)

    shown = [c for c in columns if c != "text"]
    grid = [[cell(row[c]) for c in shown] for row in rows]
    widths = [max([_width(c)] + [_width(g[i]) for g in grid]) for i, c in enumerate(shown)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(shown, widths)).rstrip()]
    lines += ["  ".join(_pad(v, w) for v, w in zip(g, widths)).rstrip() for g in grid]
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def cmd_check(args: argparse.Namespace) -> int:
    from .checks import RULES, run_checks  # noqa: PLC0415

    count = 0
    try:
        for finding in run_checks(args.db, tuple(args.rule or RULES)):
            sys.stdout.write(json.dumps(finding, ensure_ascii=False, default=str) + "\n")
            count += 1
    except FileNotFoundError as exc:
        return _fail(str(exc))
    except Exception as exc:  # noqa: BLE001
        return _fail(f"cannot read {args.db}: {exc}")
    print(f"zjnews-extract check: {count} finding{'s' if count != 1 else ''}", file=sys.stderr)
    return 1 if count else 0
