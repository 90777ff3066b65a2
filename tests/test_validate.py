"""Great Expectations checkpoint over the marts built from the raw fixture."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from extract.build import run_dbt_build
from extract.validate import load_suite_specs, validate_warehouse
from tests.fixtures.raw_fixture import JEPARA_ID, write_raw_fixture

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built_db(tmp_path_factory):
    db = write_raw_fixture(tmp_path_factory.mktemp("build") / "lkjip.duckdb")
    result = run_dbt_build(db)
    assert result.success, result.log_tail
    return db


def test_suite_definitions_live_in_repo():
    specs = load_suite_specs()
    tables = set(specs[0]["tables"])
    assert {"dim_region", "dim_document", "fct_performance_indicator", "fct_budget_realization"} <= tables


def test_validation_passes_on_fixture(built_db, tmp_path):
    docs = tmp_path / "data_docs"
    result = validate_warehouse(built_db, docs)
    assert result.success, result.failed_expectations
    assert result.failed_expectations == []
    assert set(result.suites) >= {"marts.dim_region", "marts.dim_document", "marts.fct_performance_indicator",
                                  "marts.fct_budget_realization"}
    assert all(result.suites.values())
    assert result.data_docs_index == docs / "index.html"
    assert result.data_docs_index.exists()
    assert result.row_counts["marts.dim_region"] == 552
    # GX state goes next to the build database, not into the repo
    assert (built_db.parent / "gx").is_dir()


def test_validation_fails_on_bad_rows(built_db, tmp_path):
    bad_db = tmp_path / "bad" / "lkjip.duckdb"
    bad_db.parent.mkdir()
    shutil.copyfile(built_db, bad_db)
    con = duckdb.connect(str(bad_db))
    try:
        con.execute(
            """insert into marts.fct_performance_indicator (document_id, region_code, fiscal_year, level,
                   indicator_name, performance_indicator_id)
               values (?, 'XX.99', 2024, 'sasaran', 'Indikator palsu', 'bad-1')""", [JEPARA_ID])
        con.execute("update marts.fct_budget_realization set budget_idr = -5 where level = 'total'")
    finally:
        con.close()
    result = validate_warehouse(bad_db, tmp_path / "data_docs")
    assert not result.success
    assert result.suites["marts.fct_performance_indicator"] is False
    assert result.suites["marts.fct_budget_realization"] is False
    assert result.suites["marts.dim_region"] is True
    assert any("region_code" in f and "XX.99" in f for f in result.failed_expectations), result.failed_expectations
    assert any("budget_idr" in f for f in result.failed_expectations)
    assert result.data_docs_index is not None and result.data_docs_index.exists()
