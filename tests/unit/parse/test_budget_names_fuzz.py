"""Budget line names that a word reader's rows glue to other text: the cells as read from fuzz
renderings of the Jambi seed report (bench/fuzz), the names and amounts as printed in the seed text
(samples/seeds/lkjip_kota-jambi_2025_disnakerkopukm.txt, Tabel 3.8)."""
from __future__ import annotations

from extract.model import RawTable
from extract.parse import classify as cls
from extract.parse.budget import budget_lines
from extract.parse.rows import numbering_first

HEADER = [["No", "Program / Kegiatan / Sub\nKegiatan", "Anggaran", "Realisasi", "%"], ["1", "2", "3", "4", "5"]]


def _lines(body: list[list[str]]):
    rows = HEADER + body
    table = RawTable(table_id="t", page_start=1, flavor="words", rows=rows, row_pages=[1] * len(rows))
    return [(b.level, b.line_name, b.budget_idr, b.realization_idr)
            for b in budget_lines(table, cls.classify(rows), None)]


def test_section_heading_in_capitals_is_not_the_last_line_of_the_name_above():
    # jambi_html_16 (and jambi_reportlab_3, _20, _22, jambi_html_12, _19, _22, _25, jambi_libreoffice_9):
    # the row "BIDANG HUBUNGAN INDUSTRIAL" printed between two programs' groups
    body = [["2.", "PENGELOLAAN INFORMASI PASAR\nKERJA", "Rp 103,499,450.00", "Rp 100,768,704.00", "97.36"],
            ["", "1. Pelayanan dan Penyediaan\nInformasi Pasar Kerja Online", "Rp 42,449,450.00",
             "Rp 40,008,704.00", "94.25"],
            ["", "2. Job Fair", "Rp 61,050,000.00", "Rp 60,760,000.00", "99.52"],
            ["", "BIDANG HUBUNGAN INDUSTRIAL", "", "", ""],
            ["1.", "PROGRAM HUBUNGAN INDUSTRIAL", "Rp 909,622,967.50", "Rp 836,129,151.00", "91.92"]]
    assert _lines(body) == [
        ("kegiatan", "PENGELOLAAN INFORMASI PASAR KERJA", 103499450.0, 100768704.0),
        ("sub_kegiatan", "Pelayanan dan Penyediaan Informasi Pasar Kerja Online", 42449450.0, 40008704.0),
        ("sub_kegiatan", "Job Fair", 61050000.0, 60760000.0),
        ("program", "PROGRAM HUBUNGAN INDUSTRIAL", 909622967.5, 836129151.0)]


def test_a_mixed_case_name_still_wraps_onto_a_line_of_abbreviations():
    # jepara_libreoffice_25: "Koordinasi dan Penyusunan Dokumen Perubahan" / "RKA-SKPD"
    body = [["1.", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "1.132.695.853", "957.028.499", "92,28"],
            ["", "Koordinasi dan Penyusunan Dokumen Perubahan", "1.000.000", "961.100", "96,11"],
            ["", "RKA-SKPD", "", "", ""]]
    assert _lines(body)[-1][1:] == ("Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", 1000000.0, 961100.0)


def test_a_mixed_case_name_still_wraps_onto_a_line_in_capitals_of_one_word():
    body = [["1.", "PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN", "Rp 80,964,414.00", "Rp 80,153,020.00", "99.00"],
            ["", "1. Peningkatan Pemahaman dan Pengetahuan Perkoperasian serta Kapasitas dan Kompetensi",
             "Rp 80,964,414.00", "Rp 80,153,020.00", "99.00"],
            ["", "SDM", "", "", ""]]
    assert _lines(body)[-1][1] == ("Peningkatan Pemahaman dan Pengetahuan Perkoperasian serta Kapasitas dan "
                                   "Kompetensi SDM")


def test_numbering_printed_beside_the_middle_line_of_a_wrapped_name():
    # jambi_html_7 (vertically centred cells), jambi_reportlab_23, _25, jambi_libreoffice_23: the numbering has
    # no column of its own and is read as a line inside the name cell
    body = [["8.", "PEMELIHARAAN BARANG MILIK DAERAH\nPENUNJANG URUSAN PEMERINTAH\nDAERAH", "Rp 352,106,784.00",
             "Rp 321,873,784.00", "91.41"],
            ["", "Penyediaan Jasa Pemeliharaan, Biaya\nPemeliharaan, Pajak, dan Perizinan\n1.\nKendaraan Dinas "
             "Operasional atau\nLapangan", "Rp 285,506,784.00", "Rp 257,023,584.00", "90.02"],
            ["", "Pemeliharaan Peralatan dan Mesin\n2.\nLainnya", "Rp 66,600,000.00", "Rp 64,850,200.00", "97.37"]]
    assert _lines(body) == [
        ("kegiatan", "PEMELIHARAAN BARANG MILIK DAERAH PENUNJANG URUSAN PEMERINTAH DAERAH",
         352106784.0, 321873784.0),
        ("sub_kegiatan", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan "
         "Dinas Operasional atau Lapangan", 285506784.0, 257023584.0),
        ("sub_kegiatan", "Pemeliharaan Peralatan dan Mesin Lainnya", 66600000.0, 64850200.0)]


def test_a_number_that_opens_or_is_part_of_a_name_stays():
    assert numbering_first("1.\nPenyusunan Dokumen") == "1.\nPenyusunan Dokumen"
    assert numbering_first("Daerah di 1 (satu)\nKabupaten/Kota") == "Daerah di 1 (satu)\nKabupaten/Kota"
