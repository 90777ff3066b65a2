"""A word-space gutter between right-aligned row numbers and a text column holds where a name's wrapped
line starts with a numeral ('1 (satu) Daerah Kabupaten/Kota', its value line in cells aligned to the
bottom): the numeral opens a text, no value. Jepara Tabel 3.17 rendered by ReportLab (bench/fuzz,
variant 90: horizontal rules only, cells aligned to the bottom, page 8). The seed prints

    29  Penyediaan Peralatan Rumah Tangga  19.295.000  19.113.780  99,06
      Penilaian Kesehatan Koperasi Simpan Pinjam/Unit Simpan Pinjam Koperasi yang Wilayah Keanggotaannya
      dalam 1 (satu) Daerah Kabupaten/Kota  15.000.000  14.865.202  99,10
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_a_name_line_opening_with_a_numeral_keeps_the_row_number_column():
    tables = word_tables_near("jepara", "reportlab", 90, "Penyediaan Peralatan Rumah Tangga")
    rows = [[" ".join(c.split()) for c in r] for t in tables for r in t.rows]
    assert ["29", "Penyediaan Peralatan Rumah Tangga", "19.295.000", "19.113.780", "99,06"] in rows
    row = next(r for r in rows if "14.865.202" in r and r[1].startswith("Penilaian Kesehatan Koperasi"))
    assert row[0] == "" and row[1].endswith("dalam 1 (satu) Daerah Kabupaten/Kota")
