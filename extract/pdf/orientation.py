"""Scanned pages printed sideways: a landscape table scanned on a portrait page, its top at the left or
the right edge. OCR reads such a page as noise (one letter per 'line') and no table comes out of it, so
the page is turned upright before it is OCRed.

Which pages: a letter's nearest neighbour is the next letter of its word, beside it on an upright page
and above or below it on a sideways one (the spacing of letters is tighter than that of lines). A page
whose letters mostly have their nearest neighbour above or below is sideways. Which way to turn it:
tesseract's orientation detection (`--psm 0`) on the page turned a quarter clockwise, which then only
has to tell upright from upside down (on the sideways page itself it often names the wrong quarter
where the type is small).
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np

from extract.pdf.ocr import CELL_DPI, INK

log = logging.getLogger(__name__)

TEST_DPI = 100  # 9-12 pt letters are 5-17 px high
GLYPH_PX = (2, 30)  # the height and width of a letter or digit; a rule, a logo or a stain is larger
GLYPH_MIN_AREA = 4  # px of ink: a speck of dust is no letter
MIN_GLYPHS = 50  # fewer letters (a stamp, a signature, a photo) leave a page as it is
SIDEWAYS_SHARE = 0.5  # of the letters, those with their nearest neighbour above or below
QUERY_GLYPHS = 400  # letters whose neighbours are looked up (evenly spread): enough, and fast
OSD_DPI = CELL_DPI  # at 150 dpi tesseract names the wrong side of pages of small type
OSD_TIMEOUT_SECONDS = 60


def sideways_pages(pdf_path: Path, pages: list[int]) -> dict[int, int]:
    """{page: degrees to turn it clockwise} for the pages of `pages` (1-based) printed sideways."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        turns = {}
        for number in pages:
            page = doc[number - 1]
            if is_sideways(_grey(page, TEST_DPI)):
                turns[number] = _clockwise_turn(_grey(page, OSD_DPI))
        return turns
    finally:
        doc.close()


def is_sideways(grey: np.ndarray) -> bool:
    """Most letters have their nearest neighbour above or below them."""
    import cv2

    count, _, stats, centres = cv2.connectedComponentsWithStats((grey < INK).astype(np.uint8), connectivity=8)
    low, high = GLYPH_PX
    height, width, area = (stats[1:, key] for key in (cv2.CC_STAT_HEIGHT, cv2.CC_STAT_WIDTH, cv2.CC_STAT_AREA))
    glyphs = centres[1:][(low <= height) & (height <= high) & (width <= high) & (area >= GLYPH_MIN_AREA)]
    if len(glyphs) < MIN_GLYPHS:
        return False
    queries = glyphs[np.linspace(0, len(glyphs) - 1, min(QUERY_GLYPHS, len(glyphs))).astype(int)]
    distances = ((queries[:, None, :] - glyphs[None, :, :]) ** 2).sum(axis=2)
    distances[distances == 0] = np.inf  # the letter itself
    nearest = glyphs[distances.argmin(axis=1)]
    vertical = np.abs(nearest[:, 1] - queries[:, 1]) > np.abs(nearest[:, 0] - queries[:, 0])
    return float(vertical.mean()) > SIDEWAYS_SHARE


def _clockwise_turn(grey: np.ndarray) -> int:
    """90 or 270: the quarter turn that sets the page's text upright. Both quarter turns are shown to
    tesseract, each then upright or upside down, and their confidences are weighed (on a page of sparse
    text, a diagram, one of them alone may be wrong); 90 when neither says anything."""
    votes = 0.0
    for turn, sign in ((-1, 1), (1, -1)):  # a quarter clockwise (for 90), a quarter counterclockwise
        rotate, confidence = _orientation(np.rot90(grey, k=turn))
        if rotate in (0, 180):
            votes += sign * confidence * (1 if rotate == 0 else -1)
    return 90 if votes >= 0 else 270


def _orientation(grey: np.ndarray) -> tuple[int | None, float]:
    """tesseract's orientation detection: the degrees to turn the text upright and its confidence."""
    from PIL import Image

    tesseract = shutil.which("tesseract")
    if not tesseract:
        return None, 0.0
    with tempfile.TemporaryDirectory(prefix="lkjip-osd-") as scratch:
        image = Path(scratch) / "page.png"
        Image.fromarray(np.ascontiguousarray(grey)).save(image)
        try:
            done = subprocess.run([tesseract, str(image), "stdout", "--psm", "0"], capture_output=True, text=True,
                                  timeout=OSD_TIMEOUT_SECONDS, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("orientation detection failed: %s", exc)
            return None, 0.0
    rotate = re.search(r"Rotate:\s*(\d+)", done.stdout or "")
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", done.stdout or "")
    if not rotate or not confidence:
        return None, 0.0  # too few letters to tell
    return int(rotate.group(1)), float(confidence.group(1))


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


def _grey(page, dpi: int) -> np.ndarray:
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    return np.asarray(bitmap.to_numpy()).reshape(bitmap.height, bitmap.width, -1)[:, :, 0]
