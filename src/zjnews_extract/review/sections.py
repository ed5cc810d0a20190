"""The parts of the page around the text: document header, legend, initiatives, removed lines."""
from __future__ import annotations

from html import escape

from .facts_table import KINDS


def header_html(doc) -> str:
    """Title, then what the page says about itself: published, source, authors, editor, url, codec."""
    title = doc.title or "(no title found)"
    codec = doc.encoding or ""
    if codec and doc.encoding_method:
        codec += f" ({doc.encoding_method})"
    rows = [
        ("published", doc.published or ""),
        ("source", doc.source or ""),
        ("authors", "、".join(doc.authors)),
        ("editor", doc.editor or ""),
        ("tags", "、".join(doc.tags)),
        ("url", doc.url or ""),
        ("codec", codec or ("text input" if doc.encoding is None else "")),
        ("doc_id", doc.doc_id or ""),
    ]
    cells = "".join(
        f'<div><dt>{name}</dt><dd>{_url_html(value) if name == "url" else _text_or_none(value)}</dd></div>'
        for name, value in rows)
    counts = (f'{len(doc.facts)} facts · {len(doc.initiatives)} initiatives · '
              f'{len(doc.removed)} removed runs · {len(doc.text)} characters')
    return (f'<header class="doc-header"><p class="eyebrow">zjnews-extract review</p>'
            f'<h1 id="doc-title">{escape(title, quote=False)}</h1>'
            f'<dl class="meta">{cells}</dl><p class="counts">{counts}</p></header>')


def _text_or_none(value: str) -> str:
    return escape(value, quote=False) if value else '<span class="none">—</span>'


def _url_html(url: str) -> str:
    """A link only for http(s) addresses (never javascript: or data:); it opens nothing by itself."""
    if not url:
        return _text_or_none(url)
    if url.lower().startswith(("http://", "https://")):
        return (f'<a href="{escape(url)}" rel="noopener noreferrer nofollow" target="_blank">'
                f'{escape(url, quote=False)}</a>')
    return escape(url, quote=False)


def legend_html(facts) -> str:
    """The colour of each kind (with its count), the target outline and the initiative colour."""
    counts = {kind: sum(1 for f in facts if f.kind == kind) for kind in KINDS}
    items = "".join(f'<li><span class="swatch fact k-{kind}">{kind}</span> {counts[kind]}</li>'
                    for kind in KINDS if counts[kind] or kind != "number")
    targets = sum(1 for f in facts if f.status == "target")
    return (f'<ul class="legend" aria-label="legend">{items}'
            f'<li><span class="swatch fact target">target</span> {targets}</li>'
            f'<li><span class="swatch initiative">initiative</span></li></ul>')


def initiatives_html(initiatives) -> str:
    """Named programmes with their mention count; a click goes to the first mention."""
    if not initiatives:
        return ""
    items = "".join(
        f'<li><button type="button" class="link" data-goto-initiative="{n}">{escape(i.name, quote=False)}'
        f'</button> <span class="muted">×{len(i.mentions)}</span></li>'
        for n, i in enumerate(initiatives))
    return (f'<details class="initiatives"><summary>Initiatives ({len(initiatives)})</summary>'
            f'<ul>{items}</ul></details>')


def removed_html(removed) -> str:
    """Every run of lines the cleaner dropped, with its reason, collapsed until asked for."""
    if not removed:
        return ('<details class="removed"><summary>Removed from the page (0)</summary>'
                '<p class="muted">The cleaner dropped nothing.</p></details>')
    items = "".join(
        f'<li><span class="reason">{escape(r.reason, quote=False)}</span>'
        f'<pre>{escape(r.text, quote=False)}</pre></li>'
        for r in removed)
    return (f'<details class="removed" id="removed"><summary>Removed from the page ({len(removed)}): '
            f'page furniture, each run with the reason it was dropped</summary><ol>{items}</ol></details>')
