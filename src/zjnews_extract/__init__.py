"""zjnews_extract: Chinese news pages in, structured and checkable facts out.

    >>> import zjnews_extract
    >>> doc = zjnews_extract.extract(html_or_text, published="2026-01-21")
    >>> [(f.metric, f.value, f.unit) for f in doc.facts]

Importing the package loads no jieba and no dateparser; they load on first use. The record
types (msgspec) load on first use too: `import zjnews_extract` stays a few milliseconds.
"""
from __future__ import annotations

from .errors import ExtractError, InputError, InputTooLarge, InternalError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a third of the import time)
if TYPE_CHECKING:
    from datetime import date, datetime
    from typing import Any

    from .records import Document, Fact, Initiative, Period, Quantity, Removed, Span

__version__ = "0.1.0"
_RECORD_TYPES = frozenset({"Document", "Fact", "Initiative", "Period", "Quantity", "Removed", "Span"})


def __getattr__(name: str):
    """The record types, imported when first asked for (zjnews_extract.Document)."""
    if name in _RECORD_TYPES:
        from . import records  # noqa: PLC0415

        value = getattr(records, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "Document", "ExtractError", "Fact", "Initiative", "InputError", "InputTooLarge", "InternalError", "Period",
    "Quantity", "Removed", "Span",
    "extract", "json_schema", "quantities", "__version__",
]


def extract(source: str | bytes | list, *, url: str | None = None,
            published: date | datetime | str | None = None, charset: str | None = None) -> Document:
    """One article from HTML (str or bytes, any Chinese encoding), page text, or a BeautifulSoup
    object or Tag someone already parsed.

    `published` is the reference date for relative periods (去年, 今年以来); when
    omitted, the date read from the page is used. A list of pages (第1页, 第2页 …)
    gives one document. `charset` is the HTTP Content-Type charset of bytes, when known.
    Raises only ExtractError: InputError for bad input, InternalError for anything else.
    """
    from .pipeline import extract_document  # noqa: PLC0415  (keeps import light)

    return extract_document(source, url=url, published=published, charset=charset)


def quantities(text: str) -> list[Quantity]:
    """Every numeric mention in `text`, in order of appearance."""
    from .quantity import find_quantities  # noqa: PLC0415

    return find_quantities(text)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a Document, generated from the record types."""
    from .records import json_schema as _schema  # noqa: PLC0415

    return _schema()
