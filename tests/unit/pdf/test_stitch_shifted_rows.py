"""A continuation page whose last rows are set on other x positions than the rest (the sub-kegiatan of
'BIDANG UMKM' in the Jambi seed's Tabel 3.8 sit in cells of their own widths, their amounts a column
left of the others'), in a rendering without rules, header not repeated (jambi_libreoffice_357, p. 6).
Counted over all rows, its value columns were not the start's, so p. 6 stood as a table of its own,
without a header, and its eight lines were lost. The rows that fill the last column give the value
columns. Values as printed in the Jambi seed, Tabel 3.8:
`3. Penyusunan Basis Data  Rp 32,017,438.00  Rp 31,296,450.00  97.75`
`Total  Rp 10,036,268,000.00  Rp 8,767,409,001.00  87.36`"""
from __future__ import annotations

from tests.fuzz_variants import budget_lines_of


def test_rows_set_on_other_x_positions_do_not_part_the_continuation():
    lines = budget_lines_of("jambi", "libreoffice", 357)
    assert ("Penyusunan Basis Data", 32_017_438, 31_296_450, 97.75) in lines
    assert ("Fasilitasi Kemitraan Koperasi Yang Keanggotaannya Daerah Kabupaten / Kota", 346_896_436, 318_170_176,
            91.72) in lines
    assert ("Total", 10_036_268_000, 8_767_409_001, 87.36) in lines
