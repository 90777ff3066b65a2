"""Nomenclature matching and data-quality facts on the warehouse built by the real CLI from the sample PDFs."""
from __future__ import annotations

import duckdb
import pytest
from click.testing import CliRunner

from extract.cli import main
from tests.paths import SAMPLE_PDFS

SAMPLES = SAMPLE_PDFS
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


def test_program_comparison_real(warehouse):
    r, = q(warehouse, """select budget_idr, realization_idr, absorption_pct, program_name, document_count
                         from marts.mart_program_comparison
                         where region_code = '33.20' and fiscal_year = 2024 and program_code = '2.07.03'""")
    assert r[:2] == (1_871_557_000, 1_782_123_052)
    assert r[2] == pytest.approx(1_782_123_052 / 1_871_557_000 * 100)
    assert r[3] == "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA" and r[4] == 1
    # Jambi: 7 program lines, 6 programs with indicators (Tabel 3.3 and 2.5: 2 indicators each)
    jambi = q(warehouse, """select program_code, program_line_count, program_indicator_count
                            from marts.mart_program_comparison where region_code = '15.71' and fiscal_year = 2025""")
    assert sum(n for _, n, _ in jambi) == 7
    assert sum(n for _, _, n in jambi) == 12 and len([1 for *_, n in jambi if n]) == 6
    dupes = q(warehouse, """select program_code, region_code, fiscal_year, count(*) from marts.mart_program_comparison
                            group by all having count(*) > 1""")
    assert dupes == []


def test_region_scorecard_real_year_over_year(warehouse):
    # Jepara's 2024 report prints its sasaran indicators for 2023 and 2024 (sector 'unknown': no program)
    means = dict(q(warehouse, """select fiscal_year, avg(achievement_pct_computed) from marts.fct_performance_indicator
                                 where region_code = '33.20' and sector_code is null group by 1"""))
    assert set(means) == {2023, 2024}
    r, = q(warehouse, """select mean_achievement_pct_computed, has_previous_year, mean_achievement_change_pct_points,
                                absorption_change_pct_points, indicator_count
                         from marts.mart_region_scorecard
                         where region_code = '33.20' and fiscal_year = 2024 and sector_code = 'unknown'""")
    assert r[0] == pytest.approx(means[2024]) and r[1] is True
    assert r[2] == pytest.approx(means[2024] - means[2023])
    assert r[3] is None  # no budget lines for 2023
    assert r[4] == 7
    first, = q(warehouse, """select has_previous_year, mean_achievement_change_pct_points
                             from marts.mart_region_scorecard
                             where region_code = '33.20' and fiscal_year = 2023 and sector_code = 'unknown'""")
    assert first == (False, None)
    budget = dict(q(warehouse, """select sector_code, budget_idr from marts.mart_region_scorecard
                                  where region_code = '33.20' and fiscal_year = 2024"""))
    assert budget["2.07"] == 1_871_557_000 + 195_000_000 + 90_000_000
    # the program budgets of every sector add up to the program lines of Tabel 3.17
    assert sum(v for v in budget.values() if v) == 4_873_414_453


def test_plan_targets_real(warehouse):
    # Jepara: Tabel 2.1 (Renstra 2023-2026) and Tabel 2.2 (RPD) plan 2,40 for 2023 and 2,90 for 2024; Tabel 3.4
    # and 3.3 report 1,85 and 2,73
    rows = q(warehouse, """select p.target_year, p.plan_kind, p.target_value, i.realization_value
                           from marts.fct_plan_target p join marts.fct_performance_indicator i
                             on i.document_id = p.document_id and i.level = p.level
                            and i.indicator_key = p.indicator_key and i.fiscal_year = p.target_year
                           where p.region_code = '33.20' and p.indicator_name = 'Persentase tenaga kerja siap kerja'
                           order by p.target_year, p.plan_kind""")
    assert rows == [(2023, "renstra", 2.40, 1.85), (2023, "rpjmd", 2.40, 1.85),
                    (2024, "renstra", 2.90, 2.73), (2024, "rpjmd", 2.90, 2.73)]
    # Jambi Tabel 2.2 (Renstra 2025-2029): the end condition of its 6 indicators is the 2029 target
    ends = q(warehouse, """select count(*), count(distinct indicator_key) from marts.fct_plan_target
                           where region_code = '15.71' and plan_kind = 'renstra' and is_end_target""")
    assert ends == [(6, 6)]
    years = q(warehouse, """select distinct target_year from marts.fct_plan_target
                            where region_code = '15.71' and is_end_target""")
    assert years == [(2029,)]


def test_no_sample_report_is_in_review(warehouse):
    assert q(warehouse, "select status, is_fact_source, is_latest_version, count(*) from marts.dim_document "
                        "group by all") == [("ok", True, True, 2)]
    assert q(warehouse, "select count(*) from marts.mart_review_queue") == [(0,)]
    assert q(warehouse, "select count(*) from marts.mart_document_revisions") == [(0,)]


def test_validation_suites_on_real_data(warehouse, tmp_path):
    from extract.warehouse.validate import validate_warehouse

    result = validate_warehouse(warehouse, tmp_path / "data_docs", work_dir=tmp_path / "gx")
    assert result.success, result.failed_expectations
    assert result.warnings == []  # every printed capaian of the ruled samples is within 1 point of the computed one
    layers = {name.split(".")[0] for name in result.suites}
    assert layers == {"raw", "staging", "marts"}
    by_suite = {r["suite_name"]: r for r in result.results_rows()}
    assert by_suite["staging.indicator_realization_parse_rate"]["success"]
    assert by_suite["raw.ok_document_table_counts"]["observed"].startswith("0 of 2 unexpected")
