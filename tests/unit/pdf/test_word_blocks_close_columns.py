"""A table row set close fills the text body with its cells a little less than a word height apart: it
is no prose line, and does not end the table. jambi_html_157 p. 4 (Chromium, 12 pt, F4 portrait, 15 mm
side margins: Jambi Tabel 3.8's widest amounts fill their columns), seed line (kota-jambi):
    2.\tADMINISTRASI KEUANGAN PERANGKAT DAERAH\t\tRp 5,781,103,415.43\tRp 4,839,258,433.00\t83.71
Read as prose, the row was dropped and the table cut in two there, its second half headless (budget
precision 0.21). A sentence keeps its words evenly spaced, two spaces typed in a row twice as wide
(jabar-dinkes_2016_lakip p. 72), and stays prose."""
from __future__ import annotations

from extract.model import Line, Word
from extract.pdf.word_blocks import _is_prose
from tests.fuzz_variants import word_tables_near

ROW = ["Rp 5,781,103,415.43", "Rp 4,839,258,433.00", "83.71"]


def test_a_row_of_close_columns_filling_the_body_stays_in_its_table():
    tables = word_tables_near("jambi", "html", 157, "ADMINISTRASI KEUANGAN")
    (table,) = [t for t in tables if any(row[-3:] == ROW for row in t.rows)]
    (row,) = [row for row in table.rows if row[-3:] == ROW]
    assert " ".join(" ".join(row[:-3]).split()) == "2. ADMINISTRASI KEUANGAN PERANGKAT DAERAH"
    cells = [cell for row in table.rows for cell in row]
    assert "Rp 12,849,390.00" in cells and "Rp 5,551,547,000.00" in cells  # the rows above and below


def _line(words: list[tuple[str, float]], space: float) -> Line:
    """Words of the given widths, each set `space` after the one before (a gap given with the word)."""
    out, x = [], 85.0
    for text, width, *gap in words:
        x += gap[0] if gap else 0.0
        out.append(Word(x0=x, x1=x + width, bottom=100.0, top=111.3, text=text))
        x += width + space
    return Line(out)


def test_a_sentence_with_double_spaces_and_numbers_is_prose():
    words = [("spesialis", 40.0), ("penunjang", 45.0), ("lebih", 22.0, 4.8), ("kurang", 30.0),
             ("64,29%", 32.0, 4.8), ("atau", 20.0, 4.8), ("ada", 16.0), ("9", 5.0), ("RSUD", 26.0),
             ("kelas", 22.0), ("C", 7.0), ("yaitu", 24.0)]
    line = _line(words, 4.7)
    assert _is_prose(line, 11.3, 85.0, line.x1)


def test_a_row_of_close_columns_is_no_prose():
    words = [("2.", 9.0), ("ADMINISTRASI", 80.0, 5.9), ("KEUANGAN", 58.0), ("PERANGKAT", 62.0),
             ("Rp", 14.0, 8.5), ("5,781,103,415.43", 88.0), ("Rp", 14.0, 7.6), ("4,839,258,433.00", 88.0),
             ("83.71", 28.0, 7.6)]
    line = _line(words, 3.0)
    assert not _is_prose(line, 13.3, line.x0, line.x1)


def test_a_row_whose_name_runs_up_to_its_amounts_is_no_prose():
    # jepara_html_390 p. 5 and jepara_reportlab_304 p. 4 (squeezed name columns): the name's line and the
    # row's three values little more than a word space apart fill the text width like a sentence. Read as
    # prose, the row ended the table there and its last lines were lost. Words and x-positions as read.
    html = [("1", 107.1, 113.8), ("Pelatihan", 123.4, 173.2), ("Keterampilan", 176.5, 248.4), ("bagi", 251.8, 274.8),
            ("Pencari", 278.1, 318.3), ("Kerja", 321.6, 349.9), ("1.859.057.000", 356.8, 433.5),
            ("1.770.074.052", 441.0, 517.8), ("95,21", 527.4, 557.5)]
    reportlab = [("PROGRAM", 120.3, 176.7), ("PELATIHAN", 179.7, 241.4), ("KERJA", 244.4, 275.5), ("DAN", 278.5, 303.0),
                 ("1.871.557.000", 310.7, 385.7), ("1.782.123.052", 391.7, 466.8), ("95,22", 479.3, 508.7)]
    for words, height, body in ((html, 12.2, (99.0, 564.0)), (reportlab, 16.3, (96.4, 510.2))):
        line = Line([Word(x0=x0, x1=x1, bottom=100.0, top=100.0 + height, text=text) for text, x0, x1 in words])
        assert not _is_prose(line, height, *body)


def test_a_sentence_ending_with_an_amount_and_its_share_is_prose():
    # jabar-dinkes_2016_lakip p. 87: two values at the end of a sentence, not three
    words = [("21.252.441.000,-", 80.0), ("dengan", 32.0), ("realisasi", 40.0), ("Rp.", 14.0),
             ("7.192.882.980,-", 75.0), ("(33,84%)", 40.0)]
    line = _line(words, 3.4)
    assert _is_prose(line, 11.3, line.x0, line.x1)
