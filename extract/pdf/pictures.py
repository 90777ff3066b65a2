"""Tables printed as pictures on pages that have text: a spreadsheet or a statistics table pasted
into the report as an image. The text layer has nothing of them, and no reader sees them.

The inventory lists the large images with no text over them (inventory.PageInfo.pictures). A picture
is read when its pixels show a ruled grid (charts, photos and logos do not): it is copied alone onto a
page of the same size and place in a scratch PDF, and that PDF is read as scanned pages are (OCR, then
raster lattice and every cell read again: pdf/scanned.py). The tables go back to their own page, so
their caption is found in the page's text above them.
"""
from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import numpy as np

from extract.model import RawTable
from extract.pdf import ocr
from extract.pdf.ocr import CELL_DPI, INK
from extract.pdf.page_pixels import Box, grey_bitmap, grey_pixels
from extract.pdf.scanned import read_scanned

log = logging.getLogger(__name__)

GRID_DPI = 100  # enough to see a 1 px rule of a pasted table
MIN_RULES = 3  # a grid needs at least three rules each way: two rows and two columns
RULE_SPAN = 0.3  # a rule runs over this share of the picture's width (or height) at least
MAX_INK_SHARE = 0.35  # a table is mostly paper; a photo or a shaded chart is not
RULE_PX = 4  # a rule is this thick at most at GRID_DPI (a filled bar or a shaded row is not a rule)
# A picture may hold a table's header alone (the rest on the next page): rules down to 1/40 of the page's
# side are read as rules. Its text stands apart from them (a 9-12 pt letter is about 1/70 of the page).
LINE_SCALE = 40
ALIGN_SHARE = 0.02  # two rules of one table start and end this close (share of the picture's width)


def read_pictures(path: Path, pictures: dict[int, tuple[Box, ...]], unread: list[str] | None = None) -> list[RawTable]:
    """The tables of the pictures that show a ruled grid, on the pages they are printed on. Why pictures of
    tables were left unread (no OCR here, OCR failed) is added to `unread`, for the document's record."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        gridded = [(page, box) for page, boxes in sorted(pictures.items()) for box in boxes
                   if _shows_grid(grey_pixels(doc[page - 1], GRID_DPI, box))]
        if not gridded:
            return []
        reason = ocr.unavailable_reason()
        if reason:
            _left_unread(path, f"{len(gridded)} picture(s) of a table: {reason}", unread)
            return []
        with tempfile.TemporaryDirectory(prefix="lkjip-pictures-") as scratch:
            copy = _pictures_alone(doc, gridded, Path(scratch) / "pictures.pdf")
            ocred = ocr.ocr_pages(copy, Path(scratch) / "ocred.pdf", timeout=120 + 60 * len(gridded))
            tables = read_scanned(ocred, list(range(1, len(gridded) + 1)), line_scale=LINE_SCALE)
    except ocr.OcrError as exc:
        _left_unread(path, f"pictures of tables: {exc}", unread)
        return []
    finally:
        doc.close()
    return _on_pages(tables, [page for page, _ in gridded])


def _left_unread(path: Path, why: str, unread: list[str] | None) -> None:
    log.warning("%s: left unread: %s", path.name, why)
    if unread is not None:
        unread.append(why)


def _shows_grid(grey: np.ndarray) -> bool:
    """Mostly paper, with MIN_RULES rules or more each way that span one table: thin lines of ink over
    RULE_SPAN of the picture or more that start and end together (a table's rules run from border to
    border; a flow chart's boxes or a bar chart's bars do not line up so)."""
    ink = grey < INK
    return ink.mean() <= MAX_INK_SHARE and _rules(ink) >= MIN_RULES and _rules(ink.T) >= MIN_RULES


def _rules(ink: np.ndarray) -> int:
    """The most horizontal rules that start and end together (gaps of a pixel or two bridged)."""
    import cv2

    length = int(RULE_SPAN * ink.shape[1])
    if length < 2:
        return 0
    bridged = cv2.morphologyEx(ink.astype(np.uint8), cv2.MORPH_CLOSE, np.ones((1, 3), np.uint8))
    lines = cv2.morphologyEx(bridged, cv2.MORPH_OPEN, np.ones((1, length), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    spans = [(x, x + w) for x, _, w, h, _ in stats[1:count] if h <= RULE_PX]
    slack = ALIGN_SHARE * ink.shape[1]
    return max((sum(abs(x0 - left) <= slack and abs(x1 - right) <= slack for x0, x1 in spans)
                for left, right in spans), default=0)


def _pictures_alone(doc, gridded: list[tuple[int, Box]], out: Path) -> Path:
    """A PDF with one page per picture, of its page's size, holding the picture alone where it was, at
    the resolution table cells are read at (ocr.CELL_DPI)."""
    import pypdfium2 as pdfium

    copy, kept = pdfium.PdfDocument.new(), []
    try:
        for page_number, box in gridded:
            page = doc[page_number - 1]
            left, bottom, right, top = box
            bitmap = grey_bitmap(page, CELL_DPI, box)
            kept.append(bitmap)  # pdfium reads the pixels when the file is saved
            image = pdfium.PdfImage.new(copy)
            image.set_bitmap(bitmap)
            image.set_matrix(pdfium.PdfMatrix().scale(right - left, top - bottom).translate(left, bottom))
            new_page = copy.new_page(*page.get_size())
            new_page.insert_obj(image)
            new_page.gen_content()
        copy.save(str(out))
    finally:
        copy.close()
    return out


def _on_pages(tables: list[RawTable], pages: list[int]) -> list[RawTable]:
    """The tables read from the scratch PDF (page k holds a picture of page `pages[k - 1]`), put back
    on the pages their pictures are printed on, numbered anew there (a page may hold two pictures)."""
    count: dict[int, int] = {}
    for table in tables:
        page = pages[table.page_start - 1]
        count[page] = count.get(page, 0) + 1
        table.table_id, table.order = f"p{page:04d}_p{count[page]}", count[page]
        table.page_start, table.row_pages = page, [page] * len(table.row_pages)
    return tables
