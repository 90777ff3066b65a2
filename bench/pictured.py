"""A rendering whose tables are pictures: every ruled grid of a PDF cut out of its page and pasted back as
a grey image of itself, the text around it left as text (a report that pastes its tables as screenshots
of a spreadsheet). The grids are found from the drawn lines alone (touching lines are one grid), so the
rendering owes nothing to the extractor. Without `rules`, the grid's lines and fills are left out of its
picture: a table printed without rules (a statistics table pasted from another publication).

  .venv/bin/python bench/pictured.py IN.pdf OUT.pdf [--dpi 150] [--no-rules]
"""
from __future__ import annotations

import argparse
from pathlib import Path

PICTURE_DPI = 150  # a screenshot's resolution: coarser than a scan (bench/accuracy.py SCAN_DPI)
MIN_GRID_PT = 20  # a running header's rule is no grid: a grid is this tall and wide at least
TOUCH_PT = 0.3  # lines this close touch (a running footer's rule 1 pt under a table's foot is no part of it)
MARGIN_PT = 1.0  # around a grid, so its outer rules are in its picture


def picture_tables(pdf: Path, out: Path, dpi: int = PICTURE_DPI, rules: bool = True) -> Path:
    """`pdf` with each ruled grid replaced by its picture, what is printed over it included (its lines and
    fills too if `rules`)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument(str(pdf))
    kept = []  # bitmaps stay alive until the file is saved
    try:
        for page in doc:
            paths = [obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])]
            grids = [(g[0] - MARGIN_PT, g[1] - MARGIN_PT, g[2] + MARGIN_PT, g[3] + MARGIN_PT)
                     for g in _grids(paths) if min(g[2] - g[0], g[3] - g[1]) >= MIN_GRID_PT]
            if not grids:
                continue
            if not rules:
                for obj in [o for o in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])
                            if any(_inside(o.get_bounds(), g) for g in grids)]:
                    page.remove_obj(obj)
                page.gen_content()
            pictures = [(box, _picture(page, box, dpi)) for box in grids]
            for obj in [o for o in page.get_objects() if any(_inside(o.get_bounds(), g) for g in grids)]:
                page.remove_obj(obj)
            for (left, bottom, right, top), bitmap in pictures:
                kept.append(bitmap)
                image = pdfium.PdfImage.new(doc)
                image.set_bitmap(bitmap)
                image.set_matrix(pdfium.PdfMatrix().scale(right - left, top - bottom).translate(left, bottom))
                page.insert_obj(image)
            page.gen_content()
        doc.save(str(out))
    finally:
        doc.close()
    return out


def _grids(boxes: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """The boxes of groups of touching lines."""
    groups: list[tuple[float, float, float, float]] = []
    for box in boxes:
        touching = [g for g in groups if _touch(g, box)]
        for g in touching:
            groups.remove(g)
            box = (min(box[0], g[0]), min(box[1], g[1]), max(box[2], g[2]), max(box[3], g[3]))
        groups.append(box)
    return groups


def _touch(a, b) -> bool:
    return (a[0] <= b[2] + TOUCH_PT and b[0] <= a[2] + TOUCH_PT
            and a[1] <= b[3] + TOUCH_PT and b[1] <= a[3] + TOUCH_PT)


def _inside(box, grid) -> bool:
    return box[0] >= grid[0] and box[2] <= grid[2] and box[1] >= grid[1] and box[3] <= grid[3]


def _picture(page, box, dpi: int):
    import pypdfium2 as pdfium

    width, height = page.get_size()
    left, bottom, right, top = box
    crop = (max(0.0, left), max(0.0, bottom), max(0.0, width - right), max(0.0, height - top))
    grey = page.render(scale=dpi / 72, crop=crop, grayscale=True).to_pil().convert("L")
    return pdfium.PdfBitmap.from_pil(grey)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdf", type=Path, help="a PDF with ruled tables (a sample, a fuzz rendering)")
    ap.add_argument("out", type=Path, help="where to write the rendering with its tables as pictures")
    ap.add_argument("--dpi", type=int, default=PICTURE_DPI, help=f"the pictures' resolution (default {PICTURE_DPI})")
    ap.add_argument("--no-rules", action="store_true", help="leave the grids' lines out of their pictures")
    args = ap.parse_args()
    picture_tables(args.pdf, args.out, args.dpi, rules=not args.no_rules)


if __name__ == "__main__":
    main()
