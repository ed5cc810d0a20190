"""Publication dates as printed on Chinese pages -> ISO 8601 (+08:00 when a time is given)."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import cache

from ..data import load_toml

_DATE = re.compile(
    # 2018年1-8月 is a range of months, no day: a day is never followed by 月
    # and 2020年12.23% is a rate after a year: after 年 the month ends in 月, after - / . in the same mark
    r"(?<!\d)((?:19|20)\d{2})\s*(?:年|(?P<sep>[-/.]))\s*(\d{1,2})\s*(?(sep)(?P=sep)|月)\s*(\d{1,2})(?!\d|\s*月)\s*日?"
    r"(?:\s*(?:星期.|周.))?[\sT,，]*(?:(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?)?"
)
# TRS sites name the file after the day: /t20110415_123.html.
_URL_DATE = re.compile(r"/t?((?:19|20)\d{2})[-/_]?(\d{2})[-/_]?(\d{2})(?:/|[^\d])")
_URL_YEAR_MONTHDAY = re.compile(r"/((?:19|20)\d{2})/(\d{2})(\d{2})/")
# A CMS folder per year and a section folder ending in the month and day: /html/2019/guonei_1009/.
_URL_YEAR_SECTION_DAY = re.compile(r"/((?:19|20)\d{2})/[A-Za-z]+_(\d{2})(\d{2})/")


def _iso(y: str, mo: str, d: str, h: str | None = None, mi: str | None = None, s: str | None = None) -> str | None:
    year, month, day = int(y), int(mo), int(d)
    if not (1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    day_text = f"{year:04d}-{month:02d}-{day:02d}"
    if h is None or mi is None:
        return day_text
    hour, minute, second = int(h), int(mi), int(s or 0)
    if hour > 23 or minute > 59 or second > 59:
        return day_text
    # Chinese news pages print Beijing time.
    return f"{day_text}T{hour:02d}:{minute:02d}:{second:02d}+08:00"


_BEIJING = timezone(timedelta(hours=8))
# A machine timestamp worth handing to dateparser: a year and a month name or zone in Latin letters,
# in either order (two searches: one pattern with .* between them goes quadratic on long values).
_YEAR = re.compile(r"(?:19|20)\d{2}")
_LATIN_WORD = re.compile(r"[A-Za-z]{3}")
# No machine timestamp is longer; a longer meta value is not read (dateparser slows down on long input).
_MAX_STAMP = 64


def read_timestamp(value: str) -> str | None:
    """A machine-written timestamp (meta tag, JSON-LD) -> ISO 8601 in Beijing time.

    Its own zone counts (2024-03-01T02:00:00Z is 10:00 +08:00, which can be another day); ISO 8601
    and RFC 2822 are read by the standard library, English forms (September 18, 2019 6:23 AM EST)
    by dateparser, loaded only then. Chinese forms without a zone are left to find_datetime."""
    text = value.strip()
    if len(text) > _MAX_STAMP:
        return None
    stamp = _standard(text)
    if (stamp is None or stamp.tzinfo is None) and _YEAR.search(text) and _LATIN_WORD.search(text):
        stamp = _dateparser(text)
    if stamp is None or stamp.tzinfo is None or not 1990 <= stamp.year <= 2100:
        return None
    local = stamp.astimezone(_BEIJING)
    if len(text) <= 10:  # a bare day: no time to show
        return local.date().isoformat()
    return local.replace(microsecond=0).isoformat()


def _standard(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _dateparser(text: str) -> datetime | None:
    import dateparser  # noqa: PLC0415  (heavy: loaded for the rare English timestamp only)

    return dateparser.parse(text, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": True,
                                                             "TIMEZONE": "Asia/Shanghai"})


def find_datetime(text: str) -> str | None:
    """The first full date (and its time, when printed next to it) in `text`."""
    for m in _DATE.finditer(text):
        iso = _iso(*(g for i, g in enumerate(m.groups()) if i != 1))  # (the separator is no part)
        if iso:
            return iso
    return None


def date_in_url(url: str | None) -> str | None:
    """A date in the article's address: /2019-09/09/, /20200911/, /2020/0911/."""
    if not url:
        return None
    for pattern in (_URL_DATE, _URL_YEAR_MONTHDAY, _URL_YEAR_SECTION_DAY):
        m = pattern.search(url)
        if m:
            iso = _iso(*m.groups())
            if iso:
                return iso
    return None


# a year and month written in a text (2010.6 over a county's table, 2019年8月, 截至2021年6月底), not one a target
# reaches for (到2025年12月, 至2025年6月); 2010.65 is a figure
_TEXT_MONTH = re.compile(r"(?<![到\d.])(?<![^截]至)((?:19|20)\d{2})\s*(?:年\s*|[.．/-])(1[0-2]|0?[1-9])"
                         r"(?:\s*+月?\s*+[—–\-~～至]\s*+(1[0-2]|0?[1-9])(?=\s*+月))?(?:\s*+月)?(?![\d.．])")


def month_in_text(text: str | None) -> tuple[int, int] | None:
    """(year, month) of the latest year and month a page without a date writes (附:规上产值等指标一览表 … | 2010.6):
    what its 今年 and bare months are counted from, as from a month in its address; never shown as the
    publication date. None when the text writes none."""
    if not text:
        return None
    # (2024年1—9月份: a span of months, dated by its last)
    found = [(int(m.group(1)), int(m.group(3) or m.group(2))) for m in _TEXT_MONTH.finditer(text)
             if not _figure_follows(text, m)]
    return max(found) if found else None


def _figure_follows(text: str, m: re.Match[str]) -> bool:
    """A year and month without 月 that a magnitude or unit follows is a figure (1956.7万元, 2094.7亿)."""
    if m.group().rstrip().endswith("月"):
        return False
    rest = text[m.end():m.end() + 3].lstrip()
    return bool(rest) and rest[0] in _figure_marks()


@cache
def _figure_marks() -> str:
    return load_toml("byline.toml")["text_month"]["figure_after"]
