"""Rows of unruled tables whose cells are aligned to the middle: a cell of one line more or fewer
than its neighbours sets its lines half a pitch off theirs, so one grouped line holds two levels
(the two rows' lines of Jepara Tabel 3.3 read as one: 'Tingkat Partisipasi angkatan Kerja
Persentase perusahaan ...'); and a font without a descent, whose words opening with a hanging
letter ('jumlah', 'yang') have boxes lower than their line (LibreOffice renderings): they sit on
the bottom their glyphs share."""
from __future__ import annotations

import pytest

from extract.model import Word
from extract.pdf.page_words import levels
from tests.fuzz_variants import word_tables_near

H = 12.0  # word height of the geometry below


def word(x: float, bottom: float, text: str = "kata") -> Word:
    return Word(x, x + 30, bottom, bottom + H, text)


def test_a_line_with_two_flat_levels_half_a_pitch_apart_splits_in_two():
    upper = [word(164, 565.0, "menerapkan"), word(220, 565.0, "tata")]
    lower = [word(72, 559.6, "Meningkatnya")]
    assert levels(upper + lower) == [upper, lower]


def test_a_skewed_line_stays_one_level():
    """An OCR text layer of a skewed scan: the bottoms drift along the line, no flat steps."""
    sloped = [word(50 + 60 * i, 528.9 + 0.9 * i) for i in range(6)]
    assert levels(sloped) == [sloped]
    pairs = [word(50, 528.9), word(90, 529.3), word(400, 532.5), word(440, 532.7)]
    assert levels(pairs) == [pairs]


def _row_with(tables, value: str) -> list[str]:
    rows = [row for table in tables for row in table.rows if value in row]
    assert len(rows) == 1, rows
    return [" ".join(cell.split()) for cell in rows[0]]


# Jepara Tabel 3.3, sasaran 2 and 3, as printed in the seed (samples/seeds/lkjip_jepara_2024_*.txt):
# each indicator name with its own target, realisation and achievement.
TINGKAT = ["Tingkat Partisipasi angkatan Kerja", "%", "70,30", "71,94", "102,33"]
PERSENTASE = ["Persentase perusahaan yang menerapkan tata kelola kerja yang layak (PP/PKB, LKS Bipartit,"
              " Struktur skala upah dan terdaftar bpjs ketenagakerjaan)", "%", "59,62", "65,44", "109,76"]


@pytest.mark.parametrize("engine,number", [("reportlab", 9), ("libreoffice", 8), ("libreoffice", 21)])
def test_middle_aligned_indicator_rows_keep_their_names(engine, number):
    tables = word_tables_near("jepara", engine, number, "Partisipasi")
    for printed in (TINGKAT, PERSENTASE):
        row = _row_with(tables, printed[2])
        start = row.index(printed[1]) - 1
        assert row[start:start + 5] == printed
    assert _row_with(tables, "70,30")[1].startswith("Meningkatnya jumlah pencari kerja")
    sasaran = _row_with(tables, "59,62")[1]  # (a hyphen at a line end stays: the fact reader joins it)
    assert sasaran.startswith("Meningkatnya jumlah dan fungsi sarana-") and sasaran.endswith("HI di perusahaan")


def test_middle_aligned_program_indicators_of_jambi():
    """Jambi Tabel 3.8 (program indicators), cells aligned to the middle and split over pages:
    names and values as printed in the seed."""
    tables = word_tables_near("jambi", "reportlab", 1, "Dalam Negeri")
    row = _row_with(tables, "60.97")
    assert row[2] == "Persentase Tenaga Kerja yang Ditempatkan di Dalam Negeri"
    assert row[-3:] == ["51.00", "60.97", "119.55"]
    row = _row_with(tables, "16.47")
    assert row[2] == "Persentase Pekerja Pada Perusahaan yang Menerapkan Perlindungan Hak-hak Pekerja"
    assert row[-3:] == ["15.00", "16.47", "109.80"]
