"""Number parsing, with values printed in the seed reports (Jepara 2024, Kota Jambi 2025)."""
import pytest

from extract.numerals import (
    ParsedCell,
    detect_format,
    is_row_number,
    looks_numeric,
    parse_cell,
    parse_column,
    parse_number,
    parse_range,
)


@pytest.mark.parametrize(
    "text, fmt, expected",
    [
        # Jepara: Indonesian format
        ("1.871.557.000", None, 1871557000.0),
        ("95,22", None, 95.22),
        ("2,90", None, 2.9),
        ("104,1 6", None, 104.16),  # Tabel 3.16 wraps the last digit
        ("105,2 6", "id", 105.26),
        ("Rp. 4.861.984.853,-", None, 4861984853.0),
        ("104,90 %", None, 104.9),
        ("9.961.382.595,93", None, 9961382595.93),
        # Jambi: English format
        ("Rp 6,847,986,125.50", None, 6847986125.5),
        ("Rp 9,961,382,596", None, 9961382596.0),
        ("135.49", None, 135.49),
        ("45.00%", None, 45.0),
        ("16.47%", None, 16.47),
        # decorations and signs
        ("150*", None, 150.0),
        ("(1.234)", "id", -1234.0),
        ("\u22125,5", None, -5.5),
        ("-1.100.000,00", None, -1100000.0),
        ("0,500", None, 0.5),
        ("2024", None, 2024.0),
        # amount printed against the convention: last 2-digit group is the decimals
        ("17,833,004,534,00", "id", 17833004534.0),
        ("17.833.004.534.00", "en", 17833004534.0),
        # qualitative values with a score in parentheses
        ("Level 3 (3,35)", None, 3.35),
        ("Nilai A (82,92)", None, 82.92),
        ("Nilai A (83)", None, 83.0),
        ("5 Dokumen", None, 5.0),
    ],
)
def test_parse_number(text, fmt, expected):
    assert parse_number(text, fmt) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text", ["", "  ", "-", "–", "NA", "N/A", "DTT", "tidak ada", "WTP", "BB", "75,70 – 76,20", "5-6%", "2 3"]
)
def test_parse_number_none(text):
    assert parse_number(text, None) is None


def test_ambiguous_single_group_defaults_to_thousands():
    # "352,390*" means 352 390 in the trap list; with no evidence we read thousands.
    assert parse_number("352,390*", None) == 352390.0
    assert parse_number("1.010", None) == 1010.0


def test_ambiguous_single_group_follows_format():
    assert parse_number("1.010", "en") == pytest.approx(1.01)
    assert parse_number("1.010", "id") == 1010.0
    assert parse_number("1,010", "id") == pytest.approx(1.01)
    assert parse_number("1,010", "en") == 1010.0


def test_cell_evidence_beats_column_format():
    # "12,03%" inside an English-format Jambi column is still 12.03
    assert parse_number("12,03%", "en") == pytest.approx(12.03)
    assert parse_number("16.47", "id") == pytest.approx(16.47)


@pytest.mark.parametrize(
    "texts, prior, expected",
    [
        (["1.871.557.000", "1.782.123.052", "95,22"], None, "id"),
        (["6,847,986,125", "909,622,968"], None, "en"),
        (["95,22", "2,90"], None, "id"),
        (["16.47", "135.49"], None, "en"),
        (["1.234,56"], None, "id"),
        (["1,234.56"], None, "en"),
        (["1.010", "6.133"], None, None),
        (["1.010", "6.133"], "en", "en"),
        (["16.47", "12,03"], "id", "id"),  # tie -> prior
        (["", "-", "WTP"], "en", "en"),
    ],
)
def test_detect_format(texts, prior, expected):
    assert detect_format(texts, prior) == expected


def test_column_of_counts_reads_thousands():
    values, fmt = parse_column(["1.010", "6.133"])
    assert values == [1010.0, 6133.0] and fmt is None


def test_column_with_decimal_point_reads_english():
    values, fmt = parse_column(["16.47", "1.010"])
    assert fmt == "en"
    assert values == [pytest.approx(16.47), pytest.approx(1.01)]


def test_column_with_dot_thousands_reads_indonesian():
    values, fmt = parse_column(["1.871.557.000", "1.010"])
    assert fmt == "id"
    assert values == [1871557000.0, 1010.0]


def test_prior_settles_column_without_evidence():
    values, fmt = parse_column(["1.010", "-"], prior="en")
    assert fmt == "en" and values[0] == pytest.approx(1.01) and values[1] is None


def test_mixed_percent_column_from_jambi():
    values, fmt = parse_column(["45.00%", "8.00%", "12,03%", "15,46%", "27.40%"])
    assert fmt == "en"
    assert values == pytest.approx([45.0, 8.0, 12.03, 15.46, 27.4])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("75,70 – 76,20", (75.7, 76.2)),
        ("5-6%", (5.0, 6.0)),
        ("65,00 - 74,99", (65.0, 74.99)),
        ("80 s.d 90", (80.0, 90.0)),
        ("-5", None),
        ("95,22", None),
    ],
)
def test_parse_range(text, expected):
    result = parse_range(text, None)
    assert result == (pytest.approx(expected) if expected else None)


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("", "empty", None),
        ("-", "missing", None),
        ("DTT", "missing", None),
        ("45.00%", "percent", 45.0),
        ("Rp 6,847,986,125.50", "amount", 6847986125.5),
        ("95,22", "number", 95.22),
        ("Level 3 (3,35)", "qualitative", 3.35),
        ("Level 3", "qualitative", None),
        ("75,70 – 76,20", "range", None),
        ("Sangat Baik", "text", None),
        ("5 . 1 . 00 . 00 . 1 . 02", "text", None),
    ],
)
def test_parse_cell(text, kind, value):
    cell = parse_cell(text, None)
    assert isinstance(cell, ParsedCell)
    assert cell.raw == text and cell.kind == kind
    assert cell.value == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1.871.557.000", True),
        ("Rp 6,847,986,125.50", True),
        ("45.00%", True),
        ("150*", True),
        ("Rp. 4.861.984.853,-", True),
        ("-", False),
        ("Sangat Baik", False),
        ("Level 3 (3,35)", False),
        ("", False),
    ],
)
def test_looks_numeric(text, expected):
    assert looks_numeric(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1", True), ("1.", True), ("2.1", True), ("1.1.1.1", True), ("a.", True),
        ("I", True), ("IV.", True), ("b)", True),
        ("1.871.557.000", False), ("95,22", False), ("Program", False), ("", False),
    ],
)
def test_is_row_number(text, expected):
    assert is_row_number(text) is expected
