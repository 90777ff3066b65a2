"""Jepara Tabel 3.3 (reportlab, Letter portrait, 10 pt Noto Serif, no rules, 1.8 pt padding, cells aligned
to the middle, jepara_reportlab_206): the goal column is narrow, its names wrap to three to ten lines, the
indicator names to two to nine, and every row's source ('Diskopuk mnakertrans') and category to two, so
a row makes two to four tabular lines of the block. The unit column holds one word per row ('%', or
'orang' on row 4), on the row's value line. The indicator names fill their cells up to a word space
from it, so the strip between the two columns is a word space wide; read as text columns set close only
where words start on its right edge on half the tabular lines, the five unit words of page 3 fell short
of half its fourteen, and '%' went into the names. The seed prints

    1  ...  Persentase tenaga kerja siap kerja  %  2,90  2,73  94,14  Baik  Diskopuk mnakertrans
    2  ...  Tingkat Partisipasi angkatan Kerja  %  70,30  71,94  102,33  Sangat Baik ...
    3  ...  Persentase perusahaan yang menerapkan tata kelola kerja yang layak (PP/PKB, LKS Bipartit,
            Struktur skala upah dan terdaftar bpjs ketenagakerjaan)  %  59,62  65,44  109,76 ...
    4  ...  Jumlah masyarakat yang berminat ikut program transmigrasi  orang  13  13  100  Baik ...
    5  ...  Persentase koperasi aktif  %  47,00  55,75  118,62  Sangat Baik ...
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near

EXPECTED = {
    "2,90": ("Persentase tenaga kerja siap kerja", "%"),
    "70,30": ("Tingkat Partisipasi angkatan Kerja", "%"),
    "59,62": ("Persentase perusahaan yang menerapkan tata kelola kerja yang layak (PP/PKB, LKS Bipartit, "
              "Struktur skala upah dan terdaftar bpjs ketenagakerjaan)", "%"),
    "13": ("Jumlah masyarakat yang berminat ikut program transmigrasi", "orang"),
    "47,00": ("Persentase koperasi aktif", "%"),
}


def test_a_unit_column_beside_tall_rows_is_a_column():
    tables = word_tables_near("jepara", "reportlab", 206, "Persentase tenaga kerja siap kerja")
    rows = [row for t in tables for row in t.rows if len(row) > 4]
    found = {row[4]: (" ".join(row[2].split()), row[3]) for row in rows if row[4] in EXPECTED}
    assert found == EXPECTED
