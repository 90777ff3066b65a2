"""A strip that a tabular line crosses is no gutter where a text cell's wrapped lines (set on lines
of their own beside the row's values, starting on that line's text edge) cross it too: the crossing
line is one of the cell's, not a label spanning columns. jambi_html_72 p. 8: Jambi Tabel 3.8's last
sub-kegiatan rows print their anggaran right-aligned in the column where the rows above print their
names; their amounts' left edge left a strip through those names that one tabular line crossed.
Values as printed in the seed (samples/seeds, kota-jambi):
    \t3.\tPeningkatan Produktivitas, Nilai Tambah, Akses Pasar, Akses Pembiayaan, Penguatan Kelembagaan,
        Penataan Manajemen, Standarisasi, dan Restrukturisasi Usaha\tRp 48,613,469.00\tRp 47,523,216.00\t97.76
    \t1.\tPEMBERDAYAAN USAHA MIKRO YANG DILAKUKAN MELALUI PENDATAAN, KEMITRAAN, KEMUDAHAN, PERIZINAN,
        PENGUATAN KELEMBAGAAN DAN KOORDINASI DENGAN\tRp 1,412,380,417.00\tRp 1,290,523,409.00\t91.37"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _row_with(rows: list[list[str]], value: str, word: str) -> list[str]:
    (row,) = [row for row in rows if value in row and any(word in cell for cell in row)]
    return row


def test_names_over_amounts_of_shifted_rows_stay_whole():
    tables = word_tables_near("jambi", "html", 72, "Restrukturisasi")
    rows = [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]
    sub = _row_with(rows, "Rp 48,613,469.00", "Produktivitas")
    assert ("Peningkatan Produktivitas, Nilai Tambah, Akses Pasar, Akses Pembiayaan, Penguatan Kelembagaan, "
            "Penataan Manajemen, Standarisasi, dan Restrukturisasi Usaha") in sub
    kegiatan = _row_with(rows, "Rp 1,412,380,417.00", "DILAKUKAN")
    assert ("PEMBERDAYAAN USAHA MIKRO YANG DILAKUKAN MELALUI PENDATAAN, KEMITRAAN, KEMUDAHAN, PERIZINAN, "
            "PENGUATAN KELEMBAGAAN DAN KOORDINASI DENGAN") in kegiatan
