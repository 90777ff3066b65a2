"""Jambi Tabel 3.3 (LibreOffice, F4 portrait, horizontal rules, rows split at page breaks,
jambi_libreoffice_229): row 3's indicator breaks after the hyphen of 'Hak-hak' at the page bottom,
'Perlindungan Hak-' ending page 2 and 'hak Pekerja' opening page 3. The rest was joined to the row
with a space ('Hak- hak'), where the lines of one cell join a word broken after a compound's hyphen
(text.clean_cell). Seed line (kota-jambi, Tabel 3.3):
    3  Hubungan Industrial  Persentase Pekerja Pada Perusahaan yang Menerapkan Perlindungan
       Hak-hak Pekerja  $\\frac{...}$  15.00  16.47  109.80"""
from __future__ import annotations

from extract.parse.headers import count_header_rows
from extract.parse.rows import Row, data_rows, merge_cut_rows
from extract.pdf.find import find_tables
from extract.pdf.stitch import stitch
from tests.fuzz_variants import fuzz_pdf

NAME = "Persentase Pekerja Pada Perusahaan yang Menerapkan Perlindungan Hak-hak Pekerja"


def test_a_row_rest_after_a_hyphen_joins_the_word():
    rows = [Row(5, 2, ["3", "Hubungan Industrial", "Persentase Pekerja Pada Perusahaan yang Menerapkan "
                       "Perlindungan Hak-", "x", "15.00", "16.47", "109.80"]),
            Row(6, 3, ["", "", "hak Pekerja", "", "", "", ""])]
    merged = merge_cut_rows(rows, wrapped_lines_are_rows=True)
    assert merged[0].cells[2] == NAME


def test_a_row_rest_after_a_dash_between_words_keeps_its_space():
    """'Pemerintah -' (a dash set between two words) is no broken compound."""
    rows = [Row(5, 2, ["3", "Urusan Pemerintah -", "15.00"]), Row(6, 3, ["", "bidang umum", ""])]
    assert merge_cut_rows(rows, wrapped_lines_are_rows=True)[0].cells[1] == "Urusan Pemerintah - bidang umum"


def test_jambi_libreoffice_229_hak_hak_across_the_page_break():
    pdf, _ = fuzz_pdf("jambi", "libreoffice", 229)
    table = next(t for t in stitch(find_tables(pdf, [], stream_pages=[2, 3])) if "109.80" in str(t.rows))
    rows = data_rows(table, count_header_rows(table.rows))
    row = next(r for r in rows if "109.80" in r.cells)
    assert " ".join(row.cells[2].split()) == NAME
