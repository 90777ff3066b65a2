"""OCR for scanned pages: a searchable copy of a PDF whose pages have no text layer.

Scanned reports (a signed Perjanjian Kinerja is often a scan) carry only images, so neither
the metadata inference nor camelot can read them. `ocr_pages()` runs ocrmypdf (which drives
tesseract with the Indonesian and English language data) on the pages without text and
writes a new PDF with an invisible text layer over the images; pages that already have text
are copied unchanged (`--skip-text`). The input file is never modified (the landing area is
content-addressed).

Tools come from Debian packages: `ocrmypdf tesseract-ocr tesseract-ocr-ind`
(tesseract-ocr pulls in tesseract-ocr-eng and tesseract-ocr-osd). They run as a subprocess
with a timeout, never through a shell.

Errors raise `OcrError(reason, detail)`; `reason` is short and stable (it becomes part of a
quarantine reason): `ocr_unavailable`, `ocr_language_missing`, `ocr_timeout`,
`ocr_input_error`, `ocr_encrypted`, `ocr_failed`, `ocr_no_output`.

Lattice on an OCRed page: the ruling lines of a scanned table exist only in the image, so
camelot's lattice must run with a raster engine (`engine="raster"` or the default
`"combined"`), not `engine="vector"`, which reads drawn PDF lines and finds none.

Table cells: page-level OCR reads a table as running text, so ruling lines become '|', '(' or
'}' next to digits and short cells ('1.', '%', a two-line header) are misread or lost.
`read_cell_texts()` reads the cells camelot found again, each cropped inside its borders from
the page image, all cells of a page in one tesseract run (extract/pdf/scanned.py decides which
reading to keep).
"""
from __future__ import annotations

import functools
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from extract.fsutil import commit_file

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "ind+eng"
DEFAULT_TIMEOUT_SECONDS = 300

# ocrmypdf exit codes (ocrmypdf.ExitCode) -> stable reasons.
_EXIT_REASONS = {
    1: "ocr_failed",            # bad arguments (a bug on our side)
    2: "ocr_input_error",       # input file is not a usable PDF
    3: "ocr_unavailable",       # a required program (tesseract, ghostscript) is missing
    4: "ocr_failed",            # output file invalid
    5: "ocr_failed",            # file access error
    7: "ocr_failed",            # a child process (tesseract) failed
    8: "ocr_encrypted",         # encrypted PDF
    9: "ocr_language_missing",  # invalid configuration, usually missing language data
    10: "ocr_failed",           # PDF/A conversion failed (not used: --output-type pdf)
    15: "ocr_failed",           # other error
}


class OcrError(Exception):
    """OCR could not produce a searchable PDF; `reason` is short and stable."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def _programs() -> tuple[str | None, str | None]:
    return shutil.which("ocrmypdf"), shutil.which("tesseract")


def installed_languages() -> set[str]:
    """Language data known to tesseract (empty when tesseract is missing)."""
    tesseract = _programs()[1]
    if not tesseract:
        return set()
    try:
        done = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return set()
    lines = (done.stdout or "").splitlines()
    return {line.strip() for line in lines[1:] if line.strip()}  # first line: "List of available languages"


def missing_languages(language: str = DEFAULT_LANGUAGE) -> list[str]:
    have = installed_languages()
    return [lang for lang in language.split("+") if lang and lang not in have]


def ocr_available(language: str = DEFAULT_LANGUAGE) -> bool:
    """True when ocrmypdf, tesseract and the language data for `language` are installed."""
    ocrmypdf, tesseract = _programs()
    return bool(ocrmypdf and tesseract) and not missing_languages(language)


def unavailable_reason(language: str = DEFAULT_LANGUAGE) -> str | None:
    """Why OCR cannot run here (for skip messages and logs), or None when it can."""
    ocrmypdf, tesseract = _programs()
    missing = [name for name, path in (("ocrmypdf", ocrmypdf), ("tesseract", tesseract)) if not path]
    if missing:
        return (f"{' and '.join(missing)} not found on PATH "
                "(apt-get install ocrmypdf tesseract-ocr tesseract-ocr-ind)")
    langs = missing_languages(language)
    if langs:
        return f"tesseract language data missing: {', '.join(langs)} (apt-get install tesseract-ocr-ind)"
    return None


def ocr_pages(pdf_path: Path, out_path: Path, language: str = DEFAULT_LANGUAGE,
              pages: list[int] | None = None, timeout: int = DEFAULT_TIMEOUT_SECONDS,
              jobs: int | None = None) -> Path:
    """Write `out_path`: `pdf_path` with a text layer added to the pages that have none.

    `pages` (1-based) limits OCR to those pages (the ones the inventory found without text);
    by default ocrmypdf decides per page (`--skip-text`: pages with text are left as they are).
    The output is written to a temporary sibling and renamed, so `out_path` is never half a file.
    Raises OcrError.
    """
    pdf_path, out_path = Path(pdf_path), Path(out_path)
    reason = unavailable_reason(language)
    if reason is not None:
        code = "ocr_language_missing" if "language" in reason else "ocr_unavailable"
        raise OcrError(code, reason)
    if not pdf_path.is_file():
        raise OcrError("ocr_input_error", f"no such file: {pdf_path}")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    run = lambda source, target, only: _run_ocrmypdf(source, target, language, only, timeout, jobs)  # noqa: E731
    pages = sorted(set(pages)) if pages else None
    if pages and len(pages) < _page_count(pdf_path):
        _ocr_some_pages(pdf_path, out_path, pages, run)
    else:
        run(pdf_path, out_path, pages)
    return out_path


def _ocr_some_pages(pdf_path: Path, out_path: Path, pages: list[int], run) -> None:
    """ocrmypdf analyses and rewrites every page of the file it is given, even with --pages (about
    1 CPU-s for an 80-page report): a report whose cover alone is a picture gives it only the pages
    to read, and the read pages go back in place of the originals. Each page is OCRed on its own
    image either way, so the text is the same."""
    with tempfile.TemporaryDirectory(prefix=".ocr-pages-", dir=out_path.parent) as scratch:
        part, ocred = Path(scratch) / "pages.pdf", Path(scratch) / "ocred.pdf"
        save_pages(out_path=part, sources=[(pdf_path, [p - 1 for p in pages])])
        run(part, ocred, None)  # every page of `part` is one to read
        replaced = {page: index for index, page in enumerate(pages)}
        runs: list[tuple[Path, list[int]]] = []  # consecutive pages of one file: its fonts copied once
        for number in range(1, _page_count(pdf_path) + 1):
            source, index = (ocred, replaced[number]) if number in replaced else (pdf_path, number - 1)
            if runs and runs[-1][0] == source:
                runs[-1][1].append(index)
            else:
                runs.append((source, [index]))
        save_pages(out_path=Path(scratch) / "merged.pdf", sources=runs)
        commit_file(Path(scratch) / "merged.pdf", out_path)


def save_pages(out_path: Path, sources: list[tuple[Path, list[int]]]) -> None:
    """A new PDF of the given pages (0-based) of the given files, in order."""
    import pypdfium2 as pdfium

    opened: dict[Path, pdfium.PdfDocument] = {}
    out = pdfium.PdfDocument.new()
    try:
        for path, indices in sources:
            source = opened.get(path) or opened.setdefault(path, pdfium.PdfDocument(str(path)))
            out.import_pages(source, indices)
        out.save(str(out_path))
    finally:
        out.close()
        for doc in opened.values():
            doc.close()


def _page_count(pdf_path: Path) -> int:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(pdf_path))
    except pdfium.PdfiumError:
        return 0  # ocrmypdf says what is wrong with the file
    try:
        return len(doc)
    finally:
        doc.close()


def _run_ocrmypdf(pdf_path: Path, out_path: Path, language: str, pages: list[int] | None, timeout: int,
                  jobs: int | None) -> None:
    ocrmypdf = _programs()[0]
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".pdf", dir=out_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    command = [
        ocrmypdf,
        "--skip-text",            # pages that already have text are copied, not rasterised
        "--language", language,
        "--output-type", "pdf",   # no PDF/A conversion: faster, no ghostscript pass over the file
        "--optimize", "0",
        "--jobs", str(jobs or max(1, min(4, os.cpu_count() or 1))),
        "--quiet",
    ]
    if pages:
        command += ["--pages", ",".join(str(p) for p in pages)]
    command += [str(pdf_path), str(tmp)]
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # tesseract threads x ocrmypdf jobs would oversubscribe
    try:
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired as exc:
            raise OcrError("ocr_timeout", f"ocrmypdf gave no result after {timeout} s") from exc
        except OSError as exc:
            raise OcrError("ocr_unavailable", f"cannot run ocrmypdf: {exc}") from exc
        if done.returncode not in (0, 6):  # 6: the file already had text everywhere (fine with --skip-text)
            tail = (done.stderr or "").strip().splitlines()[-1:] or [f"exit code {done.returncode}"]
            raise OcrError(_EXIT_REASONS.get(done.returncode, "ocr_failed"),
                           f"ocrmypdf exit {done.returncode}: {tail[0][:300]}")
        if done.returncode == 6 or not tmp.exists() or tmp.stat().st_size == 0:
            if done.returncode == 6:
                shutil.copyfile(pdf_path, tmp)
            else:
                raise OcrError("ocr_no_output", "ocrmypdf exited 0 but wrote no file")
        commit_file(tmp, out_path)
    finally:
        if tmp.exists():
            tmp.unlink()


# ---------------------------------------------------------------- re-reading table cells

# Cells are re-read with the English model first: the Indonesian model reads a lone '%' as
# 'Yo' or '96'; both models share the Latin alphabet, so Indonesian words read the same.
CELL_LANGUAGE = "eng+ind"
CELL_DPI = 300  # tesseract wants text about 20 px high; 9-10 pt type at 200 dpi is 12-14 px
CELL_DPI_SECOND = 400  # a second look at the cells whose readings disagree
CELL_TIMEOUT_SECONDS = 120
INK = 160  # grey level below which a pixel is ink


def read_cell_texts(pdf_path: Path, page_number: int, boxes: list[tuple[float, float, float, float]],
                    dpi: int = CELL_DPI, language: str = CELL_LANGUAGE,
                    timeout: int = CELL_TIMEOUT_SECONDS) -> list[str | None]:
    """The text of every box (x1, y1, x2, y2 in PDF points, origin bottom-left) of one page,
    read by tesseract from the page image, one cell at a time.

    Page-level OCR reads a table as running text: a ruling line next to a digit becomes '|',
    '(' or '}', a narrow header cell is read together with its neighbours, a lone '1' or '%'
    is lost. Here every cell is cropped inside its borders (ruling lines erased first),
    trimmed to its ink, and the crops are laid out on one image for a single tesseract run
    (one process per page, not per cell; see _layout). None for a box without ink, and for
    every box when tesseract cannot run (the caller keeps the page-level text).
    """
    language = "+".join(lang for lang in language.split("+") if lang in _installed_languages_cached())
    if not boxes or _programs()[1] is None or not language:
        return [None] * len(boxes)
    region = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    try:
        image, region = _render_region(pdf_path, page_number, region, dpi)
    except Exception:  # an unreadable page: keep the page-level text
        log.warning("cannot render page %s of %s for cell OCR", page_number, pdf_path, exc_info=True)
        return [None] * len(boxes)
    image = _erase_ruling_lines(image, dpi)
    crops = [_crop_box(image, box, region, dpi) for box in boxes]
    present = [i for i, crop in enumerate(crops) if crop is not None]
    texts: list[str | None] = [None] * len(boxes)
    if present:
        read = _ocr_laid_out([crops[i] for i in present], dpi, language, timeout)
        for i, text in zip(present, read):
            texts[i] = text
    return texts


@functools.lru_cache(maxsize=1)
def _installed_languages_cached() -> frozenset[str]:
    return frozenset(installed_languages())


def _render_region(pdf_path: Path, page_number: int, region: tuple[float, float, float, float], dpi: int):
    """The page image inside `region` (x1, y1, x2, y2 in PDF points) and the region clipped to
    the page: rendering and line erasing cost in proportion to the area."""
    import numpy as np
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        page = doc[page_number - 1]
        width, height = page.get_size()
        x1, y1, x2, y2 = max(0.0, region[0]), max(0.0, region[1]), min(width, region[2]), min(height, region[3])
        bitmap = page.render(scale=dpi / 72, grayscale=True, draw_annots=False,
                             crop=(x1, y1, width - x2, height - y2))
        return np.asarray(bitmap.to_pil().convert("L")), (x1, y1, x2, y2)
    finally:
        doc.close()


def _erase_ruling_lines(image, dpi: int):
    """Ink runs longer than 0.3 inch, horizontal or vertical, painted white (with a 1 px margin)."""
    import cv2
    import numpy as np

    ink = np.where(image < INK, 255, 0).astype(np.uint8)
    length = max(20, int(dpi * 0.3))
    lines = np.zeros_like(ink)
    for size in ((length, 1), (1, length)):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, size)
        lines |= cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
    lines = cv2.dilate(lines, np.ones((3, 3), np.uint8))
    cleaned = image.copy()
    cleaned[lines > 0] = 255
    return cleaned


def _crop_box(image, box: tuple[float, float, float, float], region: tuple[float, float, float, float],
              dpi: int):
    """The ink of one cell (inset past its borders), or None when the cell is blank.
    `image` shows `region` of the page."""
    import numpy as np

    scale = dpi / 72
    inset = max(2, round(dpi / 100))
    x1, y1, x2, y2 = box
    left_edge, top_edge = region[0], region[3]
    left, right = int((x1 - left_edge) * scale) + inset, int((x2 - left_edge) * scale) - inset
    top, bottom = int((top_edge - y2) * scale) + inset, int((top_edge - y1) * scale) - inset
    left, top = max(0, left), max(0, top)
    right, bottom = min(image.shape[1], right), min(image.shape[0], bottom)
    if right - left < 4 or bottom - top < 4:
        return None
    crop = image[top:bottom, left:right]
    ys, xs = np.nonzero(crop < INK)
    if len(ys) < 6:  # specks, not a glyph
        return None
    return crop[ys.min(): ys.max() + 1, xs.min(): xs.max() + 1]


def _layout(crops: list, dpi: int) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """Where each crop goes on one canvas: (canvas height, width) and the top-left of every crop.

    A crop of one line of text is set beside others on a shared line, far enough apart that
    tesseract never joins them into a word: read alone, a short token such as a row number
    '1.' or a lone '%' has no context and is often misread ('I.', 'Yo'). Taller crops (wrapped
    text) get lines of their own.
    """
    pad, gap = int(dpi * 0.05), int(dpi * 0.3)
    one_line, max_width = dpi * 0.17, int(dpi * 8)
    width = max(max_width, max(c.shape[1] for c in crops) + 2 * pad)
    places: list[tuple[int, int]] = [(0, 0)] * len(crops)
    y, x, line_height = gap, pad, 0
    for index, crop in enumerate(crops):
        height, crop_width = crop.shape
        if height > one_line or x + crop_width + pad > width:  # start a new line
            y, x, line_height = y + line_height + (gap if line_height else 0), pad, 0
        places[index] = (y, x)
        line_height = max(line_height, height)
        x += crop_width + gap
        if height > one_line:  # wrapped text: nothing beside it
            x = width
    return (y + line_height + gap, width), places


def _ocr_laid_out(crops: list, dpi: int, language: str, timeout: int) -> list[str | None]:
    """One tesseract run over all crops laid out on one canvas (see _layout); every word goes
    back to the crop its centre falls in. Lines of one crop are joined with newlines, like
    camelot's cells."""
    import numpy as np

    size, places = _layout(crops, dpi)
    canvas = np.full(size, 255, np.uint8)
    for crop, (top, left) in zip(crops, places):
        canvas[top: top + crop.shape[0], left: left + crop.shape[1]] = crop
    rows = tesseract_words(canvas, language, psm=6, dpi=dpi, timeout=timeout, what="table cells")
    if rows is None:
        return [None] * len(crops)
    margin = int(dpi * 0.05)  # a word's box may reach a little past the ink it was read from
    boxes = [(left - margin, top - margin, left + c.shape[1] + margin, top + c.shape[0] + margin)
             for c, (top, left) in zip(crops, places)]
    words: list[list[tuple[tuple[int, int, int], int, int, str]]] = [[] for _ in crops]
    for row in rows:
        cx = int(row["left"]) + int(row["width"]) / 2
        cy = int(row["top"]) + int(row["height"]) / 2
        index = next((i for i, (x1, y1, x2, y2) in enumerate(boxes) if x1 <= cx < x2 and y1 <= cy < y2), None)
        if index is not None:
            line = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
            words[index].append((line, int(row["top"]), int(row["left"]), row["text"].strip()))
    return [_join_lines(found) or None for found in words]


def tesseract_words(image, language: str, psm: int, dpi: int | None, timeout: int, what: str) -> list[dict] | None:
    """The words tesseract reads in a grey image (numpy array), as its TSV rows (level 5, with text:
    left, top, width, height, conf, text, block_num, par_num, line_num), or None when it failed;
    `what` names the image in the log."""
    import csv
    import io

    import cv2

    ok, png = cv2.imencode(".png", image)
    if not ok:
        return None
    command = [_programs()[1], "stdin", "stdout", "-l", language, "--psm", str(psm)]
    command += ["--dpi", str(dpi), "tsv"] if dpi else ["tsv"]
    try:
        done = subprocess.run(command, input=png.tobytes(), capture_output=True, timeout=timeout,
                              env=dict(os.environ, OMP_THREAD_LIMIT="1"))
    except (OSError, subprocess.SubprocessError):
        log.warning("tesseract failed on %s", what, exc_info=True)
        return None
    if done.returncode != 0:
        log.warning("tesseract exit %s on %s: %s", done.returncode, what, done.stderr[-200:])
        return None
    rows = csv.DictReader(io.StringIO(done.stdout.decode("utf-8", "replace")), delimiter="\t",
                          quoting=csv.QUOTE_NONE)
    return [row for row in rows if row.get("level") == "5" and (row.get("text") or "").strip()]


def _join_lines(words: list[tuple[tuple[int, int, int], int, int, str]]) -> str:
    """Words (tesseract line, top, left, text) of one crop to text: tesseract's lines from top
    to bottom joined with newlines, the words of a line left to right."""
    lines: dict[tuple[int, int, int], list[tuple[int, int, str]]] = {}
    for line, top, left, word in words:
        lines.setdefault(line, []).append((top, left, word))
    ordered = sorted(lines.values(), key=lambda ws: min(w[0] for w in ws))
    return "\n".join(" ".join(w for _, _, w in sorted(ws, key=lambda w: w[1])) for ws in ordered)
