"""Jambi Tabel 3.8 (reportlab, Letter landscape, rules between rows, cells aligned to the middle, 4 pt
padding, jambi_reportlab_220 p. 7): the program name column holds, on the kegiatan rows, only their
number ('1.', '2.') centred in it. A program name wrapped to three lines, 'PROGRAM' | 'PENEMPATAN
TENAGA' | 'KERJA', has its value line in the middle: that line alone runs past the left edge of the
centred numbers, and the gutter search, which lets one line of ten cross a gutter, parted the column
there, reading 'PROGRAM PENEMPATAN KERJA' | 'TENAGA' (gutter_crossings.crossed_mid_cell). The seed prints

    2.	PROGRAM PENEMPATAN TENAGA KERJA		Rp 129,579,005.00	Rp 126,412,554.00	97.56
    1.	PROGRAM HUBUNGAN INDUSTRIAL		Rp 909,622,967.50	Rp 836,129,151.00	91.92
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near

EXPECTED = {
    "PROGRAM PENEMPATAN TENAGA KERJA": ("2.", "Rp 129,579,005.00", "Rp 126,412,554.00", "97.56"),
    "PROGRAM HUBUNGAN INDUSTRIAL": ("1.", "Rp 909,622,967.50", "Rp 836,129,151.00", "91.92"),
}


def test_a_wrapped_name_crossing_a_strip_on_its_middle_line_keeps_its_column_whole():
    tables = word_tables_near("jambi", "reportlab", 220, "PENEMPATAN TENAGA")
    rows = [row for t in tables for row in t.rows if len(row) > 4]
    found = {" ".join(row[1].split()): (row[0], *row[-3:]) for row in rows if " ".join(row[1].split()) in EXPECTED}
    assert found == EXPECTED
