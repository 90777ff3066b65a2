"""A strip that a few lines cross is a gutter only where a line leaving it clear has a word on one
of its edges (a column's edge): jambi_libreoffice_82 p. 7, Jambi Tabel 3.8 with the program labels
spanning the empty columns between the row numbers and the kegiatan numbers, where the space of
'PENDIDIKAN DAN | LATIHAN' lined up with that of 'PEMBERDAYAAN | DAN PERLINDUNGAN'; the strip cut the
next program's wrapped label in two and read its last line '(UMKM)' into the left half.
Values as printed in the seed (samples/seeds, kota-jambi):
    1.\tPROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)\t\tRp 1,412,380,417.00
        \tRp 1,290,523,409.00\t91.37"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_labels_word_spaces_lined_up_make_no_gutter():
    tables = word_tables_near("jambi", "libreoffice", 82, "PROGRAM PEMBERDAYAAN USAHA MENENGAH")
    rows = [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]
    (row,) = [row for row in rows if "Rp 1,412,380,417.00" in row and any("PROGRAM" in cell for cell in row)]
    assert "PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)" in row
