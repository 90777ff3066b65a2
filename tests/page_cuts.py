"""Cut pages out of a PDF, so a test reads the pages it asserts and not the whole report."""
from __future__ import annotations

from pathlib import Path


def cut_pages(pdf: Path, pages: list[int], out: Path) -> Path:
    """`pages` (1-based, in this order) of `pdf` alone in a new PDF at `out`."""
    import pypdfium2 as pdfium

    source, part = pdfium.PdfDocument(str(pdf)), pdfium.PdfDocument.new()
    try:
        part.import_pages(source, [p - 1 for p in pages])
        part.save(str(out))
    finally:
        part.close()
        source.close()
    return Path(out)
