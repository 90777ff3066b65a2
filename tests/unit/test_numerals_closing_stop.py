"""A value cell that ends its sentence: the full stop after the percent sign is not a decimal mark.
Cells as printed in kab-grobogan-dpupr_2021_lkjip p. 49 (printed 49: "96,12 %.") and
jabar-disperindag_2016_lkip p. 70 ("97.47%.")."""
from extract.numerals import detect_format, parse_number


def test_full_stop_after_percent_is_not_part_of_the_number():
    assert parse_number("96,12 %.") == 96.12
    assert parse_number("97.47%.") == 97.47


def test_full_stop_after_percent_casts_no_vote_for_the_format():
    # the realisasi column of the Grobogan table: "13.125 meter kubik" is thirteen thousand
    column = ["70 %", "100%", "2,57 km", "13.125", "96,12 %."]
    assert detect_format(column) == "id"
    assert parse_number("13.125", detect_format(column)) == 13125
