"""HTML text -> a tree that survives broken markup, and the page as lines.

The tree comes from lxml's HTML parser fed a str (never bytes: see decode.py),
with no network and comments/PIs dropped. Everything lives in memory: a page
of a few MB parses in tens of milliseconds.
"""
from __future__ import annotations

import re

from lxml import etree

from .tables import TableRows

# libxml2 stops reading at a stray </html> or </body>, so an article placed after one
# (seen on government pages) is lost; the tags carry no meaning, dropping them is safe.
# (letters spelt out in both cases rather than IGNORECASE: a little faster over a whole page)
_CLOSING_ROOT = re.compile(r"</\s*(?:[hH][tT][mM][lL]|[bB][oO][dD][yY])\s*>")
# A DOCTYPE with an internal subset can define entities (billion laughs, external files);
# the HTML parser does not expand them, but we drop the subset anyway.
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_XML_PROLOG = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

# Plain etree elements (no lxml.html class lookup): a third faster to build.
_PARSER = etree.HTMLParser(
    remove_comments=True, remove_pis=True, no_network=True, recover=True, default_doctype=False,
    collect_ids=False, compact=True,
)

# Elements whose text is never article text.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "iframe", "select", "option", "textarea", "button", "head", "title",
    "svg", "template", "object", "embed", "canvas", "map", "audio", "video", "input", "link", "meta",
})
# Elements that start a new line of text.
BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
    "td", "th", "tbody", "thead", "tfoot", "section", "article", "header", "footer", "nav", "aside", "main",
    "blockquote", "pre", "form", "figure", "figcaption", "center", "hr", "address", "caption", "fieldset",
    "body", "html", "dir", "menu", "legend", "details", "summary",
})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# The elements TableRows follows (its start and end do nothing for others: not called for them)
_TABLE_STARTS = frozenset({"table", "tr", "td", "th"})
_TABLE_ENDS = frozenset({"table", "tr"})
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


# A tag with its attributes; each attribute is read one way only (an unquoted value cannot start with a
# quote, quantifiers do not give back), so a long run of attributes costs one pass.
_MARKUP = re.compile(r"<(?:html|head|body|div|p|meta|title|!doctype|table|tr|td|span|a|br|section|article|main|h[1-6]"
                     r"|ul|ol|li|img|font|strong|b|script|style|link|center|form)"
                     r"(?:\s++[a-z_:][-a-z0-9_:.]*+(?:\s*+=\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\s>\"'][^\s>]*+))?)*+\s*/?>")


def looks_like_html(text: str) -> bool:
    """Markup, as opposed to text pasted from a browser window."""
    # Pages open with their markup: the first 4 kB (lowered) nearly always answer. A tag found there is
    # found in the longer head too (the pattern reads nothing past its closing >), so only a miss
    # goes on to the whole 64 kB.
    return bool(_MARKUP.search(text[:4096].lower()) or (len(text) > 4096 and _MARKUP.search(text[:65536].lower())))


def parse_html(text: str):
    """The page's element tree; None when nothing parses (no markup at all)."""
    text = _XML_PROLOG.sub("", text, count=1)
    if _DOCTYPE_SUBSET.search(text, 0, 8192):  # the prolog sits at the top; no copy of the page without one
        text = _DOCTYPE_SUBSET.sub("", text[:8192], count=1) + text[8192:]
    text = _CLOSING_ROOT.sub("", text)
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        root = etree.fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None
    return root


class Line:
    """One visual line of the page: its text, how much of it is link text, and where it sits."""

    __slots__ = ("text", "link_chars", "owner", "heading", "chars")

    def __init__(self, owner, heading: str | None):
        self.text = ""
        self.link_chars = 0
        self.owner = owner  # innermost block element the line starts in
        self.heading = heading  # "h1".."h6" when inside a heading
        self.chars = 0  # characters without spaces, set when the line is complete

    def __repr__(self) -> str:
        return f"Line({self.text[:40]!r}, links={self.link_chars})"


_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\u2002\u2003\u2009\ufeff]+")


def page_lines(root) -> list[Line]:
    """The visible text of the page, broken at block elements, in document order.

    Iterative (no recursion), so a 10 000-deep nesting cannot blow the stack. One pass of
    iterwalk; adding text to the line being built is written out inline (it runs for every text
    and tail of the page).
    """
    lines: list[Line] = []
    current: Line | None = None
    blocks: list = [root]
    headings: list[str] = []
    links = 0  # depth of <a> elements we are inside
    pieces: list[str] = []  # raw text of the line being built; whitespace is normalised once, at its end
    hidden_style = _HIDDEN.search
    skip_tags, block_tags, heading_tags = SKIP_TAGS, BLOCK_TAGS, _HEADINGS
    table_starts, table_ends = _TABLE_STARTS, _TABLE_ENDS
    spaces = _SPACES.sub

    def brk() -> None:
        text = spaces(" ", "".join(pieces)).strip()
        pieces.clear()
        if text:
            current.text = text
            current.chars = len(text) - text.count(" ")
            current.link_chars = min(current.link_chars, current.chars)
            lines.append(current)

    tables = TableRows()  # a data table's rows become lines of cells joined by " | "
    table_start, table_end = tables.start, tables.end
    walker = etree.iterwalk(root, events=("start", "end"))
    skipped = None  # the element whose subtree is being skipped
    for event, el in walker:
        tag = el.tag
        if event == "start":
            if tag.__class__ is not str:  # entities, stray PIs: only their tail is text
                continue
            if tag in skip_tags or ((style := el.get("style")) and hidden_style(style)) or el.get("hidden") is not None:
                walker.skip_subtree()
                skipped = el
                continue
            if tag in block_tags:
                if current is not None:
                    brk()
                    current = None
                blocks.append(el)
                if tag in heading_tags:
                    headings.append(tag)
                if tag in table_starts:
                    table_start(el, len(lines))
            elif tag == "a":
                links += 1
            text = el.text
        else:
            if el is skipped:
                skipped = None
            elif tag.__class__ is str:
                if tag in block_tags:
                    if current is not None:
                        brk()
                        current = None
                    blocks.pop()
                    if tag in heading_tags:
                        headings.pop()
                    if tag in table_ends:
                        table_end(tag, lines)
                elif tag == "a":
                    links -= 1
            text = el.tail
        if text:  # the text (start) or tail (end) joins the line being built
            if current is None:
                if text.isspace():
                    continue
                current = Line(blocks[-1], headings[-1] if headings else None)
            pieces.append(text)
            if links:
                current.link_chars += len(text.strip())
    if current is not None:
        brk()
    return lines
