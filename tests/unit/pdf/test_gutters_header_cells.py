"""Jambi Tabel 3.3 continued under its repeated header (the project's reportlab renderer, F4 landscape,
no rules, cells padded 1.7 pt and aligned to the middle, jambi_reportlab_162 p. 4): the indicator name
'Persentase meningkatnya koperasi' fills its cell and ends 3 pt before the formula of the next column,
less than the gutter search asks, and most lines hold a word of neither column (the other rows' names
and formulas are short or stand on lines of their own). The header names the two columns apart,
'Indikator program' and 'Rumus Perhitungan', each centred over its own; missed, the two columns were
read as one and the three program indicators lost. The seed prints

    4  Pendidikan dan Latihan Perkoperasian  Persentase koperasi yang diberikan dukungan fasilitasi
       pelatihan  $\\frac{...}$  32.90  61.00  185.41
    5  Pemberdayaan dan Perlindungan Koperasi  Persentase meningkatnya koperasi yang berkualitas ...  8.00 ...
    6  Pemberdayaan Usaha Menengah, Usaha Kecil dan Usaha Mikro (UMKM)  Pertumbuhan wirausaha ...  52.64 ...
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near

EXPECTED = {
    "32.90": "Persentase koperasi yang diberikan dukungan fasilitasi pelatihan",
    "8.00": "Persentase meningkatnya koperasi yang berkualitas",
    "52.64": "Pertumbuhan wirausaha",
}


def test_header_cells_part_two_text_columns_set_a_word_space_apart():
    tables = word_tables_near("jambi", "reportlab", 162, "Tabel 3.3")
    rows = [row for t in tables for row in t.rows if len(row) == 7]
    found = {row[4]: " ".join(row[2].split()) for row in rows if row[4] in EXPECTED}
    assert found == EXPECTED
    assert all(row[3].startswith("$\\frac") for row in rows if row[4] in EXPECTED)
