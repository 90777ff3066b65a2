"""Blocks of table lines on real page geometry: Jambi's Tabel 3.9 (Alokasi Anggaran dan Realisasi
Belanja) rendered unruled by LibreOffice (bench/fuzz). Asserted are the cells the seed prints
(samples/seeds, kota-jambi): the header 'Indikator Sasaran', and the sasaran indicator 'Persentase
UMKM Yg Tangguh dan Mandiri' 8.00 12.03 150.40, Rp 1,412,380,417 Rp 1,290,523,409 91.37."""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near

UMKM = ["8.00", "12.03", "150.40", "Rp 1,412,380,417", "Rp 1,290,523,409", "91.37"]


def _flat(cell: str) -> str:
    return " ".join(cell.split())


def _row(tables, value: str) -> list[str]:
    return next(row for t in tables for row in t.rows if value in row)


def test_a_header_cell_aligned_to_the_middle_above_the_first_line_stays_in_the_header():
    """libreoffice 26: 'Indikator / Sasaran' is a two-line cell centred beside one-line 'No' and
    'Kinerja'; its upper line sits half a pitch (a little more than a word's height, the lines
    being loosely spaced) above them, under the paragraph that introduces the table."""
    tables = word_tables_near("jambi", "libreoffice", 26, "Tangguh dan", before=True)
    header = next(row for t in tables for row in t.rows if row[:2] == ["No", "Sasaran Strategis"])
    assert _flat(header[2]) == "Indikator Sasaran"
    assert _row(tables, "150.40")[-6:] == UMKM


def test_the_last_row_carried_alone_to_a_page_top_is_a_table_row():
    """libreoffice 9: cells aligned to the bottom; the last sasaran row fills the top of a page
    alone (one line with values, its name's first line above it). It is read with the columns of
    the table before, and its name's lines are one row: they follow at that table's pitch of
    wrapped text, where the rest of a row cut by the page break would lie a row's padding above."""
    tables = word_tables_near("jambi", "libreoffice", 9, "Tangguh dan", before=True)
    row = _row(tables, "150.40")
    assert _flat(row[2]) == "Persentase UMKM Yg Tangguh dan Mandiri"
    assert row[-6:] == UMKM

