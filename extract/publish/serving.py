"""The serving database: a small DuckDB file that holds only VIEWs over the Parquet exports.

BI tools (Superset, Metabase, Evidence, notebooks) connect to this file, never to the file the
nightly run builds and swaps (`warehouse/lkjip.duckdb`):

- it holds no data, only view definitions, so it is a few hundred kilobytes and rebuilt in
  well under a second on each publish (to a temp file, then `os.replace`d over the old one);
- the views read `<export_dir>/<table>/**/*.parquet` with `hive_partitioning` (fiscal_year comes
  from the `fiscal_year=YYYY` folder names), so a reader never holds a lock on anything the
  pipeline writes: DuckDB opens the Parquet files only for the duration of a query;
- `export_dir` is the symlink that `extract.publish.export.export_marts` swaps atomically, so a connected
  client sees the new export on its next query, and a new connection sees the new view definitions.

Paths: DuckDB resolves a relative path in a view against the *client's* working directory (or its
`file_search_path`), not against the database file, so a view written with a relative path breaks as
soon as Superset or Metabase opens the file from elsewhere. The views therefore use the ABSOLUTE
path of the export folder (as given, symlinks not resolved). Consequence: the serving file works
read-only from any process on the same machine or container; if the folder is mounted at another path
(another container, a laptop copy), rebuild the serving file there with `build_serving_db`
(`lkjip export` does it) or mount the folder at the same absolute path. `main.serving_info`
records the export path and when the file was built.

Schema: the views live in schema `marts` (same names and columns as the warehouse contract), so
every query written for the warehouse runs unchanged on the serving file. Each view and column carries
the dbt description as a COMMENT (from the export manifest, extract.publish.dictionary).

Storage version: the file is written in DuckDB's `STORAGE_VERSION` (below), which the DuckDB 1.x
libraries inside BI tools (the 1.5 CLI, `@duckdb/node-api` 1.x of Evidence, Metabase's and Superset's
drivers) can open; a file in DuckDB 2.0's own format (version 69) fails there (docs/DESIGN.md).
"""
from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from extract.fsutil import commit_file
from extract.publish.dictionary import apply_comments
from extract.publish.export import PARTITION_COLUMN, _literal, _quote, read_manifest

STORAGE_VERSION = "v1.4.0"  # the oldest format DuckDB 1.4 / 1.5 clients read; accepted by DuckDB 2.0


def build_serving_db(export_dir: Path, serving_path: Path, schema: str = "marts") -> Path:
    """(Re)build `serving_path` with one view per exported table; atomic replace. Returns the path."""
    export_dir = Path(export_dir).absolute()
    serving_path = Path(serving_path).absolute()
    manifest = read_manifest(export_dir)
    if manifest["format"] != "parquet":
        raise ValueError(f"{export_dir} holds a {manifest['format']} export: the serving views need Parquet")
    serving_path.parent.mkdir(parents=True, exist_ok=True)
    staging = serving_path.with_name(f".{serving_path.name}.incoming-{os.getpid()}")
    for leftover in (staging, staging.with_name(staging.name + ".wal")):
        leftover.unlink(missing_ok=True)
    try:
        with duckdb.connect(str(staging), config={"storage_compatibility_version": STORAGE_VERSION}) as con:
            con.execute(f"CREATE SCHEMA IF NOT EXISTS {_quote(schema)}")
            for table in manifest["tables"]:
                con.execute(_view_sql(schema, table, export_dir))
            apply_comments(con, _manifest_descriptions(manifest), schema)
            con.execute(
                "CREATE TABLE main.serving_info AS SELECT ? AS export_dir, ? AS exported_at, "
                "? AS export_version, ? AS built_at, ? AS source_warehouse",
                [str(export_dir), manifest["exported_at"], manifest["version"],
                 datetime.now(UTC).isoformat(timespec="seconds"), manifest["warehouse"]])
            con.execute("CHECKPOINT")
        commit_file(staging, serving_path)
    finally:
        staging.unlink(missing_ok=True)
        staging.with_name(staging.name + ".wal").unlink(missing_ok=True)
    return serving_path


def _manifest_descriptions(manifest: dict) -> dict[str, dict]:
    return {t["name"]: {"description": t.get("description", ""),
                        "columns": {c["name"]: c.get("description", "") for c in t["columns"]}}
            for t in manifest["tables"]}


def _view_sql(schema: str, table: dict, export_dir: Path) -> str:
    location = _literal(export_dir / table["path"])
    if table["partitioned"]:
        year_type = next(c["type"] for c in table["columns"] if c["name"] == PARTITION_COLUMN)
        reader = (f"read_parquet({location}, hive_partitioning = true, "
                  f"hive_types = {{{_literal(PARTITION_COLUMN)}: {year_type}}})")
    else:
        reader = f"read_parquet({location}, hive_partitioning = false)"
    columns = ", ".join(_quote(c["name"]) for c in table["columns"])
    return (f"CREATE OR REPLACE VIEW {_quote(schema)}.{_quote(table['name'])} AS "
            f"SELECT {columns} FROM {reader}")
