"""`lkjip sql` for people: data is printed as stored (no rich markup, no emoji codes), a vertical record
layout when the columns do not fit the terminal width, and --help. Runs the real command on a small DuckDB
warehouse holding text an analyst could meet in a report."""
from __future__ import annotations

import os
import subprocess

import duckdb
import pytest

from tests.integration.test_export import LKJIP

WIDE_COLUMNS = [f"column_{i:02d}_name" for i in range(14)]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    path = tmp_path_factory.mktemp("sql") / "lkjip.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE SCHEMA marts")
        con.execute("CREATE TABLE marts.notes AS SELECT '[bold]x[/bold]' AS markup_text, ':x: :smile:' AS emoji_text, "
                    "'[red]Rp 1.871.557.000[/red]' AS budget_raw")
        con.execute("CREATE TABLE marts.wide AS SELECT " + ", ".join(
            f"'value {i} of a long report line' AS {c}" for i, c in enumerate(WIDE_COLUMNS)))
    return path


def _sql(warehouse, *args: str, width: int = 80) -> str:
    env = dict(os.environ, COLUMNS=str(width), TERM="xterm-256color", FORCE_COLOR="1")
    proc = subprocess.run([str(LKJIP), "sql", "--warehouse", str(warehouse), *args], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_markup_and_emoji_codes_in_data_print_literally(warehouse):
    out = _sql(warehouse, "SELECT * FROM marts.notes")
    assert "[bold]x[/bold]" in out and ":x: :smile:" in out and "[red]Rp 1.871.557.000[/red]" in out
    (row,) = [line for line in out.splitlines() if "[bold]x[/bold]" in line]
    assert "\x1b[" not in row and "\u274c" not in out and "\U0001f604" not in out  # not bold, no ❌ / 😄
    assert "1 rows" in out


def test_wide_result_switches_to_vertical_records(warehouse):
    out = _sql(warehouse, "SELECT * FROM marts.wide UNION ALL SELECT * FROM marts.wide", width=80)
    assert "-[ RECORD 1 ]" in out and "-[ RECORD 2 ]" in out
    lines = out.splitlines()
    assert f"{WIDE_COLUMNS[13]} | value 13 of a long report line" in lines
    assert max(len(line) for line in lines) <= 80
    wide = _sql(warehouse, "SELECT * FROM marts.wide", width=600)       # enough room: a table again
    assert "-[ RECORD" not in wide and all(c in wide for c in WIDE_COLUMNS)


def test_narrow_result_stays_a_table_and_vertical_can_be_forced(warehouse):
    out = _sql(warehouse, "SELECT markup_text FROM marts.notes")
    assert "-[ RECORD" not in out and "markup_text" in out
    forced = _sql(warehouse, "SELECT markup_text FROM marts.notes", "--format", "vertical")
    assert "markup_text | [bold]x[/bold]" in forced.splitlines()


def test_help_and_version():
    help_text = subprocess.run([str(LKJIP), "sql", "--help"], capture_output=True, text=True, check=True).stdout
    assert "vertical" in help_text and "read-only" in help_text
    version = subprocess.run([str(LKJIP), "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith("lkjip ") and "extractor" in version
