"""Jambi Tabel 3.9 (reportlab, full grid, header repeated, rows split at a page break): the repeated
header's 'Sasaran Strategis' and 'Indikator Sasaran' span its two rows, and camelot keeps their text
in the top grid row together with the rest of the row the page break cut below them ('Sasaran
Strategis / koperasi dan / usaha mikro ...', 'Indikator Sasaran / Berkualitas'), as no rule parts the
two there. Each header cell still opens with the start's header cell in its place: the header and
the rest are split (stitch._split_header_from_tail, over every header row now, not the last only),
the header is seen repeated and the rest joins its cut row. With cells aligned to the middle the
row's number and values end the start and all its text lies past the break: the rest fills that
row's empty cells (stitch._join_cut_tail). The seed prints (cells tab-separated, one line each)

    1  Meningkatnya penyerapan pencari kerja dan perlindungan tenaga kerja
       Persentase Penempatan Pencari Kerja Terdaftar  45.00  60.97  135.49  Rp 321,673,135 ...
    2  Meningkatnya kualitas koperasi dan usaha mikro kecil menengah
       Persentase Koperasi Berkualitas  46.80  43.64  93.25  Rp 544,605,355 ...
"""
from __future__ import annotations

import pypdfium2 as pdfium

from extract.pdf.find import find_tables
from extract.pdf.stitch import stitch
from tests.fuzz_variants import fuzz_pdf


def _rows_near(number: int, needle: str) -> list[list[str]]:
    """The stitched rows of reportlab variant `number` read on the page holding `needle` and the
    page before, cells with their lines joined."""
    pdf, _ = fuzz_pdf("jambi", "reportlab", number)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = next(i + 1 for i in range(len(doc)) if needle in doc[i].get_textpage().get_text_range())
    finally:
        doc.close()
    pages = [page - 1, page]
    tables = stitch(find_tables(pdf, pages, stream_pages=pages))
    return [[" ".join(c.split()) for c in row] for t in tables for row in t.rows]


def test_the_rest_of_a_cut_row_under_a_spanning_header_cell_joins_its_row():
    """Variant 204 (Liberation Sans, cells aligned to the top): row 2 cut after 'Persentase Koperasi'."""
    rows = _rows_near(204, "Tangguh dan")
    row = next(r for r in rows if "46.80" in r)
    assert row[1:6] == ["Meningkatnya kualitas koperasi dan usaha mikro kecil menengah",
                        "Persentase Koperasi Berkualitas", "46.80", "43.64", "93.25"]


def test_the_text_of_a_middle_aligned_row_past_the_break_fills_its_empty_cells():
    """Variant 209 (FreeSerif, landscape, cells aligned to the middle): row 1's number and values end
    the page, its goal and indicator open the next one in the repeated header's grid row."""
    rows = _rows_near(209, "Tangguh dan")
    row = next(r for r in rows if "60.97" in r)
    assert row[:6] == ["1", "Meningkatnya penyerapan pencari kerja dan perlindungan tenaga kerja",
                       "Persentase Penempatan Pencari Kerja Terdaftar", "45.00", "60.97", "135.49"]
