"""Word spaces of names wrapped in a wide column and justified lined up down a page into a strip that
only one tabular line crossed (a program label the gutter search excuses); the names' own lines, left
out of the search as lines of text, crossed it nearly all. Read as a gutter, it cut the sub-kegiatan
names in two columns, and two budget lines were lost. Values as printed in the Jambi seed, Tabel 3.8."""
from __future__ import annotations

from extract.model import Line, Word
from extract.pdf.gutter_crossings import continued_across
from tests.fuzz_variants import budget_lines_of

HEIGHT = 11.0


def _line(*words: tuple[str, float, float], top: float) -> Line:
    return Line([Word(x0, x1, top - HEIGHT, top, text) for text, x0, x1 in words])


def test_a_strip_inside_justified_names_is_no_gutter():
    # jambi_reportlab_702: landscape A4, no rules, names justified in a wide column; p. 7 opens with
    # a repeated header over rows of six cells
    lines = budget_lines_of("jambi", "reportlab", 702)
    assert ("Penyuluhan dan Bimbingan Jabatan Bagi Pencari Kerja", 26_079_555.0, 25_643_850.0, 98.33) in lines
    assert ("Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas "
            "Operasional atau Lapangan", 285_506_784.0, 257_023_584.0, 90.02) in lines


def test_text_going_on_across_a_strip_and_a_column_opening_cells():
    strip, strips = (294.0, 338.0), [(294.0, 338.0), (436.0, 458.0)]
    names = [_line(("Penyediaan", 241, 305), ("Jasa", 308, 331), ("Pemeliharaan,", 334, 413), top=470),
             _line(("Biaya", 241, 271), ("Pemeliharaan,", 275, 354), ("Pajak,", 357, 390), top=457),
             _line(("Perizinan", 241, 291), ("Kendaraan", 294, 354), ("Dinas", 358, 388), top=444),
             _line(("Operasional", 241, 306), ("atau", 310, 335), ("Lapangan", 338, 392), top=431),
             _line(("DAERAH", 241, 287), ("KABUPATEN", 290, 357), ("/", 360, 364), ("KOTA", 367, 398), top=157)]
    assert continued_across(strip, strips, names, HEIGHT)
    # a column whose cells start a column gap after the text on their left: a gutter
    units = [_line(("Persentase", 241, 300), ("orang", 345, 375), top=470 - 13 * i) for i in range(4)]
    assert not continued_across(strip, strips, names + units, HEIGHT)
    # two lines running across are too few to tell a column of names from a label or two spanning columns
    assert not continued_across(strip, strips, names[:2], HEIGHT)
