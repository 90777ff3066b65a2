"""The dictionary travels with the data: every mart table and column carries its dbt yml description as a
COMMENT in the published warehouse and in the serving file (read here by the DuckDB 1.x CLI), in the Parquet
files' key-value metadata and in exports/dictionary.csv. The expected text is rendered here from the yml
itself (`{{ doc('...') }}` resolved from the models' .md doc blocks), independently of dbt's manifest."""
from __future__ import annotations

import csv
import re

import duckdb
import pytest
import yaml

from extract.publish.export import export_marts
from extract.publish.serving import build_serving_db
from tests.integration.bi_readers import cli_rows
from tests.integration.test_export import seed_warehouse
from tests.paths import REPO

pytestmark = pytest.mark.slow
MODELS = REPO / "dbt_project" / "models"
SAMPLE = [("fct_performance_indicator", "achievement_pct_reported"), ("fct_performance_indicator", "source_page"),
          ("fct_budget_realization", "budget_idr"), ("dim_region", "region_code"),
          ("mart_data_quality_issues", "detail"), ("fct_plan_target", "is_end_target")]


def _yml_descriptions() -> dict[str, dict]:
    blocks = {}
    for md in MODELS.rglob("*.md"):
        for name, body in re.findall(r"{%\s*docs\s+(\w+)\s*%}(.*?){%\s*enddocs\s*%}", md.read_text(), re.S):
            blocks[name] = body.strip()

    def render(text: str | None) -> str:
        return re.sub(r"{{\s*doc\(['\"](\w+)['\"]\)\s*}}", lambda m: blocks[m.group(1)], text or "").strip()

    out = {}
    for path in (MODELS / "marts").glob("*.yml"):
        for model in yaml.safe_load(path.read_text()).get("models") or []:
            out[model["name"]] = {"description": render(model.get("description")),
                                  "columns": {c["name"]: render(c.get("description")) for c in model["columns"]}}
    return out


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    warehouse = seed_warehouse()[0]
    folder = tmp_path_factory.mktemp("dictionary")
    export_marts(warehouse, folder / "exports")
    return warehouse, folder / "exports", build_serving_db(folder / "exports", folder / "serving.duckdb")


def test_every_mart_column_of_the_warehouse_has_its_yml_description(published):
    warehouse, _, _ = published
    expected = _yml_descriptions()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        columns = con.execute("SELECT table_name, column_name, comment FROM duckdb_columns() "
                              "WHERE schema_name = 'marts'").fetchall()
        tables = dict(con.execute("SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'marts'")
                      .fetchall())
    assert sum(bool(comment) for _, _, comment in columns) > 150
    for table, column, comment in columns:   # a column the yml describes has its comment, and no other has one
        assert (comment or "") == expected.get(table, {"columns": {}})["columns"].get(column, ""), (table, column)
    assert {n: c or "" for n, c in tables.items()} == {n: expected.get(n, {"description": ""})["description"]
                                                       for n in tables}


def test_serving_file_parquet_and_csv_carry_the_same_descriptions(published):
    _, exports, serving = published
    expected = _yml_descriptions()
    with open(exports / "dictionary.csv", newline="", encoding="utf-8") as f:
        dictionary = {(r["table_name"], r["column_name"]): r["description"] for r in csv.DictReader(f)}
    for table, column in SAMPLE:
        text = expected[table]["columns"][column]
        assert text, (table, column)
        sql = (f"SELECT comment FROM duckdb_columns() WHERE schema_name = 'marts' AND table_name = '{table}' "
               f"AND column_name = '{column}'")
        assert cli_rows(serving, [sql]) == [(text,)]                     # DuckDB 1.5 reads the serving file
        with duckdb.connect() as con:
            kv = dict(con.execute("SELECT DISTINCT decode(key), decode(value) FROM parquet_kv_metadata(?)",
                                  [str(exports / table / "**" / "*.parquet")]).fetchall())
        assert kv[f"description.{column}"] == text and kv["description"] == expected[table]["description"]
        assert dictionary[(table, column)] == text
        assert dictionary[(table, "")] == expected[table]["description"]
    with duckdb.connect(str(serving), read_only=True) as con:
        view = con.execute("SELECT comment FROM duckdb_views() WHERE view_name = 'fct_budget_realization'").fetchone()
    assert view == (expected["fct_budget_realization"]["description"],)
