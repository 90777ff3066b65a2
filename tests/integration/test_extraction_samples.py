"""camelot on the sample PDFs rendered from the seeds: the facts are the values the seeds print."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from extract.extraction import extract_document
from tests import seed_tables
from tests.paths import SAMPLE_PDFS

SAMPLES = SAMPLE_PDFS


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Extract each sample once: {name: (record, indicators, budget_lines, tables)}."""
    root = tmp_path_factory.mktemp("extracted")
    result = {"_root": str(root)}
    for name in ("lkjip_jepara_2024_ruled", "lkjip_kota-jambi_2025_ruled", "lkjip_jepara_2024_unruled",
                 "lkjip_kota-jambi_2025_unruled"):
        record = extract_document(SAMPLES / f"{name}.pdf", root)
        out = root / record["document_id"] / record["extractor_version"]
        result[name] = (record, *(pd.read_parquet(out / f"{f}.parquet")
                                  for f in ("indicators", "budget_lines", "tables")))
    return result


def _table_with_caption(tables: pd.DataFrame, prefix: str) -> str:
    match = tables[tables.caption.str.startswith(prefix)]
    assert len(match) == 1, f"one table captioned {prefix!r}, found {len(match)}"
    return match.table_id.iloc[0]


@pytest.mark.parametrize("name,region,year", [
    ("lkjip_jepara_2024_ruled", "33.20", 2024), ("lkjip_kota-jambi_2025_ruled", "15.71", 2025)])
def test_document_metadata(extracted, name, region, year):
    record = extracted[name][0]
    assert (record["status"], record["region_code"], record["fiscal_year"], record["doc_type"]) == \
        ("ok", region, year, "lkjip")


def test_jepara_tabel_3_3_indicators(extracted):
    _, indicators, _, tables = extracted["lkjip_jepara_2024_ruled"]
    rows = indicators[indicators.table_id == _table_with_caption(tables, "Tabel 3.3 ")]
    printed = [  # Tabel 3.3 of the Jepara seed: indicator, unit, target, realisasi, % capaian, kategori
        ("Persentase tenaga kerja siap kerja", "%", 2.90, 2.73, 94.14, "Baik"),
        ("Tingkat Partisipasi angkatan Kerja", "%", 70.30, 71.94, 102.33, "Sangat Baik"),
        ("Persentase perusahaan yang menerapkan tata kelola kerja yang layak (PP/PKB, LKS Bipartit, "
         "Struktur skala upah dan terdaftar bpjs ketenagakerjaan)", "%", 59.62, 65.44, 109.76, "Sangat Baik"),
        ("Jumlah masyarakat yang berminat ikut program transmigrasi", "orang", 13, 13, 100, "Baik"),
        ("Persentase koperasi aktif", "%", 47.00, 55.75, 118.62, "Sangat Baik"),
        ("Persentase unit usaha yang berdaya saing", "%", 3.61, 3.80, 105.26, "Sangat Baik"),
        ("Persentase capaian kinerja PD yang mencapai target", "%", 80.00, 83.33, 104.16, "Sangat baik"),
    ]
    got = list(rows[["indicator_name", "unit", "target_value", "realization_value",
                     "achievement_pct_reported", "category_reported"]].itertuples(index=False, name=None))
    assert got == printed
    assert set(rows.level) == {"sasaran"} and set(rows.fiscal_year) == {2024}
    assert rows.goal_name.iloc[0].startswith("Meningkatnya jumlah pencari kerja yang dilatih")


def test_jepara_tabel_3_4_gives_both_years(extracted):
    _, indicators, _, tables = extracted["lkjip_jepara_2024_ruled"]
    rows = indicators[indicators.table_id == _table_with_caption(tables, "Tabel 3.4 ")]
    first = rows[rows.indicator_name == "Persentase tenaga kerja siap kerja"].sort_values("fiscal_year")
    assert list(first[["fiscal_year", "target_value", "realization_value", "achievement_pct_reported"]]
                .itertuples(index=False, name=None)) == [(2023, 2.40, 1.85, 77.08), (2024, 2.90, 2.73, 94.14)]


@pytest.mark.parametrize("name", ["lkjip_kota-jambi_2025_ruled", "lkjip_kota-jambi_2025_unruled"])
def test_jambi_tabel_3_9_and_3_3_indicators(extracted, name):
    _, indicators, _, tables = extracted[name]
    sasaran = indicators[indicators.table_id == _table_with_caption(tables, "Tabel 3.9 ")]
    assert list(sasaran[["indicator_name", "target_value", "realization_value", "achievement_pct_reported"]]
                .itertuples(index=False, name=None)) == [
        ("Persentase Penempatan Pencari Kerja Terdaftar", 45.00, 60.97, 135.49),
        ("Persentase Perusahaan Dgn Tata Kelola Yg Layak", 14.00, 16.00, 114.29),
        ("Persentase Koperasi Berkualitas", 46.80, 43.64, 93.25),
        ("Persentase UMKM Yg Tangguh dan Mandiri", 8.00, 12.03, 150.40),
    ]
    assert set(sasaran.unit) == {"%"}, "the header prints Target (%)"
    program = indicators[indicators.table_id == _table_with_caption(tables, "Tabel 3.3 ")]
    assert set(program.level) == {"program"}
    assert list(program[["target_value", "realization_value", "achievement_pct_reported"]]
                .itertuples(index=False, name=None)) == [
        (69.00, 71.90, 104.20), (51.00, 60.97, 119.55), (15.00, 16.47, 109.80),
        (32.90, 61.00, 185.41), (8.00, 33.88, 423.50), (52.64, 62.42, 118.58)]


@pytest.mark.parametrize("name,seed,caption,english", [
    ("lkjip_jepara_2024_ruled", seed_tables.JEPARA, "Tabel 3.17", False),
    ("lkjip_kota-jambi_2025_ruled", seed_tables.JAMBI, "Tabel 3.8", True),
    # unruled: columns come from the white space between words (extract/pdf/unruled.py)
    ("lkjip_jepara_2024_unruled", seed_tables.JEPARA, "Tabel 3.17", False),
    ("lkjip_kota-jambi_2025_unruled", seed_tables.JAMBI, "Tabel 3.8", True),
])
def test_every_budget_line(extracted, name, seed, caption, english):
    _, _, budget, tables = extracted[name]
    lines = budget[budget.table_id == _table_with_caption(tables, caption)]
    expected = seed_tables.budget_lines(seed, caption, english)
    assert len(lines) == len(expected)
    got = list(lines[["budget_idr", "realization_idr", "absorption_pct_reported"]].itertuples(index=False, name=None))
    assert got == [(e.budget_idr, e.realization_idr, e.absorption_pct) for e in expected]
    for line_name, seed_line in zip(lines.line_name, expected):
        assert " ".join(line_name.split()).lower() == " ".join(seed_line.name.split()).lower()


def test_jepara_budget_hierarchy(extracted):
    _, _, budget, tables = extracted["lkjip_jepara_2024_ruled"]
    budget = budget[budget.table_id == _table_with_caption(tables, "Tabel 3.17")]  # the PK lists: allocations
    # The seed prints 11 programs (capitals), 21 kegiatan (unnumbered) and 46 numbered sub-kegiatan
    # (1-44, 49, 50) and one JUMLAH. Its own text claims "22 kegiatan": another flaw of the report.
    assert budget.level.value_counts().to_dict() == {"sub_kegiatan": 46, "kegiatan": 21, "program": 11, "total": 1}
    total = budget[budget.level == "total"].iloc[0]
    assert (total.budget_idr, total.realization_idr, total.absorption_pct_reported) == (5140052105, 4887834646, 95.05)


def test_jambi_budget_hierarchy(extracted):
    _, _, budget, tables = extracted["lkjip_kota-jambi_2025_ruled"]
    budget = budget[budget.table_id == _table_with_caption(tables, "Tabel 3.8")]  # Tabels 1.5, 2.7: allocations
    counts = budget.level.value_counts().to_dict()
    # Penunjang: 8 kegiatan, 20 sub-kegiatan; the six other programs: 9 kegiatan, 16 sub-kegiatan.
    assert counts == {"sub_kegiatan": 36, "kegiatan": 17, "program": 7, "total": 1}
    assert set(budget[budget.level == "kegiatan"].level_method) == {"letter_case"}
    cut = budget[budget.line_name.str.startswith("Koordinasi dan Penyusunan Laporan Capaian")].iloc[0]
    assert cut.line_name.endswith("Ikhtisar Realisasi Kinerja SKPD"), "a row cut by the page break is joined"


def test_tables_keep_provenance(extracted):
    record, indicators, budget, tables = extracted["lkjip_jepara_2024_ruled"]
    jumlah = budget[budget.line_name == "JUMLAH"].iloc[0]
    table = tables[tables.table_id == jumlah.table_id].iloc[0]
    assert table.page_start < table.page_end, "Tabel 3.17 continues over several pages"
    assert table.page_start <= jumlah.source_page <= table.page_end
    assert jumlah.budget_raw == "5.140.052.105"


def test_unruled_jepara_budget_amounts(extracted):
    record, _, budget, tables = extracted["lkjip_jepara_2024_unruled"]
    assert record["status"] == "ok"
    expected = seed_tables.budget_lines(seed_tables.JEPARA, "Tabel 3.17", english=False)
    got = list(budget[["budget_idr", "realization_idr", "absorption_pct_reported"]].itertuples(index=False, name=None))
    assert got == [(e.budget_idr, e.realization_idr, e.absorption_pct) for e in expected]
    assert budget.level.value_counts().to_dict() == {"sub_kegiatan": 46, "kegiatan": 21, "program": 11, "total": 1}


def test_report_scales_are_read(extracted):
    """Tabel 3.1 of each seed: the report's own grading scale, with open bounds kept open."""
    from extract.layout import output_dir

    def scale(name):
        record = extracted[name][0]
        root = Path(extracted["_root"])
        frame = pd.read_parquet(output_dir(root, record["document_id"]) / "category_scales.parquet")
        return [tuple(None if pd.isna(v) else v for v in row)
                for row in frame[["category_label", "lower_pct", "upper_pct"]].itertuples(index=False, name=None)]

    assert scale("lkjip_jepara_2024_ruled") == [
        ("Sangat baik", 100.0, None), ("Baik", 75.0, 100.0), ("Cukup", 55.0, 74.0), ("Kurang", None, 55.0)]
    assert scale("lkjip_kota-jambi_2025_ruled") == [
        ("Sangat Baik", 90.0, None), ("Baik", 75.0, 89.9), ("Cukup", 65.0, 74.99), ("Kurang", 50.0, 64.99),
        ("Sangat Kurang", 0.0, 50.0)]


def _plan_targets(extracted, name) -> pd.DataFrame:
    from extract.layout import output_dir

    record = extracted[name][0]
    return pd.read_parquet(output_dir(Path(extracted["_root"]), record["document_id"]) / "plan_targets.parquet")


def test_jepara_renstra_targets(extracted):
    """Jepara Tabel 2.1 (Renstra 2023-2026) and Tabel 2.2 (RPD): a target per year, baseline and end target."""
    _, _, _, tables = extracted["lkjip_jepara_2024_ruled"]
    plans = _plan_targets(extracted, "lkjip_jepara_2024_ruled")
    t21 = plans[plans.table_id == _table_with_caption(tables, "Tabel 2.1 ")]
    assert set(tables[tables.caption.str.startswith(("Tabel 2.1 ", "Tabel 2.2."))].family) == {"multi_year_plan"}
    # Tabel 2.1 prints 11 indicators (4 of a tujuan, 7 of a sasaran), 4 years and the end target each
    assert t21.groupby("level").indicator_name.nunique().to_dict() == {"tujuan": 4, "sasaran": 7}
    assert len(t21) == 11 * 5
    assert set(t21.plan_kind) == {"renstra"}
    printed = {  # seed: indicator -> kondisi awal, 2023, 2024, 2025, 2026, target akhir Renstra
        "Persentase tenaga kerja siap kerja": (1.87, 2.40, 2.90, 3.20, 3.70, 3.70),
        "Tingkat Partisipasi angkatan Kerja": (69.54, 70.10, 70.30, 70.60, 71.00, 71.00),
        "Jumlah masyarakat yang berminat ikut program transmigrasi": (9, 11, 13, 15, 17, 56),
        "Persentase usaha mikro dan kecil": (4, 4.2, 4.3, 4.4, 4.5, 4.5),
        "Nilai SKM PD": (78, 78, 78.5, 79, 79.5, 79.5),
    }
    for indicator, (baseline, *targets) in printed.items():
        rows = t21[t21.indicator_name == indicator].sort_values(["is_end_target", "target_year"])
        assert list(rows[["target_year", "target_value", "is_end_target"]].itertuples(index=False, name=None)) == [
            (2023, targets[0], False), (2024, targets[1], False), (2025, targets[2], False),
            (2026, targets[3], False), (2026, targets[4], True)], indicator
        assert set(rows.baseline_value) == {baseline}, indicator
    tujuan = t21[t21.indicator_name == "Nilai SKM PD"].iloc[0]
    assert (tujuan.level, tujuan.goal_name) == ("tujuan", "Meningkatkan kualitas pelayanan PD")
    t22 = plans[plans.table_id == _table_with_caption(tables, "Tabel 2.2.")]
    siap = t22[t22.indicator_name == "Persentase tenaga kerja siap kerja"]
    assert set(zip(siap.plan_kind, siap.baseline_year, siap.baseline_value, siap.unit)) == {("rpjmd", 2021, 1.87, "%")}
    # Tabel 3.2 (an achievement table) carries the Renstra's end target: 3,70 for 2026
    t32 = plans[plans.table_id == _table_with_caption(tables, "Tabel 3.2 ")]
    assert list(t32[t32.indicator_name == "Persentase tenaga kerja siap kerja"][
        ["target_year", "target_value", "is_end_target"]].itertuples(index=False, name=None)) == [(2026, 3.70, True)]


def test_jambi_renstra_targets(extracted):
    """Jambi Tabel 2.2 (Renstra 2025-2029): five years, the end condition, its shifted second sasaran."""
    _, _, _, tables = extracted["lkjip_kota-jambi_2025_ruled"]
    plans = _plan_targets(extracted, "lkjip_kota-jambi_2025_ruled")
    t22 = plans[plans.table_id == _table_with_caption(tables, "Tabel 2.2 ")]
    assert t22.indicator_name.nunique() == 6 and set(t22.plan_kind) == {"renstra"}
    assert t22.groupby("level").indicator_name.nunique().to_dict() == {"tujuan": 2, "sasaran": 4}
    umkm = t22[t22.indicator_name == "Persentase UMKM yang tangguh dan mandiri"].sort_values(
        ["is_end_target", "target_year"])
    assert list(umkm[["target_year", "target_value", "is_end_target"]].itertuples(index=False, name=None)) == [
        (2025, 8.0, False), (2026, 15.0, False), (2027, 23.0, False), (2028, 31.0, False), (2029, 39.0, False),
        (2029, 39.0, True)]


def test_unruled_tables_of_unmodelled_kind_stay_with_their_cells(extracted):
    # Jepara Tabel 1.1 ("Jumlah Pegawai Berdasarkan Tingkat Pendidikan": head counts by jabatan and
    # education) is no family we read facts from; it is named by its content, and unruled it is kept too
    for name in ("lkjip_jepara_2024_ruled", "lkjip_jepara_2024_unruled"):
        tables = extracted[name][3]
        staff = tables[tables.caption.str.startswith("Tabel 1.1 ")]
        assert list(staff.family) == ["staff"], name
        assert staff.n_rows.iloc[0] >= 5
