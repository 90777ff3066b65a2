"""Jepara Tabel 3.3 (reportlab, F4 landscape, no rules, header not repeated, jepara_reportlab_173): the
table breaks after row 3, and rows 4-7 open the next page with the summary rows under them. The values
are set right, but a short count is centred like a row number: '100' stands in the middle of the
'% Capaian' column, left of the right edge of '118,62', '105,26', '104,16', with a clear strip between,
so the gutter search parts the column in two. Two such columns of numbers never filled on one line are
one (gutters.merge_value_columns), but the summary row's '104,90 %' put a sign under the right part,
read as a word of text: the column stayed cut, '100' left out of the row. The seed prints

    4  ...  Jumlah masyarakat yang berminat ikut program transmigrasi  orang  13  13  100  Baik ...
    5  ...  Persentase koperasi aktif  %  47,00  55,75  118,62  Sangat Baik ...
    Rata-rata capaian kinerja                 104,90 %
"""
from __future__ import annotations

from tests.fuzz_variants import cells_after, word_tables_near

EXPECTED = {
    "Jumlah masyarakat yang berminat ikut program transmigrasi": ("orang", "13", "13", "100"),
    "Persentase koperasi aktif": ("%", "47,00", "55,75", "118,62"),
    "Persentase unit usaha yang berdaya saing": ("%", "3,61", "3,80", "105,26"),
    "Persentase capaian kinerja PD yang mencapai target": ("%", "80,00", "83,33", "104,16"),
}


def test_a_unit_after_a_summary_value_leaves_a_value_column_whole():
    tables = word_tables_near("jepara", "reportlab", 173, "transmigrasi orang 13")
    assert cells_after(tables, EXPECTED, 4) == EXPECTED
