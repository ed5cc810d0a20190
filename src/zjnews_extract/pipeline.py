"""One document: clean the page, find the facts, build the record. No file I/O here."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from . import __version__
from .clean import clean_page
from .clean.dates import month_in_text
from .enrich import enrich_facts
from .errors import ExtractError, InputError, InternalError
from .facts import find_facts
from .records import Document
from .script import is_traditional, restore, simplified_shadow, variant_shadow

_BEIJING = timezone(timedelta(hours=8))


# Reference dates the period resolver can count from and to (next year, a five-year plan ahead, a year
# back) without leaving the calendar; news from outside these years is not what this library reads.
FIRST_YEAR, LAST_YEAR = 1800, 2200


def reference_date(published: date | datetime | str | None) -> date | None:
    """The date relative periods are resolved against, from what the caller gave."""
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        found = published.date()
    elif isinstance(published, date):
        found = published
    elif isinstance(published, str):
        found = _iso_date(published)
    else:
        raise InputError(f"published must be a date, datetime or ISO string, not {type(published).__name__}")
    if not FIRST_YEAR <= found.year <= LAST_YEAR:
        raise InputError(f"published date {found.isoformat()} is out of range ({FIRST_YEAR}-{LAST_YEAR})")
    return found


def _iso_date(published: str) -> date:
    text = published.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"published date not understood: {published!r} (use YYYY-MM-DD)") from None


def extract_document(source, *, url: str | None = None, published=None, doc_id: str | None = None,
                     charset: str | None = None) -> Document:
    """One document; only ExtractError leaves (bad input: InputError; anything else: InternalError)."""
    _check_text("url", url)
    _check_text("charset", charset)
    _check_text("doc_id", doc_id)
    try:
        return _extract(source, url=url, published=published, doc_id=doc_id, charset=charset)
    except ExtractError:
        raise
    except Exception as exc:  # a bug or a resource failure: the caller gets our type, the cause is chained
        raise InternalError(f"{type(exc).__name__}: {exc}"[:500]) from exc


def _check_text(name: str, value) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise InputError(f"{name} must be a string, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"{name} is not Unicode text (it holds a lone surrogate)") from None


def _extract(source, *, url: str | None, published, doc_id: str | None, charset: str | None) -> Document:
    given = reference_date(published)
    page = clean_page(source, url=url, charset=charset)
    # (a date only the address gives is shown, but 今年 and 上半年 are not counted from it: GUIDELINES.md
    # resolves relative words against the page's own dateline; the years the text writes date them in
    # the period stage)
    stated = None if page.dated_by_url else reference_date(_safe_date(page.published))
    ref = given or stated or _after_month(month_in_text(page.text))
    facts, initiatives = _facts(page, ref, url)
    shown_published = iso_published(page.published) or iso_published(given.isoformat() if given else None)
    return Document(
        doc_id=doc_id, url=url, title=page.title, published=shown_published,
        reference_date=ref.isoformat() if ref else None, extractor_version=__version__, source=page.source,
        authors=page.authors, editor=page.editor, tags=page.tags, encoding=page.encoding,
        encoding_method=page.encoding_method, text=page.text, facts=facts, initiatives=initiatives,
        removed=page.removed,
    )


def _facts(page, ref: date | None, url: str | None):
    """Facts and initiatives of the page; a traditional text is read on its simplified shadow, a simplified
    one that writes variant forms (於) on its variant shadow (script.py), and the facts handed back in the
    text's own characters."""
    shadow_of = simplified_shadow if is_traditional(page.text) else variant_shadow
    shadow = shadow_of(page.text)
    if shadow == page.text:
        facts, initiatives = find_facts(page.text, published=ref, title=page.title, url=url, source=page.source)
        return enrich_facts(page.text, facts), initiatives
    title = shadow_of(page.title) if page.title else page.title
    source = shadow_of(page.source) if page.source else page.source
    facts, initiatives = find_facts(shadow, published=ref, title=title, url=url, source=source,
                                    traditional=shadow_of is simplified_shadow)
    return restore(page.text, shadow, enrich_facts(shadow, facts), initiatives,
                   traditional=shadow_of is simplified_shadow)


def iso_published(value: str | None) -> str | None:
    """One format for every publication time: YYYY-MM-DDTHH:MM:SS+08:00 (Beijing time), midnight
    when only the day is known; None when the value is not an ISO date or time."""
    if not value:
        return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    stamp = stamp.replace(tzinfo=_BEIJING) if stamp.tzinfo is None else stamp.astimezone(_BEIJING)
    return stamp.replace(microsecond=0).isoformat()


def _after_month(year_month: tuple[int, int] | None) -> date | None:
    """The day after the latest month a page without a dateline writes (2010.6 over a county's table):
    periods are counted from it as from a publication date, so that the month itself is the report's
    本月. Never shown as the publication date."""
    if not year_month:
        return None
    year, month = year_month
    return date(year + month // 12, month % 12 + 1, 1)


def _safe_date(value: str | None) -> str | None:
    """A page's own date is a hint: an unreadable one is ignored, not an error."""
    try:
        reference_date(value)
        return value
    except InputError:
        return None


# A small page of our own: extracting it once loads every stage (decoding, lxml, chrome
# markers, jieba, quantity, period and initiative patterns), so a worker forked after
# warm_up() shares all of it and its first real document pays no loading cost.
_WARM_PAGE = ("<html><head><title>全省外贸稳中有进</title></head><body><h1>全省外贸稳中有进</h1>"
              "<p>本报讯（记者 张三）2025年1—11月,全省进出口总额4.8万亿元,同比增长6.1%,高于全国2.3个百分点,"
              "规模居全国第3位。今年全省将深入实施“千团万企拓市场”行动,力争出口增长5%以上。</p>"
              "<p>责任编辑：李四</p></body></html>")


def warm_up() -> None:
    """Load the heavy parts (jieba dictionary, every stage's patterns) now, e.g. once per worker process."""
    from .facts import warm_up as facts_warm_up  # noqa: PLC0415

    facts_warm_up()
    extract_document(_WARM_PAGE.encode("utf-8"), published="2025-12-20")
