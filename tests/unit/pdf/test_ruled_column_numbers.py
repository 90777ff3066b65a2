"""The column-number row under a repeated header and the row after it, read by camelot as one row
when the rule between them is not seen (a row split at a page break, ruled grid, header filled):
each cell then opens with its column's number ('5\\n70,30'). The row is split in two again.
Values as printed in the Jepara seed, Tabel 3.3:
`NO	Sasaran Strategis	Indikator Kinerja	Satuan	Target Tahun 2024	Realisasi Tahun 2024	% Capaian	...`
`1	2	3	4	5	6	7	8	9`
`2	Meningkatnya jumlah pencari kerja ...	Tingkat Partisipasi angkatan Kerja	%	70,30	71,94	102,33	...`
"""
from __future__ import annotations

from extract.pdf.ruled import split_column_numbers
from tests.unit.pdf.test_stitch import stitched, table_holding


def _flat(row: list[str]) -> list[str]:
    return [" ".join(cell.split()) for cell in row]


def test_column_numbers_glued_to_a_split_row_come_apart():
    """Jepara, reportlab 43 (grid, header filled and repeated, rows split at page breaks): row 2 of
    Tabel 3.3 opens page 4 under the repeated header and its '1 2 ... 9' row."""
    table = table_holding(stitched("jepara", "reportlab", 43), "Tingkat Partisipasi angkatan Kerja")
    (row,) = [_flat(r) for r in table.rows if "Tingkat Partisipasi angkatan Kerja" in _flat(r)]
    assert row[0] == "2"
    assert row[3:7] == ["%", "70,30", "71,94", "102,33"]


def test_a_row_of_small_values_is_no_column_number_row():
    """Values that are no running count (a row '1 | 3 | 3 | 100' of counts) stay one row."""
    row = ["1\nJumlah", "3\norang", "3\norang", "100\n%"]
    assert split_column_numbers(row) == [row]
    assert split_column_numbers(["1\n2", "2\nName", "3\n%", "4\n70,30"]) == [
        ["1", "2", "3", "4"], ["2", "Name", "%", "70,30"]]


def test_a_count_stopping_short_of_the_last_column_comes_apart_too():
    """Jepara, reportlab 140 (grid, header filled and repeated, rows split at page breaks): Tabel 3.17
    numbers four of its five columns ('1 2 3 4', the '%' under 'Realisasi' unnumbered); its first row,
    split by the page break, opens page 6 glued to that count, its '95,22' alone in the last cell. The
    seed prints `PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA  1.871.557.000  1.782.123.052  95,22`."""
    table = table_holding(stitched("jepara", "reportlab", 140), "PROGRAM PELATIHAN KERJA DAN")
    (row,) = [_flat(r) for r in table.rows if "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA" in _flat(r)]
    assert row[1:] == ["PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA", "1.871.557.000", "1.782.123.052",
                       "95,22"]


def test_cells_after_a_short_count_must_hold_no_number():
    """A count broken by another number ('1 2 3 4 6 8 9', columns numbered out of turn) is left whole,
    as is a count that does not start at 1 in the first column."""
    assert split_column_numbers(["1", "2\nA", "3\n5", "4\n6", "6\n9"]) == [["1", "2\nA", "3\n5", "4\n6", "6\n9"]]
    assert split_column_numbers(["2\nA", "3\nB", "4\nC", "95,22"]) == [["2\nA", "3\nB", "4\nC", "95,22"]]
    assert split_column_numbers(["1", "2\nA", "3\n7", "4\n8", "95,22"]) == [["1", "2", "3", "4", ""],
                                                                         ["", "A", "7", "8", "95,22"]]
