"""dbt's sources.yml declares exactly the raw schema the loader writes (extract/warehouse/raw_schema.py)."""
from __future__ import annotations

import pytest
import yaml

from extract import layout
from extract.warehouse import raw_schema

SOURCES_YML = layout.dbt_project_dir() / "models" / "sources.yml"


def _raw_tables() -> dict[str, dict]:
    """Table name in schema raw -> its entry of the `raw` source."""
    spec = yaml.safe_load(SOURCES_YML.read_text())
    raw, = [s for s in spec["sources"] if s["name"] == "raw"]
    assert raw.get("schema", raw["name"]) == "raw"
    names = [t.get("identifier", t["name"]) for t in raw["tables"]]
    assert len(names) == len(set(names)), f"a raw table is declared twice in {SOURCES_YML}: {names}"
    return {t.get("identifier", t["name"]): t for t in raw["tables"]}


def _type(text: str) -> str:
    return " ".join(text.split()).upper()


def test_every_raw_table_is_a_source_table_and_vice_versa():
    declared, loaded = set(_raw_tables()), set(raw_schema.RAW_DDL)
    assert not loaded - declared, f"raw tables missing in sources.yml: {loaded - declared}"
    assert not declared - loaded, f"sources.yml tables not in RAW_DDL: {declared - loaded}"


@pytest.mark.parametrize("table", sorted(raw_schema.RAW_DDL))
def test_source_columns_match_raw_ddl(table):
    columns = _raw_tables()[table].get("columns") or []
    names = [c["name"] for c in columns]
    assert len(names) == len(set(names)), f"raw.{table}: a column is declared twice: {names}"
    declared, loaded = set(names), set(raw_schema.column_names(table))
    assert not loaded - declared, f"raw.{table}: columns missing in sources.yml: {loaded - declared}"
    assert not declared - loaded, f"raw.{table}: sources.yml columns not in RAW_DDL: {declared - loaded}"
    ddl_types = dict(raw_schema.columns(table))
    for column in columns:
        name, declared_type = column["name"], column.get("data_type")
        if declared_type:  # declared: it must be the loader's type
            assert _type(declared_type) == _type(ddl_types[name]), \
                f"raw.{table}.{name}: sources.yml says {declared_type}, RAW_DDL {ddl_types[name]}"
