"""The build comparison (tests/integration/compare_builds.py) on two small DuckDB files: equal rows in any order
are identical, a changed value or a missing row is reported, and so is an empty build."""
from __future__ import annotations

import duckdb

from tests.integration.compare_builds import differences, main

# two budget lines of the Jepara sample (samples/seeds/): a program and its kegiatan, with their nomenclature
ROWS = [("budget_line", "b1", "program", "2.07.03", "fuzzy", 0.9412),
        ("budget_line", "b2", "kegiatan", None, None, None)]


def build(path, rows, mean=101.43444460309699, change=0.0):
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE SCHEMA intermediate; CREATE SCHEMA marts")
        con.execute("CREATE TABLE intermediate.int_nomenclature_matches (source_kind VARCHAR, source_id VARCHAR, "
                    "level VARCHAR, nomenclature_code VARCHAR, match_method VARCHAR, match_score DOUBLE)")
        con.executemany("INSERT INTO intermediate.int_nomenclature_matches VALUES (?, ?, ?, ?, ?, ?)", rows)
        con.execute("CREATE TABLE marts.mart_region_scorecard AS SELECT '33.20' AS region_code, ? AS mean_pct, "
                    "? AS mean_change_pct_points", [mean, change])
        con.execute("CREATE VIEW marts.dim_level AS SELECT DISTINCT level FROM intermediate.int_nomenclature_matches")
    return path


def test_the_same_rows_in_another_order_are_identical(tmp_path):
    before = build(tmp_path / "before.duckdb", ROWS)
    # a mean added in another order differs in its last bit, a change of 0 may come out as 1e-14: not a difference
    after = build(tmp_path / "after.duckdb", ROWS[::-1], mean=101.43444460309702, change=-1.4210854715202004e-14)
    assert differences(before, after) == []
    assert main([str(before), str(after)]) == 0


def test_a_changed_match_and_a_lost_row_are_reported(tmp_path):
    before = build(tmp_path / "before.duckdb", ROWS)
    after = build(tmp_path / "after.duckdb", [(*ROWS[0][:3], "2.07.02", "fuzzy", 0.9412)])
    assert differences(before, after) == [
        "intermediate.int_nomenclature_matches: 2 rows lost, 1 rows new",
        "marts.dim_level: 1 rows lost, 0 rows new",
    ]
    assert main([str(before), str(after)]) == 1


def test_a_build_without_the_schemas_is_not_identical(tmp_path):
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    after = build(tmp_path / "after.duckdb", ROWS)
    assert differences(empty, after) == [f"{empty}: no relation in marts, intermediate"]
