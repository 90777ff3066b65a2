"""Export every table of schema `marts` to Parquet (partitioned by fiscal year) or CSV.

Layout of an export folder (`out_dir`, e.g. `warehouse/exports`):

    out_dir -> .exports.versions/<stamp>/        a symlink, swapped atomically on each export
        _manifest.json                           tables, columns and types, row counts, partitioning
        fct_performance_indicator/fiscal_year=2024/data_0.parquet   (Parquet, tables with fiscal_year)
        dim_region/data.parquet                  (Parquet, tables without fiscal_year, or empty ones)
        fct_performance_indicator.csv            (CSV: one file per table)

Atomicity: the export is written into a fresh version folder next to `out_dir`; when it is complete,
a new symlink is renamed over `out_dir` (`os.replace`, atomic on POSIX). A reader therefore sees
either the previous export or the new one, never a half-written folder. The previous `keep`
versions stay on disk, so a reader (or a serving view) that resolved the old folder a moment
before the swap can still read its files; older versions are deleted.

If `out_dir` is an existing real folder (an export made by hand), it is moved aside once and
replaced by the symlink.
"""
from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from extract.fsutil import staged_folder
from extract.publish.dictionary import (  # _quote, _literal: also for serving and changes
    DICTIONARY_CSV,
    _literal,
    _quote,
    parquet_metadata,
    read_comments,
    write_dictionary_csv,
)

FORMATS = ("parquet", "csv")
MANIFEST = "_manifest.json"
WORKBOOK_DIR = "xlsx"
PARTITION_COLUMN = "fiscal_year"


def mart_tables(con: duckdb.DuckDBPyConnection, schema: str = "marts") -> list[dict]:
    """Tables and views of `schema` with their columns (in order) and types."""
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name",
        [schema]).fetchall()]
    tables = []
    for name in names:
        cols = con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
            [schema, name]).fetchall()
        tables.append({"name": name, "columns": [{"name": c, "type": t} for c, t in cols]})
    return tables


def _versions_dir(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.versions"


def export_marts(warehouse: Path, out_dir: Path, fmt: str = "parquet", keep: int = 2,
                 schema: str = "marts", workbooks: bool = False, pdf_dir: Path | None = None) -> dict:
    """Write every table of `schema` from `warehouse` into `out_dir`, atomically. Returns the manifest.

    The warehouse is opened read-only, so this can run against the published file while
    readers are connected. The warehouse's table and column comments (the dbt descriptions) go into
    the manifest, the Parquet files' key-value metadata and `dictionary.csv`; `workbooks` adds the
    Excel workbooks (`xlsx/`, extract.publish.workbook), linking to the PDFs in `pdf_dir` when a document
    has no web address.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    warehouse, out_dir = Path(warehouse), Path(out_dir).absolute()
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}")
    versions = _versions_dir(out_dir)
    versions.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = versions / f"{fmt}-{stamp}-{os.getpid()}"
    manifest = {"format": fmt, "schema": schema, "warehouse": str(warehouse.resolve()),
                "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "version": target.name, "tables": []}
    with staged_folder(target) as incoming, duckdb.connect(str(warehouse), read_only=True) as con:
        descriptions = read_comments(con, schema)
        for table in mart_tables(con, schema):
            manifest["tables"].append(_export_table(con, schema, table, incoming, fmt, descriptions))
        write_dictionary_csv(manifest["tables"], descriptions, incoming / DICTIONARY_CSV)
        if workbooks:
            from extract.publish.workbook import write_workbooks

            manifest["workbooks"] = [p.name for p in write_workbooks(con, incoming / WORKBOOK_DIR, schema=schema,
                                                                         pdf_dir=pdf_dir)]
        (incoming / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    _swap_symlink(out_dir, target)
    _prune(versions, keep=keep, current=target)
    manifest["path"] = str(out_dir)
    manifest["resolved_path"] = str(target)
    return manifest


def _export_table(con, schema: str, table: dict, folder: Path, fmt: str, descriptions: dict) -> dict:
    name = table["name"]
    source = f"{_quote(schema)}.{_quote(name)}"
    rows = con.execute(f"SELECT count(*) FROM {source}").fetchone()[0]
    has_year = any(c["name"] == PARTITION_COLUMN for c in table["columns"])
    doc = descriptions.get(name) or {"description": "", "columns": {}}
    entry = dict(table, rows=rows, partitioned=False, description=doc["description"],
                 columns=[dict(c, description=doc["columns"].get(c["name"], "")) for c in table["columns"]])
    metadata = parquet_metadata(name, descriptions)
    if fmt == "csv":
        path = folder / f"{name}.csv"
        con.execute(f"COPY (SELECT * FROM {source}) TO {_literal(path)} (FORMAT csv, HEADER true)")
        entry["path"] = path.name
    elif has_year and rows:
        path = folder / name
        con.execute(f"COPY (SELECT * FROM {source}) TO {_literal(path)} "
                    f"(FORMAT parquet, PARTITION_BY ({_quote(PARTITION_COLUMN)}), OVERWRITE_OR_IGNORE{metadata})")
        entry.update(path=f"{name}/**/*.parquet", partitioned=True,
                     partitions=sorted(p.name for p in path.iterdir()))
    else:  # no fiscal_year, or no rows (a partitioned COPY of nothing writes no file to read)
        path = folder / name
        path.mkdir()
        con.execute(f"COPY (SELECT * FROM {source}) TO {_literal(path / 'data.parquet')} (FORMAT parquet{metadata})")
        entry["path"] = f"{name}/data.parquet"
    return entry


def _swap_symlink(out_dir: Path, target: Path) -> None:
    relative_target = os.path.relpath(target, out_dir.parent)
    if out_dir.exists() and not out_dir.is_symlink():
        # a real folder from an older export or made by hand: move it aside once
        aside = _versions_dir(out_dir) / f"legacy-{datetime.now(UTC):%Y%m%dT%H%M%S}"
        os.replace(out_dir, aside)
    link = out_dir.parent / f".{out_dir.name}.link-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(relative_target, link)
    os.replace(link, out_dir)


def _prune(versions: Path, keep: int, current: Path) -> None:
    done = sorted((p for p in versions.iterdir() if not p.name.startswith(".")),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    survivors = [current] + [p for p in done if p != current][:max(keep - 1, 0)]
    for path in done:
        if path not in survivors:
            shutil.rmtree(path, ignore_errors=True)


def read_manifest(export_dir: Path) -> dict:
    path = Path(export_dir) / MANIFEST
    if not path.exists():
        raise FileNotFoundError(f"{export_dir} is not an export folder (no {MANIFEST}): run `lkjip export`")
    return json.loads(path.read_text())
