"""Scanned pages printed sideways: a landscape table scanned on a portrait page, its top at the left or
the right edge. OCR reads such a page as noise (one letter per 'line') and no table comes out of it, so
the page is turned upright before it is OCRed.

Which pages: a letter's nearest neighbour is the next letter of its word, beside it on an upright page
and above or below it on a sideways one (the spacing of letters is tighter than that of lines). A page
whose letters mostly have their nearest neighbour above or below is sideways. Which way to turn it: the
part of the page with the most letters is read turned a quarter each way, and the turn that reads more
words is the one. (tesseract's own orientation detection, `--psm 0`, named the wrong side on 5 of the 57
sideways pages of a scanned report set in small type, confidently.)
"""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from extract.pdf.ocr import CELL_DPI, DEFAULT_LANGUAGE, INK, tesseract_words
from extract.pdf.page_pixels import grey_pixels

TEST_DPI = 100  # 9-12 pt letters are 5-17 px high
GLYPH_PX = (2, 30)  # the height and width of a letter or digit; a rule, a logo or a stain is larger
GLYPH_MIN_AREA = 4  # px of ink: a speck of dust is no letter
MIN_GLYPHS = 50  # fewer letters (a stamp, a signature, a photo) leave a page as it is
SIDEWAYS_SHARE = 0.5  # of the letters, those with their nearest neighbour above or below
QUERY_GLYPHS = 400  # letters whose neighbours are looked up (evenly spread): enough, and fast
QUERY_CHUNK = 50
READ_DPI = 200  # the part read to choose the turn: small type is legible, and it takes a few seconds
READ_SHARE = 0.34  # of the page's width and height: the part read (a ninth of the page, about)
READ_STEPS = 5  # places tried for that part along each side
LEGIBLE_CONFIDENCE = 80  # tesseract's confidence in a word read the right way up
CLEAR_WORDS = 30  # words read so under one turn that settle it (upside down, at most 16 were, of 0-178)
OCR_TIMEOUT_SECONDS = 120


def sideways_pages(pdf_path: Path, pages: list[int]) -> dict[int, int]:
    """{page: degrees to turn it clockwise} for the pages of `pages` (1-based) printed sideways."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        turns: dict[int, int] = {}
        for number in pages:
            grey = grey_pixels(doc[number - 1], TEST_DPI)
            glyphs = _glyphs(grey)
            if _stacked(glyphs):
                top, left, bottom, right = _busiest_part(glyphs, grey.shape)
                scale = READ_DPI / TEST_DPI
                part = grey_pixels(doc[number - 1], READ_DPI)[int(top * scale):int(bottom * scale),
                                                              int(left * scale):int(right * scale)]
                turns[number] = _clockwise_turn(part, first=list(turns.values())[-1] if turns else 90)
        return turns
    finally:
        doc.close()


def is_sideways(grey: np.ndarray) -> bool:
    """Most letters have their nearest neighbour above or below them."""
    return _stacked(_glyphs(grey))


def _glyphs(grey: np.ndarray) -> np.ndarray:
    """The centres (x, y) of the blots of ink the size of a letter or a digit."""
    import cv2

    count, _, stats, centres = cv2.connectedComponentsWithStats((grey < INK).astype(np.uint8), connectivity=8)
    low, high = GLYPH_PX
    height, width, area = (stats[1:, key] for key in (cv2.CC_STAT_HEIGHT, cv2.CC_STAT_WIDTH, cv2.CC_STAT_AREA))
    return centres[1:][(low <= height) & (height <= high) & (width <= high) & (area >= GLYPH_MIN_AREA)]


def _stacked(glyphs: np.ndarray) -> bool:
    if len(glyphs) < MIN_GLYPHS:
        return False
    glyphs = glyphs.astype(np.float32)
    queries = glyphs[np.linspace(0, len(glyphs) - 1, min(QUERY_GLYPHS, len(glyphs))).astype(int)]
    vertical = 0
    for start in range(0, len(queries), QUERY_CHUNK):  # a few MB at a time, however many letters
        chunk = queries[start:start + QUERY_CHUNK]
        distances = ((chunk[:, None, :] - glyphs[None, :, :]) ** 2).sum(axis=2)
        distances[distances == 0] = np.inf  # the letter itself
        nearest = glyphs[distances.argmin(axis=1)]
        vertical += int((np.abs(nearest[:, 1] - chunk[:, 1]) > np.abs(nearest[:, 0] - chunk[:, 0])).sum())
    return vertical / len(queries) > SIDEWAYS_SHARE


def _busiest_part(glyphs: np.ndarray, shape: tuple[int, ...]) -> tuple[float, float, float, float]:
    """(top, left, bottom, right) of the part of the page, READ_SHARE of each side, with the most letters."""
    height, width = shape[0] * READ_SHARE, shape[1] * READ_SHARE
    x, y = glyphs[:, 0], glyphs[:, 1]

    def letters(top: float, left: float) -> int:
        return int(((y >= top) & (y < top + height) & (x >= left) & (x < left + width)).sum())

    top, left = max(((t, le) for t in np.linspace(0, shape[0] - height, READ_STEPS)
                     for le in np.linspace(0, shape[1] - width, READ_STEPS)), key=lambda place: letters(*place))
    return top, left, top + height, left + width


def _clockwise_turn(grey: np.ndarray, first: int) -> int:
    """90 or 270: the quarter turn under which tesseract reads more words with confidence (`first`
    when it reads none either way). The turn `first` (that of the page before: a report is scanned
    one way, mostly) is tried first and taken at once if it reads CLEAR_WORDS words or more, which
    text upside down never gave."""
    read = {}
    for degrees in (first, 360 - first):
        read[degrees] = _legible_words(np.rot90(grey, k=-1 if degrees == 90 else 1))
        if read[degrees] >= CLEAR_WORDS:
            return degrees
    return max(read, key=lambda degrees: (read[degrees], degrees == first))


def _legible_words(grey: np.ndarray) -> int:
    """Words of three letters or more that tesseract reads with confidence."""
    if not shutil.which("tesseract"):
        return 0
    words = tesseract_words(np.ascontiguousarray(grey), DEFAULT_LANGUAGE, psm=11, dpi=READ_DPI,
                            timeout=OCR_TIMEOUT_SECONDS, what="a sideways page") or []
    return sum(1 for w in words if float(w.get("conf") or -1) >= LEGIBLE_CONFIDENCE
               and sum(ch.isalpha() for ch in w["text"]) >= 3)


def upright_copy(pdf_path: Path, turns: dict[int, int], out: Path) -> Path:
    """A copy of `pdf_path` whose pages in `turns` are turned upright: each rendered turned, at the
    resolution scans are read at, onto a page of the turned size; the other pages are copied as they are."""
    import pypdfium2 as pdfium

    source, copy, kept = pdfium.PdfDocument(str(pdf_path)), pdfium.PdfDocument.new(), []
    try:
        for index in range(len(source)):
            degrees = turns.get(index + 1)
            if not degrees:
                copy.import_pages(source, [index])
                continue
            width, height = source[index].get_size()
            bitmap = source[index].render(scale=CELL_DPI / 72, rotation=degrees, grayscale=True)
            kept.append(bitmap)  # pdfium reads the pixels when the file is saved
            image = pdfium.PdfImage.new(copy)
            image.set_bitmap(bitmap)
            image.set_matrix(pdfium.PdfMatrix().scale(height, width))
            page = copy.new_page(height, width)
            page.insert_obj(image)
            page.gen_content()
        copy.save(str(out))
    finally:
        copy.close()
        source.close()
    return out
