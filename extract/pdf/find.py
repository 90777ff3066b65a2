"""Find tables with camelot and stitch the ones that continue across pages.

Ruled tables (the usual Word export) are read with camelot's lattice flavor and its vector
engine, which reads the drawn lines instead of rendering the page (about 20x faster, same cells).
Pages that have text but no ruled table are read with the network flavor, which aligns words
into columns; those tables are only kept when their header looks like a table we know,
because word alignment also "finds" tables in plain paragraphs. On pages with a ruled table, the
words outside it are read the same way (an unruled list printed above or below a ruled table).
A grid ruled between columns alone (no rules between its rows) is read as unruled: lattice stacks
its rows into one cell per column.
"""
from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from pathlib import Path

from extract.model import RawTable
from extract.pdf.captions import attach_captions, with_captions
from extract.pdf.ruled import read_camelot, stacks_rows
from extract.pdf.scanned import read_scanned
from extract.pdf.stitch import stitch
from extract.pdf.unruled import FLAVOR as WORDS_FLAVOR
from extract.pdf.unruled import WordTable, read_word_tables

log = logging.getLogger(__name__)

# Lattice's layout analysis without pdfminer's hierarchical grouping of text boxes (`boxes_flow`): it grows
# with the square of the boxes (6 CPU-s on a page of a dense budget sheet, 0.15 without) and only orders
# them; lattice places each text line by its position, and the lines are the same either way (same cells on
# every corpus report and seed rendering: bench/same_extraction.py). Not for network, which picks among
# aligned lines in their order.
LATTICE_LAYOUT = {"boxes_flow": None}


def find_tables(path: Path, pages: list[int], stream_pages: list[int] | None = None,
                scanned_pages: list[int] | None = None,
                is_known: Callable[[RawTable], bool] | None = None) -> list[RawTable]:
    """Run lattice on `pages`, then read unruled tables from word positions on the
    `stream_pages` lattice found nothing on.

    On OCRed scans the ruling lines exist only in the image: lattice must render the page
    (raster engine), and split_text keeps OCR words of neighbouring cells apart.
    With `is_known` (does a table look like one we can read?), pages where the word reader
    found tables but none it can read are read again with camelot's network flavor, and its
    known tables replace the ones they overlap.
    """
    tables = read_camelot(path, pages, flavor="lattice", engine="vector", split_text=True,
                          layout_kwargs=LATTICE_LAYOUT)
    if scanned_pages:
        tables += read_scanned(path, scanned_pages)
    tables.sort(key=lambda t: (t.page_start, -t.top))
    attach_captions(path, tables)
    tables = _without_stacked(tables)  # their pages are read from the words instead
    pages_with_grid = {t.page_start for t in tables}
    stream_candidates = [p for p in (stream_pages or []) if p not in pages_with_grid]
    if stream_candidates:
        tables += _read_unruled(path, stream_candidates, is_known)
    beside = [p for p in (stream_pages or []) if p in pages_with_grid and p not in (scanned_pages or [])]
    if beside and is_known is not None:
        tables += _read_beside_grids(path, beside, tables, is_known)
    tables.sort(key=lambda t: (t.page_start, -t.top))
    return tables


def _without_stacked(tables: list[RawTable]) -> list[RawTable]:
    """The ruled tables (in page order) without those ruled between their columns alone
    (ruled.stacks_rows), nor the parts of one table with them: the part at the bottom of the page
    before, or at the top of the next, when the later part has no caption (the start of such a table
    may hold a row or two, unstacked, and parts read by two readers are not stitched)."""
    stacked = [stacks_rows(t) for t in tables]
    joined = [i for i in range(len(tables) - 1)
              if tables[i + 1].page_start == tables[i].page_start + 1 and not tables[i + 1].caption]
    for i in joined + joined[::-1]:  # forward, then back: a chain of parts takes the flag both ways
        stacked[i] = stacked[i + 1] = stacked[i] or stacked[i + 1]
    return [t for t, flag in zip(tables, stacked) if not flag]


def _read_unruled(path: Path, pages: list[int], is_known) -> list[RawTable]:
    found = with_captions(path, [_from_words(t) for t in read_word_tables(path, pages)])
    if is_known is None:
        return found
    # Only pages where the word reader saw a table it could not read: prose pages have no block.
    unread = sorted({t.page_start for t in found} - _pages_read(found, is_known))
    network = [t for t in with_captions(path, read_camelot(path, unread, flavor="network")) if is_known(t)] \
        if unread else []
    return [t for t in found if not any(_overlaps(t, n) for n in network)] + network


def _read_beside_grids(path: Path, pages: list[int], ruled: list[RawTable], is_known) -> list[RawTable]:
    """Unruled tables printed above or below a ruled one (a Perjanjian Kinerja's 'Program | Anggaran' list
    under its ruled targets): the words outside the ruled tables, kept only where they make a table we know."""
    taken = {p: [(t.bottom, t.top) for t in ruled if t.page_start == p] for p in pages}
    found = [_from_words(t) for t in read_word_tables(path, pages, taken)]
    # captions among both: the ruled table's caption stays its own (copies: theirs are attached already)
    with_captions(path, found + [copy.deepcopy(t) for t in ruled if t.page_start in taken])
    return [t for t in found if is_known(t)]


def _pages_read(tables: list[RawTable], is_known) -> set[int]:
    """Pages of the tables read alone or as the rest of a table they continue: a body whose header
    stayed at the bottom of the previous page is read under that header once stitched onto it."""
    page_of = {t.table_id: t.page_start for t in tables}
    stitched = stitch(copy.deepcopy(tables))  # stitch merges into the starts: judge copies
    return {t.page_start for t in tables if is_known(t)} | \
        {page_of[i] for t in stitched if is_known(t) for i in [t.table_id, *t.continued_from]}


def _overlaps(table: RawTable, other: RawTable) -> bool:
    """On one page, with a common height (a word table beside or below camelot's stays)."""
    return table.page_start == other.page_start and min(table.top, other.top) > max(table.bottom, other.bottom)


# ---------------------------------------------------------------- scanned pages


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


# ---------------------------------------------------------------- stitching across pages


