"""A budget table's % column whose label was lost (OCR read the lone '%' as '7' at a screenshot's
resolution: Jepara Tabel 3.17 pasted as a picture, fuzz variant jepara_html_510) is read by its content:
the realisasi over the budget, row by row. The lines are Jepara Tabel 3.17's, as the seed prints them."""
from __future__ import annotations

from extract.model import RawTable
from extract.parse.budget import budget_lines
from extract.parse.families import classify

ROWS = [["", "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA", "1.871.557.000", "1.782.123.052", "95,22"],
        ["", "Pelaksanaan Pelatihan berdasarkan Unit Kompetensi", "1.859.057.000", "1.770.074.052", "95,21"],
        ["2", "Pembinaan Lembaga Pelatihan Kerja Swasta", "3.000.000", "3.000.000", "100,00"],
        ["", "PROGRAM PENEMPATAN TENAGA KERJA", "195.000.000", "188.752.658", "96,80"]]


# the header as OCR read it: two rows, the '%' spanning both read '7' in the second
HEADER = [["No", "Program/Kegiatan", "Alokasi", "Realisasi", ""], ["", "", "Anggaran", "Anggaran", "7"]]


def _absorptions(rows: list[list[str]]) -> list[float | None]:
    table = RawTable("p0034_p1", 34, "lattice", [*HEADER, *rows], [34] * (len(rows) + 2),
                     caption="Tabel 3.17 Realisasi Anggaran")
    lines = budget_lines(table, classify(table.rows, table.caption), "id")
    names = {row[1] for row in rows}
    return [line.absorption_pct_reported for line in lines if line.line_name in names]


def test_a_column_of_realisasi_over_budget_is_the_absorption_whatever_its_label():
    assert _absorptions(ROWS) == [95.22, 95.21, 100.0, 96.8]


def test_a_column_of_other_numbers_is_no_absorption():
    """Counts beside the amounts (a number of packages) are not realisasi over budget."""
    assert _absorptions([[*row[:4], count] for row, count in zip(ROWS, ["12", "7", "1", "30"])]) == [None] * 4
