"""The `zjnews-extract review` command: arguments and the output file only."""
from __future__ import annotations

import argparse
import sys

DESCRIPTION = """\
Extract one page and write a self-contained HTML page to review it: the article text with every
fact highlighted (colour by kind, dashed outline for targets), each fact's record on hover, focus or
click, a sortable and filterable facts table, named initiatives, and the lines removed as page
furniture with their reasons. The page makes no request of any kind; open it from disk."""


def add_parser(sub) -> None:
    """Register `review` on the CLI's subparsers."""
    p = sub.add_parser("review", help="one page to a self-contained HTML review page",
                       description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", metavar="PAGE", help="an HTML or text file, or - for standard input")
    p.add_argument("-o", "--output", default="review.html", metavar="OUT",
                   help="the HTML file to write (default: review.html; - for standard output)")
    p.add_argument("--published", metavar="DATE", help="reference date YYYY-MM-DD for relative periods")
    p.add_argument("--url", help="the page's address, shown in the header")
    p.set_defaults(func=cmd_review)


def cmd_review(args: argparse.Namespace) -> int:
    from .cli import CommandError, _read_input  # noqa: PLC0415
    from .pipeline import extract_document  # noqa: PLC0415
    from .review import document_html  # noqa: PLC0415

    raw = _read_input(args.path)
    doc = extract_document(raw, url=args.url, published=args.published,
                           doc_id=None if args.path == "-" else args.path)
    html = document_html(doc)
    if args.output == "-":
        sys.stdout.write(html)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(html)
    except OSError as exc:
        raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"zjnews-extract review: {args.output} ({len(doc.facts)} facts)", file=sys.stderr)
    return 0
