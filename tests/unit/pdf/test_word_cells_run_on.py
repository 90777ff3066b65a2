"""A name's line that runs on, a word space apart, into a column where other rows print their amounts
stays one cell. Jambi Tabel 3.8 prints its rows from 'BIDANG UMKM' on one cell shorter than those above
(samples/seeds, kota-jambi), so where a rendering keeps that (`align_values` off) one block holds two
grids: the lower rows' amounts stand under the upper rows' longest name lines. Cut at that gutter, a
name's pieces were joined out of order ('... Nilai Tambah, Akses Pembiayaan, ... Usaha Pasar, Akses')."""
from __future__ import annotations

import pytest

from tests.fuzz_variants import squash, word_tables_near

PRODUCTIVITY = ("Peningkatan Produktivitas, Nilai Tambah, Akses Pasar, Akses Pembiayaan, Penguatan Kelembagaan, "
                "Penataan Manajemen, Standarisasi, dan Restrukturisasi Usaha")
PARTNERSHIP = "Fasilitasi Kemitraan Koperasi Yang Keanggotaannya Daerah Kabupaten / Kota"


@pytest.mark.parametrize(("engine", "number", "name"), [
    ("libreoffice", 494, PRODUCTIVITY),  # 'Akses' | 'Pasar, Akses' a word space apart, on the gutter
    ("reportlab", 482, PARTNERSHIP),     # 'Keanggotaannya' | 'Daerah Kabupaten /'
])
def test_a_name_line_running_into_a_column_of_amounts_stays_whole(engine, number, name):
    tables = word_tables_near("jambi", engine, number, "BIDANG UMKM", before=True)
    cells = [squash(cell) for table in tables for row in table.rows for cell in row]
    assert name in cells
