"""A strip that only a summary row's label ('Total', 'Jumlah') crosses is a gutter: the label is a
cell merged over the row number's and the name's columns, set across their border. jambi_reportlab_135
p. 9: the last rows of Jambi Tabel 3.8 (four sub-kegiatan and 'Total'), too few lines for the gutter
search to let one cross a gutter; 'Total' ran from the number column into the names and hid the border,
so the row numbers were read inside the names and the rows were not taken for sub-kegiatan.
Values as printed in the seed (samples/seeds, kota-jambi, Tabel 3.8):
    2.\tFasilitasi Sertifikasi dan Standarisasi Usaha Mikro\tRp 49,271,610.00\tRp 47,281,595.00\t95.96
    Total\t\tRp 10,036,268,000.00\tRp 8,767,409,001.00\t87.36"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_a_total_label_across_the_number_column_keeps_its_border():
    tables = word_tables_near("jambi", "reportlab", 135, "Fasilitasi Sertifikasi dan")
    rows = [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]
    (row,) = [row for row in rows if "Rp 49,271,610.00" in row]
    assert "Fasilitasi Sertifikasi dan Standarisasi Usaha Mikro" in row
    assert row[row.index("Fasilitasi Sertifikasi dan Standarisasi Usaha Mikro") - 1] == "2."
    (total,) = [row for row in rows if "Rp 10,036,268,000.00" in row]
    assert total[0] == "Total"
