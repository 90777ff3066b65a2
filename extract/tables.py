"""Find tables with camelot and stitch the ones that continue across pages.

Ruled tables (the usual Word export) are read with camelot's lattice flavor and its vector
engine, which reads the drawn lines instead of rendering the page (about 20x faster, same cells).
Pages that have text but no ruled table are read with the network flavor, which aligns words
into columns; those tables are only kept when their header looks like a table we know,
because word alignment also "finds" tables in plain paragraphs.
"""
from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import camelot
import pypdfium2 as pdfium

from extract import ocr
from extract.classify import is_year
from extract.numbers import is_column_number_row, is_row_number, looks_numeric
from extract.word_tables import FLAVOR as WORDS_FLAVOR
from extract.word_tables import HEADER_WORDS, WordTable, read_word_tables

log = logging.getLogger(__name__)

PAGES_PER_CAMELOT_CALL = 20  # bounds memory on long reports
# Flavors that align words into columns (no ruling lines): every wrapped line is a row of its own,
# and the columns found may differ from page to page.
UNRULED_FLAVORS = ("stream", "network", WORDS_FLAVOR)
CAPTION_RE = re.compile(r"^\s*tabel\s+[0-9IVX]+(?:[.\s]+\d+)*\b.*$", re.IGNORECASE | re.MULTILINE)


@dataclass
class RawTable:
    """One table as camelot saw it: a grid of raw cell texts with the page of every row."""

    table_id: str
    page_start: int
    flavor: str
    rows: list[list[str]]
    row_pages: list[int]
    caption: str = ""
    top: float = 0.0  # PDF y of the table's top edge (origin bottom-left)
    bottom: float = 0.0
    order: int = 0
    continued_from: list[str] = field(default_factory=list)
    col_bounds: list[tuple[float, float]] = field(default_factory=list)  # x range of every column

    @property
    def page_end(self) -> int:
        return max(self.row_pages) if self.row_pages else self.page_start

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def find_tables(path: Path, pages: list[int], stream_pages: list[int] | None = None,
                scanned_pages: list[int] | None = None,
                is_known: Callable[[RawTable], bool] | None = None) -> list[RawTable]:
    """Run lattice on `pages`, then read unruled tables from word positions on the
    `stream_pages` lattice found nothing on.

    On OCRed scans the ruling lines exist only in the image: lattice must render the page
    (raster engine), and split_text keeps OCR words of neighbouring cells apart.
    With `is_known` (does a table look like one we can read?), pages where the word reader
    found tables but none it can read are read again with camelot's network flavor, and its
    tables replace them when they are known.
    """
    tables = _read(path, pages, flavor="lattice", engine="vector", split_text=True)
    if scanned_pages:
        tables += _read_scanned(path, scanned_pages)
    tables.sort(key=lambda t: (t.page_start, -t.top))
    _attach_captions(path, tables)
    pages_with_grid = {t.page_start for t in tables}
    stream_candidates = [p for p in (stream_pages or []) if p not in pages_with_grid]
    if stream_candidates:
        tables += _read_unruled(path, stream_candidates, is_known)
    tables.sort(key=lambda t: (t.page_start, -t.top))
    return tables


def _read_unruled(path: Path, pages: list[int], is_known) -> list[RawTable]:
    found = _with_captions(path, [_from_words(t) for t in read_word_tables(path, pages)])
    if is_known is None:
        return found
    # Only pages where the word reader saw a table it could not read: prose pages have no block.
    unread = sorted({t.page_start for t in found} - {t.page_start for t in found if is_known(t)})
    network = [t for t in _with_captions(path, _read(path, unread, flavor="network")) if is_known(t)] \
        if unread else []
    replaced = {t.page_start for t in network}
    return [t for t in found if t.page_start not in replaced] + network


def _with_captions(path: Path, tables: list[RawTable]) -> list[RawTable]:
    tables.sort(key=lambda t: (t.page_start, -t.top))
    _attach_captions(path, tables)
    for table in tables:
        trim_preamble(table)
    return tables


def trim_preamble(table: RawTable) -> None:
    """Word alignment takes the caption and the sentence above a table as its first rows.
    Start the table at its header row ('No | ...', or a row naming several header words) and
    keep a 'Tabel ...' line from the dropped rows as the caption."""
    for index, row in enumerate(table.rows[:12]):
        cells = [" ".join(c.split()).lower() for c in row if c.strip()]
        opens = bool(cells) and cells[0].rstrip(".") in {"no", "n o", "nomor"}
        named = sum(any(w in c for w in HEADER_WORDS) for c in cells) >= 2
        holds_values = any(looks_numeric(c) and not is_year(c) for c in cells)
        if (opens or named) and not holds_values:  # a data row may name header words too
            if index:
                preamble = "\n".join(" ".join(c for c in r if c.strip()) for r in table.rows[:index])
                table.caption = table.caption or caption_from_text(preamble)
                table.rows, table.row_pages = table.rows[index:], table.row_pages[index:]
            return


def _read(path: Path, pages: list[int], **options) -> list[RawTable]:
    found: list[RawTable] = []
    for start in range(0, len(pages), PAGES_PER_CAMELOT_CALL):
        chunk = pages[start : start + PAGES_PER_CAMELOT_CALL]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # camelot warns for every page without a table
            table_list = camelot.read_pdf(
                str(path), pages=",".join(map(str, chunk)), suppress_stdout=True, **options
            )
        for table in table_list:
            found.append(_to_raw(table, options["flavor"]))
    return found


# ---------------------------------------------------------------- scanned pages


def _read_scanned(path: Path, pages: list[int]) -> list[RawTable]:
    """Raster lattice on scanned pages, then every single cell re-read from the image.

    camelot places the page-level OCR words into the grid it found in the image; that text
    is kept for cells that span several grid cells. A cell closed on all four sides is read
    again on its own (extract/ocr.py read_cell_texts), which keeps ruling lines, neighbouring
    cells and the page's text-line guessing out of its text.
    """
    found: list[RawTable] = []
    for start in range(0, len(pages), PAGES_PER_CAMELOT_CALL):
        chunk = pages[start : start + PAGES_PER_CAMELOT_CALL]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # camelot warns for every page without a table
            table_list = camelot.read_pdf(str(path), pages=",".join(map(str, chunk)), suppress_stdout=True,
                                          flavor="lattice", engine="raster", split_text=True)
        by_page: dict[int, list] = {}  # camelot's table (cell geometry) and its RawTable
        for table in table_list:
            by_page.setdefault(int(table.page), []).append((table, _to_raw(table, "lattice")))
        for page, pairs in by_page.items():
            _reread_cells(path, page, pairs)
            for _, raw in pairs:
                _repair_row_numbers(_strip_ocr_rules(raw))
                found.append(raw)
    return found


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


def _to_raw(table, flavor: str) -> RawTable:
    rows = [[str(cell) for cell in row] for row in table.df.values.tolist()]
    x1, y1, x2, y2 = table._bbox
    page = int(table.page)
    return RawTable(
        table_id=f"p{page:04d}_{flavor[0]}{int(table.order)}",
        page_start=page,
        flavor=flavor,
        rows=rows,
        row_pages=[page] * len(rows),
        top=float(y2),
        bottom=float(y1),
        order=int(table.order),
        col_bounds=[(float(a), float(b)) for a, b in table.cols],
    )


def _from_words(table: WordTable) -> RawTable:
    order = int(table.top)  # the y of its top edge: distinct per table on a page, used in the id
    return RawTable(
        table_id=f"p{table.page:04d}_w{order}",
        page_start=table.page,
        flavor=WORDS_FLAVOR,
        rows=table.rows,
        row_pages=[table.page] * len(table.rows),
        top=table.top,
        bottom=table.bottom,
        order=order,
        col_bounds=table.col_bounds,
    )


def _attach_captions(path: Path, tables: list[RawTable]) -> None:
    """The caption is the last 'Tabel N.N ...' text between the table and what is above it."""
    doc = pdfium.PdfDocument(str(path))
    try:
        previous_bottom: dict[int, float] = {}
        for table in tables:
            page = doc[table.page_start - 1]
            width, height = page.get_size()
            upper = previous_bottom.get(table.page_start, height)
            text = page.get_textpage().get_text_bounded(0, table.top, width, upper)
            table.caption = caption_from_text(text)
            previous_bottom[table.page_start] = table.bottom
    finally:
        doc.close()


def caption_from_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    matches = list(CAPTION_RE.finditer(text))
    if not matches:
        return ""
    caption = text[matches[-1].start() :]
    return " ".join(caption.split())[:300]


# ---------------------------------------------------------------- stitching across pages


def stitch(tables: list[RawTable]) -> list[RawTable]:
    """Merge a table that continues on the next page into its start.

    A continuation is the first table on its page, directly after a table that was the last
    one on the previous page, with no caption or new header of its own, and the same columns
    (the same count for ruled grids; for unruled tables, columns at the same x positions).
    Repeated header rows and column-number rows ("1 2 3 ...") at its top are dropped.
    """
    result: list[RawTable] = []
    for table in tables:
        previous = result[-1] if result else None
        if previous is not None and _continues(previous, table, tables):
            if table.n_cols != previous.n_cols:
                table.rows = align_columns(table, previous)
            body = _drop_repeated_header(previous, table.rows)
            skipped = len(table.rows) - len(body)
            previous.rows.extend(body)
            previous.row_pages.extend(table.row_pages[skipped:])
            previous.continued_from.append(table.table_id)
            previous.bottom = table.bottom  # now ends where the continuation ends
        else:
            result.append(table)
    return result


def _continues(previous: RawTable, table: RawTable, all_tables: list[RawTable]) -> bool:
    if table.caption or table.flavor != previous.flavor:
        return False
    if table.page_start != previous.page_end + 1:
        return False
    # Word alignment finds its own columns on every page; ruled grids must match exactly.
    if previous.n_cols != table.n_cols and not (
            table.flavor in UNRULED_FLAVORS and _columns_overlap(previous, table)):
        return False
    same_page = [t for t in all_tables if t.page_start == table.page_start]
    below_previous = [
        t for t in all_tables if t.page_start == previous.page_end and t.bottom < previous.bottom - 1
    ]
    is_top_of_page = all(t.top <= table.top for t in same_page)
    return is_top_of_page and not below_previous and not _starts_new_header(previous, table)


def _starts_new_header(previous: RawTable, table: RawTable) -> bool:
    """A first row that is a header ("No | Indikator | ...") different from the previous
    table's header starts another table, even without a caption."""
    first = table.rows[0] if table.rows else []
    opens_header = bool(first) and " ".join(first[0].split()).lower().rstrip(".") in {"no", "n o", "nomor"}
    return opens_header and _row_key(first) not in {_row_key(r) for r in previous.rows[:4]}


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))


def _best_column(bounds: tuple[float, float], columns: list[tuple[float, float]]) -> int | None:
    scores = [_overlap(bounds, c) for c in columns]
    if not scores or max(scores) <= 0:
        centre = (bounds[0] + bounds[1]) / 2
        return min(range(len(columns)), key=lambda i: abs((columns[i][0] + columns[i][1]) / 2 - centre)) \
            if columns else None
    return scores.index(max(scores))


def _columns_overlap(previous: RawTable, table: RawTable) -> bool:
    """Most columns of the continuation sit under a column of the previous page's table."""
    if not previous.col_bounds or not table.col_bounds:
        return False
    hits = sum(1 for b in table.col_bounds if any(_overlap(b, c) > 0 for c in previous.col_bounds))
    return hits >= max(2, len(table.col_bounds) - 1)


def align_columns(table: RawTable, previous: RawTable) -> list[list[str]]:
    """Re-grid a continuation onto the previous table's columns by their x positions."""
    mapping = [_best_column(b, previous.col_bounds) for b in table.col_bounds]
    if len(set(mapping)) < len(mapping):  # two columns would merge: keep reading order instead
        width = max(previous.n_cols, table.n_cols)
        return [row + [""] * (width - len(row)) for row in table.rows]
    aligned = []
    for row in table.rows:
        cells = [""] * previous.n_cols
        for col, text in enumerate(row):
            target = mapping[col] if col < len(mapping) else None
            if text and target is not None:
                cells[target] = f"{cells[target]} {text}".strip()
        aligned.append(cells)
    return aligned


def _drop_repeated_header(previous: RawTable, rows: list[list[str]]) -> list[list[str]]:
    header = {_row_key(r) for r in previous.rows[:4]}
    index = 0
    while index < len(rows) and index < 4:
        row = rows[index]
        if _row_key(row) in header or is_column_number_row(row):
            index += 1
        else:
            break
    return rows[index:]


def _row_key(row: list[str]) -> str:
    return "|".join(" ".join(c.split()).lower() for c in row)
