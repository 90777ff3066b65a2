"""A value column hidden in a text column (rows set to another grid: Jambi Tabel 3.8 mixes 5-cell rows,
whose anggaran stands in the sub-kegiatan column, with 6-cell rows, whose names run across it) is found
by the middle its amounts share when they are centred in their cells: the widest amount
('Rp 6,847,986,125.50') passes the right edge the others share, and read by that edge alone it stayed
in the name cell, its row lost. jambi_reportlab_94 pp. 5 and 9 (numbers centred, values not aligned).
Values as printed in the seed (samples/seeds, kota-jambi):
    1.\tPROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA\tRp 6,847,986,125.50\tRp 5,826,197,900.00\t85.08
    1.\tPemberdayaan Kelembagaan Potensi dan Pengembangan Usaha Mikro\tRp 1,115,908,029.00\tRp 1,015,308,724.00\t90.98
    4.\tPeningkatan Pemahaman dan Pengetahuan UMKM serta Kapasitas dan Kompetensi SDM UMKM dan Kewirausahaan
        melalui Pendidikan dan Pelatihan\tRp 215,183,340.00\tRp 196,636,640.00\t91.38
    2.\tFasilitasi Sertifikasi dan Standarisasi Usaha Mikro\tRp 49,271,610.00\tRp 47,281,595.00\t95.96"""
from __future__ import annotations

import pytest

from tests.fuzz_variants import word_tables_near


def _row_with(rows: list[list[str]], value: str) -> list[str]:
    (row,) = [row for row in rows if value in row]
    return row


@pytest.mark.parametrize(("needle", "name", "values"), [
    ("PENUNJANG", "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA",
     ["Rp 6,847,986,125.50", "Rp 5,826,197,900.00", "85.08"]),
    ("Kewirausahaan", "Pemberdayaan Kelembagaan Potensi dan Pengembangan Usaha Mikro",
     ["Rp 1,115,908,029.00", "Rp 1,015,308,724.00", "90.98"]),
    ("Kewirausahaan", "Peningkatan Pemahaman dan Pengetahuan UMKM serta Kapasitas dan Kompetensi SDM UMKM dan "
     "Kewirausahaan melalui Pendidikan dan Pelatihan", ["Rp 215,183,340.00", "Rp 196,636,640.00", "91.38"]),
    ("Kewirausahaan", "Fasilitasi Sertifikasi dan Standarisasi Usaha Mikro",
     ["Rp 49,271,610.00", "Rp 47,281,595.00", "95.96"]),
])
def test_centred_amounts_hidden_in_a_text_column_get_their_own_column(needle, name, values):
    tables = word_tables_near("jambi", "reportlab", 94, needle)
    rows = [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]
    row = _row_with(rows, values[0])
    assert any(cell.endswith(name) for cell in row)
    filled = [cell for cell in row if cell]
    assert filled[-3:] == values


def test_centred_counts_hidden_in_a_name_column_get_their_own_column():
    """Jambi's table of equipment, whole report html 3 p. 7 (numbers centred): 'Meja 112' and 'Kursi 135'
    were one cell, their widest counts passing the right edge the one-digit counts share. Seed lines:
        8\\tMeja\\t112\\t68\\t\\t44\\t112
        9\\tKursi\\t135\\t110\\t\\t25\\t135"""
    tables = word_tables_near("jambi", "html", 3, "Filling Kabinet", whole=True)
    rows = [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]
    filled = [[cell for cell in row if cell] for row in rows]
    assert ["8", "Meja", "112", "68", "44", "112"] in filled
    assert ["9", "Kursi", "135", "110", "25", "135"] in filled
