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

from extract.numbers import is_column_number_row, looks_numeric  # noqa: F401 - re-exported
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
    found no such table are read again with camelot's network flavor, which copes better
    with some spreadsheet exports (a title block above the header, blank rows).
    """
    tables = _read(path, pages, flavor="lattice", engine="vector", split_text=True)
    if scanned_pages:
        tables += [_strip_ocr_rules(t) for t in
                   _read(path, scanned_pages, flavor="lattice", engine="raster", split_text=True)]
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
    unread = [p for p in pages if not any(is_known(t) for t in found if t.page_start == p)]
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
        if opens or named:
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


def _strip_ocr_rules(table: RawTable) -> RawTable:
    """OCR reads ruling lines next to text as '|' characters."""
    table.rows = [[re.sub(r"\s*\|\s*", " ", cell).strip() for cell in row] for row in table.rows]
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
    order = int(table.top)  # tables on one page get distinct ids by position
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
