"""One self-contained HTML page: the parts, the inlined CSS and JS, and a policy that forbids the net.

Everything the page needs is inside it. A Content-Security-Policy allows only the
page's own inline style and script (by hash) and nothing else, so even a mistake in
escaping could neither run a script nor fetch a byte.
"""
from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from html import escape
from importlib import resources
from typing import Any

from .facts_table import fact_record, filters_html, table_html
from .marks import fact_mark, initiative_marks, paragraphs_html
from .sections import header_html, initiatives_html, legend_html, removed_html


@cache
def asset(name: str) -> str:
    """A CSS or JS file shipped in this package."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def script_json(data: Any) -> str:
    """JSON that is safe inside <script type="application/json">: no <, >, & or line separators raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def html_page(title: str, body: str, *, scripts: tuple[str, ...], data: Any = None) -> str:
    """The page shell: policy, inline style, body, data block and inline script."""
    css = asset("review.css")
    js = "\n".join(asset(name) for name in scripts)
    policy = (f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(js)}; img-src 'none'; "
              "font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; "
              "base-uri 'none'; form-action 'none'")
    data_block = ("" if data is None else
                  f'<script type="application/json" id="review-data">{script_json(data)}</script>\n')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape(title, quote=False)}</title>\n<style>{css}</style>\n</head>\n"
        f"<body>\n{body}\n{data_block}<script>{js}</script>\n</body>\n</html>\n"
    )


def document_page(doc) -> str:
    """The review page of one document."""
    facts = list(doc.facts)
    marks = [fact_mark(f) for f in facts] + initiative_marks(doc.initiatives)
    data = {
        "facts": {f.id: {"kind": f.kind, "status": f.status, "text": f.text, "record": fact_record(f)}
                  for f in facts},
        "order": [f.id for f in facts],
    }
    body = (
        header_html(doc)
        + '\n<main class="layout">\n'
        + '<section class="text-pane" aria-labelledby="text-heading">'
        + '<h2 id="text-heading">Article text</h2>' + legend_html(facts)
        + f'<article id="article" class="article">\n{paragraphs_html(doc.text, marks)}\n</article>'
        + initiatives_html(doc.initiatives) + removed_html(doc.removed) + "</section>\n"
        + '<section class="facts-pane" aria-labelledby="facts-heading">'
        + f'<h2 id="facts-heading">Facts ({len(facts)})</h2>' + filters_html(facts) + table_html(facts)
        + "</section>\n</main>\n"
        + '<aside id="record-card" class="record-card" role="dialog" aria-label="fact record" hidden>'
        + '<div class="card-head"><span id="card-title"></span>'
        + '<button type="button" id="card-close" aria-label="close">×</button></div>'
        + '<dl id="card-fields"></dl></aside>'
    )
    title = f"Review · {doc.title or doc.doc_id or 'document'}"
    return html_page(title, body, scripts=("table.js", "review.js"), data=data)
