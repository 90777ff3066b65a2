"""A strip in which three lines of text or more start on one left edge and run past its right end
ends at that edge: names wrapped on lines of their own above and below their row's value line (cells
aligned to the middle, every name of the page two lines long) left the value lines no word in the
name column, so the strip left of it reached into the names and split them between two columns.
jambi_reportlab_103 pp. 4 and 6. Values as printed in the seed (samples/seeds, kota-jambi):
    1.\tPROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA\tRp 6,847,986,125.50\tRp 5,826,197,900.00\t85.08
    1.\tPROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA\t\tRp 192,094,130.00\tRp 176,975,629.00\t92.13"""
from __future__ import annotations

import pytest

from tests.fuzz_variants import word_tables_near


@pytest.mark.parametrize(("needle", "name", "value"), [
    ("PROGRAM PENUNJANG", "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA", "Rp 6,847,986,125.50"),
    ("PROGRAM PELATIHAN", "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA", "Rp 192,094,130.00"),
])
def test_middle_aligned_names_stay_in_one_column(needle, name, value):
    tables = word_tables_near("jambi", "reportlab", 103, needle)
    rows = [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]
    (row,) = [row for row in rows if value in row]
    assert any(cell.endswith(name) for cell in row)
    assert "1." in row or f"1. {name}" in row
