"""Find tables with camelot and stitch the ones that continue across pages.

Ruled tables (the usual Word export) are read with camelot's lattice flavor and its vector
engine, which reads the drawn lines instead of rendering the page (about 20x faster, same cells).
Pages that have text but no ruled table are read with the network flavor, which aligns words
into columns; those tables are only kept when their header looks like a table we know,
because word alignment also "finds" tables in plain paragraphs. On pages with a ruled table, the
words outside it are read the same way (an unruled list printed above or below a ruled table).
A grid ruled between columns alone (no rules between its rows) is read as unruled: lattice stacks
its rows into one cell per column. Its ruled start or tail (a header and a row closed by the page
end, a last row and a total under a rule) is read from the words with the unruled body next to it.
"""
from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from pathlib import Path

from extract.model import RawTable
from extract.pdf.captions import attach_captions, with_captions
from extract.pdf.pictures import read_pictures
from extract.pdf.ruled import read_camelot, stacks_rows, with_text_over_top
from extract.pdf.scanned import read_scanned, repair_misread_words
from extract.pdf.stitch import stitch
from extract.pdf.unruled import read_raw_word_tables

log = logging.getLogger(__name__)

# Lattice's layout analysis without pdfminer's hierarchical grouping of text boxes (`boxes_flow`): it grows
# with the square of the boxes (6 CPU-s on a page of a dense budget sheet, 0.15 without) and only orders
# them; lattice places each text line by its position, and the lines are the same either way (same cells on
# every corpus report and seed rendering: bench/same_extraction.py). Not for network, which picks among
# aligned lines in their order.
LATTICE_LAYOUT = {"boxes_flow": None}


def find_tables(path: Path, pages: list[int], stream_pages: list[int] | None = None,
                scanned_pages: list[int] | None = None,
                is_known: Callable[[RawTable], bool] | None = None,
                pictures: dict[int, tuple] | None = None, unread: list[str] | None = None) -> list[RawTable]:
    """Run lattice on `pages`, then read unruled tables from word positions on the
    `stream_pages` lattice found nothing on.

    `pictures` (page: boxes of its large images without text over them) are OCRed when they show a ruled
    grid, read then as scans, or a table without rules, read by the word reader (pdf/pictures.py; why some
    were left unread goes to `unread`). On OCRed scans the
    ruling lines exist only in the image: lattice must render the page (raster engine), and split_text
    keeps OCR words of neighbouring cells apart.
    With `is_known` (does a table look like one we can read?), pages where the word reader
    found tables but none it can read are read again with camelot's network flavor, and its
    known tables replace the ones they overlap.
    """
    tables = with_text_over_top(path, read_camelot(path, pages, flavor="lattice", engine="vector", split_text=True,
                                                   layout_kwargs=LATTICE_LAYOUT))
    if scanned_pages:
        tables += read_scanned(path, scanned_pages)
    if pictures:
        tables += read_pictures(path, pictures, unread)
    tables.sort(key=lambda t: (t.page_start, -t.top))
    attach_captions(path, tables)
    tables = _without_stacked(tables)  # their pages are read from the words instead
    pages_with_grid = {t.page_start for t in tables}
    stream_candidates = [p for p in (stream_pages or []) if p not in pages_with_grid]
    if stream_candidates:
        tables = _read_with_word_bodies(path, tables, stream_candidates, is_known)
    beside = [p for p in (stream_pages or []) if p in pages_with_grid and p not in (scanned_pages or [])]
    if beside and is_known is not None:
        tables += _read_beside_grids(path, beside, tables, is_known)
    tables.sort(key=lambda t: (t.page_start, -t.top))
    for table in tables:  # the word reader's tables of OCRed pages too
        if table.page_start in (scanned_pages or []):
            repair_misread_words(table)
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


END_ROWS = 4  # grid rows of a ruled start or tail of an unruled body: a header (names, sub-columns, column
# numbers) and a row, or a last row and a total


def _read_with_word_bodies(path: Path, ruled: list[RawTable], pages: list[int], is_known) -> list[RawTable]:
    """The ruled tables and the unruled ones of `pages`. A ruled table of END_ROWS grid rows or fewer
    that ends its page before one of `pages`, or opens its page after one, may be the start or the
    tail of a table whose body is unruled there: a header or a total row ruled off, the rows apart by
    no rule (lattice finds no grid on the body's page). Its page is read from the words too, and where
    the word reader's part of it runs on across that page break, that part replaces the ruled one
    (two readers' parts are not stitched). Longer ruled tables read whole as grids."""
    ends = [t for t in ruled if len(t.rows) <= END_ROWS and (
            (t.page_start + 1 in pages and _last_on_page(ruled, t))
            or (t.page_start - 1 in pages and _first_on_page(ruled, t)))]
    taken = {t.page_start: [(o.bottom, o.top) for o in ruled if o.page_start == t.page_start and o not in ends]
             for t in ends}
    found = _read_unruled(path, sorted(set(pages) | set(taken)), is_known, taken)
    chain = _chained_pages(found)
    parts = {id(t): [w for w in found if _overlaps(w, t) and len(chain[w.table_id]) > 1] for t in ends}
    replaced = [t for t in ends if parts[id(t)]]
    words = [w for w in found if w.page_start in pages] + [w for t in replaced for w in parts[id(t)]]
    return [t for t in ruled if t not in replaced] + list({id(w): w for w in words}.values())  # each part once


def _last_on_page(tables: list[RawTable], table: RawTable) -> bool:
    return all(t.bottom >= table.bottom for t in tables if t.page_start == table.page_start)


def _first_on_page(tables: list[RawTable], table: RawTable) -> bool:
    return all(t.top <= table.top for t in tables if t.page_start == table.page_start)


def _chained_pages(tables: list[RawTable]) -> dict[str, set[int]]:
    """{id of a table: the pages of the parts the stitcher joins it with, its own among them}."""
    page_of = {t.table_id: t.page_start for t in tables}
    chains = [[t.table_id, *t.continued_from] for t in stitch(copy.deepcopy(tables))]
    return {i: {page_of[j] for j in chain} for chain in chains for i in chain}


def _read_unruled(path: Path, pages: list[int], is_known,
                  taken: dict[int, list[tuple[float, float]]] | None = None) -> list[RawTable]:
    found = with_captions(path, read_raw_word_tables(path, pages, taken))
    if is_known is None:
        return found
    # Only pages where the word reader saw a table it could not read: prose pages have no block.
    unread = sorted({t.page_start for t in found} - _pages_read(found, is_known))
    network = [t for t in with_captions(path, read_camelot(path, unread, flavor="network")) if is_known(t)] \
        if unread else []
    return [t for t in found if not any(_overlaps(t, n) for n in network)] + network


def _read_beside_grids(path: Path, pages: list[int], tables: list[RawTable], is_known) -> list[RawTable]:
    """Unruled tables printed above or below a ruled one (a Perjanjian Kinerja's 'Program | Anggaran' list
    under its ruled targets): the words outside the tables read so far, kept where they make a table we
    know, or where they go on from an unruled table of the page before (its last rows, headless, above
    the next table's grid)."""
    taken = {p: [(t.bottom, t.top) for t in tables if t.page_start == p] for p in pages}
    found = read_raw_word_tables(path, pages, taken)
    # captions among them and copies of the tables read so far on these pages and the pages before
    # (theirs are attached already): the ruled table's caption stays its own, and a caption under rows
    # that go on from the page before is that table's start's, not theirs (captions._give)
    with_captions(path, found + [copy.deepcopy(t) for t in tables if {t.page_start, t.page_start + 1} & set(taken)])
    around = [t for t in tables if t.page_start in pages or t.page_start + 1 in pages]
    chain = _chained_pages(sorted(around + found, key=lambda t: (t.page_start, -t.top)))
    return [t for t in found if is_known(t) or t.page_start - 1 in chain[t.table_id]]


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


# ---------------------------------------------------------------- stitching across pages


