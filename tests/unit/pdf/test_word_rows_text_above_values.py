"""The first row's text lines above its values are body, not header, when each of their words starts on
a left edge that the body's lines share (a name column's text) and none is a header word: with little
cell padding and cells aligned to the middle, they lie no farther from the header than from each other.
Jambi Tabel 3.9 rendered by LibreOffice (bench/fuzz, variant 51: A4, no rules, cell padding 1.5 pt,
cells aligned to the middle). The seed prints

    1	Meningkatnya penyerapan pencari kerja dan perlindungan tenaga kerja
        Persentase Penempatan Pencari Kerja Terdaftar	45.00	60.97	135.49	Rp 321,673,135	Rp 303,388,183	94.32
(the seed line, cut here after its second cell)
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_the_first_rows_name_lines_above_its_values_stay_in_the_row():
    tables = word_tables_near("jambi", "libreoffice", 51, "Alokasi Anggaran dan Realisasi Belanja")
    table = next(t for t in tables if any("135.49" in r for r in t.rows))
    row = next(r for r in table.rows if "135.49" in r)
    assert " ".join(row[1].split()) == "Persentase Penempatan Pencari Kerja Terdaftar"
    assert row[0].split()[0] == "Meningkatnya"
    assert not any("Persentase" in cell or "Meningkatnya" in cell for cell in table.rows[0])
