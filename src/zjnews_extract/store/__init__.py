"""The embedded fact store: DuckDB tables (and Parquet parts) of batch results, series and checks.

    >>> from zjnews_extract.store import series_records, run_checks
    >>> series_records("facts.duckdb", "trade.exports", subject="浙江")
    >>> list(run_checks("facts.duckdb"))

Writers (DuckDBWriter, ParquetWriter) are the batch's sinks. duckdb is imported only when a store
is opened, never with this package.
"""
from __future__ import annotations

from .checks import RULES, run_checks
from .duckdb_writer import DuckDBWriter, connect
from .parquet_writer import ParquetWriter
from .series import indicator_counts, series_frame, series_records

__all__ = ["RULES", "DuckDBWriter", "ParquetWriter", "connect", "indicator_counts", "run_checks", "series_frame",
           "series_records"]
