"""A row whose number cell, merged with the next row's, is aligned to its top while the row's other cells
sit on the bottom: the number's line opens the row's name ('Persentase'), the values two lines below. Read
upwards from the value line, the number started a row of its own and the name lost its first word. Seed
lines (samples/seeds, kota-jambi, Tabel 3.9):
    2  Meningkatnya kualitas koperasi dan usaha mikro kecil menengah | Persentase Koperasi Berkualitas
       46.80 | 43.64 | 93.25"""
from __future__ import annotations

from extract.pdf.word_rows import split_band
from tests.fuzz_variants import word_tables_near

# The band as the word reader cut it on jambi_libreoffice_390 p. 7 (no rules, cells aligned to the bottom,
# rows split at page breaks): each line's cells, whether it holds a value, and each column's cells' lines.
LINES = [["2", "Meningkatnya", "Persentase", "", "", ""],
         ["", "kualitas koperasi", "Koperasi", "", "", ""],
         ["", "dan usaha mikro", "Berkualitas", "46.80", "43.64", "93.25"],
         ["", "kecil menengah", "", "", "", ""],
         ["", "", "Persentase", "8.00", "12.03", "150.40"],
         ["", "", "UMKM Yg", "", "", ""]]
VALUED = [True, False, True, False, True, False]
CELLS = [[0], [0, 1, 2, 3], [0, 1, 2], [4, 5], [2], [4], [2], [4], [2], [4]]


def test_the_number_line_opens_the_row_below_it():
    assert split_band(list(range(6)), LINES, VALUED, "bottom", cells=CELLS) == [[0, 1, 2], [3, 4, 5]]


def test_a_numbered_line_over_a_row_with_its_own_number_stays_apart():
    lines = [list(LINES[0]), list(LINES[1]), ["1", *LINES[2][1:]]]
    assert split_band([0, 1, 2], lines, [True, False, True], "bottom", cells=[[0, 1, 2]]) == [[0], [1, 2]]


def test_the_rendering_reads_the_whole_name():
    tables = word_tables_near("jambi", "libreoffice", 390, "Berkualitas")
    rows = [[" ".join(c.split()) for c in row] for t in tables for row in t.rows]
    row = next(r for r in rows if "46.80" in r)
    assert row[0] == "2" and row[2] == "Persentase Koperasi Berkualitas"
    # the sasaran cell is merged over this row and the next: its last line 'kecil menengah' went to the next
    # row until 0.37.0 (word_rows._cell_cut), the whole of it is the seed's sasaran
    assert row[1] == "Meningkatnya kualitas koperasi dan usaha mikro kecil menengah"
