"""Tables printed as pictures on pages that have text (extract/pdf/pictures.py), on two reports of
two issuers: the SPIP scores of Jombang's LKjIP 2022 (p. 32) and the area table of Sumatera Utara's
LAKIP 2021 (Tabel 1.1, pp. 9-10). Neither has a text layer over its table; the values asserted are
those printed on the page images, printed mistakes kept ('0.857' beside '1,400'; '3,892,74'). Tables
without rules, read from the OCR's words: the self-assessment of Jombang's LKjIP 2022 (p. 27) and two
statistics tables of Sumatera Utara's LAKIP 2021 (Tabel 3.11 p. 52, Tabel 3.12 p. 53).
Then the seeds' tables pasted as pictures (bench/pictured.py), the facts compared with the seed text,
with their rules and without.
"""
from __future__ import annotations

import numpy as np
import pypdfium2 as pdfium
import pytest

from bench import expected as exp
from extract.pdf import ocr
from extract.pdf.inventory import read_inventory
from extract.pdf.pictures import _shows_text_table, _table_kind, read_pictures
from tests.page_cuts import cut_pages
from tests.paths import CORPUS, REPO

SAMPLES = REPO / "samples" / "pdf"


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


@pytest.mark.skipif(not ocr.ocr_available(), reason=f"OCR unavailable: {ocr.unavailable_reason()}")
@pytest.mark.parametrize("name, page, label, printed", [
    ("jombang-inspektorat_2022_lkjip.pdf", 27, "Pengelolaan SDM", ["0,54", "3", "0,54", "3"]),
    ("provsu_2021_lakip.pdf", 52, "Sibolga", ["106,17", "107,97", "108,15", "0,17", "1,86", "1,86"]),
    ("provsu_2021_lakip.pdf", 53, "Harapan Lama Sekolah", ["Tahun", "11,83", "11,97", "12,41", "12,61", "12,82",
                                                           "13,00", "13,10", "13,14", "13,15", "13,23", "13,27"]),
])
def test_a_table_without_rules_printed_as_a_picture_is_read_from_its_words(name, page, label, printed):
    rows = _rows(_corpus(name), page)
    assert any(label in " ".join(row[0].split()) and row[-len(printed):] == printed for row in rows)


@pytest.mark.parametrize("name, page", [
    ("ambon-diskominfo_2021_lakip.pdf", 77),  # a photo of an award ceremony
    ("jabar-dinkes_2016_lakip.pdf", 42),  # a pie chart on a shaded ground
    ("jabar-dinkes_2016_lakip.pdf", 69),  # a bar chart: horizontal grid lines only
    ("jabar-disperindag_2016_lkip.pdf", 18),  # an organisation chart
    ("jabar-disperindag_2016_lkip.pdf", 20),  # two bar charts with their legends
    ("provsu_2021_lakip.pdf", 35),  # a line chart
    ("provsu_2021_lakip.pdf", 37),  # a bar chart, its bars labelled with their values
])
def test_a_photo_or_a_chart_is_no_table_to_read(name, page):
    pdf = _corpus(name)
    boxes = read_inventory(pdf).picture_boxes[page]
    doc = pdfium.PdfDocument(str(pdf))
    try:
        assert not any(_table_kind(doc[page - 1], box) for box in boxes)
    finally:
        doc.close()


def _text_lines(columns: list[tuple[int, int]], lines: int = 8, width: int = 400) -> np.ndarray:
    """A grey picture of `lines` lines 10 px tall (at 100 dpi: 7 pt type), 8 px apart, inked in `columns` with
    a stroke every third pixel (type is mostly paper)."""
    grey = np.full((lines * 18 + 10, width), 255, dtype=np.uint8)
    for k in range(lines):
        for x0, x1 in columns:
            grey[5 + 18 * k:15 + 18 * k, x0:x1:3] = 0
    return grey


def test_the_pixels_of_a_table_without_rules():
    assert _shows_text_table(_text_lines([(10, 120), (160, 220), (260, 390)]))
    assert not _shows_text_table(_text_lines([(10, 390)]))  # a paragraph: no gutter
    assert not _shows_text_table(_text_lines([(10, 120), (160, 220), (260, 390)], lines=3))  # too few lines
    assert not _shows_text_table(np.full((200, 400), 255, dtype=np.uint8))  # blank
    staircase = np.full((230, 400), 255, dtype=np.uint8)
    for k in range(12):  # every line inked somewhere else: no column stands over another
        staircase[5 + 18 * k:15 + 18 * k, 30 * k:30 * k + 25] = 0
    assert not _shows_text_table(staircase)
    chart = _text_lines([(10, 120), (160, 220), (260, 390)], lines=4)
    chart = np.vstack([np.full((300, 400), 255, dtype=np.uint8), chart])
    chart[20:290, 50:80] = chart[100:290, 150:180] = 0  # bars taller than any line of text, over the labels
    assert not _shows_text_table(chart)


def test_an_image_under_text_is_no_picture_to_read():
    """A scan with its OCR layer is read as a scan; a text page's pictures with words over them
    (a watermark, a shaded box behind text) have their text already."""
    inventory = read_inventory(_corpus("kab-grobogan-dpupr_2021_renstra.pdf"))
    shared = [p for p in inventory.pages if p.image_share > 0.3]
    assert shared, "the Renstra prints a large picture under the text of its pages"
    assert all(p.number not in inventory.picture_boxes or all(
        (b[2] - b[0]) * (b[3] - b[1]) < 0.3 * p.width * p.height for b in inventory.picture_boxes[p.number])
        for p in shared)


# ---------------------------------------------------------------- the seeds' tables pasted as pictures


def _pictured_pages(pdf, pages: list[int], out, rules: bool = True):
    """`pages` (1-based) of `pdf` with every ruled table pasted as a 150 dpi picture (bench/pictured.py),
    the text around it kept; without `rules`, the pictures show the tables without their lines."""
    from bench.pictured import picture_tables

    return picture_tables(cut_pages(pdf, pages, out.with_name("part.pdf")), out, rules=rules)


def _facts(pdf, region: str, year: int):
    from bench.accuracy import extracted_facts
    from extract.extraction import read_tables, tables_to_frames

    frames = tables_to_frames("test", read_tables(pdf, read_inventory(pdf)))
    return extracted_facts({"region_code": region, "fiscal_year": year}, frames)


@pytest.fixture(scope="module")
def jambi_pictured(tmp_path_factory):
    if not ocr.ocr_available():
        pytest.skip(f"OCR unavailable: {ocr.unavailable_reason()}")
    # page 26: Tabel 3.3; page 38: Tabel 3.8 starts at its foot; page 39: Tabel 3.8 fills the page,
    # its picture larger than a scan's share of the page, under the page's running footer
    pdf = _pictured_pages(SAMPLES / "lkjip_kota-jambi_2025_ruled.pdf", [26, 38, 39],
                          tmp_path_factory.mktemp("jambi") / "pictured.pdf")
    return pdf, _facts(pdf, "15.71", 2025)


@pytest.mark.skipif(not ocr.ocr_available(), reason=f"OCR unavailable: {ocr.unavailable_reason()}")
def test_pictured_jambi_indicators_are_exact(jambi_pictured):
    _, facts = jambi_pictured
    want = {f for f in exp.expected_for("lkjip_kota-jambi_2025")[exp.INDICATOR] if f[3] == "program"}
    assert {g.fact for g in facts[exp.INDICATOR] if g.caption.startswith("Tabel 3.3 ")} == want


@pytest.mark.skipif(not ocr.ocr_available(), reason=f"OCR unavailable: {ocr.unavailable_reason()}")
def test_pictured_jambi_budget_continues_on_a_page_the_picture_fills(jambi_pictured):
    """Page 39 is one picture but for its footer: not a scan with a text layer over it, a picture."""
    pdf, facts = jambi_pictured
    inventory = read_inventory(pdf)
    assert inventory.pages[2].is_scan and inventory.pages[2].has_bare_scan
    assert 3 not in inventory.scanned_text_pages and 3 in inventory.picture_boxes
    want = set(exp.expected_for("lkjip_kota-jambi_2025")[exp.BUDGET])
    got = {g.fact for g in facts[exp.BUDGET] if g.caption.startswith("Tabel 3.8 ")}
    assert got <= want
    assert exp.fact(exp.BUDGET, "15.71", 2025, "program", "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA",
                    6_847_986_125.50, 5_826_197_900.00, 85.08) in got
    assert exp.fact(exp.BUDGET, "15.71", 2025, "sub_kegiatan", "Penyediaan Gaji dan Tunjangan ASN",
                    5_551_547_000.00, 4_610_145_933.00, 83.04) in got
    assert len(got) >= 15


@pytest.mark.skipif(not ocr.ocr_available(), reason=f"OCR unavailable: {ocr.unavailable_reason()}")
def test_pictured_jepara_budget_without_rules_is_read_from_its_words(tmp_path):
    """Jepara Tabel 3.17 on three pages, each page's part a picture without rules: no grid to find, the
    OCR's words read by the word reader and the parts stitched."""
    pdf = _pictured_pages(SAMPLES / "lkjip_jepara_2024_ruled.pdf", [34, 35, 36], tmp_path / "pictured.pdf",
                          rules=False)
    want = set(exp.expected_for("lkjip_jepara_2024")[exp.BUDGET])
    got = {g.fact for g in _facts(pdf, "33.20", 2024)[exp.BUDGET] if g.caption.startswith("Tabel 3.17")}
    assert exp.fact(exp.BUDGET, "33.20", 2024, "program", "PROGRAM PENEMPATAN TENAGA KERJA",
                    195_000_000.0, 188_752_658.0, 96.80) in got
    assert len(got & want) >= 60  # of 79 (72 on 0.38.0): OCR misreads a letter or a digit of some


def test_a_picture_under_its_caption_alone_is_a_picture_to_read(tmp_path):
    """A page printing only 'Tabel 3.3' over a pasted table has too little text to count as a text page
    and too much for ocrmypdf, which leaves any page with text alone (fuzz variant jepara_html_509 pasted
    as pictures: Tabel 3.3 lost); a page with no text at all is OCRed whole instead."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    picture = Image.new("L", (600, 300), 255)
    pdf = tmp_path / "caption.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    page.drawString(250, 780, "Tabel 3.3")
    page.drawInlineImage(picture, 60, 300, width=480, height=440)
    page.showPage()
    page.drawInlineImage(picture, 60, 300, width=480, height=440)
    page.showPage()
    page.save()
    inventory = read_inventory(pdf)
    assert not inventory.pages[0].has_text and 1 in inventory.picture_boxes
    assert inventory.pages_to_ocr == [2] and 2 not in inventory.picture_boxes


def test_a_picture_of_a_table_left_unread_says_why(monkeypatch):
    """Without OCR the picture is not read, and the reason goes to the document's record, not to a log
    line alone (extraction.py `pictures_unread`)."""
    pdf = _corpus("jombang-inspektorat_2022_lkjip.pdf")
    boxes = read_inventory(pdf).picture_boxes
    monkeypatch.setattr(ocr, "unavailable_reason", lambda *a: "tesseract not found on PATH")
    unread: list[str] = []
    assert read_pictures(pdf, {32: boxes[32]}, unread) == []
    assert unread == ["1 picture(s) of a table: tesseract not found on PATH"]
