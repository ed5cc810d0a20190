"""Time series out of the store: one indicator's values by period, with the documents stating them.

Rows with equal subject, scope, period, kind, basis, value, unit and qualifier are one row that
lists every document stating it. Two rows that state different values (beyond the rounding of
their digits) for the same subject, scope, period, kind, basis, unit and status are both marked
`conflict`; bounds (超, 不到) are listed but never conflict with a figure.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from .duckdb_writer import connect
from .rounding import same_within_rounding

COLUMNS = ("subject", "scope", "period_start", "period_end", "period_type", "kind", "basis", "value", "unit",
           "qualifier", "status", "docs", "text", "conflict")
_GROUP = ("subject", "scope", "period_start", "period_end", "period_type", "kind", "basis", "value", "unit",
          "qualifier", "status")


def series_records(db: str, indicator: str, *, subject: str | None = None, scope: str | None = None,
                   kind: str | None = None, status: str | None = "actual") -> list[dict[str, Any]]:
    """The series of `indicator` in the DuckDB file `db` as plain records (dates as ISO strings).

    subject matches with or without 省/市 (浙江 finds 浙江省); status None gives targets too."""
    where, params = ["indicator = ?"], [indicator]
    if subject:
        where.append("regexp_replace(subject, '(省|市|自治区)$', '') = regexp_replace(?, '(省|市|自治区)$', '')")
        params.append(subject)
    for column, wanted in (("scope", scope), ("kind", kind), ("status", status)):
        if wanted:
            where.append(f"{column} = ?")
            params.append(wanted)
    group = ", ".join(_GROUP)
    sql = (f"SELECT {group}, list(DISTINCT doc_id ORDER BY doc_id) AS docs, min(text) AS text FROM facts "
           f"WHERE {' AND '.join(where)} GROUP BY {group} "
           f"ORDER BY subject NULLS FIRST, scope NULLS FIRST, kind, basis NULLS FIRST, period_end NULLS FIRST, "
           f"period_start NULLS FIRST, value")
    con = connect(db, read_only=True)
    try:
        cursor = con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, r)) for r in cursor.fetchall()]
    finally:
        con.close()
    for row in rows:
        for key in ("period_start", "period_end"):
            row[key] = row[key].isoformat() if row[key] is not None else None
        row["conflict"] = False
    _mark_conflicts(rows)
    return [{k: row[k] for k in COLUMNS} for row in rows]


def _mark_conflicts(rows: list[dict[str, Any]]) -> None:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        if row["value"] is None or row["qualifier"] in ("over", "under") or row["period_start"] is None:
            continue
        key = (row["subject"], row["scope"], row["period_start"], row["period_end"], row["kind"], row["basis"],
               row["unit"], row["status"])
        groups[key].append(row)
    for members in groups.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if not same_within_rounding(a["value"], a["text"], b["value"], b["text"]):
                    a["conflict"] = b["conflict"] = True


def series_frame(db: str, indicator: str, **filters):
    """The same records as a pandas DataFrame (pandas is not a dependency: install it to use this)."""
    try:
        import pandas  # noqa: PLC0415
    except ImportError as exc:
        raise ImportError("series_frame needs pandas: pip install pandas") from exc
    return pandas.DataFrame(series_records(db, indicator, **filters), columns=list(COLUMNS))


def indicator_counts(db: str) -> list[dict[str, Any]]:
    """Every indicator in the store with its number of facts and documents, most facts first."""
    con = connect(db, read_only=True)
    try:
        rows = con.execute("SELECT indicator, count(*), count(DISTINCT doc_id) FROM facts WHERE indicator IS NOT NULL "
                           "GROUP BY indicator ORDER BY count(*) DESC, indicator").fetchall()
    finally:
        con.close()
    return [{"indicator": i, "facts": n, "documents": d} for i, n, d in rows]
