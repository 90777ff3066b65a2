"""Jambi Tabel 3.9 (libreoffice, A4 landscape, no rules, cells aligned to the bottom, jambi_libreoffice_204
p. 6): every indicator name opens with 'Persentase' and wraps onto a second line, on which the row's values
stand; the next word of the name starts a word space after 'Persentase', on one edge on every row. The
strip that word space leaves clear was taken for a border between two text columns (gutter_crossings.parts_texts):
the check that the words left of it are not one word counted every value line, and the names' last words
('Terdaftar', 'Layak', 'Mandiri') wrapped under 'Persentase' made it only half of them. Counted on the lines
with a word starting right of the strip, the words left of it are all 'Persentase': the edge is that
word's width, no column border. The seed prints

    1  Meningkatnya penyerapan ...  Persentase Penempatan Pencari Kerja Terdaftar  45.00  60.97  135.49 ...
           Persentase Perusahaan Dgn Tata Kelola Yg Layak  14.00  16.00  114.29 ...
    2  Meningkatnya kualitas ...    Persentase Koperasi Berkualitas  46.80  43.64  93.25 ...
           Persentase UMKM Yg Tangguh dan Mandiri  8.00  12.03  150.40 ...
"""
from __future__ import annotations

from tests.fuzz_variants import cells_after, word_tables_near

EXPECTED = {
    "Persentase Penempatan Pencari Kerja Terdaftar": ("45.00", "60.97", "135.49"),
    "Persentase Perusahaan Dgn Tata Kelola Yg Layak": ("14.00", "16.00", "114.29"),
    "Persentase Koperasi Berkualitas": ("46.80", "43.64", "93.25"),
    "Persentase UMKM Yg Tangguh dan Mandiri": ("8.00", "12.03", "150.40"),
}


def test_a_word_opening_every_name_parts_no_column():
    tables = word_tables_near("jambi", "libreoffice", 204, "Tabel 3.9")
    assert cells_after(tables, EXPECTED, 3) == EXPECTED
