"""Rows beside a merged cell: a cell spanning two rows sets its lines a little off those of the
one-row cells beside it (less than a level apart), so one grouped line may hold the merged cell's
words, the row's text a point or two higher and, half a pitch lower, its values aligned to the
middle. The two text steps are one level: the line sits at that level, and the row keeps the
first line of its name instead of leaving it as a row of its own."""
from __future__ import annotations

import pytest

from extract.model import Word
from extract.pdf.page_words import levels
from extract.pdf.unruled import read_word_tables
from tests.fuzz_variants import word_tables_near
from tests.paths import CORPUS

H = 9.5  # word height of the geometry below (Noto Sans 8.5, jambi_html_35 p. 7)


def word(x: float, bottom: float, text: str = "kata") -> Word:
    return Word(x, x + 30, bottom, bottom + H, text)


def test_two_flat_text_steps_above_the_values_are_one_level():
    name = [word(173, 198.62, "UMKM"), word(197, 198.62, "Yg")]
    merged = [word(107, 197.12, "kecil"), word(124, 197.12, "menengah")]
    values = [word(246, 194.12, "8.00"), word(288, 194.12, "12.03")]
    upper, lower = levels(name + merged + values)
    assert sorted(w.text for w in upper) == ["UMKM", "Yg", "kecil", "menengah"]
    assert [w.text for w in lower] == ["8.00", "12.03"]


def test_a_jittering_ocr_line_stays_one_line():
    """The OCR text layer of kab-grobogan-dpupr 2022 PK (scan) p. 2, 'Nilai SAKIP OPD ... B (65)': its
    words' bottoms jitter by a pixel or two, no even steps, so no levels (split, the row lost a fact)."""
    jitter = [word(294, 551.57, "Nilai"), word(317, 552.0, "SAKIP"), word(347, 552.57, "OPD"),
              word(519, 555.83, "B"), word(529, 556.02, "(65)")]
    assert levels(jitter) == [jitter]


def _row_with(tables, value: str) -> list[str]:
    rows = [row for table in tables for row in table.rows if value in row]
    assert len(rows) == 1, rows
    return [" ".join(cell.split()) for cell in rows[0]]


def test_last_sasaran_row_beside_a_merged_cell_keeps_its_first_word():
    """Jambi html 35 (no rules, cells aligned to the middle, merged sasaran cells), Tabel 3.9; the seed
    prints: 'Persentase UMKM Yg Tangguh dan Mandiri | 8.00 | 12.03 | 150.40 | Rp 1,412,380,417 |
    Rp 1,290,523,409 | 91.37'."""
    tables = word_tables_near("jambi", "html", 35, "Alokasi Anggaran dan Realisasi Belanja")
    row = _row_with(tables, "150.40")
    assert row[1] == "kualitas koperasi dan usaha mikro kecil menengah"
    assert row[2:] == ["Persentase UMKM Yg Tangguh dan Mandiri", "8.00", "12.03", "150.40", "Rp 1,412,380,417",
                       "Rp 1,290,523,409", "91.37"]


def test_indicator_beside_a_merged_sasaran_cell_of_a_real_report():
    """jabar-dinkes 2016 p. 34 (ruled, sasaran cells merged over four indicators): indicator 2 of
    sasaran 2 as printed, 'Angka keberhasilan Pengobatan TB (Treatment Succes Rate) 86% 62% 72,09%'
    (the text layer joins two words with '_')."""
    pdf = CORPUS / "jabar-dinkes_2016_lakip.pdf"
    if not pdf.is_file():
        pytest.skip("the corpus is not here")
    row = _row_with(read_word_tables(pdf, [34]), "72,09%")
    assert row[2:] == ["2", "Angka_keberhasilan Pengobatan_TB (Treatment Succes Rate)", "86%", "62%", "72,09%"]
