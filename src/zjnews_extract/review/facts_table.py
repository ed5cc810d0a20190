"""The facts as data for the record card and as a sortable, filterable table.

Fields that newer records carry (indicator, scope, basis, a period type) are read
with getattr-style defaults and shown when present, so the page works for records
of any version; any other field a record gains is listed after the known ones.
"""
from __future__ import annotations

from html import escape
from typing import Any

from .marks import class_token

KINDS = ("value", "percent", "growth", "pp", "rank", "number")
NO_SUBJECT = "(none)"

# The record card, in this order; the rest of a fact's fields follow under their own names.
_SHOWN = ("text", "kind", "value", "unit", "metric", "indicator", "subject", "scope", "period", "status",
          "qualifier", "versus", "basis", "span", "id")
_ALWAYS = {"metric", "subject", "period", "versus"}  # shown empty too: a missing attribute is news
_HIDDEN = {"sentence", "start", "end"}  # the sentence is the text around the mark, already on the page
_OPTIONAL_COLUMNS = ("indicator", "scope", "basis")


def format_value(value: Any) -> str:
    """A number as a reader checks it: 5.55e12 -> 5,550,000,000,000; 7.2 -> 7.2."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return f"{int(value):,}"
    if isinstance(value, (int, float)):
        return format(value, ",")
    return str(value)


def format_period(period: Any) -> str:
    """去年1—11月 (2025-01-01 – 2025-11-30), plus a period type when the record has one."""
    if period is None:
        return ""
    data = _as_dict(period)
    text, start, end = data.pop("text", None), data.pop("start", None), data.pop("end", None)
    span = start if start == end else f"{start or '?'} – {end or '?'}" if (start or end) else ""
    parts = [p for p in (text, f"({span})" if span and text else span) if p]
    parts += [f"{key}: {_plain(val)}" for key, val in data.items() if val not in (None, "", [], {})]
    return " ".join(parts)


def fact_record(fact) -> list[list[str]]:
    """The record card of one fact: [field, shown value] pairs, known fields first."""
    data = fact.to_dict()
    data["span"] = f"{fact.start}–{fact.end}"  # offsets into the document text
    rows = []
    for key in (*_SHOWN, *sorted(k for k in data if k not in _SHOWN and k not in _HIDDEN)):
        value = data.get(key)
        if key == "period":
            shown = format_period(getattr(fact, "period", None))
        else:
            shown = _plain(value)
        if shown or key in _ALWAYS:
            rows.append([key, shown])
    return rows


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain(v)}" for k, v in value.items() if v not in (None, "", [], {}))
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, float):
        return format_value(value)
    return str(value)


def _optional_columns(facts) -> list[str]:
    return [name for name in _OPTIONAL_COLUMNS if any(getattr(f, name, None) not in (None, "") for f in facts)]


def filters_html(facts) -> str:
    """Kind, status and subject choices (only values present) and a text search."""
    kinds = sorted({f.kind for f in facts}, key=lambda k: KINDS.index(k) if k in KINDS else len(KINDS))
    statuses = sorted({f.status for f in facts})
    subjects = sorted({f.subject or NO_SUBJECT for f in facts})
    return (
        '<div class="filters" role="search">'
        + _select("kind", "Kind", kinds)
        + _select("status", "Status", statuses)
        + _select("subject", "Subject", subjects)
        + '<label>Search <input type="search" id="filter-text" placeholder="metric, number, period…" '
          'autocomplete="off"></label>'
        + f'<span class="shown-count" id="shown-count" aria-live="polite">{len(facts)} of {len(facts)} facts'
          '</span></div>'
    )


def _select(name: str, label: str, values: list[str]) -> str:
    options = "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in values)
    return (f'<label>{label} <select id="filter-{name}" data-filter="{name}">'
            f'<option value="">all</option>{options}</select></label>')


def table_html(facts) -> str:
    """Every fact as a row (document order); header buttons sort, a row click shows its span."""
    if not facts:
        return '<p class="empty">No facts were found in this document.</p>'
    extra = _optional_columns(facts)
    columns = ["#", "text", "kind", "value", "unit", "metric", *extra[:1], "subject", *extra[1:2], "period",
               "status", "qualifier", "versus", *extra[2:]]
    head = "".join(
        f'<th scope="col" aria-sort="none"><button type="button" data-col="{i}">{escape(name)}</button></th>'
        for i, name in enumerate(columns))
    body = "\n".join(_row(n, fact, columns) for n, fact in enumerate(facts, 1))
    return (f'<div class="table-wrap"><table id="facts-table" class="sortable">'
            f'<thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table></div>')


_WRAPPING = {"metric", "subject", "versus", "indicator", "scope", "basis"}  # phrases; the rest are short


def _row(number: int, fact, columns: list[str]) -> str:
    cells = []
    for name in columns:
        sort, classes = None, []
        if name == "#":
            shown, sort = escape(str(number)), number
        elif name == "value":
            shown, sort = escape(format_value(fact.value)), "" if fact.value is None else fact.value
        elif name == "period":
            shown, sort = _period_cell(getattr(fact, "period", None))
        elif name == "kind":
            shown = f'<span class="pill k-{class_token(fact.kind)}">{escape(fact.kind)}</span>'
        else:
            shown = escape(_plain(getattr(fact, name, None)), quote=False)
            classes = ["wrap"] if name in _WRAPPING else []
        attr = "" if sort is None else f' data-sort="{escape(str(sort))}"'
        attr += f' class="{" ".join(classes)}"' if classes else ""
        cells.append(f"<td{attr}>{shown}</td>")
    return (f'<tr data-fact="{escape(fact.id)}" data-kind="{escape(fact.kind)}" '
            f'data-status="{escape(fact.status)}" data-subject="{escape(fact.subject or NO_SUBJECT)}" '
            f'tabindex="0">{"".join(cells)}</tr>')


def _period_cell(period) -> tuple[str, str]:
    """The period's words over its dates (and type, when the record has one); sorted by first day."""
    if period is None:
        return "", ""
    cell = escape(getattr(period, "text", None) or "", quote=False)
    details = format_period({**_as_dict(period), "text": None})
    if details:
        cell += f'<span class="sub">{escape(details, quote=False)}</span>'
    return cell, getattr(period, "start", None) or ""


def _as_dict(record: Any) -> dict[str, Any]:
    return dict(record.to_dict() if hasattr(record, "to_dict") else record)
