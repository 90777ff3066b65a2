"""Tables printed as pictures on pages that have text: a spreadsheet or a statistics table pasted
into the report as an image. The text layer has nothing of them, and no reader sees them.

The inventory lists the large images with no text over them (inventory.PageInfo.pictures). A picture
is read when its pixels show a ruled grid, or lines of text parted by gutters without rules (a statistics
table printed without rules); charts, photos and logos show neither. It is copied alone onto a page of
the same size and place in a scratch PDF, which is OCRed; a grid is then read as scanned pages are (raster
lattice and every cell read again: pdf/scanned.py), a table without rules by the word reader from the
OCR's words (pdf/unruled.py). The tables go back to their own page, so their caption is found in the
page's text above them.
"""
from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Literal

import numpy as np
import pypdfium2 as pdfium

from extract.model import RawTable
from extract.pdf import ocr
from extract.pdf.ocr import CELL_DPI, INK
from extract.pdf.page_pixels import Box, grey_bitmap, grey_pixels
from extract.pdf.scanned import read_scanned, repair_misread_words
from extract.pdf.unruled import read_raw_word_tables

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
# A table without rules, at GRID_DPI: lines of text 4 to 17 pt tall, and gutters a letter wide (4 pt)
TEXT_LINE_PX = (6, 24)
MIN_TEXT_LINES = 4
GUTTER_PX = 6
GUTTER_CROSSED = 0.1  # share of the lines of text that may cross a gutter
MIN_GUTTERS = 2  # three columns
GRID, WORDS = "grid", "words"  # how a picture shows a table: ruled, or lines of text parted by gutters


def read_pictures(path: Path, pictures: dict[int, tuple[Box, ...]], unread: list[str] | None = None) -> list[RawTable]:
    """The tables of the pictures that show a ruled grid or a table without rules, on the pages they are
    printed on. Why pictures of tables were left unread (no OCR here, OCR failed) is added to `unread`, for
    the document's record."""
    doc = pdfium.PdfDocument(str(path))
    try:
        to_read = [(page, box, kind) for page, boxes in sorted(pictures.items()) for box in boxes
                   if (kind := _table_kind(doc[page - 1], box)) is not None]
        if not to_read:
            return []
        reason = ocr.unavailable_reason()
        if reason:
            _left_unread(path, f"{len(to_read)} picture(s) of a table: {reason}", unread)
            return []
        with tempfile.TemporaryDirectory(prefix="lkjip-pictures-") as scratch:
            copy = _pictures_alone(doc, [(page, box) for page, box, _ in to_read], Path(scratch) / "pictures.pdf")
            ocred = ocr.ocr_pages(copy, Path(scratch) / "ocred.pdf", timeout=120 + 60 * len(to_read))
            grid_pages = [k for k, (_, _, kind) in enumerate(to_read, start=1) if kind == GRID]
            tables = read_scanned(ocred, grid_pages, line_scale=LINE_SCALE) if grid_pages else []
            tables += _word_tables(ocred, [(k, page) for k, (page, _, kind) in enumerate(to_read, start=1)
                                           if kind == WORDS])
    except ocr.OcrError as exc:
        _left_unread(path, f"pictures of tables: {exc}", unread)
        return []
    finally:
        doc.close()
    return _on_pages(tables, [page for page, _, _ in to_read])


def _table_kind(page: pdfium.PdfPage, box: Box) -> Literal["grid", "words"] | None:
    grey = grey_pixels(page, GRID_DPI, box)
    return GRID if _shows_grid(grey) else WORDS if _shows_text_table(grey) else None


def _word_tables(ocred: Path, pictures: list[tuple[int, int]]) -> list[RawTable]:
    """The word reader's tables of the OCRed pictures without rules ((scratch page, page printed on) each),
    OCR's look-alike letters mended. The word reader goes on with a table from one page to the next: it reads
    runs of pictures on consecutive pages, one picture a page, each run alone (the scratch PDF's next page is
    the next picture, maybe of another table far on in the document)."""
    tables = [table for run in _page_runs(pictures) for table in read_raw_word_tables(ocred, run)]
    for table in tables:
        repair_misread_words(table)
    return tables


def _page_runs(pictures: list[tuple[int, int]]) -> list[list[int]]:
    """The scratch pages in runs whose pictures are printed on consecutive pages, one picture a page."""
    alone = {page for _, page in pictures if sum(p == page for _, p in pictures) == 1}
    runs: list[list[int]] = []
    for (k, page), before in zip(pictures, [None, *pictures]):
        goes_on = before is not None and before[0] == k - 1 and before[1] == page - 1 and {page, page - 1} <= alone
        if goes_on:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


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


def _shows_text_table(grey: np.ndarray) -> bool:
    """Mostly paper, MIN_TEXT_LINES lines of text or more (bands of ink as tall as a line of 4 to 17 pt
    type) making most of the inked rows, and MIN_GUTTERS strips or more, as wide as a letter, that their
    ink leaves clear from top to bottom (a few lines may cross one: a heading, a label spanning columns).
    A chart is mostly bars, curves and axes taller than a line of text; a paragraph has no gutter."""
    ink = grey < INK
    if ink.mean() > MAX_INK_SHARE:
        return False
    bands = _runs(ink.any(axis=1))
    lines = [(a, b) for a, b in bands if TEXT_LINE_PX[0] <= b - a <= TEXT_LINE_PX[1]]
    if len(lines) < MIN_TEXT_LINES or 2 * sum(b - a for a, b in lines) < sum(b - a for a, b in bands):
        return False
    crossed = np.mean([ink[a:b].any(axis=0) for a, b in lines], axis=0)
    inked = np.nonzero(crossed > GUTTER_CROSSED)[0]
    if inked.size == 0:
        return False  # (no column: the lines do not stand over each other)
    clear = _runs(crossed[inked[0]:inked[-1] + 1] <= GUTTER_CROSSED)
    return sum(b - a >= GUTTER_PX for a, b in clear) >= MIN_GUTTERS


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """Index ranges [start, end) where the mask holds."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(np.int8), [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


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


def _pictures_alone(doc, pictures: list[tuple[int, Box]], out: Path) -> Path:
    """A PDF with one page per picture, of its page's size, holding the picture alone where it was, at
    the resolution table cells are read at (ocr.CELL_DPI)."""
    copy, kept = pdfium.PdfDocument.new(), []
    try:
        for page_number, box in pictures:
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
