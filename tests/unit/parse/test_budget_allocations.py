"""Allocation tables: programs, kegiatan or sub-kegiatan with their Anggaran and nothing spent (a Rencana Aksi,
a "Ringkasan Total Kegiatan", an RKT). Their lines are budget lines with the budget alone, at their level; where
the header gives each level a name column of its own, a line is named in the column of the level its amount
belongs to. Rows copied from the printed pages of ../shared/corpus (page numbers given)."""
from __future__ import annotations

from extract.extraction import tables_to_frames
from extract.model import LATTICE_FLAVOR, WORDS_FLAVOR, RawTable
from extract.parse.families import BUDGET_ALLOCATION, PLAN_TARGET, classify

MONTHS = [str(m) for m in range(1, 13)]
TICKS = ["√"] * 12

# ambon-diskominfo_2021_lakip.pdf p. 36, Tabel 3.5 Evaluasi dan Analisis Rencana Aksi: a program row without an
# amount, then one row per sub-kegiatan, its kegiatan printed on the first row of the group only
RENCANA_AKSI_PER_MONTH = [
    ["No", "Program", "Kegiatan", "Sub Kegiatan", "Sub Sub Kegiatan", "Waktu Pelaksanaan", *[""] * 11,
     "Anggaran \n(Rp)"],
    ["", "", "", "", "", *MONTHS, ""],
    ["I", "PROGRAM \nPENUNJANG \nURUSAN \nPEMERINTAHAN \nDAERAH \nKABUPATEN/KOTA", "", "", "", *[""] * 12, ""],
    ["2", "", "Administrasi \nKeuangan \nPerangkat Daerah", "Penyediaan Gaji dan \nTunjangan ASN",
     "Membayar gaji dan tunjangan \nkepada 26 ASN", *TICKS, "2,260,675,137"],
    ["3", "", "Administrasi Umum \nPerangkat Daerah", "Penyediaan Komponen \nInstalasi Listrik/ \nPeneangan "
     "Bangunan \nKantor", "Membeli alat listrik dan elektronik untuk \npenerangan gedung kantor",
     "", "", "", "√", "", "", "√", "", "", "", "", "", "5,993,278"],
    ["4", "", "", "Penyediaan Peralatan \ndan Perlengkapan Kantor", "Menyediakan HPS dan Spesifikasi \nteknis; "
     "Proses Lelang; Kontrak;", "", "", "", "√", "", "", "√", "", "", "", "", "", "392,291,100"],
]

# kab-grobogan-dpupr_2021_lkjip.pdf p. 47, "c. Ringkasan Total Kegiatan Tahun 2021": kegiatan under a PROGRAM
# header, Anggaran and the source of the funds, no realisasi
RINGKASAN_KEGIATAN = [
    ["NO.", "PROGRAM", "ANGGARAN (Rp)", "SUMBER \nDANA"],
    ["1.", "Kegiatan Perencanaan, Penggaran, dan \nEvaluasi Kinerja Perangkat Daerah", "304.495.000", "APBD"],
    ["3.", "kegiatan Administrasi Barang Milik \nDaerah Pada Perangkat Daerah", "76.412.000", "APBD"],
    ["4.", "kegiatan Administrasi Kepegawaian \nPerangakt Daerah.", "850.954.898", "APBD"],
]

# ambon-diskominfo_2021_lakip.pdf p. 73, RENCANA KERJA TAHUNAN (RKT): a target per sub-kegiatan beside its
# Anggaran; program and kegiatan printed on the first row of their group only
RKT = [
    ["No", "Sasaran Strategis", "Program", "Kegiatan", "Sub Kegiatan", "Indikator", "Target", "Anggaran \n(Rp)"],
    ["1", "Meningkatkan dan \nMenerapkan Sistem \nKomunikasi dan Informasi", "", "", "", "", "", ""],
    ["", "", "PROGRAM INFORMASI \nDAN KOMUNIKASI \nPUBLIKASI", "Pengelolaan Informasi dan \nKomunikasi Publik",
     "Pengelolaan Media \nKomunikasi Publik", "Terlaksananya publikasi \nkegiatan pemerintah Kota \nAmbon", "85",
     "360,000,000"],
    ["", "", "", "", "Pelayanan Informasi Publik", "Terlaksananya layanan \nkehumasan", "85", "1,270,000,000"],
    ["", "", "PROGRAM APLIKASI \nINFORMATIKA", "Pengelolaan e-government \nDi Lingkup Pemerintah",
     "Pengembangan Aplikasi \ndan Proses Bisnis \nPemerintah Berbasis \nElektronik",
     "Pembuatan Aplikasi Unit \nLayanan Tamu", "85", "100,000,000"],
]

# kab-grobogan-dpupr_2022_rencana-aksi.pdf p. 1, RENCANA AKSI KINERJA TAHUN 2022 (the Tujuan and Sasaran groups
# left out): the amount printed on the kegiatan row, which lists its sub-kegiatan on the rows below, or none
TW = ["TW 1", "TW 2", "TW 3", "TW 4"]
RENCANA_AKSI_PER_QUARTER = [
    ["PROGRAM", "", "", "", "", "", "KEGIATAN", "", "", "", "", "", "Sub Kegiatan", "", "", "", "", "",
     "Penanggung \nJawab", "Aanggaran (Rp)"],
    ["Uraian", "Indikator Program", "Target", "", "", "", "Uraian", "Indikator Kegiatan", "Target", "", "", "",
     "Uraian", "Indikator Sub Kegiatan", "Target", "", "", "", "", ""],
    ["", "", *TW, "", "", *TW, "", "", *TW, "", ""],
    ["PROGRAM PENUNJANG URUSAN \nPEMERINTAHAN DAERAH", "Persentase layanan \ndukungan administrasi", "25%", "50%",
     "75%", "100%", "Administrasi Keuangan Perangkat Daerah", "Persentase  pembayaran gaji dan tunjangan ASN",
     "25%", "50%", "75%", "100%", "", "", "", "", "", "", "Sekretaris Dinas", "16.760.452.000,00"],
    ["", "", "", "", "", "", "Administrasi Umum Perangkat Daerah", "Persentase pemenuhan Administrasi Umum",
     "25%", "50%", "75%", "100%", "", "", "", "", "", "", "Sekretaris Dinas", "3.926.717.500,00"],
    ["", "", "", "", "", "", "Pengelolaan SDA dan Bangunan Pengaman Pantai \npada Wilayah Sungai (WS)",
     "Persentase daerah wilayah sungai yang aman dari \nbencana", "0%", "50%", "100%", "0%",
     "Pembangunan Embung \ndan Penampung Air \nLainnya", "Jumlah embung yang \ndibangun", "", "", "", "",
     "Bidang Persungaian \ndan Waduk", "29.040.500.000,00"],
    ["", "", "", "", "", "", "", "", "", "", "", "", "Normalisasi/Restorasi \nSungai",
     "Panjang sungai yang \ndinormalisasi", "", "", "", "", "Bidang Persungaian \ndan Waduk", ""],
]


def _budget(rows: list[list[str]], caption: str = "", doc_format: str | None = None) -> list[tuple]:
    table = RawTable("t1", 1, LATTICE_FLAVOR, rows, [1] * len(rows), caption=caption)
    frame = tables_to_frames("d1", [table])["budget_lines"]
    assert frame.realization_idr.isna().all() and frame.absorption_pct_reported.isna().all()
    return list(zip(frame.line_name.str.split().str.join(" "), frame.level, frame.budget_idr))


def test_a_rencana_aksi_gives_each_sub_kegiatan_its_anggaran():
    caption = "Tabel 3.5 Evaluasi dan Analisis Rencana Aksi Dinas Komunikasi Informatika dan Persandian Tahun 2021"
    assert classify(RENCANA_AKSI_PER_MONTH, caption).family == BUDGET_ALLOCATION
    assert _budget(RENCANA_AKSI_PER_MONTH, caption) == [
        ("Penyediaan Gaji dan Tunjangan ASN", "sub_kegiatan", 2260675137.0),
        ("Penyediaan Komponen Instalasi Listrik/ Peneangan Bangunan Kantor", "sub_kegiatan", 5993278.0),
        ("Penyediaan Peralatan dan Perlengkapan Kantor", "sub_kegiatan", 392291100.0),
    ]


def test_a_list_of_kegiatan_with_their_anggaran_gives_budget_lines():
    assert classify(RINGKASAN_KEGIATAN).family == BUDGET_ALLOCATION
    assert _budget(RINGKASAN_KEGIATAN) == [
        ("Kegiatan Perencanaan, Penggaran, dan Evaluasi Kinerja Perangkat Daerah", "kegiatan", 304495000.0),
        ("kegiatan Administrasi Barang Milik Daerah Pada Perangkat Daerah", "kegiatan", 76412000.0),
        ("kegiatan Administrasi Kepegawaian Perangakt Daerah", "kegiatan", 850954898.0),
    ]


def test_a_plan_of_targets_with_an_anggaran_per_sub_kegiatan_gives_its_budget_lines():
    assert classify(RKT).family == PLAN_TARGET
    assert _budget(RKT) == [
        ("Pengelolaan Media Komunikasi Publik", "sub_kegiatan", 360000000.0),
        ("Pelayanan Informasi Publik", "sub_kegiatan", 1270000000.0),
        ("Pengembangan Aplikasi dan Proses Bisnis Pemerintah Berbasis Elektronik", "sub_kegiatan", 100000000.0),
    ]


def test_the_amount_is_the_kegiatans_where_not_every_amount_row_names_a_sub_kegiatan():
    assert classify(RENCANA_AKSI_PER_QUARTER).family == PLAN_TARGET
    assert _budget(RENCANA_AKSI_PER_QUARTER) == [  # the quarterly targets (25%) are no amount
        ("Administrasi Keuangan Perangkat Daerah", "kegiatan", 16760452000.0),
        ("Administrasi Umum Perangkat Daerah", "kegiatan", 3926717500.0),
        ("Pengelolaan SDA dan Bangunan Pengaman Pantai pada Wilayah Sungai (WS)", "kegiatan", 29040500000.0),
    ]


# jabar-dsda_2016_lkip-scan.pdf p. 32, Tabel 3.4 Anggaran Belanja APBD Tahun 2016 as OCR and the word reader give it:
# 'REALISASI' misread, so the header names a budget column alone; read in order, the amounts run into the name
# and the % is left as the budget
OCR_REALISATION = [
    ["No", "URAIAN", "", "ANGGARAN RD.)", "PERKSASI", "caraian", ""],
    ["|", "| BELANJA TIDAK LANGSUNG", "", "45,985.396,559", "42.288.921.240|", "92.02", ""],
    ["", "Belanja Pegawai :", '"', "45,955.396,559", '" 42.288.921.240\n!', "92,02", "1"],
    ["Il", "| BELANJA LANGSUNG", "", "294.160.403.728", "255.243.078.813", "86,77", "1"],
]


def test_rows_of_an_allocation_table_that_print_more_than_a_budget_give_no_line():
    assert classify(OCR_REALISATION).family == BUDGET_ALLOCATION
    table = RawTable("t1", 32, WORDS_FLAVOR, OCR_REALISATION, [32] * 4, caption="Tabel 3.4 Anggaran Belanja APBD")
    assert tables_to_frames("d1", [table])["budget_lines"].empty


# The Kota Jambi seed report (samples/seeds), tabel 2.8 Rencana Aksi Perjanjian Kinerja: the amount is the step's
# (Rencana Aksi), and one sub-kegiatan ('Fasilitasi Kemitraan Koperasi ...') spans the amounts of three steps
RENCANA_AKSI_STEPS = [
    ["No", "PROGRAM", "KEGIATAN", "SUB\nKEGIATAN", "RENCANA\nAKSI", "ANGGARAN\n(RP.)", "PENANGG\nUNG\nJAWAB"],
    ["6", "Program Pemberdayaan dan Perlindungan Koperasi", "Kegiatan Pemberdayaan dan Perlindungan Koperasi",
     "Fasilitasi Kemitraan Koperasi yang Keanggotaannya Daerah Kabupaten/Kota",
     "Launching Koperasi Kelurahan Merah Putih Kota Jambi", "9,435,120", "Kepala Bidang Perkoperasian"],
    ["", "", "", "", "Rapat Satuan Tugas Koperasi Kelurahan Merah Putih Kota Jambi", "3,585,120",
     "Kepala Bidang Perkoperasian"],
    ["", "", "", "", "Sosialisasi Perkoperasian Koperasi Kelurahan Merah Putih", "163,876,196",
     "Kepala Bidang Perkoperasian"],
]


def test_amounts_of_the_steps_under_a_sub_kegiatan_give_no_line():
    """Without a level whose column names every amount row, the amounts are no level's (`at_line_level`); the
    ambon Rencana Aksi above, one step per sub-kegiatan, still gives its sub-kegiatan lines."""
    assert classify(RENCANA_AKSI_STEPS, "tabel 2.8 Rencana Aksi Perjanjian Kinerja").family == BUDGET_ALLOCATION
    table = RawTable("t1", 21, LATTICE_FLAVOR, RENCANA_AKSI_STEPS, [21] * 4, caption="tabel 2.8 Rencana Aksi")
    assert tables_to_frames("d1", [table])["budget_lines"].empty


# The Kota Jambi seed report, Tabel 1.5 Anggaran Tahun 2025: the budget by kind of spending (accounts)
BUDGET_BY_ACCOUNT = [
    ["No", "Uraian", "Anggaran", "Ket"],
    ["I", "BELANJA DAERAH", "", ""],
    ["1", "BELANJA OPERASI", "9.961.382.595,93", ""],
    ["", "Belanja Pegawai", "5.551.547.000,00", ""],
    ["", "Belanja Barang dan Jasa", "4.409.835.595,93", ""],
    ["2", "BELANJA MODAL", "74.885.404,07", ""],
    ["", "Belanja Modal Peralatan dan Mesin", "74.885.404,07", ""],
    ["", "Total Anggaran", "10.036.268.000,00", ""],
]


def test_kinds_of_spending_are_accounts_not_program_lines():
    """Only the printed total is a line: BELANJA OPERASI is no kegiatan, Belanja Pegawai no sub-kegiatan (as an
    account-coded LRA sheet leaves its accounts out, extract/parse/account_sheet.py `code_level`)."""
    assert classify(BUDGET_BY_ACCOUNT, "Tabel 1.5 : Anggaran Tahun 2025").family == BUDGET_ALLOCATION
    assert _budget(BUDGET_BY_ACCOUNT, "Tabel 1.5 : Anggaran Tahun 2025") == [
        ("Total Anggaran", "total", 10036268000.0)]
