"""The typed, immutable records the library returns, and their JSON Schema.

Every record is a frozen msgspec Struct: cheap to build, hashable, and it
serialises straight to JSON with every key present (None as null). The JSON
Schema published under data/schema.json is generated from these types: each
field carries its description here, once.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec

Kind = Literal["value", "percent", "growth", "pp", "rank", "number"]
Qualifier = Literal["exact", "over", "under", "approx"]
Status = Literal["actual", "target"]
MetricFrom = Literal["own", "frame"]
PeriodType = Literal["point", "month", "cumulative", "range", "years"]
# 同比 (year on year, the default of a growth rate), 环比 (on the previous period), 目标 (against a
# goal), 比年初 (against the start of the year, for stocks), 年均 (an average yearly rate over several
# years), 比YYYY年 (a named year other than the one before).
BASIS_PATTERN = r"^(同比|环比|目标|比年初|年均|比\d{4}年)$"
INDICATOR_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*(:[a-z0-9_]+)*$"
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
ISO_DATETIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$"


def _d(text: str) -> msgspec.Meta:
    return msgspec.Meta(description=text)


def _str(pattern: str) -> Any:
    return Annotated[str, msgspec.Meta(pattern=pattern)]


class Record(msgspec.Struct, frozen=True, kw_only=True):
    """Base of every record: plain JSON-ready data on demand."""

    def to_dict(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)

    def to_json(self) -> str:
        return msgspec.json.encode(self).decode("utf-8")


class Quantity(Record, frozen=True, kw_only=True):
    """One numeric mention: the number as written, where it is, and what it is worth."""

    text: Annotated[str, _d("The number as written, with its unit and any qualifier word touching it.")]
    start: Annotated[int, _d("Offset of the first character in the text that was parsed.")]
    end: Annotated[int, _d("Offset just past the last character.")]
    kind: Annotated[Kind, _d("value (amount, count, physical quantity), percent (share or rate), growth "
                             "(a % or 倍 change), pp (percentage points), rank, number (bare number).")]
    value: Annotated[float | None, _d("In base units: 5.55万亿元 is 5.55e12; signed for changes (下降2.1% is -2.1).")]
    unit: Annotated[str | None, _d("ISO currency code, measure word, physical unit, % or pp; null for a rank "
                                   "or a bare number.")]
    qualifier: Annotated[Qualifier, _d("exact, over (超, 以上), under (不到, 以下) or approx (约, 近).")] = "exact"


class Period(Record, frozen=True, kw_only=True):
    """The time a fact covers: first and last day, and the words that said so."""

    start: Annotated[_str(ISO_DATE) | None, _d("First day covered, YYYY-MM-DD.")]
    end: Annotated[_str(ISO_DATE) | None, _d("Last day covered, YYYY-MM-DD.")]
    text: Annotated[str | None, _d("The words it was read from, e.g. 去年1—11月.")]


class Fact(Record, frozen=True, kw_only=True):
    """One stated fact: a quantity tied to what, whom, when and whether achieved."""

    id: Annotated[str, _d("Stable across runs: derived from the span and the text.")]
    text: Annotated[str, _d("Exactly Document.text[start:end].")]
    start: Annotated[int, _d("Offset of the fact's first character in Document.text.")]
    end: Annotated[int, _d("Offset just past its last character.")]
    kind: Annotated[Kind, _d("value, percent, growth, pp, rank or number (see Quantity.kind).")]
    value: Annotated[float | None, _d("In base units, signed for changes.")]
    unit: Annotated[str | None, _d("ISO currency code, measure word, physical unit, % or pp; null for a rank.")]
    qualifier: Annotated[Qualifier, _d("exact, over, under or approx.")] = "exact"
    metric: Annotated[str | None, _d("The shortest phrase of the sentence naming what is measured, as written.")] = None
    metric_from: Annotated[MetricFrom | None, _d(
        "Where the metric was read: own (the words of the number's own clause, or its table row and column), "
        "frame (an earlier clause or sentence that the number's clause leaves it to: 其中出口4.18万亿元、增长7.2%); "
        "null when no metric was found.")] = None
    indicator: Annotated[_str(INDICATOR_PATTERN) | None, _d(
        "Canonical indicator id from the catalogue (data/indicators.toml), e.g. trade.exports, or "
        "trade.exports:high_tech_products for a breakdown; null when no catalogue entry fits the metric.")] = None
    subject: Annotated[str | None, _d("The place or body the fact is about (浙江, 全国, a company).")] = None
    scope: Annotated[str | None, _d(
        "Coverage of the statistic named with the metric: 规模以上, 限额以上, 限额以下, 城镇, 农村, 城市, 全体居民; "
        "null when none is named.")] = None
    period: Annotated[Period | None, _d("The time the number covers; null when the text gives none.")] = None
    period_type: Annotated[PeriodType | None, _d(
        "point (a stock at a moment: 6月末, 截至), month (one calendar month), cumulative (from January to the "
        "period's last month of one year: 1—6月, 上半年, 全年), range (another span within a year: 二季度, 4—6月), "
        "years (several years: 2021..2025); null without a period.")] = None
    status: Annotated[Status, _d("actual for results, target for plans, goals and forecasts.")] = "actual"
    basis: Annotated[_str(BASIS_PATTERN) | None, _d(
        "What a change is measured against, read from the words before the number in its clause: 同比 (the "
        "default for growth and pp within one year), 环比, 比年初, 年均 (an average yearly rate), 比YYYY年 (a named "
        "year other than the one before), 目标; for a value, "
        "set only when it is a stated change (比去年同期增加…); null otherwise.")] = None
    versus: Annotated[str | None, _d("For pp, percent shares and ranks: the benchmark or whole (全国, 去年同期).")] = None
    sentence: Annotated[str, _d("The sentence it was read from (300 characters each side, of a longer one).")] = ""


class Span(Record, frozen=True, kw_only=True):
    """Where a name is mentioned."""

    start: Annotated[int, _d("Offset of the first character in Document.text.")]
    end: Annotated[int, _d("Offset just past the last character.")]


class Initiative(Record, frozen=True, kw_only=True):
    """A named program, campaign or slogan, with every place it is mentioned."""

    name: Annotated[str, _d("The name without quote marks.")]
    mentions: Annotated[list[Span], _d("Every place it is mentioned.")] = []


class Removed(Record, frozen=True, kw_only=True):
    """Lines the cleaner dropped, and why: one entry per run of lines dropped for one reason."""

    text: Annotated[str, _d("The lines dropped.")]
    reason: Annotated[str, _d("Why (the rule's name).")]


class CleanedPage(Record, frozen=True, kw_only=True):
    """What the cleaning stage hands on: article text and page metadata."""

    text: str  # the headline (when found) as first line, then the body paragraphs, one per line
    title: str | None = None
    published: str | None = None  # ISO 8601 with +08:00 when the page gives a time
    # the date is only the one in the page's address (/2021/0715/): shown, but no reference for 今年 or 上半年
    dated_by_url: bool = False
    source: str | None = None  # outlet named by 来源
    authors: list[str] = []  # reporters, as printed names
    editor: str | None = None
    tags: list[str] = []
    encoding: str | None = None  # for bytes input: the codec used
    # how it was chosen: bom, utf-8, utf-8-lenient, declared, declared-lenient (a few bad bytes
    # replaced), detected; None for text input
    encoding_method: str | None = None
    removed: list[Removed] = []


class Document(Record, frozen=True, kw_only=True):
    """One article: cleaned text, metadata, facts and initiatives."""

    doc_id: Annotated[str | None, _d("The batch's stable id of the input item (file path, WARC record id).")] = None
    url: Annotated[str | None, _d("The page's address, when given.")] = None
    title: Annotated[str | None, _d("The headline.")] = None
    published: Annotated[_str(ISO_DATETIME) | None, _d(
        "Publication time, always YYYY-MM-DDTHH:MM:SS+08:00 (Beijing time); 00:00:00 when only the day is "
        "known. Read from the page (its dateline, else a date in its address), else the reference date given "
        "by the caller.")] = None
    reference_date: Annotated[_str(ISO_DATE) | None, _d(
        "The date relative periods (去年, 今年以来) were resolved against: the caller's published date, else "
        "the page's own dateline (a date only its address gives is none); null when neither was known.")] = None
    extractor_version: Annotated[str, _d("Version of zjnews_extract that made this record.")] = ""
    source: Annotated[str | None, _d("The outlet named by 来源.")] = None
    authors: Annotated[list[str], _d("Reporters, as printed.")] = []
    editor: Annotated[str | None, _d("The editor (责任编辑).")] = None
    tags: Annotated[list[str], _d("Tags or keywords the page lists.")] = []
    encoding: Annotated[str | None, _d("For bytes input: the codec used to decode them.")] = None
    encoding_method: Annotated[str | None, _d(
        "How the codec was chosen: bom, utf-8, utf-8-lenient, declared, declared-lenient, detected; "
        "null for text input.")] = None
    text: Annotated[str, _d("The article text: headline, then body paragraphs, one per line.")] = ""
    facts: Annotated[list[Fact], _d("Every stated fact, in text order.")] = []
    initiatives: Annotated[list[Initiative], _d("Named programs, campaigns and slogans.")] = []
    removed: Annotated[list[Removed], _d("What the cleaner dropped from the page, and why.")] = []

    def to_html(self) -> str:
        """A self-contained HTML page to review this document: every fact highlighted in the text,
        its record on hover, a sortable facts table, the removed lines; no external request."""
        from .review import document_html  # noqa: PLC0415  (records stay light; the page code loads on use)

        return document_html(self)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a Document, generated from the types above.

    Every key is always present in the output (null, never omitted), so every property is required."""
    schema = msgspec.json.schema(Document)
    for definition in schema.get("$defs", {}).values():
        if "properties" in definition:
            definition["required"] = list(definition["properties"])
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "zjnews_extract Document"
    return schema
