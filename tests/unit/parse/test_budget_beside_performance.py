"""Tables that set performance beside the budget (the efficiency of resources every LKjIP analyses): a
"Capaian Sasaran (%)" column left of the money, or a "Kinerja" group (Target | Realisasi | Capaian %) left
of an "Anggaran" group (Anggaran | Realisasi | Capaian %). The performance columns are no budget role;
the money columns give one budget line per program or sasaran. Rows copied from the printed pages of
../shared/corpus (page numbers given)."""
from __future__ import annotations

from extract.extraction import tables_to_frames
from extract.model import LATTICE_FLAVOR, RawTable
from extract.parse.budget import budget_lines
from extract.parse.column_roles import budget_columns
from extract.parse.families import BUDGET, INDICATOR, classify

# jabar-bp3akb_2016_lkip.pdf p. 64, Tabel 3.2a: one row per sasaran strategis, its programs listed under
# its name in the same cell; the "(%)" under "Realisasi Anggaran" is the absorption, "Capaian Sasaran (%)*"
# the sasaran's performance
PER_SASARAN = [
    ["No", "Sasaran Strategis/ \nProgram", "Capaian \nSasaran \n(%)*", "Anggaran  \n(Rp)", "Realisasi Anggaran", ""],
    ["", "", "", "", "(Rp)", "(%)"],
    ["1", "Meningkatnya Peran Serta dan Kesetaraan \nGender Dalam Pembangunan : \n-  Program Peningkatan Peran "
          "Serta dan \nKesetaraan Gender dalam \nPembangunan \n-  Perencanaan, Pengendalian dan \nEvaluasi BP3AKB",
     "107.74", "4,283,750,000", "4,030,287,400", "94.08"],
    ["2", "Meningkatnya Kualitas Hidup dan \nPerlindungan Perempuan dan Anak : \n-  Program Peningkatan Kualitas "
          "Hidup \ndan Perlindungan Perempuan dan Anak", "92.98", "15,826,297,300", "15,615,158,380", "98.67"],
    ["", "TOTAL", "94.62", "33,928,986,800", "31,275,556,656", "92.18"],
]

# jombang-inspektorat_2022_lkjip.pdf pp. 39-40, Tabel 3.8 Perbandingan Realisasi Kinerja dan Realisasi
# Anggaran: sasaran rows and averages carry performance only
KINERJA_AND_ANGGARAN = [
    ["SASARAN/ \nPROGRAM", "INDIKATOR PROGRAM", "Kinerja", "", "", "Anggaran", "", ""],
    ["", "", "Target", "Realisasi", "Capaian \n%", "Anggaran", "Realisasi", "Capaian \n%"],
    ["Sasaran : \nMeningkatkan \nHasil Pengawasan \nyang berkualitas \ndan akuntabel", "Maturitas SPIP",
     "Level \n3 \n(3,35)", "Level 3 \n(3,157)", "94,24", "", "", ""],
    ["", "Kapabilitas APIP", "Level \n3", "Level 3", "100", "", "", ""],
    ["", "Rata-rata capaian \nIndikator Utama \n(Sasaran)", "", "", "97,51", "", "", ""],
    ["Program Penunjang \nUrusan \nPemerintahan \nDaerah \nKabupaten/Kota",
     "Persentase rata-rata \ncapaian kinerja aparatur", "100", "100", "100,00", "12.281.319.513", "11.534.782.463",
     "93,92"],
    ["Program \nPenyelenggaraan \nPengawasan", "Persentase Tindak \nLanjut hasil Pengawasan \nselesai (APIP dan BPK)",
     "93", "86,71", "93,24", "630.395.770", "524.058.289", "83,13"],
    ["", "Persentase tindak lanjut \nselesai atas rekomendasi", "80", "80", "100,00", "", "", ""],
    ["", "JUMLAH  TOTAL", "", "", "", "13.353.153.913", "12.441.701.788", "93,17"],
]


def _table(rows: list[list[str]], caption: str) -> RawTable:
    return RawTable("t1", 39, LATTICE_FLAVOR, rows, [39] * len(rows), caption=caption)


def _facts(lines):
    return [(b.line_name, b.level, b.budget_idr, b.realization_idr, b.absorption_pct_reported) for b in lines]


def test_the_absorption_is_the_budget_groups_percentage_not_the_capaian_sasaran():
    layout = classify(PER_SASARAN, "Tabel 3.2a. Anggaran dan Realisasi Keuangan Per Sasaran Strategis Tahun 2016")
    assert layout.family == BUDGET
    roles = budget_columns(layout.labels)
    assert (roles.budget, roles.realization, roles.absorption, roles.performance) == (3, 4, 5, [2])


def test_a_sasaran_heading_over_its_programs_is_the_sasarans_line():
    table = _table(PER_SASARAN, "Tabel 3.2a. Anggaran dan Realisasi Keuangan Per Sasaran Strategis Tahun 2016")
    lines = budget_lines(table, classify(table.rows, table.caption), None)
    assert _facts(lines) == [
        ("Meningkatnya Peran Serta dan Kesetaraan Gender Dalam Pembangunan", "sasaran", 4283750000.0,
         4030287400.0, 94.08),
        ("Meningkatnya Kualitas Hidup dan Perlindungan Perempuan dan Anak", "sasaran", 15826297300.0,
         15615158380.0, 98.67),
        ("TOTAL", "total", 33928986800.0, 31275556656.0, 92.18),
    ]


def test_a_kinerja_group_beside_an_anggaran_group_gives_budget_lines_too():
    table = _table(KINERJA_AND_ANGGARAN, "Tabel 3.8 Perbandingan Realisasi Kinerja dan Realisasi Anggaran Tahun 2022")
    assert classify(table.rows, table.caption).family == INDICATOR
    frames = tables_to_frames("d1", [table])
    budget = frames["budget_lines"]
    assert list(zip(budget.line_name, budget.level, budget.budget_idr, budget.realization_idr,
                    budget.absorption_pct_reported)) == [
        ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "program", 12281319513.0, 11534782463.0,
         93.92),
        ("Program Penyelenggaraan Pengawasan", "program", 630395770.0, 524058289.0, 83.13),
        ("JUMLAH TOTAL", "total", 13353153913.0, 12441701788.0, 93.17),
    ]
    assert "Maturitas SPIP" in set(frames["indicators"].indicator_name)  # the indicators are read as before


# samples/seeds/lkjip_kota-jambi_2025_disnakerkopukm.txt, Tabel 3.9: the same two groups, but one row per
# indicator under 'Sasaran Strategis | Indikator Sasaran': money per indicator, no program's budget line
MONEY_PER_INDICATOR = [
    ["No", "Sasaran Strategis", "Indikator Sasaran", "Kinerja", "", "", "Anggaran", "", ""],
    ["", "", "", "Target (%)", "Realisasi (%)", "Capaian (%)", "Target", "Realisasi", "Capaian (%)"],
    ["1", "Meningkatnya penyerapan pencari kerja dan perlindungan tenaga kerja",
     "Persentase Penempatan Pencari Kerja Terdaftar", "45.00", "60.97", "135.49", "Rp 321,673,135",
     "Rp 303,388,183", "94.32"],
    ["", "", "Persentase Perusahaan Dgn Tata Kelola Yg Layak", "14.00", "16.00", "114.29", "Rp 909,622,967",
     "Rp 836,129,151", "91.92"],
]


def test_money_per_indicator_gives_no_budget_lines():
    table = _table(MONEY_PER_INDICATOR, "Tabel 3.9 : Alokasi Anggaran dan Realisasi Belanja")
    assert classify(table.rows, table.caption).family == INDICATOR
    frames = tables_to_frames("d1", [table])
    assert frames["budget_lines"].empty
    assert len(frames["indicators"]) == 2
