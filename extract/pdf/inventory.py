"""Page inventory and text layer of a PDF (pypdfium2).

Every later stage starts here: how many pages, which have text, and the text itself
(metadata inference reads the cover pages; table captions are found in the page text).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

from extract.pdf.prescan import scan_page

# A page with fewer characters than this has no usable text layer (a scan, or blank).
MIN_TEXT_CHARS = 20
# A page whose largest image covers more than this share of it is a scan (or a picture filling it).
SCAN_SHARE = 0.6
# A large image with fewer characters of the text layer over it than this shows its text as pixels only.
PICTURE_MAX_TEXT_CHARS = 20


class PdfError(Exception):
    """The file cannot be read as a PDF; `reason` is short and stable (used for quarantine)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass
class PageInfo:
    number: int  # 1-based, as printed by PDF viewers and camelot
    text: str
    width: float
    height: float
    image_share: float = 0.0  # share of the page covered by its largest image
    ruled: bool = True  # its drawn paths can form a ruled table (prescan.py); else lattice has nothing to read
    empty: bool = False  # no object at all (a blank page of a spreadsheet export): nothing to OCR
    # Large images without text over them on a page that has text: where a table printed as a picture can be.
    pictures: tuple[tuple[float, float, float, float], ...] = ()

    @property
    def is_scan(self) -> bool:
        """A page that is one big picture: a scan, even when it carries an OCR text layer."""
        return self.image_share > SCAN_SHARE

    @property
    def has_bare_scan(self) -> bool:
        """A scan without text over it, on a page that has text elsewhere (a table pasted as a picture
        filling the page under a running header): the page's text says nothing of the picture."""
        return any((b[2] - b[0]) * (b[3] - b[1]) > SCAN_SHARE * self.width * self.height for b in self.pictures)

    @property
    def has_text(self) -> bool:
        return len(self.text.strip()) >= MIN_TEXT_CHARS


@dataclass
class PdfInventory:
    path: Path
    pages: list[PageInfo] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def text_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.has_text]

    @property
    def ruled_text_pages(self) -> list[int]:
        """Text pages whose drawn lines can hold a ruled table: the only ones camelot's lattice reads."""
        return [p.number for p in self.pages if p.has_text and p.ruled]

    @property
    def pages_to_ocr(self) -> list[int]:
        """Pages without a text layer that show something (an empty page has nothing to read).
        Not a page with a few characters of text (a picture cover with its page number): ocrmypdf's
        --skip-text leaves every page that draws any text as it is, so asking for it costs a pass of
        ocrmypdf over the whole file for nothing."""
        return [p.number for p in self.pages if not p.has_text and not p.empty and not p.text.strip()]

    @property
    def scanned_text_pages(self) -> list[int]:
        """Scans that already carry a text layer over their picture (OCRed before publication)."""
        return [p.number for p in self.pages if p.has_text and p.is_scan and not p.has_bare_scan]

    @property
    def picture_boxes(self) -> dict[int, tuple[tuple[float, float, float, float], ...]]:
        """The pictures without text over them on pages that print some text (pdf/pictures.py reads the
        tables among them): a page without any is OCRed whole (`pages_to_ocr`), and a scan with its OCR text
        layer is read as a scan. A picture under its caption alone ('Tabel 3.3') is a picture too."""
        return {p.number: p.pictures for p in self.pages if p.pictures and p.text.strip()}

    def texts(self) -> list[str]:
        return [p.text for p in self.pages]


def check_signature(path: Path) -> None:
    """Refuse files that are not PDFs before handing them to a parser."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if not head:
        raise PdfError("empty_file", "the file has zero bytes")
    if b"%PDF-" not in head:
        raise PdfError("not_a_pdf", "no %PDF- signature in the first 1024 bytes (an HTML page?)")


def read_inventory(path: Path, update: PdfInventory | None = None, pages: list[int] | None = None) -> PdfInventory:
    """Open the PDF and read the text of every page. With `update` and `pages` (1-based): `update`'s pages,
    those in `pages` read again from `path`, a copy of `update`'s file whose other pages are the same
    (OCR added a text layer to `pages` only): a long report with a picture cover is not read twice."""
    path = Path(path)
    check_signature(path)
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise PdfError("encrypted", "the PDF is password-protected") from exc
        raise PdfError("corrupt_pdf", str(exc)) from exc
    try:
        if update is None:
            return PdfInventory(path=path, pages=[_page_info(doc, index) for index in range(len(doc))])
        again = set(pages or [])
        return PdfInventory(path=path, pages=[_page_info(doc, p.number - 1) if p.number in again else p
                                              for p in update.pages])
    finally:
        doc.close()


def _page_info(doc, index: int) -> PageInfo:
    page = doc[index]
    width, height = page.get_size()
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    scan = scan_page(page, width * height)
    pictures = tuple(box for box in scan.pictures
                     if len(textpage.get_text_bounded(*box).strip()) < PICTURE_MAX_TEXT_CHARS)
    return PageInfo(index + 1, _clean(text), width, height, scan.image_share, scan.ruled, scan.empty, pictures)


def _clean(text: str) -> str:
    # pdfium marks line ends with \r\n and soft hyphens with \x02 / \xad.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "").replace("\xad", "")
