"""Jambi Tabel 3.8 (LibreOffice, A4 portrait, horizontal rules only, header not repeated, cells merged,
jambi_libreoffice_182): the table starts low on a page under its column-number row '1 2 3 4 5' and goes on
over the next page. Its first rows set the budget in the column under '3'; the last row of the page is
a kegiatan whose name is merged over the name column and the next one, its budget a column further right:

    2.  ADMINISTRASI KEUANGAN PERANGKAT DAERAH        Rp 5,781,103,415.43  Rp 4,839,258,433.00  83.71
    1.      Penyediaan Gaji dan Tunjangan ASN         Rp 5,551,547,000.00  Rp 4,610,145,933.00  83.04

(the seed). No gutter runs between '2' and '3' (the merged name crosses it), and the column-number search
took the only strip no value line crosses there: the word space between 'KEUANGAN' and 'PERANGKAT'. The
name column then ran under the next page's sub-kegiatan names, the two parts' columns crossed, the
next page was not stitched on, and its sub-kegiatan, without the kegiatan above them, were read as
kegiatan. A line whose one cell runs under the middles of both column numbers is a label merged over
both columns: it tells nothing of their border (gutters._merged_over)."""
from __future__ import annotations

import re

import pypdfium2 as pdfium

from extract.extraction import _is_known_table
from extract.pdf.find import find_tables
from extract.pdf.stitch import stitch
from tests.fuzz_variants import fuzz_pdf

VALUE = re.compile(r"Rp [\d,.]+|\d+\.\d\d")
EXPECTED = {  # the seed's rows, on either side of the page break
    "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD":
        ("Rp 12,849,390.00", "Rp 12,261,200.00", "95.42"),
    "ADMINISTRASI KEUANGAN PERANGKAT DAERAH": ("Rp 5,781,103,415.43", "Rp 4,839,258,433.00", "83.71"),
    "Penyediaan Gaji dan Tunjangan ASN": ("Rp 5,551,547,000.00", "Rp 4,610,145,933.00", "83.04"),
    "Bimbingan Teknis Implementasi Peraturan Perundang-Undangan": ("Rp 2,400,000.00", "Rp 1,650,000.00", "68.75"),
}


def _named_rows(rows: list[list[str]]) -> dict[str, tuple[str, ...]]:
    out = {}
    for row in rows:
        cells = [" ".join(c.split()) for c in row]
        name = " ".join(c for c in cells[1:] if c and not VALUE.fullmatch(c) and not re.fullmatch(r"\d+\.", c))
        out[name] = tuple(c for c in cells if VALUE.fullmatch(c))
    return out


def test_a_label_merged_over_two_columns_sets_no_column_number_gutter():
    pdf, _ = fuzz_pdf("jambi", "libreoffice", 182)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = next(i + 1 for i in range(len(doc)) if "Tabel 3.8 :" in doc[i].get_textpage().get_text_range())
    finally:
        doc.close()
    pages = [page, page + 1]
    tables = stitch(find_tables(pdf, pages, stream_pages=pages, is_known=_is_known_table))
    table = next(t for t in tables if t.caption.startswith("Tabel 3.8"))
    assert table.page_end == page + 1  # the next page's rows are the rest of the table
    found = _named_rows(table.rows)
    assert {name: found.get(name) for name in EXPECTED} == EXPECTED
