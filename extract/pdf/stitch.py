"""Tables continued across pages merged into their start."""
from __future__ import annotations

import re

from extract.model import UNRULED_FLAVORS, WORDS_FLAVOR, RawTable
from extract.numerals import is_column_number_row, is_row_number, is_year, looks_numeric
from extract.pdf.columns import (
    EDGE_TOLERANCE,
    align_columns,
    best_column,
    crossings,
    header_size,
    header_words,
    headless_columns,
    is_value_row,
)
from extract.pdf.unruled import CUT_START_LINES as CUT_START_ROWS  # a word-aligned table's rows are its lines
from extract.text import CONNECTOR_WORDS, in_capitals

SPLIT_BLOCK_GAP = 24.0  # points between two blocks of one table on a page: about two text lines
AMOUNT_RE = re.compile(r"\d[\d.,]{5,}")  # 1.450.000, 57989356: a value, never a header word
MAX_CUT_HEADER_WORDS = 1  # words of a repeated header that its start may lack (a header line cut off)
MIN_CUT_HEADER_WORDS = 5  # ...if the start names this many: a short header a word off is another table
MAX_HEADER_ROWS = 5  # rows a header may take (columns.header_size looks as far)


def stitch(tables: list[RawTable]) -> list[RawTable]:
    """Merge a table that continues on the next page into its start.

    A continuation is the first table on its page, directly after a table that was the last
    one on the previous page, with no caption of its own, no header other than the start's,
    and columns that fit the start's whatever their count (each column of one part inside a
    column of the other); both parts are re-gridded onto the finer columns by x positions, or
    kept in column order when they hold amounts in the same columns (a renderer that sets each
    part to other widths). A word-aligned table read as two blocks on one page is joined the
    same way. Repeated header rows and column-number rows at its top are dropped (the text under
    a header repeated cell for cell is body); a ruled row the page break cut in two (its first
    lines at the page bottom, or the rest of its text at the next page top) is joined again; so is
    a header the page break cut (the start holds header rows alone): the header rows opening the
    continuation are then the rest of the header, not a repeat.
    """
    result: list[RawTable] = []
    for table in tables:
        previous = result[-1] if result else None
        if previous is not None and _continues(previous, table, tables):
            _split_header_from_tail(previous, table)
            repeated = _repeated_header_rows(previous, table.rows)  # before re-gridding changes cells
            header_rest = _rest_of_cut_header(previous, table.rows)
            if previous.col_bounds and table.col_bounds:
                _regrid(previous, table)
            if header_rest:
                if not any(c.strip() for c in previous.rows[-1]):
                    previous.rows.pop()  # the empty top of the header row the page break cut
                    previous.row_pages.pop()
                body = table.rows
            else:
                body = table.rows[repeated:] if repeated else _drop_repeated_header(previous, table.rows)
            pages = table.row_pages[len(table.rows) - len(body):]
            _join_cut_row(previous, body)
            if _join_cut_tail(previous, body):
                body, pages = body[1:], pages[1:]
            previous.rows.extend(body)
            previous.row_pages.extend(pages)
            previous.continued_from.append(table.table_id)
            previous.bottom = table.bottom  # now ends where the continuation ends
        else:
            result.append(table)
    return result


def _continues(previous: RawTable, table: RawTable, all_tables: list[RawTable]) -> bool:
    if table.caption or not _same_reader(previous, table):
        return False
    if _split_block(previous, table):
        return continues_on_page(previous, table)
    if table.page_start != previous.page_end + 1:
        return False
    same_page = [t for t in all_tables if t.page_start == table.page_start]
    below_previous = [
        t for t in all_tables if t.page_start == previous.page_end and t.bottom < previous.bottom - 1
    ]
    is_top_of_page = all(t.top <= table.top for t in same_page)
    if not is_top_of_page or below_previous:
        return False
    if _same_grid(previous, table) and _same_borders(previous, table):
        return True  # the very same ruled grid on the next page (a spreadsheet's page break)
    if _rest_of_cut_header(previous, table.rows):
        return _grid_kept(previous, table) is not None  # its lower rows draw the sub-columns
    return not _starts_new_header(previous, table) and _same_columns(previous, table)


def _split_block(previous: RawTable, table: RawTable) -> bool:
    """A word-aligned table read as two blocks on one page (the columns shift where names start
    to fit on one line): the second starts within a row or two below the first."""
    unruled = previous.flavor in UNRULED_FLAVORS and table.flavor in UNRULED_FLAVORS
    gap = previous.bottom - table.top
    return unruled and table.page_start == previous.page_end and 0 <= gap <= SPLIT_BLOCK_GAP


def continues_on_page(previous: RawTable, table: RawTable) -> bool:
    """`table` is the second block of the word-aligned table `previous` on one page: headless,
    within a row or two below it, in columns that fit its own."""
    return _split_block(previous, table) and not header_words(table.rows) and _same_columns(previous, table)


def _same_borders(previous: RawTable, table: RawTable, tolerance: float = EDGE_TOLERANCE) -> bool:
    return bool(previous.col_bounds) and len(previous.col_bounds) == len(table.col_bounds) and all(
        abs(a0 - b0) <= tolerance and abs(a1 - b1) <= tolerance
        for (a0, a1), (b0, b1) in zip(previous.col_bounds, table.col_bounds))


def _same_reader(previous: RawTable, table: RawTable) -> bool:
    """Ruled grids continue ruled grids; word-aligned tables continue word-aligned ones (the start
    of a table at a page bottom may be read by another word reader than its body)."""
    both_unruled = previous.flavor in UNRULED_FLAVORS and table.flavor in UNRULED_FLAVORS
    return table.flavor == previous.flavor or both_unruled


def _same_columns(previous: RawTable, table: RawTable) -> bool:
    if _same_grid(previous, table) or _same_value_columns(previous, table):
        return True
    if not previous.col_bounds or not table.col_bounds:
        return False
    if table.flavor not in UNRULED_FLAVORS and header_words(table.rows) and _splits_value_columns(previous, table):
        # A ruled part that repeats the header and draws sub-columns under the start's value columns
        # is read on its own: re-gridding would merge them (rows whose values sit one column left).
        # Sub-columns under the name columns (an indented level) are re-gridded as usual.
        return False
    return _grid_kept(previous, table) is not None


def _splits_value_columns(previous: RawTable, table: RawTable) -> bool:
    """Does `table` draw a column border inside one of the start's columns right of its first two
    (number and name: the value columns)?"""
    if len(previous.col_bounds) < 3:
        return False
    value_columns = previous.col_bounds[2:]
    borders = [x0 for x0, _ in table.col_bounds[1:]]
    return any(x0 + 2 < border < x1 - 2 for border in borders for x0, x1 in value_columns)


def _same_grid(previous: RawTable, table: RawTable) -> bool:
    """Two ruled grids of as many columns: one grid, read column by column (a scanned page may
    lie a little shifted)."""
    ruled = previous.flavor not in UNRULED_FLAVORS and table.flavor not in UNRULED_FLAVORS
    return ruled and previous.n_cols == table.n_cols


def _grid_kept(previous: RawTable, table: RawTable) -> RawTable | None:
    """The part whose columns the stitched table takes: the finer one, whose every column lies
    inside one of the other's (a page may split a column in two: an indented sub-level, a
    narrow gap; the split keeps what the indent tells), the start's when they are alike; None
    when each part merges columns of the other (another table). A word-aligned start of a row or
    two at a page bottom has no reliable columns: it takes the continuation's. A part whose grid would
    join two cells of a row of the other gives way to the other's when that one joins none
    (_joins_cells)."""
    if table.flavor in UNRULED_FLAVORS and _body_rows(previous) <= CUT_START_ROWS < _body_rows(table):
        return table
    kept = _finer(previous, table)
    other = previous if kept is table else table
    if kept is not None and _joins_cells(other, kept) and not _joins_cells(kept, other):
        return other
    return kept


def _joins_cells(part: RawTable, grid: RawTable) -> bool:
    """Re-gridded onto `grid`'s columns, would two cells of one row of `part` fall into one column?
    A column of `part` lying in a gap of `grid` (a level of names that `grid`'s rows leave empty)
    goes to its nearest neighbour and is joined with it: `grid` is then not the finer one, whatever
    borders it draws inside `part`'s columns, if the other way round no row is joined so
    (jambi_reportlab_289 p. 8, a page-top end of the table whose 'Total', set left of the centred
    row numbers, split the number column, and whose rows all hold names one level out: re-gridded
    onto it, the start's sub-kegiatan names fell into the Anggaran column)."""
    mapping = [best_column(bounds, grid.col_bounds) for bounds in part.col_bounds]
    for row in part.rows:
        targets = [mapping[col] for col, text in enumerate(row[:len(mapping)]) if text.strip()]
        if len(set(targets)) < len(targets):
            return True
    return False


def _finer(previous: RawTable, table: RawTable) -> RawTable | None:
    previous_fits = crossings(previous.col_bounds, table.col_bounds, headless_columns(table.rows)) == 0
    table_fits = crossings(table.col_bounds, previous.col_bounds, headless_columns(previous.rows)) == 0
    if previous_fits and table_fits and len(table.col_bounds) > len(previous.col_bounds):
        return table  # a column in a gap of the start's (a deeper indent its few rows did not show)
    if previous_fits:
        return previous
    if table_fits:
        return table
    return None


def _body_rows(table: RawTable) -> int:
    return len(table.rows) - header_size(table.rows)


def _same_value_columns(previous: RawTable, table: RawTable) -> bool:
    """As many columns, amounts in the same ones: one grid in column order, whatever the x
    positions (a renderer that sets the columns of each part of a table to other widths)."""
    if previous.n_cols != table.n_cols:
        return False
    values = _value_columns(previous)
    return len(values) >= 2 and values == _value_columns(table)


def _value_columns(table: RawTable) -> set[int]:
    """Columns where most body rows that hold an amount hold a number. Rows that fill the last column
    are counted alone when two or more do: a row that leaves it empty may be set on other x positions
    (its cells laid out narrower, its amounts a column left), and would hide the columns of the rest."""
    body = [r for r in table.rows[header_size(table.rows):] if any(AMOUNT_RE.search(c) for c in r)]
    full = [r for r in body if len(r) == table.n_cols and r[-1].strip()]
    body = full if len(full) >= 2 else body
    counts = [sum(1 for r in body if col < len(r) and looks_numeric(r[col]) and not is_row_number(r[col]))
              for col in range(table.n_cols)]
    return {col for col, n in enumerate(counts) if body and n > len(body) / 2}


def _regrid(previous: RawTable, table: RawTable) -> None:
    if _same_grid(previous, table):
        return
    if _same_value_columns(previous, table):
        previous.col_bounds = list(table.col_bounds)  # the widths the next part will follow
        return
    if _grid_kept(previous, table) is table:
        previous.rows = align_columns(previous, table.col_bounds)
        previous.col_bounds = list(table.col_bounds)
    else:
        table.rows = align_columns(table, previous.col_bounds)


def _starts_new_header(previous: RawTable, table: RawTable) -> bool:
    """A header at the top ('No | Indikator | ...') that names other words than the previous
    table's header starts another table, even without a caption (a repeated header may wrap
    otherwise, its words are the same). A start that lost a line of its header (the upper line of
    a wrapped label, 'Program /' or 'Realisasi' above the 'No' row, cut off with the text above
    the table) names all the words of its repeated header but one. A header naming years the start's
    header does not name (a comparison of 2024-2026 under a table of 2025) is another table's."""
    own = header_words(table.rows, continuation=True)
    if not own or _repeated_header_rows(previous, table.rows):
        return False
    start_years = _header_years(previous.rows)
    if start_years and _header_years(table.rows) - start_years:
        return True
    start = header_words(previous.rows)
    extra = own - start
    if len(start) >= MIN_CUT_HEADER_WORDS and start <= own and len(extra) <= MAX_CUT_HEADER_WORDS:
        return False
    return len(extra) > 0.15 * len(own)


def _header_years(rows: list[list[str]]) -> set[str]:
    return {word for row in rows[:header_size(rows)] for c in row for word in c.split() if is_year(word)}


def _repeated_header_rows(previous: RawTable, rows: list[list[str]]) -> int:
    """How many rows open `rows` that repeat the start's header rows cell for cell (0 if they do
    not): the rows under them are body, even text-only ones (the rest of a row the page break cut
    below its values), which a header test by words would take for more header."""
    size = _label_rows(previous.rows)
    if not 0 < size <= len(rows) or not header_words(previous.rows):
        return 0
    same = all(_row_key(_trimmed(a)) == _row_key(_trimmed(b)) for a, b in zip(previous.rows[:size], rows[:size]))
    if same:
        return size
    # the same header set in other rows (the word reader bands a header with no body under it line by line),
    # or repeated below its top line: group labels over several columns ('Kinerja' over Target | Realisasi)
    # that the reader left above the block, so each column's words end the start's and most are the same
    start = _column_words(previous.rows[:size])
    return next((k for k in range(1, min(len(rows), MAX_HEADER_ROWS) + 1)
                 if _column_words(rows[:k]) == start or _below_top_line(start, _column_words(rows[:k]))), 0)


def _below_top_line(start: list[str], own: list[str]) -> bool:
    """Column for column, `own` is `start` without the first words of some columns, and half or more
    of the columns are the same."""
    if len(own) != len(start) or not all(own):
        return False
    ends = all(a.split()[len(a.split()) - len(b.split()):] == b.split() for a, b in zip(start, own))
    return ends and 2 * sum(a == b for a, b in zip(start, own)) >= len(start)


def _column_words(rows: list[list[str]]) -> list[str]:
    """The words of each column of the rows, top to bottom, lower case; empty columns at the right left out."""
    width = max((len(r) for r in rows), default=0)
    return _trimmed([" ".join(w for row in rows for w in (row[i] if i < len(row) else "").lower().split())
                     for i in range(width)])


def _label_rows(rows: list[list[str]]) -> int:
    """The header rows that label columns: those above the first heading spanning the table under
    them ('Misi Pertama : ...', 'Sasaran ke-1 : ...', its text in the first cell alone), which holds
    no value and so counts as header, but belongs to the start's body and is not repeated."""
    size = header_size(rows)
    spanning = [i for i, row in enumerate(rows[1:size], 1) if [c for c in row if c.strip()] == [row[0]]]
    return spanning[0] if spanning else size


def _trimmed(row: list[str]) -> list[str]:
    """A row without its empty cells at the right (a sliver column the reader found on one page only)."""
    end = len(row)
    while end and not row[end - 1].strip():
        end -= 1
    return row[:end]


def _split_header_from_tail(previous: RawTable, table: RawTable) -> None:
    """A ruled continuation whose repeated header shares its grid rows with the rest of a row the
    page break cut (the renderer drew no rule under the header, or none that the reader saw under
    a header cell spanning the header rows, whose text it keeps in the top row): each cell of those
    rows opens with the lines of the start's header cell in its place, and some hold more lines.
    The header lines and the rest become the header and a row under it, so the header is seen
    repeated and the rest joins its cut row. Every column names a header label in some row. Empty
    rows ending the start are no header (the box of a row the break carried whole to the next page)."""
    filled = [i for i, row in enumerate(previous.rows) if any(c.strip() for c in row)]
    size = min(header_size(previous.rows), filled[-1] + 1 if filled else 0)
    if table.flavor in UNRULED_FLAVORS or not 0 < size <= len(table.rows) or not header_words(previous.rows):
        return
    heads, cells = previous.rows[:size], table.rows[:size]
    if any(len(head) != len(row) for head, row in zip(heads, cells)):
        return
    if not all(any(head[i].strip() for head in heads) for i in range(len(heads[0]))):
        return
    rests = [[_lines_after(h, c) if h.strip() else (None if c.strip() else "") for h, c in zip(head, row)]
             for head, row in zip(heads, cells)]
    if any(rest is None for row in rests for rest in row) or not any(rest for row in rests for rest in row):
        return
    if any(sum(bool(row[i]) for row in rests) > 1 for i in range(len(heads[0]))):
        return  # (one rest per column)
    rest = ["\n".join(row[i] for row in rests if row[i]) for i in range(len(heads[0]))]
    table.rows[:size] = [list(head) for head in heads] + [rest]
    table.row_pages[:size] = [table.row_pages[0]] * (size + 1)


def _rest_of_cut_header(previous: RawTable, rows: list[list[str]]) -> bool:
    """A ruled start of header rows alone continues with the header's lower rows: the page break
    fell inside the header, under a row ('No | Sasaran | Kinerja | Anggaran') or through one (its
    empty top ends the start, its 'Target | Realisasi' labels open the next page). Header rows at
    the continuation's top that name none of the start's header words are those lower rows, no
    repeated header (a repeated header names the start's words, its title row aside: 'KODE |
    URAIAN | JUMLAH (Rp)' under a report title)."""
    if previous.flavor in UNRULED_FLAVORS or not previous.rows or _body_rows(previous):
        return False
    if not any(c.strip() for c in previous.rows[-1]) and len(previous.rows) < 2:
        return False
    own, start = header_words(rows), header_words(previous.rows)
    return bool(own) and bool(start) and not own & start


def _lines_after(head: str, cell: str) -> str | None:
    """The lines of `cell` below those of the header cell `head` it opens with; None if it does
    not open with them."""
    own, lines = [_row_key([line]) for line in head.splitlines() if line.strip()], cell.splitlines()
    if [_row_key([line]) for line in lines[:len(own)]] != own:
        return None
    return "\n".join(line for line in lines[len(own):] if line.strip())


def _drop_repeated_header(previous: RawTable, rows: list[list[str]]) -> list[list[str]]:
    if header_words(rows, continuation=True):  # the start's header printed again, perhaps wrapped otherwise
        size = header_size(rows)
        # a row of stacked values (a whole sheet in one grid row) is not header, whatever its size
        kept = next((i for i, row in enumerate(rows[:size]) if any(AMOUNT_RE.search(c) for c in row)), size)
        return rows[kept:]
    header = {_row_key(r) for r in previous.rows[:4]}
    index = 0
    while index < len(rows) and index < 4:
        row = rows[index]
        if _row_key(row) in header or is_column_number_row(row):
            index += 1
        else:
            break
    return rows[index:]


def _join_cut_row(previous: RawTable, body: list[list[str]]) -> None:
    """A row cut by the page break above its values (cells aligned to the middle or the bottom):
    its first lines end the start, a band of their own, the rest opens the continuation with the
    values. The cut lines lead the row's cells; the row is on the continuation's page. (In a
    word-aligned table a wrapped line may be a row: the fact readers tell a row's last lines from
    the next row's first ones, by line case and names, on the page and across the break alike;
    unless the word reader set the rows apart by their padding, `_apart_from_row_above`.)"""
    if previous.flavor in UNRULED_FLAVORS and not _apart_from_row_above(previous):
        return
    if previous.rows and body and _is_cut_start(previous.rows[-1], body[0]):
        cut = previous.rows.pop()
        previous.row_pages.pop()
        words = previous.flavor == WORDS_FLAVOR
        body[0] = [_lead(a, b, words) if a.strip() and b.strip() else a.strip() or b
                   for a, b in zip(cut + [""] * (len(body[0]) - len(cut)), body[0])]


def _lead(cut: str, cell: str, words: bool) -> str:
    """The cut lines ahead of the cell's text; in a word-read table after the row's numbering where
    the cell opens with it (a number beside the name's middle line, read into the name's column,
    '1. PENDATAAN ...'; a ruled table gives the number a cell of its own)."""
    head, _, rest = cell.strip().partition(" ")
    if words and is_row_number(head) and rest.strip():
        return f"{head} {cut}\n{rest}"
    return f"{cut}\n{cell}"


def _is_cut_start(cut: list[str], first: list[str]) -> bool:
    """Text only, of two lines or more (the word reader kept it apart from the row above, so it is
    no wrapped line of that row), in columns where the next row, which holds the values, has text."""
    filled = [i for i, c in enumerate(cut) if c.strip()]
    text = {i for i, c in enumerate(first) if c.strip() and not looks_numeric(c) and not is_row_number(c)}
    plain = all(not looks_numeric(cut[i]) and not is_row_number(cut[i]) for i in filled)
    lines = any("\n" in cut[i].strip() for i in filled)
    return bool(filled) and plain and lines and set(filled) <= text and is_value_row(first)


def _apart_from_row_above(previous: RawTable) -> bool:
    """The word reader joins a cell's wrapped lines into one row where a padding sets rows apart
    wider than their line pitch: the start's last row then is no wrapped line of the row above
    when that row holds, in each of its columns, text of two lines or more (read whole there, and
    ended by the wider step) that does not run on (a last word 'dan', ',', '-': a cell a renderer
    parted at the page end). Lines set apart by the line pitch alone stay rows of their own."""
    if previous.flavor != WORDS_FLAVOR or len(previous.rows) < 2:
        return False
    cut, above = previous.rows[-1], previous.rows[-2]
    filled = [i for i, c in enumerate(cut) if c.strip()]
    return bool(filled) and all(i < len(above) and "\n" in above[i].strip() and not looks_numeric(above[i])
                                and not _runs_on(above[i]) for i in filled)


def _runs_on(text: str) -> bool:
    words = text.split()
    return bool(words) and (words[-1].lower() in CONNECTOR_WORDS or words[-1].endswith((",", "-", "/")))


def _join_cut_tail(previous: RawTable, body: list[list[str]]) -> bool:
    """A ruled row cut by the page break below its values (cells aligned to the top): the rest of
    its text opens the continuation, text only, unnumbered, in columns where the start's last row
    has text, or in its empty ones where it holds a number and values alone (cells aligned to the
    middle set all its text past the break). Joined to that row, over the empty grid rows that may
    end the start (the blank lower part of the cut row's box, ruled off at the page bottom). In a
    word-aligned table only a row that lacks its name takes the text (_nameless_columns): the fact
    readers join the wrapped lines of a name that has begun."""
    end = next((i for i in range(len(previous.rows) - 1, -1, -1) if any(c.strip() for c in previous.rows[i])), None)
    if end is None or not body:
        return False
    last, rest = previous.rows[end], body[0]
    filled = [i for i, c in enumerate(rest) if c.strip()]
    if previous.flavor in UNRULED_FLAVORS:
        text = _nameless_columns(previous.rows[:end], last)
    else:
        text = {i for i, c in enumerate(last) if c.strip() and not looks_numeric(c) and not is_row_number(c)}
        if not text:  # a number and values alone: the row's text, set to the middle, lies past the break
            text = {i for i, c in enumerate(last) if not c.strip()}
    if not filled or not set(filled) <= text or not is_value_row(last) or _numbered_or_valued(rest):
        return False
    if any(in_capitals(rest[i]) and _names(last[i]) and not in_capitals(last[i]) for i in filled):
        return False  # a heading in capitals under a name in mixed case: a row of its own
    previous.rows[end:] = [[f"{a}\n{b}" if a.strip() and b.strip() else a or b
                            for a, b in zip(last, rest + [""] * (len(last) - len(rest)))]]
    del previous.row_pages[end + 1:]
    return True


def _nameless_columns(above: list[list[str]], last: list[str]) -> set[int]:
    """Of a word-read start's last row, the columns where the rows above print names and it prints
    none (empty, or a row number alone): values without their name, which the page break set on
    the next page. (Wrapped lines of a name that has begun are the fact readers' to join.)"""
    named = {i for row in above if is_value_row(row) for i, c in enumerate(row)
             if c.strip() and not looks_numeric(c) and not is_row_number(c)}
    nearest = max(named, default=None)  # the names column nearest the values, not a group's column left of it
    return {nearest} if nearest is not None and nearest < len(last) and not _names(last[nearest]) else set()


def _names(cell: str) -> bool:
    """Holds a name: text that is not a row number alone ('1.' set before a name past the break)."""
    return bool(cell.strip()) and not is_row_number(cell)


def _numbered_or_valued(row: list[str]) -> bool:
    return any(looks_numeric(c) or is_row_number(c) for c in row if c.strip())


def _row_key(row: list[str]) -> str:
    return "|".join(" ".join(c.split()).lower() for c in row)
