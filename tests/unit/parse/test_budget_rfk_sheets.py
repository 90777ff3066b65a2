"""Realisasi fisik dan keuangan (RFK) sheets: one row per program / kegiatan / sub-kegiatan / paket, the
anggaran in one column per level, a numbered column row with lettered sub-numbers ("3 3a 3b 3c"). Rows as
the ruled reader gives them for ../shared/corpus/kab-grobogan-dpupr_2022_rfk-agu.pdf and
kab-grobogan-dpupr_2020_rfk-final.pdf (page 1, and page 6 of the 2020 sheet); names and amounts as printed
on the page images."""
from __future__ import annotations

from extract.model import LATTICE_FLAVOR, RawTable
from extract.parse.budget import budget_lines
from extract.parse.families import BUDGET, classify
from extract.parse.headers import is_numbering_row
from extract.parse.metadata import infer_metadata


def _row(cells: dict[int, str], n: int = 19) -> list[str]:
    return [cells.get(i, "") for i in range(n)]


def _lines(rows: list[list[str]], pages: list[int] | None = None):
    table = RawTable("t1", 1, LATTICE_FLAVOR, rows, pages or [1] * len(rows))
    layout = classify(table.rows, table.caption)
    assert layout.family == BUDGET
    return layout, budget_lines(table, layout, None)


# 2022 Agustus, p. 1: no group label over 'Rupiah | %' (the realisasi keuangan, columns 11 and 12);
# 'PENYEDIA' is read into the cell of 'ANGGARAN PER PROGRAM'
AGU_NUMBERS = ["1", "2", "3", "3a", "3b", "3c", "4", "5", "6", "7", "8", "9", "10", "10a", "11", "12", "13", "14",
               "14a"]
AGU = [
    _row({0: "Kode", 1: "PROGRAM/KEGIATAN/SUBKEGIATAN/PEKERJAAN", 2: "ANGGARAN PER \nPAKET",
          3: "ANGGARAN PER SUB \nKEGIATAN", 4: "ANGGARAN PER \nKEGIATAN", 5: "ANGGARAN PER \nPENYEDIA\nPROGRAM",
          7: "NOMOR SPK", 8: "NILAI KONTRAK", 9: "TANGGAL SPK", 10: "AKHIR \nKONTRAK", 11: "PPK", 12: "PPTK",
          13: "BENDAHARA", 16: "RENCANA \nFISIK", 17: "REALISASI \nFISIK", 18: "RERATA"}),
    _row({14: "Rupiah", 15: "%"}),
    AGU_NUMBERS,
    _row({}),
    _row({0: "1-03.01", 1: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", 5: "23.665.554.229"}),
    _row({0: "01.2.01", 1: "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat  Daerah", 4: "304.495.000"}),
    # the name printed on under the two amount cells to its right, cut at their rules
    _row({0: "01.2.01.06", 1: "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtis",
          2: "180.000.000\nar Realisasi Kinerja S", 3: "180.000.000\nKPD", 11: "Wahju Tri D., ST.MT.",
          12: "Muchamad Irfan, ST.MT.", 13: "C. Erna Budistyati, SE.MM.", 14: "67.975.000", 15: "37,7639",
          18: "38"}),
    _row({0: "01.2.02.01", 1: "Penyediaan Gaji dan Tunjangan ASN", 2: "16.760.452.000", 3: "16.760.452.000",
          14: "8.415.831.705", 15: "50,2124", 18: "51"}),
    # cut at the space between two words; 'Kantor' hidden in print behind 35.030.000
    _row({0: "01.2.06.01", 1: "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan",
          2: "35.030.000\nKantor", 3: "35.030.000", 14: "24.385.200", 15: "69,6123", 18: "70"}),
]


def test_lettered_column_numbers_are_the_column_number_row():
    assert is_numbering_row(AGU_NUMBERS)
    assert is_numbering_row(["1", "2", "3", "4", "5", "6", "7", "8", "8a", "8b", "9", "10", "11", "12"])
    assert is_numbering_row(["1", "2", "3", "3a", "3b", "3c", "4", "5", "6", "7", "8", "8a", "8c", "9", "10", "11"])


def test_rupiah_before_percent_is_the_realisasi_and_a_run_on_name_is_read_whole():
    layout, lines = _lines(AGU)
    assert layout.header_rows == 3
    got = {line.line_name: (line.level, line.budget_idr, line.realization_idr, line.absorption_pct_reported)
           for line in lines}
    assert got == {
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH": ("program", 23_665_554_229, None, None),
        "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah": ("kegiatan", 304_495_000, None, None),
        "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD":
            ("sub_kegiatan", 180_000_000, 67_975_000, 37.7639),
        "Penyediaan Gaji dan Tunjangan ASN": ("sub_kegiatan", 16_760_452_000, 8_415_831_705, 50.2124),
        "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor": ("sub_kegiatan", 35_030_000, 24_385_200,
                                                                             69.6123),
    }


# 2020 final (Januari 2021), p. 1 and p. 6: per-level columns named without "per", a numbered column row
# "8 8a 8b", the unlabelled grand total at the top, no realisasi printed but on one row
FINAL_HEADER = [
    _row({0: "Kode", 1: "PROGRAM/KEGIATAN/SUBKEGIATAN/PEKERJAAN", 4: "ANGGARAN PAKET", 5: "ANGGARAN SUB-\nKEGIATAN",
          6: "ANGGARAN KEGIATAN", 7: "ANGGARAN PROGRAM", 8: "PENYEDIA", 9: "NILAI KONTRAK", 10: "NOMOR SPK",
          11: "TANGGAL SPK", 12: "PPK", 13: "PPTK", 14: "BENDAHARA", 15: "REALISASI KEUANGAN",
          17: "REALISASI FISIK (%)"}),
    _row({15: "Rupiah", 16: "%", 17: "REALISASI", 18: "RERATA"}),
    _row({0: "1", 1: "2", 4: "3", 8: "4", 9: "5", 10: "6", 11: "7", 12: "8", 13: "8a", 14: "8b", 15: "9", 16: "10",
          17: "11", 18: "12"}),
]
TOTAL = "157.119.626.142"
FINAL = [
    *FINAL_HEADER,
    _row({}),
    _row({4: TOTAL, 5: TOTAL, 6: TOTAL, 7: TOTAL}),
    _row({0: "1-03.01", 1: "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", 7: "19.421.346.142"}),
    _row({0: "01.2.01", 1: "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat  Daerah", 6: "304.495.000"}),
    _row({0: "01.2.01.06", 1: "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
          4: "180.000.000", 5: "180.000.000", 12: "Wahju Tri D., ST.MT.", 13: "Muchamad Irfan, ST.MT.",
          14: "C. Erna Budistyati, SE.MM."}),
    # p. 6: the column-number row repeated under the page's header; the ruled reader put the names in the
    # third of the unlabelled columns the name column was cut into; a paket row (numbered '1')
    _row({0: "1", 3: "2", 4: "3", 8: "4", 9: "5", 10: "6", 11: "7", 12: "8", 13: "8a", 14: "8b", 15: "9", 16: "10",
          17: "11", 18: "12"}),
    _row({0: "10.2.01.19", 3: "Pemeliharaan Rutin Jembatan", 5: "700.000.000", 12: "Agus Panca N., ST.MT",
          13: ".Sunaryo, ST.", 14: "Siti Maesaroh, SE."}),
    _row({3: "1\nPemeliharaan Rutin Jembatan Gantung", 4: "200.000.000,00", 12: "Erry Subagyo, ST."}),
]


def test_level_columns_named_without_per_and_lettered_numbers_in_the_header_and_body():
    layout, lines = _lines(FINAL, [1] * 8 + [6] * 3)
    assert layout.header_rows == 3
    got = [(line.level, line.line_name, line.budget_idr, line.realization_idr) for line in lines]
    assert got == [
        ("total", "", 157_119_626_142, None),
        ("program", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", 19_421_346_142, None),
        ("kegiatan", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 304_495_000, None),
        ("sub_kegiatan", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
         180_000_000, None),
        ("sub_kegiatan", "Pemeliharaan Rutin Jembatan", 700_000_000, None),
    ]


def test_the_title_year_of_a_sheet_is_not_outvoted_by_the_years_in_its_item_names():
    title = ("PELAKSANAAN KEGIATAN APBD KABUPATEN GROBOGAN TAHUN ANGGARAN 2020 DINAS PEKERJAAN UMUM DAN PENATAAN "
             "RUANG REALISASI FISIK DAN KEUANGAN Bulan : Januari 2021")
    items = " ".join(f"Peningkatan Jaringan Irigasi D.I. {n} (DAK Bidang Irigasi Tahun 2021) 500.000.000"
                     for n in ("Godan", "Jatilor Tempuran", "Kronggen II", "Talang Dudo", "Tunggak"))
    assert infer_metadata([title, items, items, items]).fiscal_year == 2020
