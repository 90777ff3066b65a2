"""The whole job through the `lkjip` CLI: the marts hold the values the seed reports print."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from extract import outcome
from extract.cli import main
from tests import seed_tables
from tests.paths import SAMPLE_PDFS

SAMPLES = SAMPLE_PDFS
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """Ingest both ruled samples plus three bad files; return the published warehouse path."""
    root = tmp_path_factory.mktemp("pipeline")
    bad = root / "bad"
    bad.mkdir()
    (bad / "html-error-page.pdf").write_text("<html><body>404 Not Found</body></html>")
    (bad / "empty.pdf").write_bytes(b"")
    (bad / "truncated.pdf").write_bytes((SAMPLES / "lkjip_jepara_2024_ruled.pdf").read_bytes()[:5000])
    path = root / "wh" / "lkjip.duckdb"
    result = CliRunner().invoke(main, [
        "ingest", "--no-progress", "--warehouse", str(path), "--data-dir", str(root / "data"),
        str(SAMPLES / "lkjip_jepara_2024_ruled.pdf"), str(SAMPLES / "lkjip_kota-jambi_2025_ruled.pdf"), str(bad)])
    # published, but three documents could not be read: exit 3, each named with its reason
    assert result.exit_code == outcome.PARTIAL, result.output
    assert result.output.count("document not read:") == 3
    assert "Validation: passed" in result.output
    return path


def query(path: Path, sql: str, *params):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def test_documents_and_quarantine(warehouse):
    rows = query(warehouse, "SELECT file_name, status, region_code, fiscal_year, status_reason "
                            "FROM marts.dim_document ORDER BY file_name")
    by_name = {r[0]: r for r in rows}
    assert by_name["lkjip_jepara_2024_ruled.pdf"][1:4] == ("ok", "33.20", 2024)
    assert by_name["lkjip_kota-jambi_2025_ruled.pdf"][1:4] == ("ok", "15.71", 2025)
    assert by_name["html-error-page.pdf"][1] == "quarantined" and "not_a_pdf" in by_name["html-error-page.pdf"][4]
    assert by_name["empty.pdf"][1] == "quarantined" and "empty_file" in by_name["empty.pdf"][4]
    assert by_name["truncated.pdf"][1] == "quarantined"


def test_jepara_sasaran_indicators_are_tabel_3_3(warehouse):
    rows = query(warehouse, """
        SELECT indicator_name, target_value, realization_value, achievement_pct_reported, category_reported
        FROM marts.fct_performance_indicator
        WHERE region_code = '33.20' AND fiscal_year = 2024 AND level = 'sasaran' ORDER BY source_page, row_index""")
    assert [r[1:] for r in rows] == [
        (2.90, 2.73, 94.14, "Baik"), (70.30, 71.94, 102.33, "Sangat Baik"), (59.62, 65.44, 109.76, "Sangat Baik"),
        (13.0, 13.0, 100.0, "Baik"), (47.00, 55.75, 118.62, "Sangat Baik"), (3.61, 3.80, 105.26, "Sangat Baik"),
        (80.00, 83.33, 104.16, "Sangat baik")]
    assert rows[0][0] == "Persentase tenaga kerja siap kerja"


def test_jambi_indicators_are_tabel_3_9_and_3_3(warehouse):
    sasaran = query(warehouse, """
        SELECT indicator_name, target_value, realization_value, achievement_pct_reported, has_conflicting_realization
        FROM marts.fct_performance_indicator
        WHERE region_code = '15.71' AND fiscal_year = 2025 AND level = 'sasaran' ORDER BY row_index""")
    assert [r[:4] for r in sasaran] == [
        ("Persentase Penempatan Pencari Kerja Terdaftar", 45.00, 60.97, 135.49),
        ("Persentase Perusahaan Dgn Tata Kelola Yg Layak", 14.00, 16.00, 114.29),
        ("Persentase Koperasi Berkualitas", 46.80, 43.64, 93.25),
        ("Persentase UMKM Yg Tangguh dan Mandiri", 8.00, 12.03, 150.40)]
    # Tabel 3.2 and 3.4 print 16.47 for the second indicator where Tabel 3.9 prints 16.00.
    assert sasaran[1][4] is True
    program = query(warehouse, """
        SELECT target_value, realization_value, achievement_pct_reported FROM marts.fct_performance_indicator
        WHERE region_code = '15.71' AND fiscal_year = 2025 AND level = 'program'
          AND realization_value IS NOT NULL ORDER BY row_index""")
    assert program == [(69.0, 71.9, 104.2), (51.0, 60.97, 119.55), (15.0, 16.47, 109.8),
                       (32.9, 61.0, 185.41), (8.0, 33.88, 423.5), (52.64, 62.42, 118.58)]
    # Tabel 2.5 (the agreement's program targets) prints other indicators with targets only.
    targets = query(warehouse, """
        SELECT indicator_name, target_value FROM marts.fct_performance_indicator
        WHERE region_code = '15.71' AND level = 'program' AND realization_value IS NULL ORDER BY row_index""")
    assert targets[0] == ("Persentase pencari kerja terdaftar yang dilatih untuk menjadi TKM dan bekerja", 62.0)


@pytest.mark.parametrize("region,seed,caption,english", [
    ("33.20", seed_tables.JEPARA, "Tabel 3.17", False), ("15.71", seed_tables.JAMBI, "Tabel 3.8", True)])
def test_every_budget_line_in_the_mart(warehouse, region, seed, caption, english):
    rows = query(warehouse, """
        SELECT budget_idr, realization_idr, absorption_pct_reported FROM marts.fct_budget_realization
        WHERE region_code = ? ORDER BY source_page, row_index""", region)
    expected = seed_tables.budget_lines(seed, caption, english)
    assert rows == [(e.budget_idr, e.realization_idr, e.absorption_pct) for e in expected]


def test_program_allocations_apart_from_realisation(warehouse):
    """Jepara's three program lists (the Perjanjian Kinerja's anggaran per program) are allocation lines, kept
    out of fct_budget_realization (the test above: Tabel 3.17 alone there)."""
    rows = query(warehouse, """
        SELECT line_name, budget_idr, level FROM marts.fct_budget_allocation
        WHERE region_code = '33.20' ORDER BY source_page, row_index""")
    expected = seed_tables.allocation_lines(seed_tables.JEPARA, "NO\tPROGRAM\tANGGARAN", english=False)
    assert [(r[0], r[1]) for r in rows] == [(e.name, e.budget_idr) for e in expected]
    assert {r[2] for r in rows} == {"program"}


def test_no_allocation_line_of_an_account_or_a_step(warehouse):
    """Jambi Tabel 1.5 lists kinds of spending (BELANJA OPERASI, Belanja Pegawai: accounts, no program), and
    tabel 2.8 gives its amounts to the steps (rencana aksi) under a sub-kegiatan: neither is a program's line.
    Tabel 1.5's printed total stays."""
    rows = query(warehouse, """
        SELECT line_name, budget_idr, level FROM marts.fct_budget_allocation WHERE region_code = '15.71'""")
    assert ("Total Anggaran", 10_036_268_000.0, "total") in rows
    assert not [r for r in rows if r[0].lower().startswith("belanja") or "Kepala Bidang" in r[0]]


def test_a_budget_per_sasaran_gives_its_programs_allocations(warehouse):
    """Jambi Tabel 2.7 (Anggaran Belanja Per Sasaran Strategis): each program's anggaran and its share of the
    total ('68.23%', not an absorption), the program numbered '1.1' under the Program header."""
    rows = query(warehouse, """
        SELECT line_name, budget_idr FROM marts.fct_budget_allocation
        WHERE region_code = '15.71' AND level = 'program' ORDER BY source_page, row_index""")
    printed = seed_tables.allocation_lines(seed_tables.JAMBI, "No\tSasaran\tProgram", english=True)
    expected = [e for e in printed if e.name != "Jumlah"]  # the total line is level total
    assert len(expected) == 7 and rows == [(e.name, e.budget_idr) for e in expected]


def test_provenance_of_a_budget_line(warehouse):
    (page, raw, table_id), = query(warehouse, """
        SELECT source_page, budget_raw, table_id FROM marts.fct_budget_realization
        WHERE region_code = '15.71' AND level = 'program' AND line_name LIKE 'PROGRAM PENUNJANG%'""")
    assert raw == "Rp 6,847,986,125.50"
    cells = query(warehouse, "SELECT text FROM raw.cells WHERE table_id = ? AND page = ?", table_id, page)
    assert ("Rp 6,847,986,125.50",) in cells


def test_sql_is_read_only(warehouse):
    runner = CliRunner()
    ok = runner.invoke(main, ["sql", "--warehouse", str(warehouse), "--format", "json",
                              "SELECT count(*) AS n FROM marts.dim_region"])
    assert ok.exit_code == 0 and json.loads(ok.output) == [{"n": 552}]
    refused = runner.invoke(main, ["sql", "--warehouse", str(warehouse), "DROP TABLE marts.dim_region"])
    assert refused.exit_code != 0 and "read-only" in refused.output.lower()


@pytest.mark.parametrize("statement,guard", [
    ("COPY (SELECT 'x' AS a) TO '{warehouse}' (FORMAT csv)", "reads the published warehouse only"),
    ("SELECT * FROM read_text('/etc/passwd')", "reads the published warehouse only"),
    ("SELECT * FROM read_csv('/etc/passwd')", "reads the published warehouse only"),
    ("ATTACH '{other}' AS other (READ_WRITE)", "reads the published warehouse only"),
    ("INSTALL httpfs", "reads the published warehouse only"),
    ("SET enable_external_access = true", "settings cannot be changed"),
    ("CREATE TABLE marts.x AS SELECT 1", "opened read-only"),
])
def test_sql_refuses_everything_but_reading_the_warehouse(warehouse, tmp_path, statement, guard):
    before = warehouse.read_bytes()
    query_text = statement.format(warehouse=warehouse, other=tmp_path / "other.duckdb")
    refused = CliRunner().invoke(main, ["sql", "--warehouse", str(warehouse), query_text])
    assert refused.exit_code == 1
    assert guard in refused.output and len(refused.output.strip().splitlines()) == 1, refused.output
    assert warehouse.read_bytes() == before and not (tmp_path / "other.duckdb").exists()


@pytest.mark.parametrize("command", [[], ["run"], ["ingest"], ["demo"], ["sql"], ["status"], ["reprocess"],
                                     ["export"], ["sources"], ["sources", "check"]])
def test_every_command_has_help(command):
    result = CliRunner().invoke(main, command + ["--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_region_and_year_overrides_apply_at_load(tmp_path):
    """--region / --year win over inference, are recorded as evidence, and leave the extraction cache alone."""
    from extract import pipeline

    ctx = pipeline.start_run(None, str(tmp_path / "wh.duckdb"), str(tmp_path / "data"))
    (document_id,) = pipeline.ingest_files(ctx, [SAMPLES / "lkjip_jepara_2024_ruled.pdf"],
                                           region_code="33.19", fiscal_year=2023)
    assert pipeline.extract_one(ctx, document_id)["region_code"] == "33.20"  # what the cover says
    pipeline.load(ctx)
    (region, year, evidence), = query(Path(ctx["build_path"]),
                                      "SELECT region_code, fiscal_year, metadata_evidence FROM raw.documents")
    assert (region, year) == ("33.19", 2023)
    assert "override by operator" in json.loads(evidence)["region_code"]


def test_a_run_with_nothing_new_skips_everything_and_touches_nothing(warehouse):
    """The same ingest again: no new document, override or extractor version, so load, dbt,
    validation, docs and exports are skipped (said in the output and the run report). How long that
    takes is measured by bench/scale.py, not asserted here."""
    root = warehouse.parent.parent
    published = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in warehouse.parent.rglob("*")
                 if p.is_file() and not p.name.endswith(".lock")}
    result = CliRunner().invoke(main, [
        "ingest", "--no-progress", "--warehouse", str(warehouse), "--data-dir", str(root / "data"),
        str(SAMPLES / "lkjip_jepara_2024_ruled.pdf"), str(SAMPLES / "lkjip_kota-jambi_2025_ruled.pdf"),
        str(root / "bad")])
    assert result.exit_code == outcome.PARTIAL, result.output  # the three unreadable files are still named
    assert "Nothing changed since the last publish" in result.output and "Validation:" not in result.output
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in warehouse.parent.rglob("*")
             if p.is_file() and not p.name.endswith(".lock")}
    assert after == published
    report = max((root / "data" / "runs").glob("*.json"), key=lambda p: p.name)
    skipped = json.loads(report.read_text())["skipped"]
    assert {"load", "transform", "validate", "publish"} <= set(skipped["skipped_stages"])
