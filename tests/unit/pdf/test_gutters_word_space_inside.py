"""A word space is a column border where a long cell text stops short of the next column (the space
ends the strip that text crosses), not where the crossing line's words stand on both sides of it:
in jambi_libreoffice_52 (landscape, 11 pt, the program names' column also holding the kegiatan
numbers further right) the one tabular line crossing that strip, 'PROGRAM HUBUNGAN INDUSTRIAL',
left only the space after 'PROGRAM', and 'PROGRAM PENEMPATAN TENAGA / KERJA' read 'program kerja
penempatan tenaga'. **One variant.** Values as printed in the seed (samples/seeds, kota-jambi,
Tabel 3.8):
    2.  PROGRAM PENEMPATAN TENAGA KERJA  Rp 129,579,005.00  Rp 126,412,554.00  97.56"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_program_name_stays_one_cell():
    tables = word_tables_near("jambi", "libreoffice", 52, "PROGRAM PENEMPATAN TENAGA")
    rows = [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]
    (row,) = [row for row in rows if "Rp 129,579,005.00" in row]
    assert "PROGRAM PENEMPATAN TENAGA KERJA" in row
