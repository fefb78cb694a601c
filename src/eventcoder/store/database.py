"""The embedded DuckDB store, built from a run's Parquet parts at the end of the run.

``eventcoder.duckdb`` holds two tables, ``events`` and ``articles``, with the columns of
``store.schema`` (events also get ``month``, their partition). It is rebuilt from scratch each
time a run finishes, into a temporary file renamed into place, so it always matches the Parquet.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from eventcoder.errors import StoreError
from eventcoder.store.schema import article_schema, event_schema

__all__ = ["build_database"]


def _sql_list(files: Sequence[Path]) -> str:
    return "[" + ", ".join("'" + str(f).replace("'", "''") + "'" for f in files) + "]"


def _create(
    con: duckdb.DuckDBPyConnection,
    table: str,
    files: Sequence[Path],
    empty: pa.Table,
    *,
    hive: bool,
) -> None:
    if not files:
        con.register("_empty", empty)
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM _empty")
        con.unregister("_empty")
        return
    options = "filename = true, file_row_number = true"
    if hive:
        options += ", hive_partitioning = true, hive_types = {'month': VARCHAR}"
    con.execute(
        f"CREATE TABLE {table} AS SELECT * EXCLUDE (filename, file_row_number) "
        f"FROM read_parquet({_sql_list(files)}, {options}) ORDER BY filename, file_row_number"
    )


def build_database(
    path: str | Path, *, event_files: Sequence[Path], article_files: Sequence[Path]
) -> Path:
    """Build the DuckDB file at ``path`` with ``events`` and ``articles`` tables from Parquet parts."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(tmp))
        try:
            empty_events = (
                event_schema().empty_table().append_column("month", pa.array([], pa.string()))
            )
            _create(con, "events", event_files, empty_events, hive=True)
            _create(con, "articles", article_files, article_schema().empty_table(), hive=False)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, path)
    except (duckdb.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(
            f"cannot build {path}: {exc}; check the disk space and that no other program holds the file"
        ) from exc
    return path
