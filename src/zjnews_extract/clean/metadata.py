"""Page metadata helpers shared by HTML and pasted text: where to look, and in which order."""
from __future__ import annotations

import re

from . import chrome
from .article import squash
from .byline import find_source
from .dates import find_datetime, read_timestamp
from .headline import json_ld

# Meta tags that carry the publication time, most specific first.
DATE_METAS = ("article:published_time", "pubdate", "publishdate", "og:time", "og:release_date",
              "weibo:article:create_at", "datepublished", "publish_time", "publishtime", "ptime",
              "firstpublishedtime", "dc.date", "dcterms.created", "date")
SOURCE_METAS = ("contentsource", "source", "mediaid", "og:site_name")
# Lines under the headline searched for the dateline, source and byline.
HEADER_LINES = 12
# Site names after the headline in <title>, and what an outlet's name ends with.
_TITLE_PARTS = re.compile(r"(?!(?<=\s)\s)\s*(?:__?|--+|\s[-–—|｜]\s|\s_|_\s|_)\s*")
_OUTLET_END = re.compile(r"^\D*(网|社|台|站)$")  # "BBC中文网"; not "2007年第23号国务院公报"


def first(find, groups):
    """The first group of lines that gives an answer."""
    for lines in groups:
        found = find(lines)
        if found:
            return found
    return None


def no_captions(texts: list[str]) -> list[str]:
    """A photo caption names the photographer ("新华社记者 张三 摄"), not the reporter."""
    return [t for t in texts if (rule := chrome.match(t)) is None or rule.reason != "caption"]


def header_lines(texts) -> list[str]:
    """Lines up to the first paragraph of prose: where datelines, sources and bylines sit."""
    header = []
    for text in texts:
        if len(header) >= HEADER_LINES:
            break
        if (chrome.reads_as_prose(text) and len(text) >= 30 and chrome.match(text) is None
                and not (len(text) <= 60 and find_datetime(text))):  # "更新时间 2012年12月10日, 格林尼治…"
            break
        header.append(text)
    return header


def site_from_title(title: str, headline: str | None) -> str | None:
    """'港特首…道歉 - BBC中文网 - 两岸三地' -> 'BBC中文网': the outlet named after the headline."""
    rest = title
    if headline and squash(title).startswith(squash(headline)):
        rest = title[len(headline):] if title.startswith(headline) else title
    for part in _TITLE_PARTS.split(rest):
        part = part.strip()
        if 2 <= len(part) <= 20 and _OUTLET_END.search(part):
            return part
    return None


def meta_date(metas: dict[str, str], root) -> str | None:
    for key in DATE_METAS:
        value = metas.get(key)
        if value:
            found = read_timestamp(value) or find_datetime(value)
            if found:
                return found
    for item in json_ld(root):
        value = item.get("datePublished") or item.get("pubDate")
        if isinstance(value, str):
            found = read_timestamp(value) or find_datetime(value)
            if found:
                return found
    return None


def first_meta(metas: dict[str, str], keys) -> str | None:
    for key in keys:
        if metas.get(key):
            return metas[key]
    return None


def strip_label(source: str | None) -> str | None:
    """'来源：人民网-文化频道 原创稿' -> '人民网-文化频道'."""
    if not source:
        return None
    found = find_source([source]) if "来源" in source else None
    source = (found or source).strip()
    return source[:40] or None
