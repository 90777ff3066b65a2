"""Jepara Tabel 3.3 (libreoffice, Letter landscape, no rules, cells aligned to the middle, names squeezed,
jepara_libreoffice_730 p. 4): the unit '%' stands a word space right of the indicator names' longest
lines, on the value line, where a name of two lines leaves its column empty and the row number is the
nearest word left of it. The strip between the names and the units was taken for a word space inside
the names: '%' read into them ('Persentase tenaga % kerja siap kerja'). A sign far right of a row
number is no unit of that number but a unit column's cell. The seed prints

    1  ...  Persentase tenaga kerja siap kerja  %  2,90  2,73  94,14  Baik ...
    2  ...  Tingkat Partisipasi angkatan Kerja  %  70,30  71,94  102,33  Sangat Baik ...
"""
from __future__ import annotations

from tests.fuzz_variants import cells_after, word_tables_near

EXPECTED = {
    "Persentase tenaga kerja siap kerja": ("%", "2,90", "2,73", "94,14"),
    "Tingkat Partisipasi angkatan Kerja": ("%", "70,30", "71,94", "102,33"),
}


def test_a_unit_column_beside_names_of_two_lines_is_a_column():
    tables = word_tables_near("jepara", "libreoffice", 730, "Persentase tenaga", sep=" ")
    assert cells_after(tables, EXPECTED, 4) == EXPECTED
