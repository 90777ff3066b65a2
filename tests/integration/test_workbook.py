"""`lkjip export --format xlsx`: Excel workbooks of the facts, opened with openpyxl; values from the Jepara and
Jambi sample reports (Jepara Tabel 3.17 prints PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA with
anggaran 1.871.557.000, realisasi 1.782.123.052, 95,22 %; its JUMLAH 5.140.052.105 against a program sum of
4.873.414.453 is a data-quality issue)."""
from __future__ import annotations

import subprocess

import duckdb
import openpyxl
import pytest

from tests.integration.test_export import JAMBI, JEPARA, LKJIP, seed_warehouse

pytestmark = pytest.mark.slow
PROGRAM = "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA"


def _export(tmp_path, *args: str) -> list[str]:
    warehouse, data_dir = seed_warehouse()
    proc = subprocess.run([str(LKJIP), "export", "--format", "xlsx", "--warehouse", str(warehouse), "--data-dir",
                           str(data_dir), "--out", str(tmp_path), *args], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return sorted(p.name for p in tmp_path.glob("*.xlsx"))


def _records(sheet) -> list[dict]:
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)]


def test_one_workbook_per_province_and_one_for_all(tmp_path):
    assert _export(tmp_path) == ["lkjip_15_jambi.xlsx", "lkjip_33_jawa-tengah.xlsx", "lkjip_semua.xlsx"]
    everything = openpyxl.load_workbook(tmp_path / "lkjip_semua.xlsx")
    jambi = openpyxl.load_workbook(tmp_path / "lkjip_15_jambi.xlsx")
    regions = {r["Kode wilayah"].value for r in _records(everything["Indikator kinerja"])}
    assert regions == {JEPARA, JAMBI}
    assert {r["Kode wilayah"].value for r in _records(jambi["Realisasi anggaran"])} == {JAMBI}


def test_sheets_headers_formats_and_source_links(tmp_path):
    assert _export(tmp_path, "--province", "33", "--year", "2024") == ["lkjip_33_jawa-tengah_2024.xlsx"]
    book = openpyxl.load_workbook(tmp_path / "lkjip_33_jawa-tengah_2024.xlsx")
    assert book.sheetnames == ["Baca saya", "Indikator kinerja", "Realisasi anggaran", "Alokasi anggaran",
                               "Target rencana", "Masalah kualitas data"]
    # the Perjanjian Kinerja's program lists print the same program's anggaran alone: Rp. 1.871.557.000 (twice)
    # and, in the other agreement of the annex, Rp. 1.699.306.000
    allocations = [r for r in _records(book["Alokasi anggaran"])
                   if r["Uraian"].value == "Program Pelatihan Kerja dan Produktifitas Tenaga Kerja"]
    assert allocations and {r["Anggaran (Rp)"].value for r in allocations} == {1871557000, 1699306000}
    budget = book["Realisasi anggaran"]
    assert budget.freeze_panes == "A2" and budget.auto_filter.ref.startswith("A1:")
    (program,) = [r for r in _records(budget) if r["Uraian"].value == PROGRAM and r["Tingkat"].value == "program"]
    assert (program["Anggaran (Rp)"].value, program["Realisasi anggaran (Rp)"].value,
            program["Penyerapan tercetak (%)"].value) == (1871557000, 1782123052, 95.22)
    # locale-invariant codes: an Indonesian Excel shows 1.871.557.000 and 95,22
    assert program["Anggaran (Rp)"].number_format == "#,##0"
    assert program["Penyerapan tercetak (%)"].number_format == "#,##0.00"
    indicators = _records(book["Indikator kinerja"])
    (siap,) = [r for r in indicators if r["Indikator"].value == "Persentase tenaga kerja siap kerja"]
    assert (siap["Target"].value, siap["Realisasi"].value, siap["Capaian tercetak (%)"].value) == (2.90, 2.73, 94.14)
    link = siap["Sumber (laporan)"]
    document_id = siap["Dokumen (sha256)"].value
    # ingested from a local file: the link opens the landing copy of the PDF at the page the row was read from
    assert link.value == "hal. 23" and link.hyperlink.target.endswith(f"/landing/{document_id}.pdf#page=23")
    assert link.hyperlink.target.startswith("file:///")
    assert {r["Tahun anggaran"].value for r in indicators} == {2024}
    issues = _records(book["Masalah kualitas data"])
    assert any(r["Nilai tercetak"].value == 5140052105 and r["Nilai seharusnya"].value == 4873414453 for r in issues)


def test_readme_sheet_explains_every_column_from_the_dbt_descriptions(tmp_path):
    _export(tmp_path, "--province", "15")
    readme = openpyxl.load_workbook(tmp_path / "lkjip_15_jambi.xlsx")["Baca saya"]
    rows = [tuple(c.value for c in row) for row in readme.iter_rows(min_row=4)]
    explained = {(sheet, column): text for sheet, _, column, text in rows if column}
    with duckdb.connect(str(seed_warehouse()[0]), read_only=True) as con:
        comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'fct_budget_realization' "
                              "AND column_name = 'budget_idr'").fetchone()[0]
    assert comment and explained[("Realisasi anggaran", "budget_idr")] == comment
    book = openpyxl.load_workbook(tmp_path / "lkjip_15_jambi.xlsx")
    for sheet in book.sheetnames[1:]:
        headers = [c.value for c in book[sheet][1]]
        assert all(h in {r[1] for r in rows if r[0] == sheet} for h in headers), sheet


def test_every_publish_writes_the_workbooks_next_to_the_parquet_exports():
    exports = seed_warehouse()[0].parent / "exports"
    assert sorted(p.name for p in (exports / "xlsx").glob("*.xlsx")) == \
        ["lkjip_15_jambi.xlsx", "lkjip_33_jawa-tengah.xlsx", "lkjip_semua.xlsx"]
    assert (exports / "dictionary.csv").exists()
