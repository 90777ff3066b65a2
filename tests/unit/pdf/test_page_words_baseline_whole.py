"""Jambi Tabel 3.9 (LibreOffice, no rules, 'Sasaran Strategis' merged over two rows): the merged cell's
wrapped lines run on at their own pitch beside the rows' 'Indikator Sasaran' cells, so some of its lines
stand half a line height from a row's first line. page_words.group_lines put each word on the line
above when its seat lay within half ITS height of that line's first word: on one baseline a name,
taller than the figures beside it, went up and its values stayed down (jambi_libreoffice_299 p. 9:
'Persentase' 3.46 pt under 'perlindungan', half its height 3.47, '14.00' half 3.39), or two words
whose seats differ by 0.07 pt were split ('UMKM' / 'Yg', jambi_libreoffice_267 p. 9, cells aligned to
the middle): 'Persentase Penempatan Pencari Kerja Terdaftar Persentase', 'Persentase Yg UMKM'.
A baseline now goes whole into one line. The seed prints

    1  ...  Persentase Penempatan Pencari Kerja Terdaftar   45.00  60.97  135.49  Rp 321,673,135 ...
            Persentase Perusahaan Dgn Tata Kelola Yg Layak  14.00  16.00  114.29  Rp 909,622,967 ...
    2  ...  Persentase UMKM Yg Tangguh dan Mandiri           8.00  12.03  150.40  Rp 1,412,380,417 ...
"""
from __future__ import annotations

import pytest

from extract.pdf.page_words import PageWord, group_lines
from tests.fuzz_variants import cells_after, word_tables_near

EXPECTED = {
    "Persentase Penempatan Pencari Kerja Terdaftar": ("45.00", "60.97", "135.49"),
    "Persentase Perusahaan Dgn Tata Kelola Yg Layak": ("14.00", "16.00", "114.29"),
    "Persentase Koperasi Berkualitas": ("46.80", "43.64", "93.25"),
    "Persentase UMKM Yg Tangguh dan Mandiri": ("8.00", "12.03", "150.40"),
}


@pytest.mark.parametrize("number", [299, 267])
def test_a_baseline_stays_one_line_beside_a_merged_cell(number):
    tables = word_tables_near("jambi", "libreoffice", number, "Rp 1,412,380,417")
    assert cells_after(tables, EXPECTED, 3) == EXPECTED


def _word(text: str, x0: float, x1: float, seat: float, height: float) -> PageWord:
    return PageWord(x0, x1, seat, seat + height, text, seat=seat)


def test_words_of_one_baseline_are_one_line():
    # jambi_libreoffice_267 p. 9: 'usaha mikro' over 'UMKM Yg', 2.7 pt lower, half a height 2.72
    words = [_word("usaha", 102.1, 123.3, 413.23, 5.5), _word("mikro", 125.3, 146.0, 413.3, 5.5),
             _word("UMKM", 166.1, 189.8, 410.53, 5.5), _word("Yg", 191.8, 200.6, 410.60, 5.43)]
    lines = group_lines(words)
    texts = [{w.text for w in line.words} for line in lines]
    assert not any(("UMKM" in t) != ("Yg" in t) for t in texts)
