"""Great Expectations checkpoint over the marts built from the raw fixture."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from extract.build import run_dbt_build
from extract.validate import RESULTS_TABLE, load_suite_specs, validate_warehouse, write_results_table
from tests.fixtures.raw_fixture import JAMBI_ID, JEPARA_ID, write_raw_fixture

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
    assert {"dim_region", "dim_document", "fct_performance_indicator", "fct_budget_realization",
            "mart_region_scorecard", "mart_program_comparison"} <= tables
    assert [s["layer"] for s in specs] == ["marts", "raw", "staging"]
    for spec in specs:
        for entry in spec["tables"].values():
            expectations = entry["expectations"] if isinstance(entry, dict) else entry
            assert expectations and all(e.get("severity", "error") in ("error", "warning") for e in expectations)


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
    assert {"raw.documents", "raw.ok_document_table_counts", "raw.table_cell_counts", "staging.column_types",
            "staging.indicator_realization_parse_rate", "staging.budget_parse_rate",
            "marts.fct_performance_indicator__achievement_gap", "marts.mart_region_scorecard",
            "marts.mart_program_comparison"} <= set(result.suites)
    assert result.warnings == []
    rows = result.results_rows()
    assert len(rows) == sum(len(e["expectations"] if isinstance(e, dict) else e)
                            for spec in load_suite_specs() for e in spec["tables"].values())
    assert all(set(r) >= {"suite_name", "expectation_type", "column", "success", "severity", "observed"} for r in rows)
    assert all(r["success"] and r["severity"] in ("error", "warning") for r in rows)
    gap, = [r for r in rows if r["suite_name"] == "marts.fct_performance_indicator__achievement_gap"]
    assert gap["severity"] == "warning" and gap["column"] == "achievement_gap_pct_points"
    assert gap["observed"].startswith("0 of ")
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
        # raw and staging: an ok document without tables, and realisasi texts that did not parse
        con.execute("delete from raw.tables where document_id = ?", [JAMBI_ID])
        con.execute("update raw.indicators set realization_value = null where document_id = ?", [JEPARA_ID])
    finally:
        con.close()
    result = validate_warehouse(bad_db, tmp_path / "data_docs")
    assert not result.success
    assert result.suites["marts.fct_performance_indicator"] is False
    assert result.suites["marts.fct_budget_realization"] is False
    assert result.suites["marts.dim_region"] is True
    assert any("region_code" in f and "XX.99" in f for f in result.failed_expectations), result.failed_expectations
    assert any("budget_idr" in f for f in result.failed_expectations)
    assert result.suites["raw.ok_document_table_counts"] is False
    assert result.suites["staging.indicator_realization_parse_rate"] is False
    assert result.suites["staging.budget_parse_rate"] is True
    failed_rows = [r for r in result.results_rows() if not r["success"]]
    assert {r["severity"] for r in failed_rows} == {"error"}
    parse, = [r for r in failed_rows if r["suite_name"] == "staging.indicator_realization_parse_rate"]
    assert parse["column"] == "is_realization_parsed" and "unexpected" in parse["observed"]
    assert result.data_docs_index is not None and result.data_docs_index.exists()


def test_warnings_do_not_block(built_db, tmp_path):
    db = tmp_path / "warn" / "lkjip.duckdb"
    db.parent.mkdir()
    shutil.copyfile(built_db, db)
    con = duckdb.connect(str(db))
    try:  # every printed capaian 5 points away from the computed one: a warning-level expectation fails
        con.execute("update marts.fct_performance_indicator set achievement_pct_reported = achievement_pct_computed + 5"
                    " where achievement_pct_computed is not null")
    finally:
        con.close()
    result = validate_warehouse(db, tmp_path / "data_docs")
    assert result.success and result.failed_expectations == []
    assert result.suites["marts.fct_performance_indicator__achievement_gap"] is True  # no error-level failure
    assert len(result.warnings) == 1 and "achievement_gap_pct_points" in result.warnings[0]
    gap, = [r for r in result.results_rows() if r["suite_name"].endswith("__achievement_gap")]
    assert gap["success"] is False and gap["severity"] == "warning"

    # the pipeline stores the rows in the warehouse after validation (marts.validation_results)
    n = write_results_table(db, result, run_id="run-1")
    assert n == len(result.results_rows())
    with duckdb.connect(str(db), read_only=True) as c:
        cols = [r[0] for r in c.execute(f"describe {RESULTS_TABLE}").fetchall()]
        assert cols == ["run_id", "validated_at", "suite_name", "expectation_type", "column_name",
                        "expectation_kwargs", "severity", "success", "observed"]
        failed = c.execute(f"select suite_name, severity, column_name, run_id from {RESULTS_TABLE} "
                           "where not success").fetchall()
        assert failed == [("marts.fct_performance_indicator__achievement_gap", "warning",
                           "achievement_gap_pct_points", "run-1")]
        assert c.execute(f"select count(*) from {RESULTS_TABLE} where validated_at is null").fetchone()[0] == 0
