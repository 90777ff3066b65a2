"""Jepara Tabel 3.3's unit column ('Satuan': '%' on six rows, 'orang' on one) set a word space from the
indicator names it follows. The strip between the two columns is then a word space wide; read as text
columns set close, the units went into the names unless the rule saw enough words start on its right edge.
The seed prints

    1  ...  Persentase tenaga kerja siap kerja  %  2,90  2,73  94,14  Baik  Diskopuk mnakertrans
    2  ...  Tingkat Partisipasi angkatan Kerja  %  70,30  71,94  102,33  Sangat Baik ...
    3  ...  Persentase perusahaan yang menerapkan tata kelola kerja yang layak (PP/PKB, LKS Bipartit,
            Struktur skala upah dan terdaftar bpjs ketenagakerjaan)  %  59,62  65,44  109,76 ...
    4  ...  Jumlah masyarakat yang berminat ikut program transmigrasi  orang  13  13  100  Baik ...
    5  ...  Persentase koperasi aktif  %  47,00  55,75  118,62  Sangat Baik ...
    6  ...  Persentase capaian kinerja PD yang mencapai target  %  80,00  83,33  104,16 ...
"""
from __future__ import annotations

import pytest

from tests.fuzz_variants import word_tables_near

UNITS = {
    "2,90": ("Persentase tenaga kerja siap kerja", "%"),
    "70,30": ("Tingkat Partisipasi angkatan Kerja", "%"),
    "59,62": ("Persentase perusahaan yang menerapkan tata kelola kerja yang layak (PP/PKB, LKS Bipartit, "
              "Struktur skala upah dan terdaftar bpjs ketenagakerjaan)", "%"),
    "13": ("Jumlah masyarakat yang berminat ikut program transmigrasi", "orang"),
    "47,00": ("Persentase koperasi aktif", "%"),
    "80,00": ("Persentase capaian kinerja PD yang mencapai target", "%"),
}

CASES = [
    # Chromium, F4 landscape, horizontal rules, cells aligned to the middle: the table starts at a page
    # bottom with two rows and shares its columns with the five rows on the next page; searched together,
    # the strip is read as a gutter only if a unit sign counts as a word and the column-number row
    # ('3' '4') has no say.
    pytest.param("html", 143, "Tabel 3.3", ["2,90", "70,30", "59,62", "47,00", "80,00"], id="page-bottom-start"),
    # reportlab, Letter portrait, 10 pt Noto Serif, no rules, cells aligned to the middle: a narrow goal
    # column wraps to three to ten lines and every row makes two to four tabular lines, the unit word on
    # the row's value line only. Counted over all tabular lines, the five unit words of page 3 fell short
    # of half its fourteen; they are counted on the value lines (gutter_crossings._on_value_lines).
    pytest.param("reportlab", 206, "Persentase tenaga kerja siap kerja", ["2,90", "70,30", "59,62", "13", "47,00"],
                 id="tall-rows"),
]


@pytest.mark.parametrize(("engine", "number", "needle", "values"), CASES)
def test_a_unit_column_a_word_space_from_the_names_is_a_column(engine, number, needle, values):
    tables = word_tables_near("jepara", engine, number, needle)
    rows = [row for t in tables for row in t.rows if len(row) > 4]
    found = {row[4]: (" ".join(row[2].split()), row[3]) for row in rows if row[4] in values}
    assert found == {value: UNITS[value] for value in values}
