"""Cut pages out of a PDF, so a test reads the pages it asserts and not the whole report."""
from __future__ import annotations

from pathlib import Path

from extract.pdf.ocr import save_pages


def cut_pages(pdf: Path, pages: list[int], out: Path) -> Path:
    """`pages` (1-based, in this order) of `pdf` alone in a new PDF at `out` (the copier the OCR step uses
    to send only a report's scanned pages to ocrmypdf)."""
    save_pages(Path(out), [(Path(pdf), [p - 1 for p in pages])])
    return Path(out)
