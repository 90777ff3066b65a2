"""A page of a PDF, or a box of it, rendered in grey by pdfium: the pixels that the tests on scanned pages
(orientation) and on pictures of tables (pictures) look at."""
from __future__ import annotations

import numpy as np

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points


def grey_bitmap(page, dpi: int, box: Box | None = None):
    """`page` (a pdfium page), or `box` of it, rendered in grey at `dpi`."""
    if box is None:
        return page.render(scale=dpi / 72, grayscale=True)
    width, height = page.get_size()
    left, bottom, right, top = box
    crop = (max(0.0, left), max(0.0, bottom), max(0.0, width - right), max(0.0, height - top))
    return page.render(scale=dpi / 72, crop=crop, grayscale=True)


def grey_pixels(page, dpi: int, box: Box | None = None) -> np.ndarray:
    """The grey levels (0 ink .. 255 paper) of `page`, or `box` of it, at `dpi`: rows of pixels."""
    bitmap = grey_bitmap(page, dpi, box)
    return np.asarray(bitmap.to_numpy()).reshape(bitmap.height, bitmap.width, -1)[:, :, 0]
