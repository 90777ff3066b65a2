"""The last row of a table carried alone to a page top takes the columns of the block before as they are
when the two together let a narrow first column go: a row number on one tabular line is then the one
line the joint search excuses. Jambi Tabel 3.9 rendered by LibreOffice (bench/fuzz, variant 58: A4, no
rules, header not repeated, caption below, the last row alone on page 9). The seed prints

    Persentase UMKM Yg Tangguh dan Mandiri	8.00	12.03	150.40	Rp 1,412,380,417	Rp 1,290,523,409	91.37
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_a_row_alone_at_a_page_top_keeps_the_name_columns_of_the_page_before():
    tables = word_tables_near("jambi", "libreoffice", 58, "Tangguh dan", before=True)
    row = next(r for t in tables for r in t.rows if "12.03" in r)
    assert len(row) == 9
    assert row[1].split() == ["usaha", "mikro", "kecil"]  # the sasaran strategis, not the indicator
    assert row[2].split() == ["Persentase", "UMKM", "Yg"]
    assert row[3:6] == ["8.00", "12.03", "150.40"]
