"""Review pages for a batch: one page per document and an index page linking them.

`ReviewDir` takes results one at a time (a document or an error) and writes each
document's page at once, so memory holds only one short index row per item.
`write_review_dir` feeds it from a batch's JSON Lines output, which makes it
independent of how the batch ran (workers, Dask, --resume).
"""
from __future__ import annotations

import hashlib
import os
import re
from html import escape
from pathlib import Path
from urllib.parse import quote

import msgspec

from ..records import Document
from .page import document_page, html_page

INDEX = "index.html"


class IndexRow(msgspec.Struct, kw_only=True):
    doc_id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    facts: int = 0
    page: str | None = None  # file name of the document's page in the folder
    error: str | None = None  # "Type: message" of an item that failed


def page_name(doc_id: str) -> str:
    """A file name that is safe on every system, readable, and unique per doc_id."""
    base = os.path.splitext(os.path.basename(doc_id.rstrip("/\\")))[0] or doc_id
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._")
    digest = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{stem[:60] or 'document'}-{digest}.html"


class ReviewDir:
    """A folder of review pages; call `add` per item and `close` (or use `with`) to write the index."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise ValueError(f"{self.folder} is a file; the review folder must be a folder")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.rows: list[IndexRow] = []

    def add(self, doc_id: str, document: Document | None = None, *, error: dict[str, str] | None = None,
            url: str | None = None) -> IndexRow:
        """One item: its page when it has a document, and its row in the index either way."""
        if document is None or error is not None:
            err = error or {"type": "MissingDocument", "message": "no document for this item"}
            row = IndexRow(doc_id=doc_id, url=url, error=f"{err.get('type')}: {err.get('message')}")
        else:
            row = IndexRow(doc_id=doc_id, url=document.url or url, title=document.title,
                           published=document.published, source=document.source, facts=len(document.facts))
            name = page_name(doc_id)
            try:
                _write_text(self.folder / name, document_page(document))
                row.page = name
            except Exception as exc:  # noqa: BLE001  (one page that cannot be made is that item's error)
                row.error = f"ReviewError: {type(exc).__name__}: {exc}"
        self.rows.append(row)
        return row

    def close(self) -> Path:
        path = self.folder / INDEX
        _write_text(path, index_page(self.rows))
        return path

    def __enter__(self) -> ReviewDir:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Probe(msgspec.Struct):
    doc_id: str | None = None
    url: str | None = None
    error: dict[str, str] | None = None


def write_review_dir(jsonl_path: str | os.PathLike, folder: str | os.PathLike) -> list[IndexRow]:
    """Pages and index for every line of a batch's JSON Lines output; a bad line is an error row."""
    review = ReviewDir(folder)
    with open(jsonl_path, "rb") as fh, review:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            fallback_id = f"{os.fspath(jsonl_path)}:{number}"
            try:
                probe = msgspec.json.decode(line, type=_Probe)
                doc_id = probe.doc_id or fallback_id
                if probe.error is not None:
                    review.add(doc_id, error=probe.error, url=probe.url)
                    continue
                document = msgspec.json.decode(line, type=Document)
            except (msgspec.DecodeError, msgspec.ValidationError) as exc:
                review.add(fallback_id, error={"type": "UnreadableLine", "message": str(exc)})
                continue
            review.add(doc_id, document)
    return review.rows


def index_page(rows: list[IndexRow]) -> str:
    """The batch index: every item with its title, date, source, facts count or error."""
    body_rows = "\n".join(_index_row(n, row) for n, row in enumerate(rows, 1))
    errors = sum(1 for row in rows if row.error)
    facts = sum(row.facts for row in rows)
    columns = ["#", "title", "published", "facts", "error", "source", "doc_id"]
    head = "".join(f'<th scope="col" aria-sort="none"><button type="button" data-col="{i}">{name}</button></th>'
                   for i, name in enumerate(columns))
    body = (
        '<header class="doc-header"><p class="eyebrow">zjnews-extract review</p><h1>Batch review</h1>'
        f'<p class="counts">{len(rows)} items · {len(rows) - errors} documents · {errors} errors · '
        f'{facts} facts</p></header>\n'
        '<main class="index-pane"><div class="table-wrap"><table id="index-table" class="sortable">'
        f"<thead><tr>{head}</tr></thead><tbody>\n{body_rows}\n</tbody></table></div></main>"
    )
    return html_page("Batch review", body, scripts=("table.js",))


def _index_row(number: int, row: IndexRow) -> str:
    title = escape(row.title or row.doc_id, quote=False)
    link = f'<a href="{escape(quote(row.page))}">{title}</a>' if row.page else title
    error = f'<span class="error">{escape(row.error, quote=False)}</span>' if row.error else ""
    facts = str(row.facts) if row.page else ""
    cells = [
        f'<td data-sort="{number}">{number}</td>', f'<td class="wrap">{link}</td>',
        f"<td>{escape(row.published or '', quote=False)}</td>", f'<td data-sort="{facts}">{facts}</td>',
        f'<td class="wrap">{error}</td>', f"<td>{escape(row.source or '', quote=False)}</td>",
        f'<td class="wrap">{escape(row.doc_id, quote=False)}</td>',
    ]
    return f"<tr>{''.join(cells)}</tr>"


def _write_text(path: Path, text: str) -> None:
    """Write beside, then rename: a page is either whole or absent."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
