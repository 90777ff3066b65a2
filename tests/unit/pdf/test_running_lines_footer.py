"""A running footer is no table row, however its words are drawn and whatever the page next to it
prints. Texts as printed: the footer of the fuzz renderings (bench/fuzz, 'LKjIP 2025 Dinas Tenaga
Kerja, Koperasi dan UKM Kota Jambi' and its page number) and of jabar-dinkes 2016 ('Dinas Kesehatan
Provinsi Jawa Barat' and the page number, seen on the page image of p. 6)."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from extract.pdf.page_words import group_lines, page_words
from extract.pdf.running_lines import without_running_lines
from tests.fuzz_variants import fuzz_pdf
from tests.paths import CORPUS

JAMBI_FOOTER = "LKjIP 2025 Dinas Tenaga Kerja, Koperasi dan UKM Kota Jambi"


def _last_lines(pdf, page: int) -> tuple[str, str]:
    """The page's last line as read, and the last one kept."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        lines = group_lines(page_words(doc[page - 1]))
        return lines[-1].text, without_running_lines(doc, page, lines)[-1].text
    finally:
        doc.close()


def test_footer_next_to_a_cover_page_is_left_out():
    """jambi_html_358 p. 2: the footer stands a line under the last row of Tabel 3.3, and the cover
    (p. 1) prints none. Read as a row, it gave an indicator 'Kerja, Koperasi dan UKM' (precision
    0.91). Pages 3 and 4 print it at the same place."""
    pdf, _ = fuzz_pdf("jambi", "html", 358)
    last, kept = _last_lines(pdf, 2)
    assert last == f"{JAMBI_FOOTER} 2"
    assert not kept.startswith("LKjIP")


@pytest.mark.parametrize("number, page", [(301, 3), (307, 4)])
def test_footer_drawn_out_of_order_is_left_out(number, page):
    """LibreOffice draws the page number field apart ('... Kerja, Koperasi Kota dan UKM Jambi 3' in
    drawing order): the footer is compared by its words left to right."""
    pdf, _ = fuzz_pdf("jambi", "libreoffice", number)
    last, kept = _last_lines(pdf, page)
    assert last.replace(" ", "") == f"{JAMBI_FOOTER}{page}".replace(" ", "")  # the number may be glued on
    assert kept != last


def test_real_footer_drawn_out_of_order_is_left_out():
    """jabar-dinkes 2016 p. 6: 'Dinas Kesehatan Provinsi Jawa Barat 2', drawn 'Barat 2 Jawa'."""
    pdf = CORPUS / "jabar-dinkes_2016_lakip.pdf"
    if not pdf.exists():
        pytest.skip(f"not found: {pdf}")
    last, kept = _last_lines(pdf, 6)
    assert last == "Dinas Kesehatan Provinsi Jawa Barat 2"
    assert kept != last
