"""Words of a page set glyph by glyph (Chromium): the space before a glyph is measured from where
the pen stands when the glyph's ink reaches left of it. An italic 'y' draws its tail under the
letter before, so its box leaves less than a word space after 'Koperasi' (Jepara html 40, Noto
Serif italic kegiatan names). As the seed prints them (samples/seeds, kabupaten-jepara, Tabel 3.17):
    <i>Kegiatan Pemberdayaan dan Perlindungan Koperasi yang Keanggotaannya dalam Daerah Kabupaten/Kota</i>
        50.000.000  49.537.525  99,08
    <i>Pemberdayaan Usaha Mikro yang Dilakukan melalui Pendataan, ...</i>  194.793.050  189.743.816  97,41"""
from __future__ import annotations

import pypdfium2 as pdfium

from extract.pdf.page_words import page_words
from tests.fuzz_variants import fuzz_pdf, word_tables_near


def test_an_italic_tail_reaching_under_the_letter_before_leaves_the_word_space():
    pdf, _ = fuzz_pdf("jepara", "html", 40)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        words = [w.text for page in doc for w in page_words(page)]
    finally:
        doc.close()
    assert not [w for w in words if w in ("Koperasiyang", "Mikroyang")]
    assert words.count("yang") >= 3


def test_the_kegiatan_names_read_whole():
    tables = word_tables_near("jepara", "html", 40, "49.537.525", sep="")
    rows = [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows]
    assert ["", "Kegiatan Pemberdayaan dan Perlindungan Koperasi yang Keanggotaannya dalam Daerah Kabupaten/Kota",
            "50.000.000", "49.537.525", "99,08"] in rows
