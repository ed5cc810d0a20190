"""Which sinks a batch command line asks for: the text file (JSON Lines, CSV) and the store writers."""
from __future__ import annotations

import os


def sinks(output: str | None, fmt: str, db: str | None) -> tuple[list, str | None]:
    """(store writers, text output path or None) for -o OUTPUT --format FMT --db DB."""
    from .duckdb_writer import DuckDBWriter  # noqa: PLC0415
    from .parquet_writer import ParquetWriter  # noqa: PLC0415

    writers: list = []
    text_output = output
    if fmt == "parquet":
        if not output:
            raise ValueError("--format parquet needs -o FOLDER for its part files")
        writers.append(ParquetWriter(output))
        text_output = None
    if db:
        if output and os.path.abspath(output) == os.path.abspath(db):
            raise ValueError("-o and --db name the same file")
        writers.append(DuckDBWriter(db))
    return writers, text_output
