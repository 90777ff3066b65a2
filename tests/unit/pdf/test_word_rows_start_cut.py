"""A table that starts at a page bottom with its header and one row shows too few steps to tell
its thin row padding from the pitch of wrapped text (11.5 pt type, lines 13.8 pt apart, rows
17.1 pt): it takes the step that sets rows apart on the block opening the next page, its
continuation. Seed line (samples/seeds, kabupaten-jepara, Tabel 3.17):
    PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA  1.871.557.000  1.782.123.052  95,22"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _rows(tables) -> list[list[str]]:
    return [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]


def test_start_at_a_page_bottom_takes_the_row_padding_of_its_continuation():
    """Jepara, reportlab 59 (unruled, FreeSans 11.5 pt, padding 1.8 pt, cells aligned to the middle):
    page 5 ends with the header, the column numbers and the program's first three lines, the page
    break cut 'TENAGA KERJA' off to page 6. The lines above the values were rows of their own, and
    the fact reader joined them apart from the name's last lines ('PRODUKTIVITAS TENAGA KERJA')."""
    rows = _rows(word_tables_near("jepara", "reportlab", 59, "PROGRAM PELATIHAN"))
    assert ["", "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS", "1.871.557.000", "1.782.123.052", "95,22"] in rows
    assert ["1", "2", "3", "4", ""] in rows  # the column numbers stay a row of their own
