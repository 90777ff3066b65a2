"""A table's last rows on the next page under its header repeated: two rows and a summary are too few
to show their columns, so they take those found together with the block that ends the page
before. Jepara Tabel 3.3 rendered by reportlab (bench/fuzz, variant 37: landscape, no rules, header
repeated, values a word space from the unit). The seed prints

    6  Meningkatkan UMKM berdaya saing dan berkualitas  Persentase unit usaha yang berdaya saing
       %  3,61  3,80  105,26  Sangat Baik
    7  Meningkatnya kualitas pelayanan PD  Persentase capaian kinerja PD yang mencapai target  %  80,00  83,33  104,16
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near
from tests.unit.pdf.test_stitch import row_of, stitched, table_holding


def _flat(row: list[str]) -> list[str]:
    return [" ".join(c.split()) for c in row]


def test_last_rows_under_a_repeated_header_keep_the_tables_columns():
    tables = word_tables_near("jepara", "reportlab", 37, "berdaya saing", before=True)
    row = next(_flat(r) for t in tables for r in t.rows if "3,80" in r)
    assert row[2:7] == ["Persentase unit usaha yang berdaya saing", "%", "3,61", "3,80", "105,26"]
    assert len(row) == 9


def test_the_continuation_joins_its_start():
    tables = stitched("jepara", "reportlab", 37)
    table = table_holding(tables, "Persentase koperasi aktif")
    assert table is table_holding(tables, "mencapai target")
    assert set(table.row_pages) == {3, 4}
    assert row_of(table, "Persentase koperasi aktif")[3:7] == ["%", "47,00", "55,75", "118,62"]
    row = next(_flat(r) for r in table.rows if r[0] == "7")  # its wrapped lines follow (the fact reader joins them)
    assert row[3:7] == ["%", "80,00", "83,33", "104,16"]
