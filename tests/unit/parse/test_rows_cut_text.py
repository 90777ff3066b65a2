"""A word-aligned row cut by a page break below its number and values (cells aligned to the bottom):
the page ends with '3 ... 15.00 16.47 109.80' and no word, the next page opens with the row's
text, in the columns that line left empty. Seed line (samples/seeds, kota-jambi, Tabel 3.3):
    3  Hubungan Industrial  Persentase Pekerja Pada Perusahaan yang Menerapkan Perlindungan
       Hak-hak Pekerja  $\\frac{...}$  15.00  16.47  109.80"""
from __future__ import annotations

from extract.parse.headers import count_header_rows
from extract.parse.rows import Row, data_rows, merge_cut_rows
from extract.pdf.find import find_tables
from extract.pdf.stitch import stitch
from tests.fuzz_variants import fuzz_pdf

NAME = "Persentase Pekerja Pada Perusahaan yang Menerapkan Perlindungan Hak-hak Pekerja"


def test_cut_text_joins_its_bare_value_row():
    rows = [Row(5, 2, ["3", "", "", "", "15.00", "16.47", "109.80"]),
            Row(6, 3, ["", "Hubungan Industrial", NAME, "$\\frac{...}$", "", "", ""]),
            Row(7, 3, ["4", "Pendidikan dan Latihan Perkoperasian", "Persentase koperasi", "x", "32.90", "61.00",
                       "185.41"])]
    merged = merge_cut_rows(rows, wrapped_lines_are_rows=True)
    assert merged[0].cells == ["3", "Hubungan Industrial", NAME, "$\\frac{...}$", "15.00", "16.47", "109.80"]
    assert len(merged) == 2


def test_text_on_the_same_page_stays_a_row():
    """Only a page break cuts a row so: on one page, a text-only row under a bare value row is not joined."""
    rows = [Row(5, 2, ["3", "", "", "", "15.00", "16.47", "109.80"]),
            Row(6, 2, ["", "Hubungan Industrial", NAME, "", "", "", ""])]
    assert len(merge_cut_rows(rows, wrapped_lines_are_rows=True)) == 2


def test_jambi_reportlab_65_row_three_is_cut_at_the_page_break():
    """reportlab 65 (unruled, cells aligned to the bottom, rows split at page breaks): page 2 ends
    with row 3's number and values, page 3 opens with its text; its values went to row 2's name."""
    pdf, _ = fuzz_pdf("jambi", "reportlab", 65)
    table = stitch(find_tables(pdf, [], stream_pages=[2, 3]))[0]
    rows = data_rows(table, count_header_rows(table.rows))
    row = next(r for r in rows if "109.80" in r.cells)
    assert " ".join(row.cells[2].split()) == NAME
