"""Extracted files + fetch log -> schema `raw` of a NEW DuckDB file.

The load is the only writer, and it writes a fresh file per run (never the published one),
so a failed run cannot damage what analysts read. `build_raw` builds `raw` from every document in
the landing area: the warehouse is a function of the landing area and the extractor version.
`update_raw` gives the same rows from a copy of the published file, reading the extracted files of
the changed documents only (the documents table and the fetch log, small, are written again whole).
"""
from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from extract.layout import FACT_FILES
from extract.warehouse import raw_schema

log = logging.getLogger(__name__)


@dataclass
class DocumentInput:
    """One document to load: its extraction record, where its files are, where it came from."""

    record: dict
    files_dir: Path | None
    source: dict = field(default_factory=dict)  # source_id, source_url, fetched_at
    overrides: dict = field(default_factory=dict)  # region_code / fiscal_year set by an operator


def build_raw(db_path: Path, documents: list[DocumentInput], fetch_log: list[dict]) -> dict:
    """Create db_path (must not exist) with schema raw; return row counts per table."""
    db_path = Path(db_path)
    if db_path.exists():
        raise FileExistsError(f"{db_path} exists: every load builds a new file")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(db_path)) as con:
        con.execute("CREATE SCHEMA raw")
        for statement in raw_schema.create_statements():
            con.execute(statement)
        _insert_rows(con, "fetch_log", fetch_log)
        _insert_rows(con, "documents", [document_row(d) for d in documents])
        _insert_facts(con, documents)
        counts = _counts(con)
    log.info("raw loaded: %s", counts)
    return counts


def update_raw(db_path: Path, published: Path, documents: list[DocumentInput], changed: list[str],
               fetch_log: list[dict]) -> dict:
    """Create db_path as a copy of the published warehouse whose raw rows equal what build_raw would
    load: fact rows of the `changed` documents deleted and loaded again, documents and fetch log
    rewritten. Every other schema is dropped: dbt builds it again, as on a new file."""
    db_path = Path(db_path)
    if db_path.exists():
        raise FileExistsError(f"{db_path} exists: every load builds a new file")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(published, db_path)  # readers keep the published file; the copy is ours alone
    with duckdb.connect(str(db_path)) as con:
        _drop_all_but_raw(con)
        for table in ("fetch_log", "documents"):
            con.execute(f"DELETE FROM raw.{table}")
        _insert_rows(con, "fetch_log", fetch_log)
        _insert_rows(con, "documents", [document_row(d) for d in documents])
        for name in FACT_FILES:
            con.execute(f"DELETE FROM raw.{name} WHERE document_id IN (SELECT unnest(?::VARCHAR[]))", [changed])
        wanted = set(changed)
        _insert_facts(con, [d for d in documents if d.record["document_id"] in wanted])
        counts = _counts(con)
    log.info("raw updated for %d changed documents: %s", len(changed), counts)
    return counts


def _drop_all_but_raw(con) -> None:
    for (schema,) in con.execute("SELECT schema_name FROM information_schema.schemata WHERE catalog_name = "
                                 "current_database() AND schema_name NOT IN ('raw', 'main')").fetchall():
        con.execute(f'DROP SCHEMA "{schema}" CASCADE')
    for name, kind in con.execute("SELECT table_name, table_type FROM information_schema.tables "
                                  "WHERE table_catalog = current_database() AND table_schema = 'main'").fetchall():
        con.execute(f'DROP {"VIEW" if kind == "VIEW" else "TABLE"} main."{name}" CASCADE')


def _insert_facts(con, documents: list[DocumentInput]) -> None:
    for name in FACT_FILES:
        files = [d.files_dir / f"{name}.parquet" for d in documents if _has_rows(d, name)]
        if files:
            con.execute(
                f"INSERT INTO raw.{name} BY NAME SELECT * FROM read_parquet(?, union_by_name = true)",
                [[str(f) for f in files]],
            )


def _counts(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM raw.{t}").fetchone()[0] for t in raw_schema.RAW_DDL}


def document_row(doc: DocumentInput) -> dict:
    record, source, overrides = doc.record, doc.source, doc.overrides
    evidence = dict(record.get("metadata_evidence") or {})
    for key, value in overrides.items():
        evidence[key] = f"override by operator: {value}"
    return {
        "document_id": record["document_id"],
        "source_id": source.get("source_id"),
        "source_url": source.get("source_url"),
        "file_name": source.get("file_name") or record.get("file_name"),
        "region_code": overrides.get("region_code") or record.get("region_code") or source.get("region_code"),
        "agency_name": record.get("agency_name"),
        "fiscal_year": overrides.get("fiscal_year") or record.get("fiscal_year"),
        "doc_type": record.get("doc_type"),
        "page_count": record.get("page_count"),
        "fetched_at": source.get("fetched_at"),
        "extracted_at": record.get("extracted_at"),
        "extractor_version": record.get("extractor_version"),
        "status": record.get("status"),
        "status_reason": record.get("status_reason"),
        "metadata_evidence": json.dumps(evidence, ensure_ascii=False),
    }


def _has_rows(doc: DocumentInput, name: str) -> bool:
    if doc.files_dir is None or doc.record.get("status") == "quarantined":
        return False
    path = doc.files_dir / f"{name}.parquet"
    return path.exists() and pq.ParquetFile(path).metadata.num_rows > 0


def _insert_rows(con, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    columns = raw_schema.column_names(table)
    placeholders = ", ".join("?" for _ in columns)
    con.executemany(
        f"INSERT INTO raw.{table} ({', '.join(columns)}) VALUES ({placeholders})",
        [[row.get(c) for c in columns] for row in rows],
    )
