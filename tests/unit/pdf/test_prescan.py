"""The pre-scan of drawn paths (extract/pdf/prescan.py): camelot's lattice runs only on pages whose
paths can form a ruled table, so a page it skips must never be one where lattice finds a table.

Checked against camelot itself: on real reports (a corpus LKjIP and the ruled sample) and on small
PDFs drawn with reportlab the ways report generators draw rules (stroked lines, thin filled
rectangles one path each or all in one path) and the way charts draw bars (filled shapes).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.pdf.inventory import read_inventory
from extract.pdf.ruled import read_camelot
from tests.paths import CORPUS, SAMPLE_PDFS

JOMBANG = CORPUS / "jombang-inspektorat_2022_lkjip.pdf"


def _lattice_pages(pdf: Path, pages: list[int]) -> set[int]:
    return {t.page_start for t in read_camelot(pdf, pages, flavor="lattice", engine="vector", split_text=True)}


@pytest.mark.parametrize("pdf", [JOMBANG, SAMPLE_PDFS / "lkjip_jepara_2024_ruled.pdf"], ids=lambda p: p.stem)
def test_every_page_where_lattice_finds_a_table_is_kept(pdf):
    if not pdf.exists():
        pytest.skip(f"not found: {pdf}")
    inventory = read_inventory(pdf)
    with_tables = _lattice_pages(pdf, inventory.text_pages)
    assert with_tables and with_tables <= set(inventory.ruled_text_pages)
    assert len(inventory.ruled_text_pages) < len(inventory.text_pages)  # and it does skip pages


@pytest.mark.skipif(not JOMBANG.exists(), reason=f"corpus not found: {JOMBANG}")
def test_narrative_pages_with_a_footer_rule_are_skipped():
    """Jombang page 3 is the DAFTAR ISI (dotted leaders, a double rule above the footer): horizontal
    rules only, no vertical one."""
    ruled = set(read_inventory(JOMBANG).ruled_text_pages)
    assert 3 not in ruled
    jepara = read_inventory(SAMPLE_PDFS / "lkjip_jepara_2024_ruled.pdf")
    assert 6 not in jepara.ruled_text_pages  # 'BAB I PENDAHULUAN': paragraphs over a footer rule


def test_a_rendering_without_drawn_lines_has_no_ruled_page():
    inventory = read_inventory(SAMPLE_PDFS / "lkjip_jepara_2024_unruled.pdf")
    assert inventory.text_pages and inventory.ruled_text_pages == []


def _grid_page(c: canvas.Canvas, draw) -> None:
    c.setFont("Helvetica", 9)
    for row in range(4):
        for col in range(3):
            c.drawString(110 + 120 * col, 705 - 20 * row, f"{row}{col},5")
    draw(c)
    c.showPage()


def _stroked_grid(c):
    for y in (720, 700, 680, 660, 640):
        c.line(100, y, 460, y)
    for x in (100, 220, 340, 460):
        c.line(x, 640, x, 720)


def _thin_filled_grid(c):  # Word and spreadsheet exports draw each border as a thin filled rectangle
    for y in (720, 700, 680, 660, 640):
        c.rect(100, y, 360, 0.75, stroke=0, fill=1)
    for x in (100, 220, 340, 460):
        c.rect(x, 640, 0.75, 80, stroke=0, fill=1)


def _one_path_of_thin_rectangles(c):
    path = c.beginPath()
    for y in (720, 700, 680, 660, 640):
        path.rect(100, y, 360, 0.75)
    for x in (100, 220, 340, 460):
        path.rect(x, 640, 0.75, 80)
    c.drawPath(path, stroke=0, fill=1)


def _bar_chart(c):  # filled bars over one axis line: no ruling line in both directions
    c.line(100, 640, 460, 640)
    for k, height in enumerate((30, 60, 45)):
        c.rect(120 + 110 * k, 641, 60, height, stroke=0, fill=1)


@pytest.fixture(scope="module")
def drawn_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("prescan") / "drawn.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for draw in (_stroked_grid, _thin_filled_grid, _one_path_of_thin_rectangles, _bar_chart):
        _grid_page(c, draw)
    c.save()
    return path


def test_the_prescan_agrees_with_camelot_on_drawn_rules(drawn_pdf):
    inventory = read_inventory(drawn_pdf)
    assert inventory.text_pages == [1, 2, 3, 4]
    assert _lattice_pages(drawn_pdf, inventory.text_pages) == {1, 2, 3}
    assert inventory.ruled_text_pages == [1, 2, 3]


def test_empty_pages_are_not_sent_to_ocr():
    """The Renstra's pages 18 and 21 are blank in the page image and hold no object at all; the cover
    (a picture) has no text layer either, and goes to OCR. Page 17 prints only its page number as text:
    ocrmypdf skips a page with text, so it is not asked for (tests/unit/pdf/test_ocr_pages.py)."""
    renstra = CORPUS / "jombang-inspektorat_2018-2023_renstra-perubahan.pdf"
    if not renstra.exists():
        pytest.skip(f"not found: {renstra}")
    inventory = read_inventory(renstra)
    assert [p.number for p in inventory.pages if not p.has_text] == [1, 17, 18, 21]
    assert inventory.pages_to_ocr == [1]
    # The Penjabaran LRA's spreadsheet export ends in blank pages (SOURCES.md): nothing to OCR at all.
    lra = read_inventory(CORPUS / "wonosobo-diskominfo_2017_penjabaran-lra.pdf")
    assert [p.number for p in lra.pages if not p.has_text] == list(range(14, 24))
    assert lra.pages_to_ocr == []
