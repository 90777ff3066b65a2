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



def test_a_row_set_apart_by_wide_cell_padding_stays_in_the_table():
    """libreoffice 10: cells aligned to the bottom; on the page of 'BIDANG UMKM' the label row and
    the 'Total' row lie 12.3 pt below the row above (2.5 word heights is 12.0 pt), the table's
    other rows about 9 pt apart. They are rows of the same table (seed kota-jambi: program UMKM
    Rp 1,412,380,417 Rp 1,290,523,409 91.37, Total Rp 10,036,268,000 Rp 8,767,409,001 87.36)."""
    tables = word_tables_near("jambi", "libreoffice", 10, "BIDANG UMKM")
    table = next(t for t in tables if any("BIDANG UMKM" in row for row in t.rows))
    cells = [cell for row in table.rows for cell in row]
    assert "Rp 1,412,380,417.00" in cells and "91.37" in cells
    assert ["Rp 10,036,268,000.00", "Rp 8,767,409,001.00", "87.36"] == _row([table], "87.36")[2:5]


def test_rows_all_as_far_apart_as_wide_padding_sets_them_are_one_table():
    """libreoffice 17: one-line rows 13.4 pt apart (2.9 word heights) all down the page: the
    sub-kegiatan 'Fasilitasi Kunjungan Tamu' (Rp 11,660,000 Rp 11,306,500 96.97) and the label
    row 'BIDANG PENTA' further down are rows of one table, not of a table each."""
    tables = word_tables_near("jambi", "libreoffice", 17, "Fasilitasi Kunjungan")
    table = next(t for t in tables if any("BIDANG PENTA" in row for row in t.rows))
    assert _row([table], "96.97")[-3:] == ["Rp 11,660,000.00", "Rp 11,306,500.00", "96.97"]
