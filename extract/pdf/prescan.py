"""Pre-scan of a page's drawn objects with pdfium (about a millisecond a page): its largest image
and whether its paths can form a ruled table.

camelot's vector lattice builds a table only from ruling lines: stroked lines, the edges of stroked
rectangles, and filled rectangles thin enough to be a line (camelot/image_processing.py,
`_ruled_lines_from_layout`); a table needs horizontal and vertical ones. A page without both
(prose with a header rule, a chart of filled shapes) cannot hold a lattice table, so lattice, which
costs a full layout analysis of every page, skips it. The test errs one way only: a path that might
hold lines in both directions (any stroked shape, a filled path of several pieces) counts as both.
Raw pdfium calls, not `page.get_objects()`: a page of a chart has thousands of objects.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

# camelot reads a filled rectangle up to 1.5 pt thick as a line; a little slack for rounding.
THIN_PT = 2.0
# Paths with more segments (curves of a chart, a map) are not walked: counted as both directions.
MAX_SEGMENTS = 64
HORIZONTAL, VERTICAL = "h", "v"
MAX_FORM_DEPTH = 15
IMAGE_FORM_DEPTH = 1  # images inside at most one Form XObject: what `is_scan` has always been measured on
# An image covering this share of the page may be a table printed as a picture (pdf/pictures.py), or the
# header of one at a page's foot; a stamp or a signature is smaller.
PICTURE_MIN_SHARE = 0.02


@dataclass(frozen=True)
class PageScan:
    image_share: float  # share of the page covered by its largest image
    ruled: bool  # has paths that can be horizontal and vertical ruling lines
    empty: bool  # no object at all: nothing to see, nothing for OCR to read
    pictures: tuple[tuple[float, float, float, float], ...] = ()  # (left, bottom, right, top) of large images


def scan_page(page, page_area: float) -> PageScan:
    largest, directions, pictures = 0.0, set(), []
    for obj, kind, depth in _objects(page, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, 0):
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE and depth <= IMAGE_FORM_DEPTH:
            left, bottom, right, top = _bounds(obj)
            largest = max(largest, (right - left) * (top - bottom))
            if page_area and (right - left) * (top - bottom) >= PICTURE_MIN_SHARE * page_area:
                pictures.append((left, bottom, right, top))
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH and len(directions) < 2:
            left, bottom, right, top = _bounds(obj)
            directions |= _line_directions(obj, right - left, top - bottom, depth)
    share = min(1.0, largest / page_area) if page_area else 0.0
    return PageScan(image_share=share, ruled=len(directions) == 2, empty=pdfium_c.FPDFPage_CountObjects(page) == 0,
                    pictures=tuple(pictures))


def _objects(parent, count, get, depth: int):
    """(object, type, depth) of images and paths, Form XObjects walked into (playa reads them too)."""
    for index in range(count(parent)):
        obj = get(parent, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH):
            yield obj, kind, depth
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH - 1:
            yield from _objects(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject,
                                depth + 1)


def _bounds(obj) -> tuple[float, float, float, float]:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return left.value, bottom.value, right.value, top.value


def _line_directions(path, width: float, height: float, depth: int) -> set[str]:
    """The directions of ruling line this path can give camelot."""
    if min(width, height) <= THIN_PT and width != height:  # a line (or a piece of a dashed one)
        return {HORIZONTAL} if width > height else {VERTICAL}
    fill_mode, stroked = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(path, fill_mode, stroked)
    segments = pdfium_c.FPDFPath_CountSegments(path)
    if depth > 0 or not 0 < segments <= MAX_SEGMENTS:  # inside a form (its own scale) or a long curve
        return {HORIZONTAL, VERTICAL}
    pieces = _pieces(path, segments)
    if pieces is None:
        return {HORIZONTAL, VERTICAL}
    if fill_mode.value != pdfium_c.FPDF_FILLMODE_NONE and not stroked.value:
        # A filled piece is a rule only when thin (a bar of a chart or a shaded cell is not).
        return set().union(*(_direction(*_extent(points)) for points in pieces if min(_extent(points)) <= THIN_PT))
    return set().union(*(_direction(x1 - x0, y1 - y0) for points in pieces
                         for (x0, y0), (x1, y1) in zip(points, points[1:])))


def _pieces(path, segments: int) -> list[list[tuple[float, float]]] | None:
    """The corner points of every piece (subpath) of a path in page space, closed ones closed again;
    None when a piece has a curve (camelot reads no ruling line from a curve; it may hold any) or the
    path cannot be read."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(path, matrix):
        return None
    pieces: list[list[tuple[float, float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for index in range(segments):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            return None
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (matrix.a * x.value + matrix.c * y.value + matrix.e, matrix.b * x.value + matrix.d * y.value + matrix.f)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not pieces:
            pieces.append([point])
        else:
            pieces[-1].append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            pieces[-1].append(pieces[-1][0])
    return pieces


def _extent(points: list[tuple[float, float]]) -> tuple[float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return max(xs) - min(xs), max(ys) - min(ys)


def _direction(dx: float, dy: float) -> set[str]:
    """A straight stretch is horizontal or vertical by its longer side (a tie may be either)."""
    dx, dy = abs(dx), abs(dy)
    if dx == dy:
        return {HORIZONTAL, VERTICAL} if dx else set()
    return {HORIZONTAL} if dx > dy else {VERTICAL}
