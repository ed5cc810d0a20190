"""Cleaning: bytes or page text -> article text + metadata + removal log.

Placeholder until the cleaning issue lands: decodes and keeps every non-empty line.
"""
from __future__ import annotations

from ..errors import InputError
from ..records import CleanedPage


def clean_page(source, *, url: str | None = None) -> CleanedPage:
    if isinstance(source, bytes):
        try:
            text = source.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"input is not UTF-8 text: {exc}") from None
    elif isinstance(source, str):
        text = source
    else:
        raise InputError(f"source must be str or bytes, not {type(source).__name__}")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return CleanedPage(text="\n".join(lines))
