"""Great Expectations checkpoint over the marts built from the raw fixture."""
from __future__ import annotations

import shutil
from datetime import datetime

import duckdb
import pytest

from extract.warehouse.dbt_runner import run_dbt_build
from extract.warehouse.validate import (
    RESULTS_COLUMNS,
    RESULTS_TABLE,
    ValidationResult,
    compare_with_published,
    load_suite_specs,
    validate_warehouse,
    write_results_table,
)
from tests.fixtures.raw_fixture import (
    JAMBI_ID,
    JEPARA_ID,
    NO_YEAR_ID,
    add_document_without_fiscal_year,
    write_raw_fixture,
)
from tests.fixtures.warehouse import build_fixture_warehouse

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built_db(tmp_path_factory):
    return build_fixture_warehouse(tmp_path_factory.mktemp("build"))[0]


def _expectations(spec: dict) -> list[dict]:
    entries = spec["tables"].values()
    return [e for entry in entries for e in (entry["expectations"] if isinstance(entry, dict) else entry)]


def test_suite_definitions_live_in_repo():
    specs = load_suite_specs()
    tables = set(specs[0]["tables"])
    assert {"dim_region", "fct_performance_indicator", "fct_budget_realization",
            "fct_performance_indicator__achievement_gap"} <= tables
    assert [s["layer"] for s in specs] == ["marts", "raw", "staging"]
    for spec in specs:
        for entry in spec["tables"].values():
            expectations = entry["expectations"] if isinstance(entry, dict) else entry
            assert expectations and all(e.get("severity", "error") in ("error", "warn") for e in expectations)


def test_suites_leave_keys_and_values_to_dbt():
    """One owner per check: unique, not-null, accepted values and relationships are dbt tests
    (dbt_project/models/**/*.yml); GX keeps what dbt cannot express, e.g. a tolerated share ('mostly')."""
    dbt_owned = {"expect_column_values_to_not_be_null", "expect_column_values_to_be_unique",
                 "expect_compound_columns_to_be_unique", "expect_select_column_values_to_be_unique_within_record"}
    for spec in load_suite_specs():
        for e in _expectations(spec):
            assert e["expectation"] not in dbt_owned, (spec["layer"], e)
            if e["expectation"] in ("expect_column_values_to_be_in_set", "expect_column_values_to_not_be_in_set"):
                assert e["kwargs"].get("mostly", 1) < 1, (spec["layer"], e)  # else: accepted_values / relationships


def test_validation_passes_on_fixture(built_db, tmp_path):
    docs = tmp_path / "data_docs"
    result = validate_warehouse(built_db, docs)
    assert result.success, result.failed_expectations
    assert result.failed_expectations == []
    assert set(result.suites) >= {"marts.dim_region", "marts.fct_performance_indicator",
                                  "marts.fct_budget_realization"}
    assert all(result.suites.values())
    assert result.data_docs_index == docs / "index.html"
    assert result.data_docs_index.exists()
    assert result.row_counts["marts.dim_region"] == 552
    assert {"raw.documents", "raw.ok_document_table_counts", "raw.table_cell_counts", "staging.column_types",
            "staging.indicator_realization_parse_rate", "staging.budget_parse_rate",
            "marts.fct_performance_indicator__achievement_gap"} <= set(result.suites)
    assert result.warnings == []
    rows = result.results_rows()
    assert len(rows) == sum(len(e["expectations"] if isinstance(e, dict) else e)
                            for spec in load_suite_specs() for e in spec["tables"].values())
    assert all(set(r) >= {"suite_name", "expectation_type", "column", "success", "severity", "observed"} for r in rows)
    assert all(r["success"] and r["severity"] in ("error", "warn") for r in rows)
    gap, = [r for r in rows if r["suite_name"] == "marts.fct_performance_indicator__achievement_gap"]
    assert gap["severity"] == "warn" and gap["column"] == "achievement_gap_pct_points"
    assert gap["observed"].startswith("0 of ")
    # GX state goes next to the build database, not into the repo
    assert (built_db.parent / "gx").is_dir()


def test_document_quality_checks_only_warn(built_db, tmp_path):
    """Plausible ranges and parse rates describe one document's quality: dbt judges them per document (a document
    below a threshold goes to review, marts.mart_review_queue); the suites keep them as warehouse-wide statistics
    that warn, so out-of-range values and unparsed cells never block the publish."""
    bad_db = tmp_path / "bad" / "lkjip.duckdb"
    bad_db.parent.mkdir()
    shutil.copyfile(built_db, bad_db)
    con = duckdb.connect(str(bad_db))
    try:
        # marts: every capaian (printed and computed alike, so their gap stays 0) and every printed absorption
        # out of range; keys, nulls, codes and negative amounts are dbt tests, not expectations
        con.execute("update marts.fct_performance_indicator"
                    " set achievement_pct_reported = 5000, achievement_pct_computed = 5000")
        con.execute("update marts.fct_budget_realization set absorption_pct_reported = 500")
        # raw and staging: an ok document without tables, and realisasi texts that did not parse
        con.execute("delete from raw.tables where document_id = ?", [JAMBI_ID])
        con.execute("update raw.indicators set realization_value = null where document_id = ?", [JEPARA_ID])
    finally:
        con.close()
    result = validate_warehouse(bad_db, tmp_path / "data_docs")
    assert result.success, result.failed_expectations
    assert result.failed_expectations == [] and all(result.suites.values())
    assert any("achievement_pct_computed" in w and "5000" in w for w in result.warnings), result.warnings
    assert any("absorption_pct_reported" in w for w in result.warnings)
    failed_rows = [r for r in result.results_rows() if not r["success"]]
    assert {r["severity"] for r in failed_rows} == {"warn"}
    assert {r["suite_name"] for r in failed_rows} == {
        "marts.fct_performance_indicator", "marts.fct_budget_realization", "raw.ok_document_table_counts",
        "staging.indicator_realization_parse_rate"}
    parse, = [r for r in failed_rows if r["suite_name"] == "staging.indicator_realization_parse_rate"]
    assert parse["column"] == "is_realization_parsed" and "unexpected" in parse["observed"]
    assert result.data_docs_index is not None and result.data_docs_index.exists()


def test_validation_fails_on_broken_structure(built_db, tmp_path):
    """Checks of the warehouse's structure still block: dim_region must hold every region, with well-formed codes."""
    bad_db = tmp_path / "bad" / "lkjip.duckdb"
    bad_db.parent.mkdir()
    shutil.copyfile(built_db, bad_db)
    with duckdb.connect(str(bad_db)) as con:
        con.execute("delete from marts.dim_region where region_code = '15.71'")
        con.execute("update marts.dim_region set region_code = '33.2' where region_code = '33.20'")
    result = validate_warehouse(bad_db, tmp_path / "data_docs")
    assert not result.success
    assert result.suites["marts.dim_region"] is False
    assert result.suites["marts.fct_performance_indicator"] is True
    assert any("expect_table_row_count_to_equal" in f for f in result.failed_expectations)
    assert any("region_code" in f and "33.2" in f for f in result.failed_expectations), result.failed_expectations
    failed_rows = [r for r in result.results_rows() if not r["success"]]
    assert {r["severity"] for r in failed_rows} == {"error"}


def test_only_structure_checks_block():
    """Every error-level expectation checks the warehouse's structure (row counts, key formats); the rest warn."""
    blocking = {(spec["layer"], table, e["expectation"])
                for spec in load_suite_specs() for table, entry in spec["tables"].items()
                for e in (entry["expectations"] if isinstance(entry, dict) else entry)
                if e.get("severity", "error") == "error"}
    assert blocking == {
        ("marts", "dim_region", "expect_table_row_count_to_equal"),
        ("marts", "dim_region", "expect_column_values_to_match_regex"),
        ("raw", "documents", "expect_column_values_to_match_regex"),
        ("staging", "column_types", "expect_column_distinct_values_to_contain_set"),
    }


def test_warnings_do_not_block(built_db, tmp_path):
    db = tmp_path / "warn" / "lkjip.duckdb"
    db.parent.mkdir()
    shutil.copyfile(built_db, db)
    con = duckdb.connect(str(db))
    try:  # every printed capaian 5 points away from the computed one: a warn-level expectation fails
        con.execute("update marts.fct_performance_indicator set achievement_pct_reported = achievement_pct_computed + 5"
                    " where achievement_pct_computed is not null")
    finally:
        con.close()
    result = validate_warehouse(db, tmp_path / "data_docs")
    assert result.success and result.failed_expectations == []
    assert result.suites["marts.fct_performance_indicator__achievement_gap"] is True  # no error-level failure
    assert len(result.warnings) == 1 and "achievement_gap_pct_points" in result.warnings[0]
    gap, = [r for r in result.results_rows() if r["suite_name"].endswith("__achievement_gap")]
    assert gap["success"] is False and gap["severity"] == "warn"

    # the pipeline stores the rows in the warehouse after validation (marts.validation_results)
    n = write_results_table(db, result, run_id="run-1")
    assert n == len(result.results_rows())
    with duckdb.connect(str(db), read_only=True) as c:
        cols = [r[0] for r in c.execute(f"describe {RESULTS_TABLE}").fetchall()]
        assert cols == ["run_id", "validated_at", "suite_name", "expectation_type", "column_name",
                        "expectation_kwargs", "severity", "success", "observed"]
        failed = c.execute(f"select suite_name, severity, column_name, run_id from {RESULTS_TABLE} "
                           "where not success").fetchall()
        assert failed == [("marts.fct_performance_indicator__achievement_gap", "warn",
                           "achievement_gap_pct_points", "run-1")]
        assert c.execute(f"select count(*) from {RESULTS_TABLE} where validated_at is null").fetchone()[0] == 0


def test_results_table_structure_is_owned_by_dbt(built_db, tmp_path):
    with duckdb.connect(str(built_db), read_only=True) as c:  # dbt built it empty, under its contract
        assert c.execute(f"select count(*) from {RESULTS_TABLE}").fetchone()[0] == 0
        contract = c.execute("select column_name, data_type from information_schema.columns where table_schema = "
                             "'marts' and table_name = 'validation_results' order by ordinal_position").fetchall()
    assert [name for name, _ in contract] == list(RESULTS_COLUMNS)
    row = {"suite_name": "marts.dim_region", "expectation_type": "expect_table_row_count_to_equal", "column": None,
           "kwargs": "{}", "success": True, "severity": "error", "observed": "observed 552"}
    result = ValidationResult(success=True, suites={"marts.dim_region": True}, failed_expectations=[],
                              data_docs_index=None, rows=[row], validated_at=datetime(2025, 1, 1))
    db = tmp_path / "lkjip.duckdb"
    shutil.copyfile(built_db, db)
    assert write_results_table(db, result, run_id="run-1") == 1
    assert write_results_table(db, result, run_id="run-2") == 1  # replaces the rows of the previous validation
    with duckdb.connect(str(db), read_only=True) as c:
        assert c.execute(f"select run_id, severity from {RESULTS_TABLE}").fetchall() == [("run-2", "error")]
    # a warehouse built before dbt owned the table gets it created with the same contract
    with duckdb.connect(str(db)) as c:
        c.execute(f"drop table {RESULTS_TABLE}")
    assert write_results_table(db, result) == 1
    with duckdb.connect(str(db), read_only=True) as c:
        assert c.execute("select column_name, data_type from information_schema.columns where table_schema = "
                         "'marts' and table_name = 'validation_results' order by ordinal_position").fetchall() \
            == contract


# ---------------------------------------------------------------- compare_with_published


@pytest.fixture(scope="module")
def larger_db(tmp_path_factory):
    """The fixture plus one more document (a budget sheet without fiscal year, in review): a later publish."""
    db = write_raw_fixture(tmp_path_factory.mktemp("larger") / "lkjip.duckdb")
    add_document_without_fiscal_year(db)
    result = run_dbt_build(db)
    assert result.success, result.log_tail
    return db


def test_compare_passes_when_the_build_keeps_everything(built_db, larger_db, tmp_path):
    assert compare_with_published(larger_db, built_db) == []  # one document more
    assert compare_with_published(built_db, built_db) == []
    assert compare_with_published(built_db, tmp_path / "nothing-published-yet.duckdb") == []


def test_compare_blocks_a_lost_document(built_db, larger_db):
    with duckdb.connect(str(larger_db), read_only=True) as con:  # the larger one has a review queue; ...
        assert con.execute("select count(*) from marts.mart_review_queue").fetchone()[0] == 1
        assert con.execute("select count(*) from marts.dim_document").fetchone()[0] == 4
    problems = compare_with_published(built_db, larger_db)
    # ... an empty review queue in the build is no problem, the document missing from it is
    assert len(problems) == 1, problems
    assert problems[0].startswith("marts.dim_document: 3 documents in this build, 4 in the published warehouse")
    assert NO_YEAR_ID in problems[0]


def test_compare_blocks_an_emptied_mart(built_db, tmp_path):
    build = tmp_path / "build" / "lkjip.duckdb"
    build.parent.mkdir()
    shutil.copyfile(built_db, build)
    with duckdb.connect(str(build)) as con:
        n = con.execute("select count(*) from marts.fct_budget_realization").fetchone()[0]
        con.execute("delete from marts.fct_budget_realization")
        con.execute("drop table marts.mart_program_comparison")
        con.execute("delete from marts.mart_data_quality_issues")  # a list of findings may become empty
    problems = compare_with_published(build, built_db)
    assert problems == [
        f"marts.fct_budget_realization: {n} rows in the published warehouse, none in this build",
        "marts.mart_program_comparison: "
        + str(_count(built_db, "mart_program_comparison"))
        + " rows in the published warehouse, and the table is missing from this build",
    ]


def _count(db, table):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"select count(*) from marts.{table}").fetchone()[0]
