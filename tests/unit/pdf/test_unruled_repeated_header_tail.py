"""A table's last row at the top of a page under its repeated header, with the summary lines below
it ('Rata-rata capaian kinerja' spanning the first columns): one row is too few to show the
columns, so the block takes those found on it and on the table's lines on the page before.
Jepara's Tabel 3.3 (Capaian Kinerja Sasaran), unruled; asserted are the cells the seed prints
(samples/seeds, kabupaten-jepara):
    7  Meningkatnya kualitas pelayanan PD  Persentase capaian kinerja PD yang mencapai target  %  80,00  83,33
    104,16  Sangat baik  Diskopuk mnakertrans"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _row_7(tables) -> list[str]:
    (row,) = [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows if "83,33" in row]
    return row


def test_libreoffice_top_aligned_last_row_under_repeated_header():
    """LibreOffice 30: cells aligned to the top; NO, sasaran and indicator were one cell."""
    row = _row_7(word_tables_near("jepara", "libreoffice", 30, "mencapai target", before=True))
    assert row[:7] == ["7", "Meningkatnya kualitas pelayanan PD", "Persentase capaian kinerja PD yang mencapai target",
                       "%", "80,00", "83,33", "104,16"]


def test_reportlab_last_two_rows_under_repeated_header():
    """reportlab 37: rows 6 and 7 under the repeated header; the unit was read into the indicator's
    cell and the realisation, achievement and category into one cell. Since the row-padding rule
    (row_spacing._padded_step) the name's last line joins its row here, as the seed prints it."""
    tables = word_tables_near("jepara", "reportlab", 37, "mencapai target", before=True)
    row = _row_7(tables)
    assert row[0] == "7"
    assert row[2:7] == ["Persentase capaian kinerja PD yang mencapai target", "%", "80,00", "83,33", "104,16"]
