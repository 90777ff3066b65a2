"""Rows of an unruled table whose cell padding no step between lines shows: a cell merged over two
rows ('Sasaran Strategis'), aligned to the middle, sets its wrapped lines in between those of the
indicator names, so the lines follow each other a pitch apart or less. The indicator column's own
cells, parted by the padding, cut the rows. Jambi Tabel 3.9 rendered by LibreOffice (bench/fuzz,
variant 63: Letter, no rules, cell padding 3.6 pt, cells aligned to the middle). The seed prints

    1  Meningkatnya penyerapan pencari kerja dan perlindungan tenaga kerja
       Persentase Penempatan Pencari Kerja Terdaftar  45.00  60.97  135.49 ...
       Persentase Perusahaan Dgn Tata Kelola Yg Layak  14.00  16.00  114.29 ...
       Persentase UMKM Yg Tangguh dan Mandiri  8.00  12.03  150.40 ...
(the seed lines, cut here after their third value)
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _row(tables, value: str) -> list[str]:
    return next(row for t in tables for row in t.rows if value in row)


def test_the_indicator_cells_padding_parts_the_rows_beside_a_merged_cell():
    tables = word_tables_near("jambi", "libreoffice", 63, "Alokasi Anggaran dan Realisasi Belanja")
    assert " ".join(_row(tables, "45.00")[2].split()) == "Persentase Penempatan Pencari Kerja Terdaftar"
    assert " ".join(_row(tables, "14.00")[2].split()) == "Persentase Perusahaan Dgn Tata Kelola Yg Layak"
    assert " ".join(_row(tables, "8.00")[2].split()) == "Persentase UMKM Yg Tangguh dan Mandiri"
