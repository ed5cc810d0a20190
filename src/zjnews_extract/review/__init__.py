"""Self-contained HTML review pages: the article with every fact highlighted, checkable offline.

    >>> from zjnews_extract.review import document_html
    >>> open("review.html", "w", encoding="utf-8").write(document_html(doc))   # or doc.to_html()

For a batch: `ReviewDir(folder)` writes one page per document plus index.html;
`write_review_dir(out.jsonl, folder)` does it from a batch's JSON Lines output.
Pages use only inline CSS and JS and forbid every request (Content-Security-Policy).
"""
from __future__ import annotations

from .batch_pages import ReviewDir, write_review_dir
from .page import document_page as document_html

__all__ = ["ReviewDir", "document_html", "write_review_dir"]
