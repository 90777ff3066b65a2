"""Indicator rows of the real corpus reports (../shared/corpus) against the values printed on their pages.

Every value asserted here was read on the PDF page named in the comment. The tests skip when the corpus
is absent (set LKJIP_CORPUS_DIR to use another copy).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from bench.accuracy import capaian_agreement, capaian_formula, polarity_rules
from extract.cli import main
from extract.extraction import extract_document
from extract.fsutil import sha256_file
from extract.layout import DOCUMENT_RECORD, DataLayout, output_dir
from tests.paths import REPO

PROVSU = "provsu_2021_lakip.pdf"
JOMBANG = "jombang-inspektorat_2022_lkjip.pdf"

pytestmark = pytest.mark.slow


def _corpus_pdf(name: str) -> Path:
    for candidate in (os.environ.get("LKJIP_CORPUS_DIR"), REPO.parent / "shared" / "corpus"):
        if candidate and (Path(candidate) / name).is_file():
            return Path(candidate) / name
    pytest.skip(f"corpus document not available: {name}")


def _indicators(pdf: Path, root: Path) -> pd.DataFrame:
    record = extract_document(pdf, root)
    assert record["status"] == "ok", record
    return pd.read_parquet(output_dir(root, sha256_file(pdf)) / "indicators.parquet")


@pytest.fixture(scope="module")
def provsu_ingested(tmp_path_factory) -> tuple[Path, Path]:
    """provsu ingested once (the warehouse, and the document's extraction folder): the tests of its
    rows and those of its warehouse share one extraction of the 84-page report."""
    pdf = _corpus_pdf(PROVSU)
    root = tmp_path_factory.mktemp("provsu-wh")
    path = root / "wh" / "lkjip.duckdb"
    result = CliRunner().invoke(main, ["ingest", "--no-progress", "--warehouse", str(path),
                                       "--data-dir", str(root / "data"), str(pdf)])
    assert result.exit_code == 0, result.output
    return path, DataLayout(root / "data").output_dir(sha256_file(pdf))


@pytest.fixture(scope="module")
def provsu(provsu_ingested):
    folder = provsu_ingested[1]
    record = json.loads((folder / DOCUMENT_RECORD).read_text())
    assert record["status"] == "ok", record
    return pd.read_parquet(folder / "indicators.parquet")


@pytest.fixture(scope="module")
def jombang(tmp_path_factory):
    return _indicators(_corpus_pdf(JOMBANG), tmp_path_factory.mktemp("jombang"))


def printed(frame: pd.DataFrame, page: int, name: str) -> list[tuple[str, str, str]]:
    rows = frame[(frame.source_page == page) & (frame.indicator_name == name)]
    return [(r.target_raw, r.realization_raw, r.achievement_raw) for r in rows.itertuples()]


def test_rows_under_a_numbered_section_row_are_kept(provsu):
    # Tabel 3.2 (page 24) opens with "I | Misi 1 : Mewujudkan ..." right under its header. Read as a
    # header line, it hid the "No." column, and indicators named like summaries were dropped.
    assert printed(provsu, 24, "Nilai Tukar Petani (NTP)") == [("100,10", "119,06", "118,94%")]
    assert printed(provsu, 24, "Total Fertility Rate (TFR)") == [("2,82", "2,60", "190%")]
    assert printed(provsu, 25, "Jumlah kunjungan wisatawan mancanegara") == [("370.000", "240", "0,06%")]
    assert printed(provsu, 24, "Tingkat Pengangguran Terbuka") == [("5,4", "6,33", "115%")]


def test_values_under_a_header_spanning_two_grid_columns(provsu):
    # Tabel 3.4 continued on page 28: "Target" / "Realisasi" / "Capaian" headers sit one grid column off
    # their values; Misi 3 to 5 are printed there.
    assert printed(provsu, 28, "Angka rata-rata lama sekolah") == [("10,15", "9,58", "94,38%")]
    assert printed(provsu, 28, "Indeks pembangunan gender") == [("91,08", "90,67", "99,64%")]
    assert printed(provsu, 28, "Jumlah kunjungan wisatawan mancanegara") == [("370.000", "240", "0,06%")]
    lama_sekolah = provsu[(provsu.source_page == 28) & (provsu.indicator_name == "Angka rata-rata lama sekolah")]
    assert lama_sekolah.unit.tolist() == ["Tahun"]


def test_a_dash_cell_does_not_join_the_next_section_row(provsu):
    # Page 70: "Rasio rumah layak huni | Persen | 93,72 | 69,50 | -" then "Sasaran Strategis 5 : ...".
    assert printed(provsu, 70, "Rasio rumah layak huni") == [("93,72", "69,50", "")]
    assert not provsu.indicator_name.str.contains("Sasaran Strategis").any()


def test_indicator_named_nilai_with_values_is_not_a_summary_row(jombang):
    # Jombang Tabel 3.2 (page 24): "Nilai Evaluasi AKIP PD | Nilai A (83) | Nilai A (82,92) | 98,30%".
    assert printed(jombang, 24, "Nilai Evaluasi AKIP PD") == [("Nilai A (83)", "Nilai A (82,92)", "98,30%")]
    # "Rata-rata capaian Indikator ..." (Tabel 3.8, page 39) prints only a capaian: a summary, not an indicator
    assert not jombang.indicator_name.str.startswith("Rata-rata").any()


def test_lower_is_better_capaian_as_target_over_realisasi(provsu):
    polarity = polarity_rules()
    # Tabel 3.4 (page 27): Tingkat pengangguran terbuka 5,4 -> 6,33 printed 85,31 = 5,4 / 6,33 x 100
    assert printed(provsu, 27, "Tingkat pengangguran terbuka") == [("5,4", "6,33", "85,31")]
    assert polarity("Tingkat pengangguran terbuka") == "lower_is_better"
    assert capaian_formula(5.4, 6.33, 85.31, "lower_is_better") == "target/realisasi"
    # the same numbers for a higher-is-better indicator: what swapped columns would give, not accepted
    assert capaian_formula(5.4, 6.33, 85.31, "higher_is_better") is None
    # the report's own arithmetic: 115% (Tabel 3.2) and inflation 2,85 -> 1,71 printed 225% fit no formula
    assert capaian_formula(5.4, 6.33, 115, "lower_is_better") is None
    assert capaian_formula(2.85, 1.71, 225, "lower_is_better") is None
    result = capaian_agreement(provsu, polarity)
    assert result["by_formula"].get("target/realisasi") == 1
    assert {d["achievement_raw"] for d in result["disagreements"]} >= {"115%", "8,50%", "225%"}


def test_polarity_rules_are_the_warehouse_seeds():
    polarity = polarity_rules()
    assert polarity("Indeks Gini") == "lower_is_better"
    assert polarity("Inflasi") == "lower_is_better"
    assert polarity("Persentase Penyelesaian Perselisihan HI") == "higher_is_better"  # override pattern
    assert polarity("Nilai Tukar Petani (NTP)") == "higher_is_better"


@pytest.fixture(scope="module")
def provsu_warehouse(provsu_ingested):
    return provsu_ingested[0]


def test_capaian_mismatch_check_accepts_target_over_realisasi_for_lower_is_better(provsu_warehouse):
    with duckdb.connect(str(provsu_warehouse), read_only=True) as con:
        issues = con.execute(
            "select source_page, found_value, detail from marts.mart_data_quality_issues "
            "where check_name = 'reported_capaian_differs_from_computed' and detail ilike ?",
            ["%tingkat pengangguran terbuka%"]).fetchall()
        tpt = con.execute(
            "select achievement_pct_computed, polarity from marts.fct_performance_indicator "
            "where indicator_key = 'tingkat pengangguran terbuka' and fiscal_year = 2021").fetchall()
        earlier = con.execute(
            "select fiscal_year, realization_value from marts.fct_performance_indicator "
            "where indicator_key = 'tingkat pengangguran terbuka' and fiscal_year < 2021 order by 1").fetchall()
    # 115% (pages 24 and 68) is flagged; 85,31 (page 27, target / realisasi) is not
    assert sorted((page, value) for page, value, _ in issues) == [(24, 115.0), (68, 115.0)]
    assert all("target / realisasi * 100 = 85.31" in detail for _, _, detail in issues)
    # the warehouse's own figure stays (2 x target - realisasi) / target x 100
    assert [(round(a, 2), p) for a, p in tpt] == [(round((2 * 5.4 - 6.33) / 5.4 * 100, 2), "lower_is_better")]
    # page 66 compares the realisasi of 2019, 2020 and 2021 (5,41 | 6,91 | 6,33): earlier years are facts of their own
    assert earlier == [(2019, 5.41), (2020, 6.91)]


def test_target_of_the_changed_rpjmd_is_this_years_target(provsu):
    # page 72: "Target P.RPJMD | Realisasi | Capaian Kinerja (%)" (P.RPJMD = the changed RPJMD's
    # target for 2021), not an end-of-plan target; "rp" inside "p.rpjmd" is not rupiah either.
    assert printed(provsu, 72, "Indeks Kesehatan") == [("75,65 – 76,15", "75,74", "100,12")]
    assert printed(provsu, 72, "Indeks Infrastruktur") == [("0,70", "0,71", "101,43")]


def test_values_in_sub_columns_of_a_grid_drawn_differently_on_some_rows(provsu):
    # page 71: the Misi 3-4 rows have their target and realisasi one grid column left of the
    # other rows' ("Angka rata-rata lama sekolah | Tahun | 10,15 | 9,58 | 8,48")
    assert printed(provsu, 71, "Angka rata-rata lama sekolah") == [("10,15", "9,58", "")]
    assert printed(provsu, 71, "Inflasi") == [("2,85", "1,71", "")]


@pytest.fixture(scope="module")
def ambon(tmp_path_factory):
    return _indicators(_corpus_pdf("ambon-diskominfo_2021_lakip.pdf"), tmp_path_factory.mktemp("ambon"))


def test_an_indicator_measured_by_components_takes_their_jumlah_row(ambon):
    # Ambon Tabel 3.3 (p. 24): "Tersedianya Layanan Teknologi Manajemen Informasi" has five
    # component rows (target 85 each; 100 / 4.54 / 100 / 100 / 100) closed by "Jumlah | 80.91 | 95.2".
    rows = ambon[(ambon.source_page == 24) & ambon.indicator_name.str.startswith("Tersedianya Layanan")]
    assert list(rows[["fiscal_year", "target_raw", "realization_raw", "achievement_raw"]]
                .itertuples(index=False, name=None)) == [(2021, "85", "80.91", "95.2"), (2020, "80", "", "101.19")]
