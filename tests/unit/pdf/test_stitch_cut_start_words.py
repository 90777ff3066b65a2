"""Jambi Tabel 3.3 (reportlab, A4 portrait, no rules, 3.3 pt padding, cells aligned to the middle, rows split
at page breaks, jambi_reportlab_222): the page break cuts program 3 after the first two lines of its
indicator, 'Persentase / Pekerja Pada', which end page 2 alone, a padding below program 2's four-line
indicator; page 3 opens with the rest of the name beside the row's number, program, formula and values.
The word reader sets the two lines apart as a row of their own (its rows are parted by the padding, and
program 2's wrapped lines are joined in one row), so they are the first lines of the row below, not the
last of program 2's name. The seed prints

    2  Penempatan Tenaga Kerja  Persentase Tenaga Kerja yang Ditempatkan di Dalam Negeri  ...  51.00  60.97  119.55
    3  Hubungan Industrial  Persentase Pekerja Pada Perusahaan yang Menerapkan Perlindungan Hak-hak Pekerja  ...
       15.00  16.47  109.80
"""
from __future__ import annotations

from tests.unit.pdf.test_stitch import stitched, table_holding
from tests.unit.pdf.test_stitch_cut_rows import _data_rows

EXPECTED = {
    "Persentase Tenaga Kerja yang Ditempatkan di Dalam Negeri": ["51.00", "60.97", "119.55"],
    "Persentase Pekerja Pada Perusahaan yang Menerapkan Perlindungan Hak-hak Pekerja": ["15.00", "16.47", "109.80"],
}


def test_first_lines_of_a_word_read_row_at_a_page_bottom_join_the_row_below():
    table = table_holding(stitched("jambi", "reportlab", 222), "Hubungan Industrial")
    found = {cells[2]: cells[-3:] for _, cells in _data_rows(table) if cells[2] in EXPECTED}
    assert found == EXPECTED
    page = next(page for page, cells in _data_rows(table) if cells[1] == "Hubungan Industrial")
    assert page == 3
