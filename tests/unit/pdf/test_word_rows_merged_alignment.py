"""Rows of an unruled table whose merged cells tie every band to two value lines: the alignment
is read from each column's own cells. Jambi's Tabel 3.9 (seed lines 1217-1218):
'1  Meningkatnya penyerapan pencari kerja dan perlindungan tenaga kerja  Persentase Penempatan
Pencari Kerja Terdaftar  45.00  60.97  135.49 ...' and '  Persentase Perusahaan Dgn Tata Kelola Yg
Layak  14.00  16.00  114.29 ...'."""
from __future__ import annotations

from extract.pdf.cell_layout import cell_alignment
from tests.fuzz_variants import word_tables_near


def _row(tables, first_value: str) -> list[str]:
    return next(row for t in tables for row in t.rows if first_value in row)


def test_bottom_aligned_names_stay_with_their_values_beside_a_merged_cell():
    """reportlab 52: no rules, cells aligned to the bottom, 'Sasaran Strategis' merged over two
    indicator rows. Each indicator's name lines end on its value line; none goes to the row above."""
    tables = word_tables_near("jambi", "reportlab", 52, "Tabel 3.9")
    assert _row(tables, "45.00")[2] == "Persentase\nPenempatan\nPencari Kerja\nTerdaftar"
    assert _row(tables, "14.00")[2] == "Persentase\nPerusahaan\nDgn Tata\nKelola Yg\nLayak"
    assert _row(tables, "46.80")[2] == "Persentase\nKoperasi\nBerkualitas"


def test_cells_tell_the_alignment_only_when_no_band_does():
    valued = [False, True, False, True, False, True, False]
    bands = [[0, 1, 2, 3], [4, 5, 6]]  # every band holds two value lines (or a middle one)
    assert cell_alignment(bands[:1], valued, [[0, 1], [2, 3]]) == "bottom"
    assert cell_alignment(bands[:1], valued, [[1, 2], [3]]) == "top"
    assert cell_alignment(bands, valued, [[0, 1], [2, 3]]) == "middle"  # the band [4, 5, 6] tells
