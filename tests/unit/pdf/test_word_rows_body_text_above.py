"""A row whose cells are centred puts its first lines above its value line, right under the header: those lines
are the row's when every cell they open starts where body cells start (a name column's left edge), whatever the
words inside a cell. jambi_reportlab_378 p. 4 (reportlab, the header repeated on the continuation page): the
first row's 'Pendidikan dan' and its formula's first line were read into the header, so the page's table no
longer matched the header of the page before and the row split by the page break was lost. Seed lines
(samples/seeds, kota-jambi, Tabel 3.3):
    4  Pendidikan dan Latihan Perkoperasian | Persentase koperasi yang diberikan dukungan fasilitasi pelatihan
       | ... | 32.90 | 61.00 | 185.41"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_the_rows_first_lines_under_the_header_stay_in_the_row():
    tables = word_tables_near("jambi", "reportlab", 378, "dukungan")
    rows = [[" ".join(c.split()) for c in row] for t in tables for row in t.rows]
    row = next(r for r in rows if "32.90" in r)
    assert row[0] == "4" and row[1] == "Pendidikan dan Latihan Perkoperasian"
    assert row[3].startswith("$\\frac{\\text{jumlah koperasi yang mengikuti")
    header = rows[rows.index(row) - 1]
    assert header[:3] == ["No", "Program", "Indikator program"]
