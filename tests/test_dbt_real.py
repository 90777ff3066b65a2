"""Nomenclature matching and data-quality facts on the warehouse built by the real CLI from the sample PDFs."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from extract.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "pdf"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    root = tmp_path_factory.mktemp("real")
    path = root / "wh" / "lkjip.duckdb"
    result = CliRunner().invoke(main, [
        "ingest", "--no-progress", "--warehouse", str(path), "--data-dir", str(root / "data"),
        str(SAMPLES / "lkjip_jepara_2024_ruled.pdf"), str(SAMPLES / "lkjip_kota-jambi_2025_ruled.pdf")])
    assert result.exit_code == 0, result.output
    return path


def q(path, sql, *params):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def test_every_program_line_of_both_seeds_matches(warehouse):
    rows = q(warehouse, """select region_code, line_name, nomenclature_code, match_method, match_score
                           from marts.fct_budget_realization where level = 'program'""")
    by_region = {}
    for region, name, code, method, score in rows:
        by_region.setdefault(region, []).append((name, code, method, score))
        assert code is not None and method in ("exact_code", "normalized_name", "fuzzy"), (region, name)
        assert 0 < score <= 1
    assert len(by_region["33.20"]) == 11  # Jepara Tabel 3.17
    assert len(by_region["15.71"]) == 7   # Jambi Tabel 3.8
    jambi = {name: code for name, code, _, _ in by_region["15.71"]}
    assert jambi["PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA"] == "X.XX.01"
    n_unmatched = q(warehouse, "select sum(n_unmatched) from marts.mart_nomenclature_match_summary "
                               "where level = 'program'")[0][0]
    assert n_unmatched == 0


def test_program_indicators_match(warehouse):
    # Jambi prints program indicators in Tabel 3.3 (with realisasi) and Tabel 2.5 (the agreement's
    # targets, other indicator names): 6 + 6, each under one of the report's 6 programs.
    rows = q(warehouse, """select goal_name, nomenclature_code, match_method from marts.fct_performance_indicator
                           where level = 'program' and region_code = '15.71'""")
    assert len(rows) == 12 and all(code is not None for _, code, _ in rows)
    assert len({code for _, code, _ in rows}) == 6


def test_seed_known_problems(warehouse):
    jepara = q(warehouse, """select expected_value, found_value from marts.mart_data_quality_issues
                             where check_name = 'printed_total_differs_from_program_sum' and region_code = '33.20'
                             and detail like 'budget_idr%'""")
    assert jepara == [(4_873_414_453, 5_140_052_105)]
    jambi = q(warehouse, """select expected_value, found_value from marts.mart_data_quality_issues
                            where check_name = 'indicator_value_conflict_across_tables' and region_code = '15.71'""")
    assert (16.0, 16.47) in jambi
