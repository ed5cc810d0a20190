"""An HTML page -> article text and metadata: lines, headline, main block, line rules, byline."""
from __future__ import annotations

from ..records import CleanedPage, Removed
from .article import filter_lines
from .byline import find_authors, find_editor, find_source, find_tags
from .dates import date_in_url, find_datetime
from .headline import find_headline, page_title, read_meta
from .html import page_lines
from .metadata import (HEADER_LINES, SOURCE_METAS, first, first_meta, header_lines, meta_date, no_captions,
                       site_from_title, strip_label)
from .removed import RemovedLog
from .select import is_sentence, lines_within, main_block

# A lead paragraph printed just above the article block (a summary box, a first paragraph
# in its own container) is kept when it is prose of at least this length, at most one
# non-prose line (a photo caption) away.
_LEAD_MIN_CHARS = 25
_LEAD_GAP = 1


def clean_html(root, *, url, encoding, method) -> CleanedPage:
    lines = page_lines(root)
    metas = read_meta(root)
    block = main_block(lines)
    # No prose anywhere (a one-line item): every line is a candidate, the line rules decide.
    inside = lines_within(lines, block) if block is not None else list(lines)
    if block is not None:
        inside = _adjacent_prose(lines, inside, block, -1) + inside + _adjacent_prose(lines, inside, block, +1)
    headline, head_at = find_headline(lines, page_title(root), metas,
                                      block_start=lines.index(inside[0]) if inside else None)
    inside_ids = {id(line) for line in inside}
    filtered = filter_lines([(line.text, line.link_chars) for line in inside], headline)
    removed = _outside_runs(lines, inside_ids, head_at, filtered.removed)

    # The header: from under the headline down to the first paragraph of prose.
    start = lines.index(inside[0]) if inside else len(lines)
    top = head_at + 1 if head_at is not None and head_at < start else max(0, start - 6)
    header = header_lines(line.text for line in lines[top:top + 40])
    end = lines.index(inside[-1]) + 1 if inside else len(lines)
    below = [line.text for line in lines[end:end + HEADER_LINES]]  # some pages print the dateline under the article
    meta_lines = filtered.chrome_lines + header
    # Nearest first: header and byline lines, then the first and last paragraphs, then under the article.
    groups = [meta_lines, filtered.kept[:2] + filtered.kept[-2:], filtered.notices, below]

    above = [line.text for line in lines[max(0, top - 4):max(0, top - 1)]]  # a dateline printed over the headline
    stated = (find_datetime(" ".join(header)) or meta_date(metas, root) or find_datetime(" ".join(below))
              or find_datetime(" ".join(above)))
    published = stated or date_in_url(url or metas.get("og:url") or metas.get("url"))
    source = (first(find_source, groups) or first_meta(metas, SOURCE_METAS)
              or site_from_title(page_title(root), headline))
    source = strip_label(source)
    last = filtered.kept[-1] if filtered.kept else None
    authors = (find_authors(no_captions(meta_lines), None) or find_authors(no_captions(groups[1]), last)
               or find_authors(no_captions(below), None))
    body = ([headline] if headline else []) + filtered.kept
    return CleanedPage(
        text="\n".join(body), title=headline, published=published, dated_by_url=bool(published and not stated),
        source=source, authors=authors,
        editor=find_editor(meta_lines), tags=find_tags(meta_lines),
        encoding=encoding, encoding_method=method, removed=removed,
    )


def _adjacent_prose(lines, inside, block, step: int) -> list:
    """Prose lines right above (step -1) or below (step +1) the block, within its grandparent:
    a lead or a paragraph the block's container split off."""
    if not inside:
        return []
    scope = block.getparent()
    scope = scope.getparent() if scope is not None and scope.getparent() is not None else scope
    if scope is None:
        return []
    found, gap = [], 0
    i = lines.index(inside[0] if step < 0 else inside[-1]) + step
    while 0 <= i < len(lines) and _within(lines[i].owner, scope):
        line = lines[i]
        if is_sentence(line) and line.chars >= _LEAD_MIN_CHARS:
            found.append(line)
            gap = 0
        else:
            gap += 1
            if gap > _LEAD_GAP:
                break
        i += step
    if step < 0:
        found.reverse()
    # a line skipped as a gap stays out; only the prose lines join the article
    return found


def _within(el, scope) -> bool:
    """`el` is `scope` or inside it: a walk up from the line's element (the few lines looked at),
    not a set of every element under the scope (which may be the whole page)."""
    while el is not None:
        if el is scope:
            return True
        el = el.getparent()
    return False


def _outside_runs(lines, inside_ids, head_at, inside_removed: list[Removed]) -> list[Removed]:
    """Lines outside the article block, one entry per run of consecutive lines, in page order:
    the runs above the article, what the line rules removed inside it, then the runs below."""
    before, after = RemovedLog(), RemovedLog()
    log = before
    for i, line in enumerate(lines):
        if id(line) in inside_ids:
            log.cut()
            log = after
        elif i == head_at:
            log.cut()  # the headline is shown on top of the text, not removed
        else:
            log.add(line.text, "outside article block")
    return before.entries() + inside_removed + after.entries()
