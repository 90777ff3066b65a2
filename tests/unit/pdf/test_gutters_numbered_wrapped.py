"""A word space that the column-number row would make a gutter ('1' over the row numbers, '2' over
the names) is none when the wrapped lines of a name cell run through it. Jambi Tabel 3.8 rendered by
LibreOffice (bench/fuzz, variant 51: A4, no rules, header repeated; one row and the total on page 6,
where the 'Total' label spans the number column and hides the real gutter). The seed prints

    4.	Peningkatan Pemahaman dan Pengetahuan UMKM serta Kapasitas dan Kompetensi SDM UMKM dan Kewirausahaan
        melalui Pendidikan dan Pelatihan	Rp 215,183,340.00	Rp 196,636,640.00	91.38
(the seed line, cut here at its middle)
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_a_name_cell_keeps_its_wrapped_lines_whole():
    tables = word_tables_near("jambi", "libreoffice", 51, "Kewirausahaan melalui", before=True)
    row = next(r for t in tables for r in t.rows if "Rp 215,183,340.00" in r)
    name = next(c for c in row if "Kapasitas" in c)
    assert name.split("\n") == ["Peningkatan Pemahaman dan Pengetahuan UMKM",
                                "serta Kapasitas dan Kompetensi SDM UMKM dan",
                                "Kewirausahaan melalui Pendidikan dan Pelatihan"]
    assert row[-3:] == ["Rp 215,183,340.00", "Rp 196,636,640.00", "91.38"]
