"""Jepara Tabel 3.3 set narrow (Chromium, F4 landscape, horizontal rules, cells aligned to the middle,
jepara_html_143): the indicator names run up to a word space from the 'Satuan' column, which holds '%'
on six rows and 'orang' on one. The table starts at a page bottom with two rows and shares its columns
with the five rows on the next page; searched together, the strip between the two columns is a word
space wide, and read as text columns set close only if a unit sign counts as a word and the
column-number row ('3' '4') has no say. Missed, '%' went into the names. The seed prints

    1  ...  Persentase tenaga kerja siap kerja  %  2,90  2,73  94,14  Baik ...
    3  ...  Persentase perusahaan yang menerapkan tata kelola kerja yang layak (PP/PKB, LKS Bipartit,
            Struktur skala upah dan terdaftar bpjs ketenagakerjaan)  %  59,62  65,44  109,76 ...
    4  ...  Jumlah masyarakat yang berminat ikut program transmigrasi  orang  13  13  100  Baik ...
    5  ...  Persentase koperasi aktif  %  47,00  55,75  118,62 ...
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near

EXPECTED = {
    "2,90": ("Persentase tenaga kerja siap kerja", "%"),
    "70,30": ("Tingkat Partisipasi angkatan Kerja", "%"),
    "59,62": ("Persentase perusahaan yang menerapkan tata kelola kerja yang layak (PP/PKB, LKS Bipartit, "
              "Struktur skala upah dan terdaftar bpjs ketenagakerjaan)", "%"),
    "47,00": ("Persentase koperasi aktif", "%"),
    "80,00": ("Persentase capaian kinerja PD yang mencapai target", "%"),
}


def test_a_unit_column_a_word_space_from_the_names_is_a_column():
    tables = word_tables_near("jepara", "html", 143, "Tabel 3.3")
    rows = [row for t in tables for row in t.rows if len(row) > 4]
    found = {row[4]: (" ".join(row[2].split()), row[3]) for row in rows if row[4] in EXPECTED}
    assert found == EXPECTED
