"""Scanned pages: raster lattice, then every closed cell re-read by OCR from the page image."""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import camelot

from extract.model import RawTable
from extract.numerals import is_row_number, looks_numeric
from extract.pdf import camelot_cuts, ocr
from extract.pdf.ruled import PAGES_PER_CAMELOT_CALL, to_raw_table
from extract.text import HEADER_WORDS

# camelot's default: a ruling line is at least 1/15 of the page image's side (shorter strokes are text).
LINE_SCALE = 15


def read_scanned(path: Path, pages: list[int], line_scale: int = LINE_SCALE) -> list[RawTable]:
    """Raster lattice on scanned pages, then every single cell re-read from the image.

    camelot places the page-level OCR words into the grid it found in the image; that text
    is kept for cells that span several grid cells. A cell closed on all four sides is read
    again on its own (extract/pdf/ocr.py read_cell_texts), which keeps ruling lines, neighbouring
    cells and the page's text-line guessing out of its text.
    """
    found: list[RawTable] = []
    for start in range(0, len(pages), PAGES_PER_CAMELOT_CALL):
        chunk = pages[start : start + PAGES_PER_CAMELOT_CALL]
        table_list = _raster_lattice(path, chunk, line_scale=line_scale)
        by_page: dict[int, list] = {}  # camelot's table (cell geometry) and its RawTable
        for table in table_list:
            by_page.setdefault(int(table.page), []).append((table, to_raw_table(table, "lattice")))
        for page, pairs in by_page.items():
            _reread_cells(path, page, pairs)
            for _, raw in pairs:
                _repair_row_numbers(_strip_ocr_rules(raw))
                _repair_percent_signs(raw)
                repair_misread_words(raw)
                found.append(raw)
    return found


def _raster_lattice(path: Path, pages: list[int], split_text: bool = True, line_scale: int = LINE_SCALE) -> list:
    """camelot's raster lattice on `pages`. Its split_text raises IndexError on an OCR text line
    that lies in a row of a grid but beside all its columns (camelot 2.0 `_process_horizontal_cut`):
    one such page must not cost the others, so the pages are read again one by one, and the page
    that fails is read without split_text (its page-level text is re-read per cell anyway)."""
    camelot_cuts.install()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # camelot warns for every page without a table
            return list(camelot.read_pdf(str(path), pages=",".join(map(str, pages)), suppress_stdout=True,
                                         flavor="lattice", engine="raster", split_text=split_text,
                                         line_scale=line_scale))
    except IndexError:
        if len(pages) > 1:
            return [table for page in pages for table in _raster_lattice(path, [page], line_scale=line_scale)]
        if not split_text:
            raise
        return _raster_lattice(path, pages, split_text=False, line_scale=line_scale)


def _reread_cells(path: Path, page: int, pairs: list) -> None:
    """Replace the text of every closed cell by its own OCR (one tesseract run per page).

    Where the cell's reading and the page's reading of a number differ, the cell is read a
    third time (at another resolution, among other crops) and the readings vote.
    """
    targets, boxes = [], []
    for table, raw in pairs:
        for r, row in enumerate(table.cells[: len(raw.rows)]):
            for c, cell in enumerate(row[: len(raw.rows[r])]):
                if cell.bound == 4:
                    targets.append((raw, r, c))
                    boxes.append((cell.x1, cell.y1, cell.x2, cell.y2))
    page_texts = [_without_rules(raw.rows[r][c]) for raw, r, c in targets]
    cell_texts = ocr.read_cell_texts(path, page, boxes)
    doubtful = [i for i, (a, b) in enumerate(zip(cell_texts, page_texts)) if a and _numbers_differ(a, b)]
    third = ocr.read_cell_texts(path, page, [boxes[i] for i in doubtful], dpi=ocr.CELL_DPI_SECOND)
    for i, text in zip(doubtful, third):
        cell_texts[i] = _vote([cell_texts[i], text, page_texts[i]])
    for (raw, r, c), text, page_text in zip(targets, cell_texts, page_texts):
        if text and not _lost_words(text, page_text):
            raw.rows[r][c] = _keep_percent(text, page_text)


def _keep_percent(cell_text: str, page_text: str) -> str:
    """'10,53' read alone, '10,53%' on the page: the same number, and the page saw its '%'."""
    if "%" in page_text and "%" not in cell_text and looks_numeric(cell_text) \
            and _number_key(cell_text) == _number_key(page_text):
        return cell_text + "%"
    return cell_text


def _lost_words(cell_text: str, page_text: str) -> bool:
    """The cell's own reading of a text of several words has fewer words than the page's: on a
    noisy scan tesseract may drop a faint line of a cell read alone, so the page's reading is
    kept. Short cells are left to their own reading: there the page adds noise, not words."""
    words = lambda text: len(re.findall(r"[A-Za-z]{3,}", text))  # noqa: E731
    return words(cell_text) >= 3 and words(page_text) > words(cell_text)


def _number_key(text: str | None) -> str:
    return re.sub(r"[^0-9.,]", "", text or "")


def _numbers_differ(a: str, b: str) -> bool:
    """Two readings of a cell disagree on its digits or separators."""
    key_a, key_b = _number_key(a), _number_key(b)
    return key_a != key_b and bool(re.search(r"\d", key_a + key_b))


def _vote(readings: list[str | None]) -> str | None:
    """The readings that another one agrees with (digits and separators), else all of them;
    of those the first that is a well-formed number or numeric row number (a misread digit
    usually breaks the form: 'i;', '4.807.190}'), else the first."""
    keys = [_number_key(t) if t else "" for t in readings]
    agreed = [t for i, t in enumerate(readings) if keys[i] and keys.count(keys[i]) > 1]
    pool = agreed or [t for t in readings if t]
    for text in pool:
        if re.search(r"\d", text) and (looks_numeric(text) or is_row_number(text)):
            return text
    return pool[0] if pool else None


# Glyphs OCR reads for the digits of a printed row number ("7." as "Ta", "1." as "i;"). Only
# these: 'S', 'D', 'O' ... start short codes such as "S1" or "D3" (levels of education).
_DIGIT_LOOKALIKES = {"I": "1", "l": "1", "i": "1", "|": "1", "!": "1", "]": "1", "T": "7"}


def _repair_row_numbers(table: RawTable) -> None:
    """Where the first two columns hold the numbering (most of their short cells are '1.',
    '2.', ...; a report may number programs in one and kegiatan in the other), a short cell
    there that is no row number is a misread one: its leading glyphs are read as the digits
    they resemble and the rest as the usual ending. Left alone when the first glyph resembles
    no digit ('No')."""
    columns = range(min(2, table.n_cols))
    short = [row[c].strip() for row in table.rows for c in columns
             if c < len(row) and 0 < len(row[c].strip()) <= 3]
    numbers = [c for c in short if is_row_number(c) and c[0].isdigit()]
    if len(numbers) < 3 or len(numbers) < 0.6 * len(short):
        return
    ending = "." if sum(n.endswith(".") for n in numbers) > len(numbers) / 2 else ""
    for row in table.rows:
        for c in columns:
            text = row[c].strip() if c < len(row) else ""
            if 0 < len(text) <= 3 and " " not in text and not is_row_number(text):
                digits = _leading_digits(text)
                if digits:
                    row[c] = digits + ending


# What tesseract reads for a '%' set alone on a header line in small type ('Realisasi' / '(%)').
_PERCENT_MISREADINGS = re.compile(r"^(\(?)(?:Y[oa0]|V[oa0]|%[o0])(\)?)$")
# A fraction printed with two decimals ('95,22', '104.90'): the shape of a percentage column.
_FRACTION = re.compile(r"\d[.,]\d{1,2}\s*%?$")


def _repair_percent_signs(table: RawTable) -> None:
    """A header line read 'Yo', 'Ya' or '%o' over a column of fractions is the '%' it prints: the
    Indonesian model reads the lone sign so in 9-10 pt type at screenshot resolution, and the column then
    names no percentage. A column of counts under 'Ya' (a yes/no tally) keeps its word."""
    for c in range(table.n_cols):
        column = [row[c] if c < len(row) else "" for row in table.rows]
        first = next((i for i, text in enumerate(column) if looks_numeric(text)), None)
        body = [text.strip() for text in column[first or 0:] if text.strip()]
        if first is None or sum(bool(_FRACTION.search(t)) for t in body) < 0.5 * len(body):
            continue
        for i in range(first):
            lines = column[i].split("\n")
            table.rows[i][c] = "\n".join(_PERCENT_MISREADINGS.sub(r"\1%\2", line.strip()) for line in lines)


# Letters tesseract takes for one another in small or blurred type ('Capalan', 'Klnerja', 'Prograrn').
_LOOKALIKE_LETTERS = ((re.compile(r"rn"), "m"), (re.compile(r"cl"), "d"), (re.compile(r"[l1|!]"), "i"))
_WORD = re.compile(r"[A-Za-z1|!]{4,}")


def _lookalike_key(word: str) -> str:
    key = word.lower()
    for pattern, letter in _LOOKALIKE_LETTERS:
        key = pattern.sub(letter, key)
    return key


_HEADER_KEYS = {_lookalike_key(word): word for word in HEADER_WORDS if len(word) >= 4}


def repair_misread_words(table: RawTable) -> None:
    """A word OCR read with a letter taken for another ('Capalan' for 'Capaian', 'Prograrn' for 'Program')
    is the header word it differs from only so: a table's header names its columns by such words, and
    one misread leaves the column unnamed (a capaian column taken for nothing, the budget's absorption read
    as the indicator's capaian: jabar-dsda p. 34). The printed case is kept."""
    for row in table.rows:
        for c, text in enumerate(row):
            row[c] = _WORD.sub(_header_word, text) if text else text


def _header_word(match: re.Match) -> str:
    word = match.group(0)
    known = _HEADER_KEYS.get(_lookalike_key(word))
    if known is None or word.lower() == known:
        return word
    return known.upper() if word.isupper() else known.capitalize() if word[:1].isupper() else known


def _leading_digits(text: str) -> str:
    """The digits a misread row number starts with: 'i;' -> '1', 'Ta' -> '7', '1I:' -> '11'."""
    digits = ""
    for char in text:
        digit = char if char.isdigit() else _DIGIT_LOOKALIKES.get(char)
        if digit is None:
            break
        digits += digit
    return digits


def _without_rules(text: str) -> str:
    return re.sub(r"\s*\|\s*", " ", text).strip()


def _strip_ocr_rules(table: RawTable) -> RawTable:
    """OCR reads ruling lines next to text as '|' characters."""
    table.rows = [[_without_rules(cell) for cell in row] for row in table.rows]
    return table
