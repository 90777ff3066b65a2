"""Jepara realisation table (LibreOffice, A4 portrait, no rules, cells aligned to the middle,
jepara_libreoffice_200): the kegiatan rows are set in italics, and LibreOffice gives an italic glyph
the font's whole box, its bottom the font's descent below the baseline. The one-line italic row
'Administrasi Umum Perangkat Daerah' (upright values beside it) read as a line of two heights, and its
step down to the next row's first name line, measured from the italic boxes' bottoms, came a descent
short of the row padding: the two rows were one band, and 'Penyediaan Komponen Instalasi' went with
the row above (row_spacing._columns_follow). The seed prints

        <i>Administrasi Umum Perangkat Daerah</i>   251.480.853  231.998.029  92,25
    27  Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor  10.000.000  9.030.909  90,31
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near

EXPECTED = {
    "Administrasi Umum Perangkat Daerah": ("251.480.853", "231.998.029", "92,25"),
    "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor": ("10.000.000", "9.030.909", "90,31"),
    "Penyediaan Peralatan dan Perlengkapan Kantor": ("30.000.000", "29.520.543", "98,40"),
}


def test_an_italic_row_keeps_apart_from_the_next_rows_name():
    tables = word_tables_near("jepara", "libreoffice", 200, "Administrasi Umum Perangkat Daerah")
    rows = [row for t in tables for row in t.rows if len(row) >= 5]
    found = {" ".join(row[1].split()): tuple(row[2:5]) for row in rows if " ".join(row[1].split()) in EXPECTED}
    assert found == EXPECTED
