"""provsu_2022_lra-opd p. 1 is a sheet exported with rows one line high. KEBUDAYAAN and its Dinas
print the capaian 1.128,26 % wrapped: '1.128,' on the row's line and '26' on the next row's line,
over that row's own value (the page image shows '1.128,' overprinted by '26' on the Dinas row, and
'106,39' overprinted by '26' on the next row). The overprinting digits are the end of the number
above them (page_words._spills_lifted)."""
from __future__ import annotations

from extract.pdf.page_words import PageWord, group_lines


def _word(text: str, x0: float, x1: float, seat: float) -> PageWord:
    return PageWord(x0, x1, seat, seat + 8.2, text, seat=seat)


def test_digits_printed_over_a_value_end_the_wrapped_number_above():
    # the boxes of p. 1 (pdfium, x0 x1 bottom) of the capaian column and of the names beside it
    words = [_word("KEBUDAYAAN", 150.0, 200.0, 262.8), _word("1.128,", 870.6, 890.1, 262.8),
             _word("Dinas", 150.0, 170.0, 251.5), _word("1.128,", 870.6, 890.1, 251.5),
             _word("26", 882.3, 890.1, 251.5),
             _word("URUSAN", 150.0, 180.0, 240.1), _word("106,39", 868.7, 890.1, 240.1),
             _word("26", 882.3, 890.1, 240.1)]
    assert [line.text for line in group_lines(words)] == ["KEBUDAYAAN 1.128,26", "Dinas 1.128,26", "URUSAN 106,39"]


def test_digits_under_a_cut_number_that_overprint_nothing_stay_on_their_line():
    # a cell wrapped onto a line of its own ('1.128,' over '26', nothing else printed there): the
    # word reader joins the cell's lines into its row
    words = [_word("KEBUDAYAAN", 150.0, 200.0, 262.8), _word("1.128,", 870.6, 890.1, 262.8),
             _word("Dinas", 150.0, 170.0, 251.5), _word("26", 882.3, 890.1, 251.5)]
    assert [line.text for line in group_lines(words)] == ["KEBUDAYAAN 1.128,", "Dinas 26"]
