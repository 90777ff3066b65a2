"""A section heading over a row whose cells are aligned to the bottom, tied to that row because
the page break that cut the row shrank the padding between them (15 pt where rows stand 18.5 pt
apart and wrapped lines 12 pt): its line prints in a column ('No') that the line under it leaves
empty, and a cell aligned to the bottom ends on its row's value line, its lines one under the
other, so the heading is a row of its own. Seed lines (samples/seeds, kota-jambi, Tabel 3.8):
    BIDANG UMKM
    1.  PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN USAHA MIKRO (UMKM)
        Rp 1,412,380,417.00  Rp 1,290,523,409.00  91.37"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _rows(tables) -> list[list[str]]:
    return [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]


def test_heading_is_apart_from_the_cut_program_row():
    """Jambi, reportlab 65 (unruled, Noto Serif 10 pt, padding 5 pt, cells aligned to the bottom):
    page 9 read 'BIDANG UMKM 1.' as the program row's number, and its name as a kegiatan's."""
    rows = _rows(word_tables_near("jambi", "reportlab", 65, "BIDANG UMKM"))
    heading = next(i for i, row in enumerate(rows) if "BIDANG UMKM" in row[0])
    assert rows[heading][0] == "BIDANG UMKM" and not any(rows[heading][1:])
    program = rows[heading + 1]
    assert program[0] == "1." and program[1] == "PROGRAM PEMBERDAYAAN USAHA MENENGAH, USAHA KECIL, DAN"
    assert program[3:] == ["Rp 1,412,380,417.00", "Rp 1,290,523,409.00", "91.37"]
