"""Bytes -> text: BOM, strict UTF-8, the declared charset, then detection.

lxml is never asked to guess from bytes: on gb2312-labelled pages it silently
drops characters outside GB2312 (珺) and maps — to ―. We decode ourselves and
hand lxml a str.
"""
from __future__ import annotations

import codecs
import re

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

# <meta charset="x">, <meta http-equiv content="text/html; charset=x">, <?xml encoding="x"?>
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]{2,30})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-zA-Z0-9_\-.]{2,30})""",
    re.IGNORECASE,
)

# Labels whose real-world meaning is a larger codec: pages labelled gb2312 or gbk
# routinely carry GBK / GB18030 characters (珺, —), and big5 pages carry HKSCS.
_WIDER = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
    "euc-cn": "gb18030", "cp936": "gb18030", "big5": "big5hkscs", "x-big5": "big5hkscs",
    "big5-hkscs": "big5hkscs", "ascii": "utf-8", "us-ascii": "utf-8", "iso-8859-1": "cp1252",
    "latin1": "cp1252", "latin-1": "cp1252", "utf8": "utf-8",
}

# A declared charset is trusted only when almost nothing fails to decode.
_MAX_REPLACEMENT_SHARE = 0.001


def declared_charset(data: bytes) -> str | None:
    """The charset the page names for itself in its first few kB (meta or XML prolog)."""
    m = _DECLARED.search(data[:8192])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii", "ignore").strip().lower()
    return label or None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = _WIDER.get(label.lower(), label.lower())
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try(data: bytes, codec: str) -> str | None:
    """Decode with few enough replacement characters, or None."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        pass
    except LookupError:
        return None
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(2, len(text) * _MAX_REPLACEMENT_SHARE):
        return text
    return None


def decode_bytes(data: bytes, *, http_charset: str | None = None) -> tuple[str, str, str]:
    """(text, codec, method) for page bytes; method is bom, utf-8, declared or detected."""
    if not data:
        raise InputError("input is empty")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name, "bom"
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8", "utf-8"
    except UnicodeDecodeError:
        pass
    for label in (http_charset, declared_charset(data)):
        codec = _codec(label)
        if codec and codec != "utf-8":
            text = _try(data, codec)
            if text is not None:
                return text, codec, "declared"
    if b"\x00" in data[:4096] and data.count(b"\x00") > len(data) // 20:
        raise InputError("input looks like a binary file, not a page")
    detected = _detect(data)
    if detected is not None:
        return detected[0], detected[1], "detected"
    # Mostly UTF-8 with a few broken bytes (a truncated download): keep what reads.
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= len(text) * 0.02:
        return text, "utf-8", "utf-8-lenient"
    raise InputError("input cannot be decoded as text in any Chinese encoding")


def _detect(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer on the whole page, Chinese codecs widened as for declared labels."""
    from charset_normalizer import from_bytes  # noqa: PLC0415  (only for pages that need it)

    try:
        best = from_bytes(data[:2_000_000]).best()
    except Exception:  # noqa: BLE001  (a detector failure means "not detected", never a crash)
        best = None
    if best is not None:
        codec = _codec(best.encoding) or best.encoding
        text = _try(data, codec)
        if text is not None and _printable(text):
            return text, codec
    # The detector gave up (a few invalid bytes): the Chinese codecs that still read it.
    for codec in ("gb18030", "big5hkscs"):
        text = _try(data, codec)
        if text is not None and _looks_chinese(text):
            return text, codec
    return None


def _looks_chinese(text: str) -> bool:
    han = sum(1 for ch in text[:20000] if "\u4e00" <= ch <= "\u9fff")
    return han >= 5 and _printable(text)


def _printable(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f")
    return control <= len(sample) * 0.01
