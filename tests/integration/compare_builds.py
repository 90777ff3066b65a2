"""Compare two built warehouses row for row: every table and view of the marts and intermediate schemas.

    .venv/bin/python -m tests.integration.compare_builds BEFORE.duckdb AFTER.duckdb

Used to show that a change of materialization or of a model's SQL that must not change results (issue 13:
the nomenclature match per distinct key) leaves every row as it was. Exit code 1 when a relation differs.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import duckdb

SCHEMAS = ("marts", "intermediate")
NOT_COMPARED = {("marts", "validation_results")}  # written after dbt, with the time of the run
# A mean over many rows may differ in its last bit between two builds of the same rows: DuckDB adds them in
# parallel, in no fixed order (mart_region_scorecard.mean_achievement_pct_computed at 50 documents; a mean
# change of 0 came out as 1.4e-14 at 2,500).
FLOAT_DIGITS = 12


def relations(con: duckdb.DuckDBPyConnection, catalog: str) -> dict[tuple[str, str], list[str]]:
    """(schema, name) -> columns, of every relation of SCHEMAS in `catalog`."""
    rows = con.execute(
        "SELECT table_schema, table_name, column_name FROM information_schema.columns "
        "WHERE table_catalog = ? AND list_contains(?, table_schema) "
        "ORDER BY table_schema, table_name, ordinal_position", [catalog, list(SCHEMAS)]).fetchall()
    out: dict[tuple[str, str], list[str]] = {}
    for schema, name, column in rows:
        out.setdefault((schema, name), []).append(column)
    return out


def _row_difference(con: duckdb.DuckDBPyConnection, name: str) -> tuple[int, int]:
    """Rows only in before, rows only in after (as multisets; floats to FLOAT_DIGITS significant digits)."""
    old, new = (Counter(tuple(map(_comparable, row)) for row in con.execute(f"SELECT * FROM {c}.{name}").fetchall())
                for c in ("before", "after"))
    return sum((old - new).values()), sum((new - old).values())


def _comparable(value):
    """A float as text of FLOAT_DIGITS significant digits, and 0 within 1e-9 of zero (NaN equals NaN); any other
    value as it is."""
    return f"{round(value, 9) + 0.0:.{FLOAT_DIGITS}g}" if isinstance(value, float) else value


def differences(before: Path, after: Path) -> list[str]:
    """One sentence per relation whose columns or rows differ (rows compared as multisets)."""
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{before}' AS before (READ_ONLY)")
        con.execute(f"ATTACH '{after}' AS after (READ_ONLY)")
        old, new = relations(con, "before"), relations(con, "after")
        if not old:
            return [f"{before}: no relation in {', '.join(SCHEMAS)}"]
        problems = [f"{s}.{n}: only in {which}" for which, a, b in (("before", old, new), ("after", new, old))
                    for s, n in sorted(set(a) - set(b))]
        for key in sorted(set(old) & set(new) - NOT_COMPARED):
            if old[key] != new[key]:
                problems.append(f"{key[0]}.{key[1]}: columns {old[key]} -> {new[key]}")
                continue
            lost, new_rows = _row_difference(con, f'"{key[0]}"."{key[1]}"')
            if lost or new_rows:
                problems.append(f"{key[0]}.{key[1]}: {lost} rows lost, {new_rows} rows new")
        return problems
    finally:
        con.close()


def main(argv: list[str]) -> int:
    before, after = map(Path, argv)
    problems = differences(before, after)
    for line in problems:
        print(line)
    print(f"{len(problems)} relations differ" if problems else "identical: every relation of marts and intermediate")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
