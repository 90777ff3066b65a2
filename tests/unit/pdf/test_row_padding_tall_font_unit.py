"""Jepara Tabel 3.17 (reportlab, 11.5 pt Noto Sans, no rules, cells aligned to the middle, cell padding
1.5 pt, jepara_reportlab_304): wrapped lines stand 13.8 pt apart (reportlab's leading, 1.2 em), rows
16.8 pt, a padding of 3 pt between them. Noto Sans declares a box of 1.36 em, so its words are 15.6 pt
tall, taller than the pitch, and the padding was under the fifth of a word height that a row's padding
adds (row_spacing._padded_step): no step parted the rows, the evenly spaced lines stayed one each, and
the name lines were shared out by nearness ('Pengesahan Peraturan Perusahaan dan Pendaftaran
Perjanjian Kerja Bersama untuk' into the program above). The padding is now measured against the
pitch where the lines stand closer than the word box. The seed prints

    PROGRAM HUBUNGAN INDUSTRIAL  90.000.000  80.234.300  89,15
    Pengesahan Peraturan Perusahaan dan Pendaftaran Perjanjian Kerja Bersama untuk Perusahaan yang
        Hanya Beroperasi dalam 1 (satu) Daerah Kab./Kota (Satu) Daerah Kabupaten/Kota  38.000.000 ...
"""
from __future__ import annotations

from tests.fuzz_variants import cells_after, word_tables_near

EXPECTED = {
    "PROGRAM HUBUNGAN INDUSTRIAL": ("90.000.000", "80.234.300", "89,15"),
    "Pengesahan Peraturan Perusahaan dan Pendaftaran Perjanjian Kerja Bersama untuk Perusahaan yang Hanya "
    "Beroperasi dalam 1 (satu) Daerah Kab./Kota (Satu) Daerah Kabupaten/Kota": ("38.000.000", "33.223.000", "87,43"),
    "PROGRAM PENGAWASAN DAN PEMERIKSAAN KOPERASI": ("65.000.000", "64.452.816", "99,16"),
    "Pemeriksaan dan Pengawasan Koperasi, Koperasi Simpan Pinjam/Unit Simpan Pinjam Koperasi yang Wilayah "
    "Keanggotaannya dalam Daerah Kabupaten/ Kota": ("65.000.000", "64.452.816", "99,16"),
}


def test_a_thin_row_padding_under_a_tall_font_box_parts_the_rows():
    tables = word_tables_near("jepara", "reportlab", 304, "PROGRAM HUBUNGAN") + \
        word_tables_near("jepara", "reportlab", 304, "PROGRAM PENGAWASAN DAN")
    assert cells_after(tables, EXPECTED, 3) == EXPECTED
