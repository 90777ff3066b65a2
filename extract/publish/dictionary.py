"""The data dictionary that travels with the data: table and column descriptions of the marts.

One source: the dbt yml (`dbt_project/models/marts/*.yml`), as dbt renders it into `manifest.json`
(`{{ doc(...) }}` blocks resolved) on every build. Publish writes the descriptions into the warehouse as
`COMMENT ON` (`apply_comments`); everything derived from the warehouse afterwards (Parquet key-value
metadata, `dictionary.csv`, the serving file's comments, the workbook's "Baca saya" sheet) reads them
back from the warehouse's catalog (`read_comments`), so no second copy of the text exists in the code.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

DICTIONARY_CSV = "dictionary.csv"
DICTIONARY_COLUMNS = ("table_name", "column_name", "data_type", "description")
TABLE_KEY = "description"           # Parquet key-value metadata: the table's description ...
COLUMN_KEY_PREFIX = "description."  # ... and one key per column ("description.region_code")


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def manifest_descriptions(manifest_path: Path, schema: str = "marts") -> dict[str, dict]:
    """{table: {"description": str, "columns": {column: str}}} for the models dbt built into `schema`."""
    manifest = json.loads(Path(manifest_path).read_text())
    out = {}
    for node in manifest["nodes"].values():
        if node.get("resource_type") == "model" and node.get("schema") == schema:
            out[node["alias"]] = {
                "description": (node.get("description") or "").strip(),
                "columns": {name: (c.get("description") or "").strip() for name, c in node["columns"].items()}}
    return out


def apply_comments(con, descriptions: dict[str, dict], schema: str = "marts") -> int:
    """COMMENT ON every table / view of `schema` and its columns that `descriptions` knows. Returns the count."""
    kinds = dict(con.execute(
        "SELECT table_name, CASE table_type WHEN 'VIEW' THEN 'VIEW' ELSE 'TABLE' END "
        "FROM information_schema.tables WHERE table_schema = ?", [schema]).fetchall())
    done = 0
    for table, doc in descriptions.items():
        if table not in kinds:
            continue
        relation = f"{_quote(schema)}.{_quote(table)}"
        statements = [f"COMMENT ON {kinds[table]} {relation} IS {_literal(doc['description'])}"
                      ] if doc["description"] else []
        columns = {r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?",
            [schema, table]).fetchall()}
        statements += [f"COMMENT ON COLUMN {relation}.{_quote(col)} IS {_literal(text)}"
                       for col, text in doc["columns"].items() if text and col in columns]
        if statements:
            con.execute(";\n".join(statements))  # one call: a few hundred statements in milliseconds
        done += len(statements)
    return done


def read_comments(con, schema: str = "marts") -> dict[str, dict]:
    """The descriptions stored in a DuckDB catalog, in the shape `manifest_descriptions` returns."""
    tables = con.execute(
        "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = ? AND database_name = current_database() "
        "UNION ALL SELECT view_name, comment FROM duckdb_views() "
        "WHERE schema_name = ? AND database_name = current_database()", [schema, schema]).fetchall()
    out = {name: {"description": comment or "", "columns": {}} for name, comment in tables}
    for table, column, comment in con.execute(
            "SELECT table_name, column_name, comment FROM duckdb_columns() "
            "WHERE schema_name = ? AND database_name = current_database() ORDER BY table_name, column_index",
            [schema]).fetchall():
        if table in out:
            out[table]["columns"][column] = comment or ""
    return out


def parquet_metadata(table: str, descriptions: dict[str, dict]) -> str:
    """The `KV_METADATA {...}` option of a Parquet COPY carrying a table's descriptions ('' when none)."""
    doc = descriptions.get(table) or {"description": "", "columns": {}}
    pairs = [(TABLE_KEY, doc["description"])] + [(COLUMN_KEY_PREFIX + c, t) for c, t in doc["columns"].items()]
    items = ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in pairs if v)
    return f", KV_METADATA {{{items}}}" if items else ""


def write_dictionary_csv(tables: list[dict], descriptions: dict[str, dict], path: Path) -> Path:
    """One row per table (column_name empty) and per column: the analyst's dictionary."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(DICTIONARY_COLUMNS)
        for table in tables:
            doc = descriptions.get(table["name"]) or {"description": "", "columns": {}}
            writer.writerow([table["name"], "", "", doc["description"]])
            for column in table["columns"]:
                writer.writerow([table["name"], column["name"], column["type"],
                                 doc["columns"].get(column["name"], "")])
    return path


def comment_warehouse(db_path: Path, manifest_path: Path, schema: str = "marts") -> int:
    """Write the dbt descriptions into the (unpublished, unshared) build file as comments. Returns the count."""
    import duckdb

    descriptions = manifest_descriptions(manifest_path, schema)
    with duckdb.connect(str(db_path)) as con:
        count = apply_comments(con, descriptions, schema)
        con.execute("CHECKPOINT")
    return count
