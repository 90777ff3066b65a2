"""The last lines of a name at a page top, above the first value, hold no header word: they are the rest
of a row the page break cut, and their words go into cells as a row's, not as a header's. Put as a
header, the first line was centred over values that rows further down print one column left (the seed's
rows of five cells in a table of six) and set apart from its second line. Values as printed in the Jambi
seed, Tabel 3.8."""
from __future__ import annotations

from tests.fuzz_variants import budget_lines_of


def test_the_rest_of_a_cut_name_at_a_page_top():
    # jambi_reportlab_735: A4 portrait, column rules only; p. 7 opens with 'Membentuk Koperasi Dalam' /
    # 'Pengembangan Ekonomi', the end of a sub-kegiatan whose values close p. 6
    lines = budget_lines_of("jambi", "reportlab", 735)
    assert ("Pembinaan dan Pendampingan Bagi Keluarga dan Kelompok Masyarakat yang Akan Membentuk Koperasi "
            "Dalam Pengembangan Ekonomi", 43_733_049.0, 41_279_771.0, 94.39) in lines
