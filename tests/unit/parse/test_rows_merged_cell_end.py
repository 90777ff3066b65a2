"""The last line of a cell merged over several rows, set below the names of those rows, ends that cell and
not the name beside it (rows._merged_cell_above). Jambi Tabel 3.9 rendered by Chromium (bench/fuzz,
variant 541: column rules alone, cells aligned to the top, the sasaran cell merged over its two indicator
rows): 'menengah', the sasaran's last line, falls between the indicator's two lines. The seed prints

    2  Meningkatnya kualitas koperasi dan usaha mikro kecil menengah  Persentase Koperasi Berkualitas ...
           Persentase UMKM Yg Tangguh dan Mandiri  8.00  12.03  150.40 ...
"""
from __future__ import annotations

from extract.parse.rows import Row, merge_cut_rows, numbering_first
from extract.text import clean_cell
from tests.fuzz_variants import squash, word_tables_near
from tests.seed_tables import JAMBI, table_lines


def test_the_last_line_of_a_merged_cell_ends_that_cell():
    printed = next(row for row in table_lines(JAMBI, "Tabel 3.9 :") if "150.40" in row)
    indicator = printed[2]
    sasaran = next(row for row in table_lines(JAMBI, "Tabel 3.9 :") if row[0] == "2")[1]
    tables = word_tables_near("jambi", "html", 541, "150.40", before=True)
    table = next(t for t in tables if any("150.40" in cell for row in t.rows for cell in row))
    rows = [Row(i, table.page, [clean_cell(numbering_first(c)) for c in row]) for i, row in enumerate(table.rows)]
    assert ["menengah"] in [[c for c in row.cells if c] for row in rows]  # a line of its own, as read
    merged = [[squash(c) for c in row.cells] for row in merge_cut_rows(rows, wrapped_lines_are_rows=True)]
    assert any(indicator in row and "150.40" in row for row in merged)
    assert any(row[1] == sasaran for row in merged)
