"""Tables printed as pictures on pages that have text (extract/pdf/pictures.py), on two reports of
two issuers: the SPIP scores of Jombang's LKjIP 2022 (p. 32) and the area table of Sumatera Utara's
LAKIP 2021 (Tabel 1.1, pp. 9-10). Neither has a text layer over its table; the values asserted are
those printed on the page images, printed mistakes kept ('0.857' beside '1,400'; '3,892,74').
"""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from extract.pdf import ocr
from extract.pdf.inventory import read_inventory
from extract.pdf.pictures import GRID_DPI, _render, _shows_grid, read_pictures
from tests.paths import CORPUS


def _corpus(name: str):
    pdf = CORPUS / name
    if not pdf.is_file():
        pytest.skip(f"corpus file not found: {pdf}")
    return pdf


def _rows(pdf, page: int) -> list[list[str]]:
    boxes = read_inventory(pdf).picture_boxes
    assert page in boxes, "the picture has no text over it: the inventory lists it"
    return [row for table in read_pictures(pdf, {page: boxes[page]}) for row in table.rows
            if table.page_start == page]


@pytest.mark.skipif(not ocr.ocr_available(), reason=f"OCR unavailable: {ocr.unavailable_reason()}")
@pytest.mark.parametrize("name, page, printed", [
    ("jombang-inspektorat_2022_lkjip.pdf", 32, [["1.", "Penetapan Tujuan", "40%", "1,400"],
                                                ["2.", "Struktur dan Proses", "30%", "0.857"],
                                                ["", "Nilai Maturitas Penyelenggaraan SPIP", "", "3,157"]]),
    ("provsu_2021_lakip.pdf", 10, [["21. Padang Lawas", "Sibuhuan", "12", "303", "1", "3,892,74"],
                                   ["30. Medan", "Medan", "21", "0", "151", "265,00"]]),
])
def test_a_table_printed_as_a_picture_is_read_cell_by_cell(name, page, printed):
    rows = _rows(_corpus(name), page)
    for row in printed:
        assert row in rows


@pytest.mark.parametrize("name, page", [
    ("ambon-diskominfo_2021_lakip.pdf", 77),  # a photo of an award ceremony
    ("jabar-dinkes_2016_lakip.pdf", 42),  # a pie chart on a shaded ground
    ("jabar-dinkes_2016_lakip.pdf", 69),  # a bar chart: horizontal grid lines only
    ("jabar-disperindag_2016_lkip.pdf", 18),  # an organisation chart
])
def test_a_photo_or_a_chart_is_no_table_to_read(name, page):
    pdf = _corpus(name)
    boxes = read_inventory(pdf).picture_boxes[page]
    doc = pdfium.PdfDocument(str(pdf))
    try:
        assert not any(_shows_grid(_render(doc[page - 1], box, GRID_DPI)) for box in boxes)
    finally:
        doc.close()


def test_an_image_under_text_is_no_picture_to_read():
    """A scan with its OCR layer is read as a scan; a text page's pictures with words over them
    (a watermark, a shaded box behind text) have their text already."""
    inventory = read_inventory(_corpus("kab-grobogan-dpupr_2021_renstra.pdf"))
    shared = [p for p in inventory.pages if p.image_share > 0.3]
    assert shared, "the Renstra prints a large picture under the text of its pages"
    assert all(p.number not in inventory.picture_boxes or all(
        (b[2] - b[0]) * (b[3] - b[1]) < 0.3 * p.width * p.height for b in inventory.picture_boxes[p.number])
        for p in shared)
