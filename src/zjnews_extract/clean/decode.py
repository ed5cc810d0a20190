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
    rb"""<meta[^>]{0,200}?charset\s*+=\s*+["']?\s*+([a-zA-Z0-9_\-:.]{2,30})"""
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

# A decoding with a few bad bytes (a bad copy, a truncated character) is still the page:
# up to this many U+FFFD per kB of input, plus a little slack for tiny pages.
_MAX_DAMAGE_PER_KB = 3.0
_DAMAGE_SLACK = 2
# Candidates when the page does not say (or what it says does not decode cleanly).
_CHINESE_CODECS = ("gb18030", "big5hkscs", "utf-8")
# A candidate this plausible (share of common characters among its Han characters) needs no detector.
_CONVINCING_RATIO = 0.9
# Below this many Han characters the common-character share says nothing.
_MIN_HAN = 20
# The declared codec keeps the page unless another reads it clearly better.
_DECLARED_MARGIN = 0.05


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
        info = codecs.lookup(label)
    except LookupError:
        return None
    # base64, rot13, zlib … are codecs but not text encodings: a page naming one names nothing
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _damage_limit(data: bytes) -> float:
    return _DAMAGE_SLACK + _MAX_DAMAGE_PER_KB * len(data) / 1024


def _try(data: bytes, codec: str) -> str | None:
    """Decode with few enough replacement characters, or None."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        pass
    except LookupError:
        return None
    text = data.decode(codec, errors="replace")
    return text if text.count("\ufffd") <= _damage_limit(data) else None


def decode_bytes(data: bytes, *, http_charset: str | None = None) -> tuple[str, str, str]:
    """(text, codec, method) for page bytes.

    method: bom, utf-8, declared (strict), declared-lenient (the declared codec with a few
    bytes replaced), detected, or utf-8-lenient (UTF-8 with a few bytes replaced).
    """
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
    declared = [c for c in (_codec(http_charset), _codec(declared_charset(data))) if c and c != "utf-8"]
    for codec in declared:
        try:
            return data.decode(codec), codec, "declared"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096] and data.count(b"\x00") > len(data) // 20:
        raise InputError("input looks like a binary file, not a page")
    # Nothing decodes strictly: weigh the declared codec against the Chinese ones by
    # damage and plausibility instead of taking the first that does not fail (gb18030
    # accepts almost any byte pair, so "does not fail" says little).
    candidates = [_Candidate.read(data, codec) for codec in dict.fromkeys([*declared, *_CHINESE_CODECS])]
    best = _choose(candidates, declared, data)
    if best is not None and (best.codec in declared or best.convincing()):
        return best.text, best.codec, best.method(declared)
    detected = _detect(data)
    if detected is not None:
        return detected[0], detected[1], "detected"
    if best is not None and _looks_chinese(best.text):
        return best.text, best.codec, best.method(declared)
    # Mostly UTF-8 with a few broken bytes (a truncated download): keep what reads.
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= len(text) * 0.02:
        return text, "utf-8", "utf-8-lenient"
    raise InputError("input cannot be decoded as text in any Chinese encoding")


class _Candidate:
    """One codec's lenient reading of the bytes, with its damage and plausibility."""

    __slots__ = ("codec", "text", "bad", "han", "ratio")

    def __init__(self, codec: str, text: str, bad: int, han: int, ratio: float) -> None:
        self.codec, self.text, self.bad, self.han, self.ratio = codec, text, bad, han, ratio

    @classmethod
    def read(cls, data: bytes, codec: str) -> _Candidate:
        text = data.decode(codec, errors="replace")
        han, common = _han_counts(text)
        return cls(codec, text, text.count("\ufffd"), han, common / han if han else 0.0)

    def readable(self, data: bytes) -> bool:
        return self.bad <= _damage_limit(data) and _printable(self.text)

    def convincing(self) -> bool:
        return self.han >= _MIN_HAN and self.ratio >= _CONVINCING_RATIO

    def method(self, declared: list[str]) -> str:
        if self.codec in declared:
            return "declared-lenient"
        return "utf-8-lenient" if self.codec == "utf-8" else "detected"


def _choose(candidates: list[_Candidate], declared: list[str], data: bytes) -> _Candidate | None:
    """The readable candidate with the most plausible text; the declared codec wins near-ties.

    Without a convincing Chinese reading, only a readable declared codec is chosen (a
    Latin page labelled cp1252 with one undefined byte is not Chinese mojibake).
    """
    readable = [c for c in candidates if c.readable(data)]
    judged = [c for c in readable if c.han >= _MIN_HAN]
    own = next((c for c in readable if c.codec in declared), None)
    if not judged:
        return own
    kb = max(1.0, len(data) / 1024)

    def score(c: _Candidate) -> float:
        # plausibility first; a replacement per kB costs a little; the page's own label a little more
        return c.ratio - 0.01 * c.bad / kb + (_DECLARED_MARGIN if c.codec in declared else 0.0)

    best = max(judged, key=score)
    return best if best.convincing() or own is None else own


_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_common_re: re.Pattern[str] | None = None


def _common_pattern() -> re.Pattern[str]:
    """The characters ordinary Chinese text is made of: GB2312 level 1 (its 3,755 common
    characters) and Big5's 5,401 frequently used ones. Taken from the standards themselves,
    so no list to keep; mojibake of one codec read as another lands mostly outside them."""
    global _common_re  # noqa: PLW0603  (built once, on the first page that needs it)
    if _common_re is None:
        chars = set()
        for lead in range(0xB0, 0xD8):
            for trail in range(0xA1, 0xFF):
                chars.add(bytes((lead, trail)).decode("gb2312", errors="ignore"))
        for lead in range(0xA4, 0xC7):
            for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
                if lead < 0xC6 or trail < 0x7F:
                    chars.add(bytes((lead, trail)).decode("big5", errors="ignore"))
        chars.discard("")
        _common_re = re.compile("[" + "".join(sorted(chars)) + "]")
    return _common_re


def _han_counts(text: str) -> tuple[int, int]:
    """(Han characters, common ones among them) in the first 200k characters."""
    sample = text[:200_000]
    return len(_HAN.findall(sample)), len(_common_pattern().findall(sample))


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
