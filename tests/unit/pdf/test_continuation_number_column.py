"""Jambi Tabel 3.9 (reportlab, no rules, cells aligned to the middle, rows not split, jambi_reportlab_706):
the sasaran number '1' of p. 9 stands on a line of its own between its merged cell's lines, so p. 9 shows
no number column, and p. 10 (its '2' beside text) does. The columns differing, p. 10 was not known for
the continuation, and its first line 'Persentase' (over 'Koperasi' / 'Berkualitas 46.80 ...') was read as
the rest of the row before. Values as printed in the Jambi seed, Tabel 3.9:
`Persentase Koperasi Berkualitas  46.80  43.64  93.25`,
`Persentase Perusahaan Dgn Tata Kelola Yg Layak  14.00  16.00  114.29`."""
from __future__ import annotations

from tests.fuzz_variants import indicator_facts_of


def test_a_row_opening_a_page_keeps_its_first_line_though_the_page_before_hid_a_column():
    facts = indicator_facts_of("jambi", "reportlab", 706)
    assert ("Persentase Koperasi Berkualitas", 46.8, 43.64, 93.25) in facts
    assert ("Persentase Perusahaan Dgn Tata Kelola Yg Layak", 14.0, 16.0, 114.29) in facts
