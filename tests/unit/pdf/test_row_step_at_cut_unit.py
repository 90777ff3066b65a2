"""Jambi realisation table (Chromium, A4 landscape, no rules, cells aligned to the middle, jambi_html_209):
wrapped lines 12.0 pt apart, rows parted by 15.75 pt, but Chromium rounds to whole pixels (0.75 pt) and
sets two of the page's row steps at 15.0 pt: exactly ROW_GAP (1.25) pitches, the cut of
row_spacing.row_bands, which a step had to exceed. 'PELAKSANAAN PELATIHAN BERDASARKAN UNIT', first line
of a cell, stayed in the band of the row above, nearer in reading order to its last line than to its own
value line, and the heading 'BIDANG HUBUNGAN INDUSTRIAL' in the band of 'Job Fair' above it. The seed prints

    1.      PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA      Rp 192,094,130.00  Rp 176,975,629.00  92.13
        1.  PELAKSANAAN PELATIHAN BERDASARKAN UNIT KOMPETENSI          Rp 179,738,630.00  Rp 168,072,899.00  93.51
        2.  Job Fair                                                   Rp 61,050,000.00   Rp 60,760,000.00   99.52
    BIDANG HUBUNGAN INDUSTRIAL
"""
from __future__ import annotations

from extract.numerals import is_row_number
from tests.fuzz_variants import word_tables_near

EXPECTED = {
    "Rp 192,094,130.00": ("PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA", "Rp 176,975,629.00", "92.13"),
    "Rp 61,050,000.00": ("Job Fair", "Rp 60,760,000.00", "99.52"),
}


def _name(row: list[str]) -> str:
    """The row's text cells, row numbers left out."""
    return " ".join(w for cell in row[:2] for w in cell.split() if not is_row_number(w))


def test_a_row_step_of_exactly_the_cut_parts_two_rows():
    tables = word_tables_near("jambi", "html", 209, "60,760,000.00", sep="")
    rows = [row for t in tables for row in t.rows if len(row) >= 5]
    found = {row[2]: (_name(row), row[3], row[4]) for row in rows if row[2] in EXPECTED}
    assert found == EXPECTED
    units = [_name(row) for row in rows if row[2] == "Rp 179,738,630.00"]
    assert units[0] == "PELAKSANAAN PELATIHAN BERDASARKAN UNIT KOMPETENSI"
    assert ["BIDANG HUBUNGAN INDUSTRIAL", "", "", "", ""] in rows
