"""Jambi Tabel 3.3 (LibreOffice, A4 portrait, FreeSerif, no rules, no header fill, cells aligned to the
bottom, jambi_libreoffice_223): the header's last line is '% % %' beside 'program' ('Indikator' /
'program'). In the header's bold type the descents of 'p' and 'g' reach 1.37 pt below the baseline, 0.13
of the word's box, under the 0.15 (HANGING) that seated a word on its letters' shared bottom: 'program'
sat on its descents, 1.4 pt below the '%' beside it, the line read as of two heights, and the step from
'program' down to row 1's first line ('Tenaga Kerja di') fell under the row padding's cut, so the
header took row 1's first lines and the indicator was read as 'Produktivitasnya'. The seed prints

    1  Pelatihan Kerja dan Produktivitas Tenaga Kerja  Tenaga Kerja di Sektor Prioritas yang
       Meningkatkan Produktivitasnya  ...  69.00  71.90  104.20
"""
from __future__ import annotations

from extract.pdf.page_words import PageWord, _flush
from tests.fuzz_variants import word_tables_near

NAME = "Tenaga Kerja di Sektor Prioritas yang Meningkatkan Produktivitasnya"


def _seat(bottoms: list[float], top: float) -> float:
    word = PageWord(0.0, 30.0, min(bottoms), top, "x" * len(bottoms))
    words: list = []
    _flush(words, word, bottoms)
    return words[0].seat


def test_a_shallow_descent_on_two_flat_levels_is_no_seat():
    """'program': five letters on the baseline, 'p' and 'g' 1.37 pt below, a box 10.76 pt tall."""
    assert _seat([735.64, 737.01, 737.01, 735.65, 737.01, 737.01, 737.01], 746.4) == 737.01


def test_a_spread_of_bottoms_stays_the_box_bottom():
    """Bottoms drifting along the word (a skewed OCR line) are no descent."""
    assert _seat([735.6, 736.0, 736.4, 736.8, 737.0, 737.0, 737.1], 746.4) == 735.6


def test_the_header_leaves_the_first_row_its_name():
    tables = word_tables_near("jambi", "libreoffice", 223, "Produktivitasnya")
    table = next(t for t in tables if any("Produktivitasnya" in c for row in t.rows for c in row))
    assert [" ".join(c.split()) for c in table.rows[0]][2] == "Indikator program"
    row = next(r for r in table.rows if "104.20" in r)
    assert " ".join(row[2].split()) == NAME
    assert row[4:] == ["69.00", "71.90", "104.20"]
