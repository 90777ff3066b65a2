"""A group label set across two columns is a row of its own. Jambi Tabel 3.8, LibreOffice 281 (A4
landscape, no rules, merged cells, names not wrapped, padding 4.4 pt, cells aligned to the top): each
row is one line, so spacing tells no row from a wrapped line, and 'BIDANG PENTA', which starts in the
narrow number column and runs over the gutter into the names, was read as the first line of a cell
above '1.' (cells aligned to the bottom): 'BIDANG PENTA 1.' became the program row's number, its name a
kegiatan's. A row's number cell holds its number alone and a name never wraps into it: text that
starts in the number column and runs over the gutter into the names is a cell merged across them, a
row of its own. Seed lines (samples/seeds, kota-jambi, Tabel 3.8):
    BIDANG PENTA
    1.  PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA  Rp 192,094,130.00  Rp 176,975,629.00  92.13
    BIDANG HUBUNGAN INDUSTRIAL
    1.  PROGRAM HUBUNGAN INDUSTRIAL  Rp 909,622,967.50  Rp 836,129,151.00  91.92
    BIDANG KOPERASI
    1   PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN  Rp 80,964,414.00  Rp 80,153,020.00  99.00"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near

EXPECTED = {
    "BIDANG PENTA": ["1.", "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA",
                     "Rp 192,094,130.00", "Rp 176,975,629.00", "92.13"],
    "BIDANG HUBUNGAN INDUSTRIAL": ["1.", "PROGRAM HUBUNGAN INDUSTRIAL",
                                   "Rp 909,622,967.50", "Rp 836,129,151.00", "91.92"],
    "BIDANG KOPERASI": ["1", "PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN",
                        "Rp 80,964,414.00", "Rp 80,153,020.00", "99.00"],
}


def _rows(tables) -> list[list[str]]:
    return [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]


def test_a_label_across_the_number_and_name_columns_is_a_row_of_its_own():
    rows = _rows(word_tables_near("jambi", "libreoffice", 281, "BIDANG PENTA"))
    found = {}
    for above, row in zip(rows, rows[1:]):
        labels = [cell for cell in above if cell]
        if len(labels) == 1 and labels[0] in EXPECTED:
            found[labels[0]] = row
    assert found == EXPECTED
