"""Budget tables of real reports the extractor was not built on (issue 12): per agency, per-level amount
columns, headers that say "Target Kinerja" over money, tables known by their columns only, rows a reader
stacked into one cell. The rows are copied from the printed pages of ../shared/corpus (page numbers given)."""
from __future__ import annotations

import pytest

from extract.model import LATTICE_FLAVOR, RawTable
from extract.parse.account_sheet import sheet_layout, sheet_lines
from extract.parse.budget import amount_text, budget_lines
from extract.parse.column_roles import budget_columns
from extract.parse.families import BUDGET, classify
from extract.parse.stacked import rejoin_wrapped, split_stacked


def _table(rows: list[list[str]], caption: str = "", page: int = 1) -> RawTable:
    return RawTable("t1", page, LATTICE_FLAVOR, rows, [page] * len(rows), caption=caption)


def _lines(rows: list[list[str]], caption: str = ""):
    table = _table(rows, caption)
    layout = classify(table.rows, table.caption)
    assert layout.family == BUDGET
    return budget_lines(table, layout, None)


# provsu_2021_lakip.pdf p. 79: the title is printed inside the frame, the lines are agencies ("OPD")
PER_AGENCY = [
    ["PAGU DAN REALISASI BELANJA DAERAH PROVINSI SUMATERA UTARA PER OPD", "", "", "", ""],
    ["TAHUN ANGGARAN 2021", "", "", "", ""],
    ["", "", "", "", ""],
    ["NO.", "OPD", "PAGU", "REALISASI", "PERSEN"],
    ["1", "Biro Perekonomian", "2,684,886,550.00", "2,615,969,188.00", "97,43"],
    ["2", "Biro Kesejahteraan\nRakyat", "423,980,174,791.00", "383,107,068,301.00", "90,36"],
]


def test_a_table_per_agency_gives_perangkat_daerah_lines():
    layout = classify(PER_AGENCY)
    assert layout.family == BUDGET
    assert layout.labels[0] == "no."  # the title lines are the table's title, not the first column's label
    assert "per opd" in layout.title.lower()
    lines = budget_lines(_table(PER_AGENCY), layout, None)
    assert [(b.line_name, b.level, b.budget_idr, b.realization_idr, b.absorption_pct_reported) for b in lines] == [
        ("Biro Perekonomian", "perangkat_daerah", 2684886550.0, 2615969188.0, 97.43),
        ("Biro Kesejahteraan Rakyat", "perangkat_daerah", 423980174791.0, 383107068301.0, 90.36),
    ]
    assert lines[0].fiscal_year == 2021  # from the title inside the frame


# ambon-diskominfo_2021_lakip.pdf p. 29: "Target Kinerja" is printed over money columns, the indicator
# column is a text of results; the revised budget (Dana Sesudah Perubahan) is the budget.
TARGET_OVER_MONEY = [
    ["NO", "PROGRAM/KEGIATAN/SUB\nKEGIATAN", "TARGET KINERJA", "", "", "REALISASI\nKINERJA", "",
     "INDIKATOR KINERJA", "KENDALA", "SOLUSI"],
    ["", "", "PAGU DANA\n(Rp)", "DANA SESUDAH\nPERUBAHAN\n(Rp)", "PENYERAPAN\nDANA (Rp)", "DANA", "FISIK", "HASIL",
     "", ""],
    ["", "", "", "", "", "(%)", "(%)", "", "", ""],
    ["I", "PROGRAM PENUNJANG URUSAN\nPEMERINTAHAN DAERAH", "Rp   6,939,921,411", "Rp  6,632,404,517",
     "Rp   5,473,619,190", "86%", "94%", "", "", ""],
    ["2", "Penyediaan Peralatan dan\nPerlengkapan Kantor", "Rp       392,291,100", "Rp     220,000,000",
     "Rp                         -", "0%", "100%", "tersedianya peralatan dan\nperlengkapan kantor", "Refocusing",
     "Sudah berkoordinasi"],
    ["3\n4", "Penyediaan Bahan Logistik Kantor \nPenyediaan Barang Cetakan dan \nPenggandaan",
     "Rp         28,333,205 \n Rp         16,808,269", "Rp       28,333,205 \n Rp       16,808,269",
     "Rp       10,745,696 \n Rp          9,632,798", "38% \n57%", "50% \n70%", "", "", ""],
]


def test_target_kinerja_over_money_columns_is_a_budget_table():
    lines = _lines(TARGET_OVER_MONEY)
    got = [(b.line_name, b.budget_idr, b.realization_idr, b.absorption_pct_reported) for b in lines]
    assert got == [
        ("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", 6632404517.0, 5473619190.0, 86.0),
        ("Penyediaan Peralatan dan Perlengkapan Kantor", 220000000.0, None, 0.0),  # "Rp -" is nil
        ("Penyediaan Bahan Logistik Kantor", 28333205.0, 10745696.0, 38.0),  # two rows in one grid row
        ("Penyediaan Barang Cetakan dan Penggandaan", 16808269.0, 9632798.0, 57.0),
    ]


# kab-grobogan-dpupr_2021_rfk-des.pdf p. 1: one anggaran column per level, work packages below the
# sub-kegiatan, the grand total without a name above the first program
PER_LEVEL = [
    ["Kode", "PROGRAM/KEGIATAN/SUBKEGIATAN/PEKERJAAN", "ANGGARAN", "", "", "", "PENYEDIA",
     "REALISASI KEUANGAN PER SUB-\nKEGIATAN", ""],
    ["", "", "PER PAKET", "PER SUB-KEGIATAN", "PER KEGIATAN", "PER PROGRAM", "", "Rupiah", "%"],
    ["1", "2", "3", "3a", "3b", "3c", "4", "9", "10"],
    ["", "", "162.528.648.998", "162.528.648.998", "162.528.648.998", "162.528.648.998", "", "", ""],
    ["1-03.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "", "", "", "17.538.825.998", "", "", ""],
    ["01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "", "", "304.495.000", "", "",
     "", ""],
    ["01.2.01.01", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "124.495.000", "124.495.000", "", "", "",
     "M.\n73.595.500", "59,1152"],
    ["01.2.09.09", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", "", "1.586.152.500", "", "", "",
     "1.400.966.895", "88,3249"],
    ["", "2\nPenataan Gedung Kantor", "200.000.000", "", "", "", "CV. ALINDA PUTRA", "", ""],
]


def test_the_column_of_the_amount_gives_the_level_and_packages_are_no_lines():
    lines = _lines(PER_LEVEL)
    got = [(b.level, b.line_name, b.budget_idr, b.realization_idr, b.absorption_pct_reported) for b in lines]
    assert got == [
        ("total", "", 162528648998.0, None, None),
        ("program", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", 17538825998.0, None, None),
        ("kegiatan", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 304495000.0, None, None),
        ("sub_kegiatan", "Penyusunan Dokumen Perencanaan Perangkat Daerah", 124495000.0, 73595500.0, 59.1152),
        ("sub_kegiatan", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", 1586152500.0,
         1400966895.0, 88.3249),
    ]


@pytest.mark.parametrize(("text", "amount"), [
    ("M.\n73.595.500", "73.595.500"), ("SE.\n148.269.000", "148.269.000"), ("10.119.173.523", "10.119.173.523"),
    ("021)\n825.000.000", "825.000.000"), ("Level 3 (3,35)", "Level 3 (3,35)")])
def test_a_neighbours_wrapped_words_are_dropped_from_an_amount(text, amount):
    assert amount_text(" ".join(text.split())) == amount


# jabar-dinkes_2016_lakip.pdf p. 84 (printed 80), the top of the page: a continuation page the reader cut off its
# header; the program line carries no amounts
HEADERLESS = [
    ["", "Peningkatan  Kualitas  dan  Kesejahteraan  Pegawai\nRSUD PameungpeukRumah Sakit Pameungpeuk", "3.924.000.000",
     "3.656.276.040", "93,18%", "97,35%"],
    ["", "", "", "", "", ""],
    ["", "PROGRAM MANAJEMEN KESEHATAN", "", "", "", ""],
    ["", "Manajemen Kesehatan BKKM Provinsi Jawa Barat", "475.000.000", "403.933.300", "85,04%", "85,00%"],
    ["", "Peningkatan  Kualitas  BKPM  sebagai  Rujukan\nKesehatan Paru di Provinsi Jawa Barat", "223.580.000",
     "219.291.480", "98,08%", "100,00%"],
    ["", "Peningkatan  Kapasitas  BLK  sebagai  Centre  of\nExcellent  Pelayanan  Kegiatan  Diagnostik  dan\n"
     "Pelayanan Kesehatan Masyarakat", "82.507.500", "57.689.955", "69,92%", "88,95%"],
    ["", "Peningkatan  Kapasitas  Bapelkes  Sebagai  Pusat\nPelatihan Kesehatan", "200.000.000", "188.558.383",
     "94,28%", "95,20%"],
    ["", "Pengembangan Sistem Informasi Kesehatan", "1.145.122.900", "1.088.473.595", "95,05%", "100,00%"],
]


def test_a_table_without_header_is_known_by_its_amount_columns():
    lines = _lines(HEADERLESS)
    assert [(b.line_name, b.budget_idr, b.realization_idr, b.absorption_pct_reported) for b in lines] == [
        ("Peningkatan Kualitas dan Kesejahteraan Pegawai RSUD PameungpeukRumah Sakit Pameungpeuk", 3924000000.0,
         3656276040.0, 93.18),
        ("Manajemen Kesehatan BKKM Provinsi Jawa Barat", 475000000.0, 403933300.0, 85.04),
        ("Peningkatan Kualitas BKPM sebagai Rujukan Kesehatan Paru di Provinsi Jawa Barat", 223580000.0, 219291480.0,
         98.08),
        ("Peningkatan Kapasitas BLK sebagai Centre of Excellent Pelayanan Kegiatan Diagnostik dan Pelayanan "
         "Kesehatan Masyarakat", 82507500.0, 57689955.0, 69.92),
        ("Peningkatan Kapasitas Bapelkes Sebagai Pusat Pelatihan Kesehatan", 200000000.0, 188558383.0, 94.28),
        ("Pengembangan Sistem Informasi Kesehatan", 1145122900.0, 1088473595.0, 95.05),
    ]


def test_a_header_that_names_other_columns_is_not_overruled_by_content():
    # tangsel-dinkes_2023 p. 1: realisasi per triwulan (K | Rp), no anggaran: not a budget table
    rows = [["Urusan/Bidang Urusan/Program/Kegiatan", "Indikator Kinerja Program (Outcome)",
             "Realisasi Kinerja Pada Triwulan I - IV Tahun 2023", "", "", "", "Perangkat Daerah Penanggung Jawab"],
            ["", "", "I", "", "II", "", ""],
            ["", "", "K", "Rp", "K", "Rp", ""],
            ["DINAS KESEHATAN", "", "", "88.396.917.589", "", "148.658.893.568", "DINKES"],
            ["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN / KOTA", "Nilai LKE PMPRB Perangkat Daerah", "",
             "66.466.456.344", "", "98.178.431.100", "DINKES"],
            ["Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
             "Jumlah dokumen perencanaan dan Evaluasi Kinerja", "2", "78.928.000", "1", "43.160.000", "DINKES"]]
    assert classify(rows).family != BUDGET


# kab-grobogan-dpupr_2020_rfk-fisik-des.pdf p. 1: a list of work packages; two rupiah columns (ANGGARAN and the
# NILAI KONTRAK of each package), a header of words the header vocabulary does not know (PENYEDIA, PPTK)
PACKAGES = [
    ["", "PEKERJAAN", "DAU/DA\nK/DID/D\nTT/BANP", "KECAMAT\nAN", "", "ANGGARAN", "FISIK/NO\nNFISIK", "TENDER/\nPL/SW",
     "PENYEDIA", "NILAI KONTRAK", "PPK", "PPTK", "TANGGAL KONTRAK", "WAKTU \nPELAKSANA\nAN (HARI)"],
    ["1", "2", "", "", "", "3", "", "", "4", "5", "6", "7", "8", "9"],
    ["", "PAKET LPSE", "", "", "", "", "", "", "", "", "", "", "", ""],
    ["1", "Pembangunan Jalan Ruas Jalan Pulokulon -", "DAU", "PULOKULON", "", "300,000,000", "FISIK", "TENDER",
     "CV. BANKIT JAYA", "284,670,000.00", "Agus Sutiyono, A.Md", "Hadi Suprijanto, ST.", "22/06/20", "120"],
    ["2", "Peningkatan Jl. Bendungan - Mojo R.21 (D", "DID", "KARANGR", "AYUNG150", "500,000,000", "FISIK", "TENDER",
     "CV. DANA BARUTAMA", "476,995,756.37", "Agus Sutiyono, A.Md", "Bondan Pujanarko, ST.MT.", "22/06/20", "120"],
    ["3", "Peningkatan Jl. Dalam Kota Gubug R.304 (", "DID", "GUBUG", "150", "500,000,000", "FISIK", "TENDER",
     "CV. WARINGIN", "479,912,417.97", "M. Dwi Idayanto, SST.MT.", "Tri Isnanto, SST.MM.", "22/06/20", "120"],
]


def test_a_header_that_names_the_amount_columns_otherwise_is_not_overruled_by_content():
    """The contract value is no realisasi: where the header names the two rupiah columns, the content rule (a
    text column and two amount columns make a budget table) does not relabel them."""
    assert classify(PACKAGES).family != BUDGET
    assert classify(PACKAGES[2:]).family == BUDGET  # the same rows without their header: known by content


# provsu_2022_lra-opd.pdf pp. 1-2 (lines of both pages): an Excel sheet without row rules, every page one grid
# row of stacked lines
STACKED_SHEET = [
    ["KODE", "URAIAN", "JUMLAH (Rp)", "", "BERTAMBAH / (BERKURANG)", ""],
    ["", "", "ANGGARAN", "REALISASI", "(Rp)", "(%)"],
    ["4\n4.2\n4.2.22\n4.2.22.2-22.3-26.0-00.01\n4.3",
     "PENDAPATAN DAERAH\nURUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR\nKEBUDAYAAN\n"
     "Dinas Kebudayaan dan Pariwisata\nURUSAN PEMERINTAHAN PILIHAN",
     "12.459.352.172.672,00\n3.765.860.000,00\n10.000.000,00\n10.000.000,00\n7.186.683.040,00",
     "12.594.412.688.861,51\n2.491.573.750,00\n112.825.500,00\n112.825.500,00\n7.645.573.160,00",
     "135.060.516.189,51\n(1.274.286.250,00)\n102.825.500,00\n102.825.500,00\n458.890.120,00",
     "101,08\n66,16\n1.128,\n1.128,\n26\n106,39\n26"],
    ["5\n5.1\n5.1.01\n5.1.01.1-01.0-00.0-00.01\n5.1.01.1-01.0-00.0-00.01.1",
     "BELANJA DAERAH\nURUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR\nPENDIDIKAN\n"
     "Dinas Pendidikan\nBELANJA OPERASI",
     "13.395.006.196.440,00\n6.393.861.366.149,00\n3.716.065.541.008,00\n3.716.065.541.008,00\n"
     "3.231.798.418.717,00",
     "12.509.062.821.349,16\n5.693.204.897.388,83\n3.532.246.262.401,53\n3.532.246.262.401,53\n"
     "3.107.069.529.441,04",
     "(885.943.375.090,84)\n(700.656.468.760,17)\n(183.819.278.606,47)\n(183.819.278.606,47)\n"
     "(124.728.889.275,96)",
     "93,39\n89,04\n95,05\n95,05\n96,14"],
]


def test_a_decimal_wrapped_onto_a_later_line_is_joined_back():
    assert rejoin_wrapped(["66,16", "1.128,", "1.128,", "26", "106,39", "26"]) == \
        ["66,16", "1.128,26", "1.128,26", "106,39"]


def test_stacked_rows_are_split_line_by_line():
    parts = split_stacked(STACKED_SHEET[2])
    assert len(parts) == 5
    assert parts[3] == ["4.2.22.2-22.3-26.0-00.01", "Dinas Kebudayaan dan Pariwisata", "10.000.000,00",
                        "112.825.500,00", "102.825.500,00", "1.128,26"]


def test_a_sheet_by_urusan_and_organisation_gives_urusan_and_agency_lines():
    table = _table(STACKED_SHEET)
    layout = sheet_layout(table)
    assert layout is not None
    got = [(b.line_number, b.level, b.line_name, b.budget_idr, b.realization_idr, b.absorption_pct_reported)
           for b in sheet_lines(table, layout, None)]
    assert got[:5] == [
        ("4", "total", "PENDAPATAN DAERAH", 12459352172672.0, 12594412688861.51, 101.08),
        ("4.2", "urusan", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR", 3765860000.0,
         2491573750.0, 66.16),
        ("4.2.22", "urusan", "KEBUDAYAAN", 10000000.0, 112825500.0, 1128.26),
        ("4.2.22.2-22.3-26.0-00.01", "perangkat_daerah", "Dinas Kebudayaan dan Pariwisata", 10000000.0, 112825500.0,
         1128.26),
        ("4.3", "urusan", "URUSAN PEMERINTAHAN PILIHAN", 7186683040.0, 7645573160.0, 106.39),
    ]
    assert got[5:] == [
        ("5", "total", "BELANJA DAERAH", 13395006196440.0, 12509062821349.16, 93.39),
        ("5.1", "urusan", "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR", 6393861366149.0,
         5693204897388.83, 89.04),
        ("5.1.01", "urusan", "PENDIDIKAN", 3716065541008.0, 3532246262401.53, 95.05),
        ("5.1.01.1-01.0-00.0-00.01", "perangkat_daerah", "Dinas Pendidikan", 3716065541008.0, 3532246262401.53,
         95.05),
    ]  # the agency's accounts (5.1.01.1-01.0-00.0-00.01.1 BELANJA OPERASI) stay in raw.cells


def test_two_printed_rows_in_one_grid_row_are_split_on_a_second_report():
    # ambon-diskominfo_2021_lakip.pdf p. 30, Tabel 3.4: rows 3 and 4 share one ruled cell
    row = ["3 \n4", "Penyediaan Bahan Logistik Kantor \nPenyediaan Barang Cetakan dan \nPenggandaan",
           "Rp         28,333,205  \n Rp         16,808,269", "Rp       28,333,205  \n Rp       16,808,269",
           "Rp       10,745,696  \n Rp          9,632,798", "38% \n57%", "50% \n70%"]
    assert split_stacked(row) == [
        ["3", "Penyediaan Bahan Logistik Kantor", "Rp         28,333,205", "Rp       28,333,205",
         "Rp       10,745,696", "38%", "50%"],
        ["4", "Penyediaan Barang Cetakan dan Penggandaan", "Rp         16,808,269", "Rp       16,808,269",
         "Rp          9,632,798", "57%", "70%"]]


@pytest.mark.parametrize(("lines", "joined"), [
    # kab-grobogan-dpupr_2021_renstra.pdf p. 34 (printed 30), Tabel 2.7, Program Peningkatan Jalan (Rp 000)
    (["360.417.7", "24"], ["360.417.724"]), (["11.710.02", "5"], ["11.710.025"]), (["93.333.47", "3"], ["93.333.473"]),
    (["20.803.000.", "000"], ["20.803.000.000"]),
    # cut at the decimal mark, a whole number between: the decimals go to the cut number
    (["1.128,", "500.000,00", "26"], ["1.128,26", "500.000,00"])])
def test_a_number_cut_inside_its_digit_groups_is_joined(lines, joined):
    assert rejoin_wrapped(lines) == joined


def test_a_row_of_numbers_cut_inside_their_groups_is_not_split_into_rows():
    # kab-grobogan-dpupr_2021_renstra.pdf p. 34: one program row, its amounts wrapped in narrow cells
    row = ["6", "Program\nPeningkat\nan Jalan", "", "360.417.7\n24", "11.710.02\n5", "89.946.457", "323.117.5\n99",
           "104.889.1\n53", "93.333.47\n3", "90%", "896%", "104%"]
    assert len(split_stacked(row)) == 1


# Grobogan Renstra 2021 Tabel 2.7 (p. 33), the past funding of a Renstra: budget, realisasi and % each over years
YEARS_HEADER = [["No", "Program", "Rencana Anggaran (Rp.000)", "", "Realisasi Anggaran (Rp.000)", "",
                 "Persentase Realisasi Anggaran (%)", ""],
                ["", "", "2017", "2018", "2017", "2018", "2017", "2018"]]


def test_a_table_of_several_years_reads_each_year_from_its_own_columns():
    lines = _lines(YEARS_HEADER + [
        ["5", "Program Peningkatan Pengembangan Sistem Pelaporan Capaian Kinerja dan Keuangan",
         "925.000", "352.340", "820.048", "211.553", "89%", "60%"],
        ["3", "Program Peningkatan Disiplin Aparatur", "", "", "", "", "", ""]])
    assert [(b.fiscal_year, b.budget_idr, b.realization_idr, b.absorption_pct_reported) for b in lines] == [
        (2017, 925_000_000, 820_048_000, 89.0), (2018, 352_340_000, 211_553_000, 60.0)]


def test_a_year_printing_its_realisasi_alone_gives_a_line_without_budget():
    # p. 34, program 2: no budget printed for 2017, its realisasi 2.753.440
    lines = _lines(YEARS_HEADER + [["2", "Program Peningkatan Sarana dan Prasarana Aparatur",
                                    "", "1.074.340", "2.753.440", "785.613", "", "73%"]])
    assert [(b.fiscal_year, b.budget_idr, b.realization_idr) for b in lines] == [
        (2017, None, 2_753_440_000), (2018, 1_074_340_000, 785_613_000)]


def test_the_original_and_revised_budget_of_one_year_are_no_table_of_years():
    # the Kota Jambi seed's budget of 2025 is printed as anggaran murni and perubahan (its section 2.3)
    roles = budget_columns(["no", "program", "anggaran murni 2025", "anggaran perubahan 2025", "realisasi 2025", "%"])
    assert roles.years == []
    assert (roles.budget, roles.realization) == (3, 4)
