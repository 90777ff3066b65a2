"""A budget row whose cells are laid out on other x positions than the header's: the last rows of the
Jambi seed's Tabel 3.8 (the sub-kegiatan of 'BIDANG UMKM') sit in cells of their own widths, so in some
renderings a row's name runs into the column of the first amount and the reader sets name and amount in
one cell ('Pemberdayaan Kelembagaan Potensi dan Pengembangan Usaha Mikro Rp 1,115,908,029.00'), its
name columns empty. The words are the row's name, not a neighbour's stray line, so the line keeps its
name; it had been lost with its amounts. Values as printed in the Jambi seed, Tabel 3.8:
`1. Pemberdayaan Kelembagaan Potensi dan Pengembangan Usaha Mikro  Rp 1,115,908,029.00  Rp 1,015,308,724.00  90.98`
`4. Peningkatan Pemahaman dan Pengetahuan UMKM serta Kapasitas dan Kompetensi SDM UMKM dan Kewirausahaan
melalui Pendidikan dan Pelatihan  Rp 215,183,340.00  Rp 196,636,640.00  91.38`"""
from __future__ import annotations

import pytest

from tests.fuzz_variants import budget_lines_of


@pytest.mark.parametrize("engine, number, line", [
    # LibreOffice 635 (Noto Sans, no rules, cells aligned to the bottom): the row ends p. 8
    ("libreoffice", 635, ("Pemberdayaan Kelembagaan Potensi dan Pengembangan Usaha Mikro", 1_115_908_029,
                          1_015_308_724, 90.98)),
    # Chromium 666 (Liberation Serif 7.5, column rules, header repeated): the row opens p. 5
    ("html", 666, ("Peningkatan Pemahaman dan Pengetahuan UMKM serta Kapasitas dan Kompetensi SDM UMKM dan "
                   "Kewirausahaan melalui Pendidikan dan Pelatihan", 215_183_340, 196_636_640, 91.38)),
])
def test_a_name_set_into_the_amount_column_names_its_line(engine, number, line):
    assert line in budget_lines_of("jambi", engine, number)
