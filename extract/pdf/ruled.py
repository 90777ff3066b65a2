"""camelot's readers: lattice for ruled grids (vector engine; raster on scans) and network as the unruled fallback."""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import camelot

from extract.model import RawTable
from extract.numerals import is_column_number_row, is_row_number, is_running_count, looks_numeric, parse_cell
from extract.pdf import camelot_cuts
from extract.pdf.page_words import LIGATURES

PAGES_PER_CAMELOT_CALL = 20  # bounds memory on long reports
MIN_STACKED_CELLS = 2  # cells of one grid row holding MIN_STACKED_LINES value lines or more: printed rows stacked
MIN_STACKED_LINES = 3
OVER_TOP = 0.2  # of a word's height reaching down past a grid's top: it crosses the edge (a chart's label touches it)


def read_camelot(path: Path, pages: list[int], **options) -> list[RawTable]:
    found: list[RawTable] = []
    camelot_cuts.install()
    for start in range(0, len(pages), PAGES_PER_CAMELOT_CALL):
        chunk = pages[start : start + PAGES_PER_CAMELOT_CALL]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # camelot warns for every page without a table
            table_list = camelot.read_pdf(
                str(path), pages=",".join(map(str, chunk)), suppress_stdout=True, **options
            )
        for table in table_list:
            found.append(to_raw_table(table, options["flavor"]))
    return found


def to_raw_table(table, flavor: str) -> RawTable:
    rows = [[str(cell).translate(LIGATURES) for cell in row] for row in table.df.values.tolist()]
    rows = [part for row in rows for part in split_column_numbers(row)]
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


def with_text_over_top(path: Path, tables: list[RawTable]) -> list[RawTable]:
    """Words printed across the top edge of a grid that no rule closes (its column rules end there),
    more above it than below, lie outside every cell for lattice, which drops them; they open the first
    row's cell of their column. A row cut by the page break whose cells are aligned to the middle may
    set its rest's first line across the top of the grid on the next page (jambi_reportlab_24 p. 8:
    'Persentase' lost, and the next lines' names no longer split by their first words). Under a rule,
    such words are another thing's: a running header set on a page frame."""
    import pypdfium2 as pdfium

    from extract.pdf.drawn_rules import page_rules
    from extract.pdf.page_words import page_words
    from extract.pdf.word_cache import cached_words

    doc = pdfium.PdfDocument(str(path))
    try:
        for table in tables:
            if not table.rows or not table.col_bounds:
                continue
            over = [w for w in cached_words(doc, table.page_start, page_words)
                    if w.bottom < table.top - OVER_TOP * w.height and (w.top + w.bottom) / 2 > table.top]
            if not over or _closed_top(table, page_rules(doc[table.page_start - 1])):
                continue
            for col, (left, right) in enumerate(table.col_bounds):
                words = sorted((w for w in over if left <= (w.x0 + w.x1) / 2 <= right), key=lambda w: w.x0)
                if words and col < len(table.rows[0]):
                    text = " ".join(w.text for w in words).translate(LIGATURES)
                    table.rows[0][col] = f"{text}\n{table.rows[0][col]}" if table.rows[0][col].strip() else text
    finally:
        doc.close()
    return tables


def _closed_top(table: RawTable, rules) -> bool:
    """A horizontal rule drawn along the grid's top over half its width or more."""
    left, right = table.col_bounds[0][0], table.col_bounds[-1][1]
    return any(abs(r.y - table.top) <= 1.5 and min(r.x1, right) - max(r.x0, left) >= 0.5 * (right - left)
               for r in rules)


COLUMN_NUMBER = re.compile(r"\(?(\d{1,2})\)?")


def split_column_numbers(row: list[str]) -> list[list[str]]:
    """A row whose cells each open with their column's running number ('1', '2', ... on their first
    line) and hold more below is the column-number row under a header and the row after it, read as
    one because the rule between them was not seen (a row split at a page break, under a repeated
    header): two rows again. The count may stop short of the last columns (_numbered)."""
    firsts = [cell.split("\n", 1)[0].strip() for cell in row]
    numbered = _numbered(firsts)
    if not numbered or not any("\n" in cell.strip() for cell in row[:numbered]):
        return [row]
    upper = firsts[:numbered] + [""] * (len(row) - numbered)
    lower = [cell.split("\n", 1)[1] if "\n" in cell else "" for cell in row[:numbered]] + row[numbered:]
    return [upper, lower]


def _numbered(firsts: list[str]) -> int:
    """How many leading cells the column-number row numbers: all, when every filled first line is a
    running count; else a count from 1 in the first column over three cells or more, when no cell
    after it opens with a number: columns the number row leaves blank (Jepara's '1 2 3 4' over five
    columns, the '%' under 'Realisasi' unnumbered), whose text is the row below's alone. 0 when the
    row is no such pair."""
    if is_running_count(firsts):
        return len(firsts)
    if not (match := COLUMN_NUMBER.fullmatch(firsts[0])) or match.group(1) != "1":
        return 0
    run = next((k for k in range(len(firsts) - 1, 2, -1) if all(firsts[:k]) and is_running_count(firsts[:k])), 0)
    return 0 if any(COLUMN_NUMBER.fullmatch(first) for first in firsts[run:]) else run


def stacks_rows(table: RawTable) -> bool:
    """Is the grid ruled between its columns alone? With the frame and a rule under the header but
    none between rows, lattice reads the whole body as its last grid row, every cell holding a line
    per printed row: MIN_STACKED_CELLS cells with MIN_STACKED_LINES value lines or more
    ('69.00\\n51.00\\n15.00' under Target, '1\\n2\\n3' under No), or one cell with twice as many among
    its lines (column rules broken by spanning section rows: names and amounts in one cell). The
    word reader reads such a table by its lines. A grid row above it that names a row (a cell opening
    with a row number: '1.  Mewujudkan ...') shows rules between rows: a ruled group may hold its
    items line by line (a sasaran's bulleted indicators), which the fact reader splits."""
    *above, last = table.rows or [[]]
    counts = [_value_line_count(cell) for cell in last]
    stacked = sum(n >= MIN_STACKED_LINES for n in counts) >= MIN_STACKED_CELLS \
        or max(counts, default=0) >= 2 * MIN_STACKED_LINES
    return stacked and not any(map(_names_a_row, above))


def _names_a_row(row: list[str]) -> bool:
    """A cell opening with a row number and text after it; row numbers stacked one per line ('1\n2': the
    No column of a body ruled between its columns alone) name no row."""
    if is_column_number_row(row):
        return False
    return any(is_row_number(cell.split()[0]) and not all(map(is_row_number, cell.split()))
               for cell in row if len(cell.split()) > 1)


def _value_line_count(cell: str) -> int:
    """How many of the cell's lines are values: a number, a row number, a nil mark."""
    lines = [line.strip() for line in cell.splitlines() if line.strip()]
    return sum(looks_numeric(x) or is_row_number(x) or parse_cell(x).kind == "missing" for x in lines)
