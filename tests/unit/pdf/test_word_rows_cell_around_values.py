"""Rows of Jambi Tabel 3.9 with cells aligned to the middle and a 'Sasaran Strategis' cell merged over
two rows: the merged cell's lines fill the padding between the indicator names, so no step parts the
rows, and each name's first line shares a line with the merged cell's. The indicator column's cells
(its wrapped lines, parted by the padding) each run across one line of values: the name is that row's.
Read line by line, 'Persentase' went with the row above, the line nearest to it already gathered
(jambi_html_115: Chromium, F4, no rules; jambi_libreoffice_112: landscape A4, no rules). The seed prints

    1  Meningkatnya penyerapan pencari kerja dan perlindungan tenaga kerja
       Persentase Penempatan Pencari Kerja Terdaftar  45.00  60.97  135.49 ...
       Persentase Perusahaan Dgn Tata Kelola Yg Layak  14.00  16.00  114.29 ...
    2  Meningkatnya kualitas koperasi dan usaha mikro kecil menengah
       Persentase Koperasi Berkualitas  46.80  43.64  93.25 ...
       Persentase UMKM Yg Tangguh dan Mandiri  8.00  12.03  150.40 ...
(the seed lines, cut here after their third value)
"""
from __future__ import annotations

import pytest

from tests.fuzz_variants import word_tables_near

NAMES = {
    "45.00": "Persentase Penempatan Pencari Kerja Terdaftar",
    "14.00": "Persentase Perusahaan Dgn Tata Kelola Yg Layak",
    "46.80": "Persentase Koperasi Berkualitas",
    "8.00": "Persentase UMKM Yg Tangguh dan Mandiri",
}


@pytest.mark.parametrize(("engine", "number"), [("html", 115), ("libreoffice", 112)])
def test_a_name_wrapped_around_its_values_is_that_rows(engine, number):
    tables = word_tables_near("jambi", engine, number, "Rp 321,673,135")
    rows = [row for t in tables if any("Rp 321,673,135" in row for row in t.rows) for row in t.rows]
    names = {value: " ".join(row[1].split()) for row in rows for value in NAMES if value in row}
    assert names == NAMES
