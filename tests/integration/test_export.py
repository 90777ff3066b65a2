"""Parquet / CSV exports of the marts (extract.publish.export), on a warehouse built from the two ruled sample PDFs.

`seed_warehouse()` builds that warehouse once per test process (`lkjip ingest`, about a minute) and is
shared by test_export, test_serving, test_queries, test_dictionary, test_workbook, test_changes, test_site and
test_browser; it is removed when the process exits.
"""
from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest

from extract.publish.export import export_marts, read_manifest
from tests.paths import REPO

SAMPLES = [REPO / "samples/pdf/lkjip_jepara_2024_ruled.pdf", REPO / "samples/pdf/lkjip_kota-jambi_2025_ruled.pdf"]
LKJIP = Path(sys.executable).with_name("lkjip")
JEPARA, JAMBI = "33.20", "15.71"

pytestmark = pytest.mark.slow


def ingest_command(warehouse: Path, data_dir: Path) -> tuple[list[str], dict]:
    env = dict(os.environ, LKJIP_DATA_DIR=str(data_dir))
    return [str(LKJIP), "ingest", "--no-progress", "--warehouse", str(warehouse),
            *map(str, SAMPLES)], env


@functools.lru_cache(maxsize=1)
def seed_warehouse() -> tuple[Path, Path]:
    """(warehouse file, data dir) built once per process from the ruled Jepara and Jambi samples."""
    root = Path(tempfile.mkdtemp(prefix="lkjip-bi-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)  # not left in /tmp by every test process
    warehouse, data_dir = root / "warehouse" / "lkjip.duckdb", root / "data"
    cmd, env = ingest_command(warehouse, data_dir)
    subprocess.run(cmd, env=env, check=True, capture_output=True, text=True, timeout=600)
    return warehouse, data_dir


@pytest.fixture(scope="module")
def warehouse() -> Path:
    return seed_warehouse()[0]


def test_parquet_export_partitioned_by_fiscal_year(warehouse, tmp_path):
    out = tmp_path / "exports"
    manifest = export_marts(warehouse, out)
    names = {t["name"] for t in manifest["tables"]}
    assert {"dim_region", "dim_document", "fct_performance_indicator", "fct_budget_realization",
            "mart_data_quality_issues"} <= names
    assert out.is_symlink() and (out / "_manifest.json").exists()
    years = sorted(p.name for p in (out / "fct_performance_indicator").iterdir())
    assert years == ["fiscal_year=2023", "fiscal_year=2024", "fiscal_year=2025"]
    assert (out / "dim_region" / "data.parquet").exists()          # no fiscal_year: one file
    with duckdb.connect() as con:
        row = con.execute(
            "SELECT target_value, realization_value, achievement_pct_reported, source_page FROM read_parquet(?, "
            "hive_partitioning = true) WHERE region_code = ? AND fiscal_year = 2024 AND indicator_name = "
            "'Persentase tenaga kerja siap kerja'",
            [str(out / "fct_performance_indicator/**/*.parquet"), JEPARA]).fetchall()
        assert row == [(2.90, 2.73, 94.14, 23)]
        regions = con.execute("SELECT count(*) FROM read_parquet(?)",
                              [str(out / "dim_region/data.parquet")]).fetchone()[0]
        assert regions == 552
    by_name = {t["name"]: t for t in manifest["tables"]}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for name, table in by_name.items():
            assert table["rows"] == con.execute(f'SELECT count(*) FROM marts."{name}"').fetchone()[0]


def test_csv_export_one_file_per_table(warehouse, tmp_path):
    out = tmp_path / "csv"
    manifest = export_marts(warehouse, out, fmt="csv")
    files = sorted(p.name for p in out.iterdir())
    assert files == sorted(["_manifest.json", "dictionary.csv"] + [f"{t['name']}.csv" for t in manifest["tables"]])
    with duckdb.connect() as con:
        row = con.execute(
            "SELECT budget_idr, realization_idr, absorption_pct_reported FROM read_csv(?) WHERE region_code = ? "
            "AND level = 'program' AND line_name = 'PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA'",
            [str(out / "fct_budget_realization.csv"), JEPARA]).fetchall()
    assert row == [(1871557000.0, 1782123052.0, 95.22)]


def test_export_is_atomic_and_keeps_previous_version(warehouse, tmp_path):
    out = tmp_path / "exports"
    first = export_marts(warehouse, out)
    second = export_marts(warehouse, out)
    third = export_marts(warehouse, out)
    assert read_manifest(out)["version"] == third["version"]
    versions = sorted(p.name for p in (tmp_path / ".exports.versions").iterdir())
    assert versions == sorted([second["version"], third["version"]])      # keep=2, older pruned
    assert first["version"] not in versions
    assert not [p for p in tmp_path.iterdir() if ".link-" in p.name or ".incoming" in p.name]


def test_export_replaces_a_real_folder_and_rejects_bad_format(warehouse, tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    (out / "stale.txt").write_text("old")
    export_marts(warehouse, out)
    assert out.is_symlink() and not (out / "stale.txt").exists()
    with pytest.raises(ValueError):
        export_marts(warehouse, tmp_path / "x", fmt="xlsx")
    with pytest.raises(FileNotFoundError):
        export_marts(tmp_path / "missing.duckdb", tmp_path / "y")
