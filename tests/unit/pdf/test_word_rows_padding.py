"""Rows of an unruled table set apart by a thin cell padding: in large type (11.5 pt, lines 13.8 pt
apart) a padding of 1.8 pt puts the rows 17.1 pt apart, less than a line and a quarter, so the
spacing rule alone saw no row break and joined every name line to the value line above it. The
block's steps wider than the pitch are all one width, under every row: that is the table's row
padding, and it sets the rows apart (row_spacing._padded_step). Values as printed in the seed
(samples/seeds, kabupaten-jepara, Tabel 3.17):
    <i>Pelaksanaan Pelatihan berdasarkan Unit Kompetensi</i>  1.859.057.000  1.770.074.052  95,21
    1  Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi Pencari Kerja berdasarkan Klaster
       Kompetensi  1.859.057.000  1.770.074.052  95,21  (one line in the seed)
    <i>Pembinaan Lembaga Pelatihan Kerja Swasta</i>  3.000.000  3.000.000  100,00
    2  Pembinaan Lembaga Pelatihan Kerja Swasta  3.000.000  3.000.000  100,00"""
from __future__ import annotations

import dataclasses

from bench.fuzz.render import render_variant
from bench.fuzz.variants import make_variant
from extract.pdf.unruled import read_word_tables
from tests.fuzz_variants import word_tables_near

ROWS = [
    ["", "Pelaksanaan Pelatihan berdasarkan Unit Kompetensi", "1.859.057.000", "1.770.074.052", "95,21"],
    ["1", "Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi Pencari Kerja berdasarkan Klaster "
          "Kompetensi", "1.859.057.000", "1.770.074.052", "95,21"],
    ["", "Pembinaan Lembaga Pelatihan Kerja Swasta", "3.000.000", "3.000.000", "100,00"],
    ["2", "Pembinaan Lembaga Pelatihan Kerja Swasta", "3.000.000", "3.000.000", "100,00"],
]


def _rows(tables) -> list[list[str]]:
    return [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]


def test_thin_row_padding_sets_middle_aligned_rows_apart():
    """Jepara, reportlab 59 (unruled, F4 landscape, 11.5 pt, padding 1.8 pt, cells aligned to the
    middle): page 6 read 'Proses Pelaksanaan / Pendidikan dan Pelatihan' into the kegiatan row above."""
    rows = _rows(word_tables_near("jepara", "reportlab", 59, "Keterampilan bagi Pencari"))
    assert all(row in rows for row in ROWS)


def test_thin_row_padding_in_larger_type(tmp_path):
    """The same layout at 12 pt: rows 17.7 pt apart against a pitch of 14.4 pt."""
    variant = dataclasses.replace(make_variant("jepara", "reportlab", 59), number=905,
                                  font_size=12.0, table_font_size=12.0)
    render_variant("jepara", variant, tmp_path, engine="reportlab")
    pdf = tmp_path / "jepara_reportlab_905.pdf"
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        pages = [i + 1 for i in range(len(doc)) if "Pencari" in doc[i].get_textpage().get_text_range()]
    finally:
        doc.close()
    assert all(row in _rows(read_word_tables(pdf, pages)) for row in ROWS)
