"""Which family a table is, on tables of real reports the extractor was not built on (issue 12): header words
a narrow cell broke apart, achievement tables that compare years without targets, allocation lists without
realisasi. The rows are copied from the printed pages of ../shared/corpus (document and page given)."""
from __future__ import annotations

import pytest

from extract.model import LATTICE_FLAVOR, WORDS_FLAVOR, RawTable
from extract.parse.budget import budget_lines
from extract.parse.families import BUDGET_ALLOCATION, INDICATOR, UNKNOWN, classify
from extract.parse.headers import join_split_words
from extract.parse.indicators import indicator_rows


def _table(rows: list[list[str]], flavor: str = LATTICE_FLAVOR, page: int = 1) -> RawTable:
    return RawTable("t1", page, flavor, rows, [page] * len(rows))


@pytest.mark.parametrize(("printed", "joined"), [
    ("REALI SASI", "REALISASI"), ("REALI- SASI", "REALISASI"), ("TARGE T", "TARGET"), ("TAR GET", "TARGET"),
    ("CAPAIA N (%)", "CAPAIAN (%)"),  # jabar-dinkes_2016_lakip pp. 58-89
    ("Sat uan", "Satuan"), ("Unit Kerja Penang gung jawab", "Unit Kerja Penanggung jawab"),  # grobogan renstra p. 65
    ("S asaran Strategis", "Sasaran Strategis"),  # provsu_2021_lakip p. 28
    # two header words side by side stay apart; a dash or a one-letter piece is no word's half
    ("Sub Kegiatan", "Sub Kegiatan"), ("s d", "s d"), ("- Administrasi - Keuangan", "- Administrasi - Keuangan"),
    ("n o", "n o")])
def test_a_header_word_a_narrow_cell_broke_apart_is_joined(printed, joined):
    assert join_split_words(printed) == joined


# jabar-dinkes_2016_lakip.pdf p. 66 (printed 62), "b) Persentase Treatment Succes Rate (TSR) Tuberkulosis"
TB_RATE = [
    ["INDIKATOR\nSASARAN", "2015", "", "", "", "2016", "", "", ""],
    ["", "TARGET", "REALISASI", "CAPAIA\nN", "PENILAI\nAN", "TARGET", "REAL\nISASI", "CAPAIAN", "PENILAIAN"],
    ["Angka\nKeberhasilan\nPengobatan TB\n(Treatment Succes\nRate)", "78%", "70,4%", "90,25%", "Baik", "86%", "62%",
     "72,09%", "Cukup"],
]


def test_an_achievement_table_whose_header_words_were_broken_is_read_per_year():
    layout = classify(TB_RATE)
    assert layout.family == INDICATOR
    assert layout.header_rows == 2
    rows = indicator_rows(_table(TB_RATE), layout, None)
    got = [(r.indicator_name, r.fiscal_year, r.target_raw, r.realization_raw, r.achievement_raw) for r in rows]
    name = "Angka Keberhasilan Pengobatan TB (Treatment Succes Rate)"
    assert got == [(name, 2015, "78%", "70,4%", "90,25%"), (name, 2016, "86%", "62%", "72,09%")]


def test_target_and_realisasi_broken_with_a_hyphen_are_found():
    # jabar-dinkes_2016_lakip.pdf p. 89: "TARGE T", "REALI- SASI"
    rows = [["NO", "SASARAN", "INDIKATOR KINERJA", "TARGE\nT", "REALI-\nSASI", "%\nPENCAPAIAN", "PENILAIAN"],
            ["1", "2", "3", "4", "5", "6", "7"],
            ["4", "Menurunnya ratio kematian ibu dan bayi", "Cakupan Persalinan oleh Tenaga Kesehatan (PN)", "86%",
             "92,46%", "107,51%", "Sangat Baik"]]
    layout = classify(rows)
    assert layout.family == INDICATOR
    facts = indicator_rows(_table(rows), layout, None)
    assert [(f.indicator_name, f.target_raw, f.realization_raw, f.achievement_raw) for f in facts] == [
        ("Cakupan Persalinan oleh Tenaga Kesehatan (PN)", "86%", "92,46%", "107,51%")]


@pytest.mark.parametrize("rows", [
    # kab-grobogan-dpupr_2021_lkjip.pdf p. 57 (printed 55): realisasi of two years, no target
    [["SASARAN", "INDIKATOR", "REALISASI\n2021", "REALISASI\n2020"],
     ["2. Meningkatnya sarana dan prasarana aparatur", "• Terpenuhinya kebutuhan peningkatan sarana dan prasarana "
      "aparatur.", "100 %", "100 %"]],
    # jabar-disperindag_2016_lkip.pdf p. 36, Tabel 3.3 "Perbandingan Realisasi Indikator Kinerja Tahun 2016 terhadap
    # Tahun 2015"
    [["No", "Indikator Kinerja", "Sat", "Tahun 2015", "Tahun 2016", "Capaian Kinerja (%)", "Kategori", "Sumber data"],
     ["", "", "", "Realisasi", "Realisasi", "", "", ""],
     ["1", "Pertumbuhan Industri Manufaktur", "Triliun Rupiah", "166.29", "168.49", "101.32", "Sangat baik", "BPS"]],
])
def test_realisasi_of_several_years_side_by_side_is_an_achievement_table(rows):
    assert classify(rows).family == INDICATOR


# jombang-inspektorat_2022_lkjip.pdf p. 21 (printed 16): the programs of the Perjanjian Kinerja with their budget
ALLOCATION = [
    ["No.", "Program", "Anggaran", "Keterangan"],
    ["A.", "Program Utama", "Rp.    1.071.834.400", "P-APBD TA 2022"],
    ["1.", "Program Penyelenggaraan\nPengawasan", "Rp.    630.395.770", "P-APBD TA 2022"],
    ["2.", "Program Perumusan\nKebijakan, Pendampingan\ndan Asistensi", "Rp.    441.438.630", "P-APBD TA 2022"],
    ["B.", "Program Penunjang", "Rp.    12.281.319.513", "P-APBD TA 2022"],
    ["1.", "Program Penunjang Urusan\nPemerintahan Daerah\nKabupaten/Kota", "Rp.    12.281.319.513", "P-APBD TA 2022"],
]


def test_an_allocation_list_is_known_and_reads_as_lines_without_realisasi():
    layout = classify(ALLOCATION)
    assert layout.family == BUDGET_ALLOCATION  # recognised, not loaded (see families.BUDGET_ALLOCATION)
    lines = budget_lines(_table(ALLOCATION), layout, None)
    assert [(b.level, b.line_name, b.budget_idr, b.realization_idr) for b in lines] == [
        ("program", "Program Utama", 1071834400.0, None),
        ("program", "Program Penyelenggaraan Pengawasan", 630395770.0, None),
        ("program", "Program Perumusan Kebijakan, Pendampingan dan Asistensi", 441438630.0, None),
        ("program", "Program Penunjang", 12281319513.0, None),
        ("program", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 12281319513.0, None),
    ]


def test_a_misspelt_realisasi_column_is_no_allocation():
    # jabar-disperindag_2016_lkip.pdf p. 80: "Realiasi Anggaran" holds what was spent, not the budget
    rows = [["No", "Uraian Kegiatan", "Realiasi Anggaran", "Lokasi"],
            ["1", "Bidang Perindustrian dan Perdagangan", "418,944,700", "Bandung"],
            ["2", "Bidang Perindustrian dan Perdagangan", "1,000,000,000", "Bandung"],
            ["3", "Bidang Perindustrian dan Perdagangan", "1,820,423,000", "Bandung"]]
    assert classify(rows).family == UNKNOWN


# kab-grobogan-dpupr_2022_pk-scan.pdf p. 2 (OCR): the word reader split each program name at the wide gap after
# "Program" and put the wrapped second line in either cell
PK_BUDGET = [
    ["", "Program", "", "Anggaran", "Keterangan"],
    ["Program\nKabupaten/", "Penunjang Urusan Pemerintahan Daerah\nKota", "Rp.", "23,665,554,229.00", "APBD"],
    ["Program", "Pengelolaan Sumber Daya Air (SDA)", "Rp.", "48,114,709,000.00", "APBD"],
    ["Program", "Penyelenggaraan Jalan", "Rp.", "201,865,249,771.00", "APBD /\nAPBN"],
    ["Program\nDrainase", "Pengelolaan dan Pengembangan Sistem", "Rp.", "7,450,000,000.00", "APBD"],
    ["Program", "Penyelenggaraan Penataan Ruang", "Rp.", "1,459,000,000.00", "APBD"],
    ["Program", "Penataan Bangunan Gedung", "Rp.", "500,000,000.00", "APBD"],
    ["", "", "Rp.", "283,054,513,000.00", ""],
]


def test_a_name_split_at_a_gap_is_read_back_line_by_line():
    layout = classify(PK_BUDGET)
    assert layout.family == BUDGET_ALLOCATION
    lines = budget_lines(_table(PK_BUDGET, WORDS_FLAVOR, page=2), layout, None)
    assert [(b.budget_idr, b.realization_idr) for b in lines] == [
        (23665554229.0, None), (48114709000.0, None), (201865249771.0, None), (7450000000.0, None),
        (1459000000.0, None), (500000000.0, None), (283054513000.0, None)]
    names = [b.line_name for b in lines]
    assert names[:3] == ["Program Penunjang Urusan Pemerintahan Daerah Kabupaten/ Kota",
                         "Program Pengelolaan Sumber Daya Air (SDA)", "Program Penyelenggaraan Jalan"]
    # the fourth: two lines on the left, one on the right - which line goes where is unknown without positions
    assert names[4:] == ["Program Penyelenggaraan Penataan Ruang", "Program Penataan Bangunan Gedung", ""]
    levels = [b.level for b in lines]
    assert levels[:3] + levels[4:] == ["program"] * 5 + ["total"]
