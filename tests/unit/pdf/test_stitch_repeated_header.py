"""A continuation that repeats the start's header cell for cell is the same table, and the rows
under the repeated header are body even when they hold no amount (a program heading, the rest of
a row the page break cut, values printed with units). A real report of ../shared/corpus read by
the real readers (camelot lattice); the values asserted are printed on its pages 65-66."""
from __future__ import annotations

import pytest

from extract.pdf.find import find_tables
from extract.pdf.stitch import stitch
from tests.paths import CORPUS
from tests.unit.pdf.test_stitch import table_holding

BP3AKB = CORPUS / "jabar-bp3akb_2016_lkip.pdf"


@pytest.mark.skipif(not BP3AKB.exists(), reason=f"corpus file not found: {BP3AKB}")
def test_a_program_heading_under_a_repeated_header_continues_the_table():
    """Jawa Barat BP3AKB, LKIP 2016: Tabel 3.2b ends page 65; page 66 prints its header again, then
    'H Program Pengembangan Kompetensi Aparatur' with empty amount cells, then its kegiatan. The
    heading row is no header row: page 66 continues Tabel 3.2b."""
    tables = stitch(find_tables(BP3AKB, [65, 66], stream_pages=[65, 66]))
    table = table_holding(tables, "Belanja Pegawai")
    assert table.caption.startswith("Tabel 3.2b")
    assert table is table_holding(tables, "Pembinaan dan Pengembangan Aparatur")
    rows = [[" ".join(c.split()) for c in r] for r in table.rows]
    heading = next(i for i, r in enumerate(rows) if r[0] == "H")
    assert rows[heading][1] == "Program Pengembangan Kompetensi Aparatur" and table.row_pages[heading] == 66
    assert rows[heading + 1][-3:] == ["232,700,000", "207,875,500", "98.18"]
    assert sum(1 for r in rows if r[0] == "No") == 1  # the repeated header is dropped
