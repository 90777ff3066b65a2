"""Read unruled tables from the positions of the words on a page.

A table without ruling lines is still visible in its layout: its lines have wide gaps where
paragraph lines have none, and its columns are separated by vertical strips of white space
("gutters") that run through all its rows. The word reader finds such blocks of lines
(word_blocks.py), takes the gutters of the block's body as column borders (gutters.py), puts every
word into its column (word_cells.py), and joins the wrapped lines of a cell into one row
(word_rows.py: by their tight line spacing, row_spacing.py, and the page's horizontal rules,
whether the cells are aligned to the top, the middle or the bottom, cell_layout.py). Header lines
(above the first line holding a number) are kept out of the gutter search, because a group
heading like "Kinerja" spans several sub-columns. This module runs those steps over a document's
pages; a table cut by a page break shares its columns with its other part.

Why not camelot's stream/network flavors: they guess columns from text alignment and, on
tables whose cells wrap onto several lines, drift from row to row or read the whole page as
one column. Gutters of the whole block are stable. Network remains the fallback on pages
where this reader finds a table of no known family (extract/pdf/find.py).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from statistics import median

import pypdfium2 as pdfium

from extract.model import WORDS_FLAVOR, Line, RawTable
from extract.numerals import is_year, looks_numeric
from extract.pdf.drawn_rules import ColumnRule, Rule, drawn_rules, ruled_columns
from extract.pdf.gutters import block_columns, gutters
from extract.pdf.line_kinds import (
    CAPTION_START,
    body_start,
    has_header,
    header_line,
    header_words_in,
    is_tabular,
    staggered,
    text_body,
    value_lines,
)
from extract.pdf.page_words import group_lines, page_words
from extract.pdf.row_spacing import line_pitch, row_bands, row_cut
from extract.pdf.running_lines import without_running_lines
from extract.pdf.word_blocks import lone_header, table_blocks
from extract.pdf.word_cache import cached_words
from extract.pdf.word_cells import cell_words, split_trailing_values, value_columns
from extract.pdf.word_rows import body_index, header_bands, joined, logical_rows, text_runs
from extract.text import in_capitals

FLAVOR = WORDS_FLAVOR



@dataclass
class WordTable:
    page: int
    rows: list[list[str]]
    col_bounds: list[tuple[float, float]]
    top: float
    bottom: float


def read_raw_word_tables(path: Path, pages: list[int],
                         taken: dict[int, list[tuple[float, float]]] | None = None) -> list[RawTable]:
    """read_word_tables, each table as the RawTable the other readers give."""
    return [_to_raw_table(t) for t in read_word_tables(path, pages, taken)]


def _to_raw_table(table: WordTable) -> RawTable:
    order = int(table.top)  # the y of its top edge: distinct per table on a page, used in the id
    return RawTable(table_id=f"p{table.page:04d}_w{order}", page_start=table.page, flavor=FLAVOR, rows=table.rows,
                    row_pages=[table.page] * len(table.rows), top=table.top, bottom=table.bottom, order=order,
                    col_bounds=table.col_bounds)


def block_to_table(block: list[Line], page: int, rules: list[Rule] | None = None,
                   columns: list[tuple[float, float]] | None = None, tied: bool = False,
                   cut: float | None = None, header_end: int | None = None,
                   column_rules: list[ColumnRule] | None = None) -> WordTable | None:
    """The table of a block, with its own columns or the `columns` of its continuation; if `tied`,
    its lines above the first value are that row's (see _tied_tails); `cut`: the step that sets
    its rows apart, found on its continuation (see _start_cuts); `header_end`: where a header
    repeated from the page before ends (see _repeated_header_ends); `column_rules`: the page's drawn
    vertical rules, the borders of its columns where they run down its body (drawn_rules.py)."""
    height = median(w.height for line in block for w in line.words)
    header_index = header_line(block, height)
    n_header = 0 if tied else header_end if header_end is not None else body_index(block, header_index, rules or [])
    body = block[n_header:]
    columns_given = columns is not None  # a continuation's (its text over no value is no header)
    columns = columns or _columns(block, rules, column_rules or [])
    if columns is None:
        return None
    headed = _is_header(block[:n_header], body, columns_given)
    n_names = n_header if headed else 0  # the header's lines, whose words are placed as a header's
    values = value_columns(body, columns)
    line_words = [cell_words(line, columns, height, index < n_names, values) for index, line in enumerate(block)]
    line_words, columns = split_trailing_values(line_words, columns, n_names, height)
    line_cells = [[" ".join(w.text for w in cell) for cell in cells] for cells in line_words]
    header_rows = line_cells[:n_header]
    if header_rows and not headed:
        header_rows = [joined([header_rows[i] for i in run]) for run in text_runs(header_rows)]
    else:
        header_rows = header_bands(block, header_index, n_header, line_cells, rules or [])
    lead = body_start(body)
    rows = header_rows + logical_rows(body, line_cells[n_header:], rules, lead if lead < len(body) else 0, cut,
                                      line_words[n_header:], columns)
    return WordTable(page=page, rows=rows, col_bounds=columns, top=block[0].top, bottom=block[-1].bottom)


def _is_header(lines: list[Line], body: list[Line], continuation: bool) -> bool:
    """The lines above the first value are a header: they hold a header word and, at a `continuation`'s top,
    stand within the span of the values (see _clear_of_values). Lines that name no column are the rest of a
    row a page break cut (and a heading under it, a row of its own): their words go into cells as a row's,
    not centred over a value column as a header's (jambi_reportlab_735 p. 7)."""
    text = " ".join(w.text for line in lines for w in line.words)
    return bool(lines) and bool(header_words_in(text)) and not (continuation and _clear_of_values(lines, body))


def _columns(block: list[Line], rules: list[Rule], column_rules: list[ColumnRule]) -> list[tuple[float, float]] | None:
    """The block's gutters, or the drawn column rules down its body where they part as many columns or
    more (a rule may be missing where cells are merged: fewer columns would join two of them)."""
    own = block_columns(block, rules)
    ruled = ruled_columns(block, column_rules)
    return ruled if ruled is not None and len(ruled) >= len(own or []) else own


def read_word_tables(path: Path, pages: list[int],
                     taken: dict[int, list[tuple[float, float]]] | None = None) -> list[WordTable]:
    """The tables of the words of `pages`; `taken` gives per page the heights (bottom, top) another reader
    already read (ruled tables), whose lines are left out."""
    doc = pdfium.PdfDocument(str(path))
    try:
        read: dict[int, tuple[list[list[Line]], list[Rule]]] = {}
        openings: dict[int, list[Line]] = {}  # text lines opening a page above anything else (_opening_text)
        column_rules: dict[int, list[ColumnRule]] = {}
        page_tops: set[int] = set()  # ids of the blocks that open their page
        page_ends: set[int] = set()  # ...and of those that end it
        for number in pages:
            page = doc[number - 1]
            lines = without_running_lines(doc, number, group_lines(cached_words(doc, number, page_words)))
            lines = [ln for ln in lines if not any(bottom <= (ln.top + ln.bottom) / 2 <= top
                                                   for bottom, top in (taken or {}).get(number, []))]
            if not lines:
                continue
            blocks = _split_carried_row(table_blocks(lines, *text_body(lines)))
            opening = _opening_text(lines, blocks)
            if opening:
                openings[number] = opening
            rules: list[Rule] = []
            if blocks:  # prose pages: no path objects to walk
                rules, column_rules[number] = drawn_rules(page)
            read[number] = (blocks, rules)
            if blocks and blocks[0][0] is lines[0]:
                page_tops.add(id(blocks[0]))
            if blocks and blocks[-1][-1] is lines[-1]:
                page_ends.add(id(blocks[-1]))
        carried_ends = _carry_lone_headers(read, page_tops, page_ends)
        shared = _shared_columns(read)
        tied, cuts = _tied_tails(read, shared), _start_cuts(read, shared)
        for number, columns in _cut_row_ends(read, openings, page_ends, shared).items():
            read[number][0].insert(0, openings[number])  # a block of its own, the first of its page
            shared[id(openings[number])] = columns
            tied.add(id(openings[number]))  # no header: all its lines are the rest of one row
        header_ends = _repeated_header_ends(read) | carried_ends
        found: list[WordTable] = []
        for number, (blocks, rules) in read.items():
            for block in blocks:
                table = block_to_table(block, number, rules, shared.get(id(block)), id(block) in tied,
                                       cuts.get(id(block)), header_ends.get(id(block)), column_rules.get(number))
                if table is not None:
                    found.append(table)
        return found
    finally:
        doc.close()


CUT_START_LINES = 2  # value lines of a table start that a page end cut off
CUT_END_LINES = 4  # text lines of a row's end that a page break carried alone to the next page
MIN_PARAGRAPH_WORDS = 8  # words of a line of running text that fills the body


def _opening_text(lines: list[Line], blocks: list[list[Line]]) -> list[Line]:
    """The lines that open a page above its first prose line, caption or wide gap, or the page end,
    when they are text alone (no value, no gap between columns) and few: the end of a row whose
    values the page before holds, or a heading; _cut_row_ends tells which. Not when a table line
    follows them closely: they go with it (a header's upper line, a name's first lines)."""
    if not lines or (blocks and blocks[0][0] is lines[0]):
        return []
    height = median(w.height for line in lines for w in line.words)
    first_block = blocks[0][0] if blocks else None
    body_x0, body_x1 = text_body(lines)
    run: list[Line] = []
    for line in lines:
        if run and run[-1].bottom - line.top > 2.5 * height:
            break  # a wide gap ends the run, whatever follows
        if line is first_block or is_tabular(line, height) or any(looks_numeric(w.text) for w in line.words):
            return []
        if _is_paragraph_line(line, body_x0, body_x1) or CAPTION_START.match(line.text):
            break
        run.append(line)
    return run if 0 < len(run) <= CUT_END_LINES else []


def _is_paragraph_line(line: Line, body_x0: float, body_x1: float) -> bool:
    """A line as wide as the text body, of many words (a page of a few short lines is its own body)."""
    return line.x1 - line.x0 >= 0.85 * (body_x1 - body_x0) and len(line.words) >= MIN_PARAGRAPH_WORDS


def _cut_row_ends(read: dict[int, tuple[list[list[Line]], list[Rule]]], openings: dict[int, list[Line]],
                  page_ends: set[int], shared: dict[int, list[tuple[float, float]]]) -> dict[int, list]:
    """The page-opening text lines (_opening_text) that end the last row of the table ending the page
    before: that table's block ends its page, and every word of the lines lies in one of its columns
    where its last row (from its last line with a value down) has text, not in its first column (a
    heading opens at the left margin), and not all in capitals under text that is not (a heading
    over mixed case). The page break cut the row below its values (cells aligned to the top, or a
    name longer than its values' lines), and no row of that table follows on this page, so no block
    took the lines. {page: the columns they take}."""
    found = {}
    for number, lines in openings.items():
        before, before_rules = read.get(number - 1, ([], []))
        if not before or id(before[-1]) not in page_ends:
            continue
        columns = shared.get(id(before[-1])) or block_columns(before[-1], before_rules)
        if columns is None or len(columns) < 2:
            continue
        used = {_column_at(w, columns) for line in lines for w in line.words}
        block = before[-1]
        valued = [i for i, line in enumerate(block) if any(looks_numeric(w.text) for w in line.words)]
        last_row = block[valued[-1]:] if valued else block[-1:]
        last = {_column_at(w, columns) for line in last_row for w in line.words}
        capitals = in_capitals(" ".join(line.text for line in lines))
        if None in used or 0 in used or not used <= last or (capitals and not in_capitals(last_row[-1].text)):
            continue
        found[number] = columns
    return found


def _column_at(word, columns: list[tuple[float, float]]) -> int | None:
    """The column a word lies in (a point of slack each side), None if it crosses a gutter or lies outside."""
    return next((i for i, (a, b) in enumerate(columns) if word.x0 >= a - 1 and word.x1 <= b + 1), None)


def _split_carried_row(blocks: list[list[Line]]) -> list[list[Line]]:
    """A headless block opening a page whose first row reaches with its values more than a word
    height past the right edge of the rows below: that row was carried over in the previous
    page's column widths, the rest of the table is set to its own. The row (its lines down to the
    first line inside the gutters of the rest) is a block of its own, which takes the columns of
    the table before (_tail_columns); the rest keeps its own. The rows below must hold values (two
    value lines or more): lines of text alone under the first row are its cells' wrapped lines
    (aligned to the top), which the values to their right always pass (jambi_html_107 p. 3)."""
    if not blocks or has_header(blocks[0]):
        return blocks
    block = blocks[0]
    height = median(w.height for line in block for w in line.words)
    first = next((i for i, line in enumerate(block) if is_tabular(line, height)), len(block))
    rest = block[first + 1:]
    if sum(is_tabular(line, height) for line in rest) < 2 or value_lines(rest) < 2:
        return blocks
    right = max(line.x1 for line in rest)
    if not any(looks_numeric(w.text) and w.x1 > right + height for w in block[first].words):
        return blocks
    strips = gutters(rest, height, tolerant=False)
    end = next((i for i, line in enumerate(rest) if not any(w.x0 < b and w.x1 > a for w in line.words
                                                            for a, b in strips)), len(rest))
    if sum(is_tabular(line, height) for line in rest[end:]) < 2:
        return blocks
    return [block[:first + 1 + end], block[first + 1 + end:], *blocks[1:]]


def _carry_lone_headers(read: dict[int, tuple[list[list[Line]], list[Rule]]],
                        page_tops: set[int], page_ends: set[int]) -> dict[int, int]:
    """A table's header alone at the end of a page (word_blocks.lone_header) goes to the block that
    opens the next page, where its rows are: set just above that block's first line, it is that
    table's header, or the first part of its header when the page break cut the header row itself
    (the rest of its lines open the next page). A header the next page repeats is dropped; one that
    no block of the same width opens the next page with is no table. {id of a block given a header:
    where the header ends}, for the blocks without a header of their own: the page break parts the
    header from the first row, however close a cell aligned to the bottom sets its lines."""
    ends = {}
    for number, (blocks, _) in read.items():
        if not blocks or id(blocks[-1]) not in page_ends or not lone_header(blocks[-1]):
            continue
        head = blocks.pop()
        following = read.get(number + 1, ([], []))[0]
        if not following or id(following[0]) not in page_tops or not _same_width(head, following[0]):
            continue
        block = following[0]
        if has_header(block) and _same_header(head, block):
            continue
        height = median(w.height for line in block for w in line.words)
        shift = block[0].top + height - head[-1].bottom  # the header's last line a word height above the block
        moved = [Line([replace(w, top=w.top + shift, bottom=w.bottom + shift) for w in line.words]) for line in head]
        following[0] = moved + block
        if not has_header(block):
            ends[id(following[0])] = len(moved)
    return ends


def _shared_columns(read: dict[int, tuple[list[list[Line]], list[Rule]]]) -> dict[int, list[tuple[float, float]]]:
    """A table that starts at a page bottom with its header and a row or two has too few lines
    to show its columns: it shares the columns found on its lines and those of the block that
    opens the next page, when that one spans the same width (its continuation, checked when
    stitching (_joint_columns). {id of a block: its columns}."""
    shared = {}
    for number, (blocks, rules) in read.items():
        following = read.get(number + 1, ([], []))[0]
        if not blocks or not following or value_lines(blocks[-1]) > CUT_START_LINES or not has_header(blocks[-1]):
            continue  # (the last rows of a table that ends at a page top are no table start)
        block, after = blocks[-1], following[0]
        if not _same_width(block, after) or (has_header(after) and not _same_header(block, after)):
            continue  # (a table under its own other header is another table)
        columns = _joint_columns(block, after, rules)
        if columns is not None:
            shared[id(block)] = shared[id(after)] = columns
    shared.update(_tail_columns(read, shared))
    return shared


def _start_cuts(read: dict[int, tuple[list[list[Line]], list[Rule]]],
                shared: dict[int, list[tuple[float, float]]]) -> dict[int, float]:
    """A table that starts at a page bottom with its header and a row or two shows too few steps
    to tell the padding between its rows from the pitch of wrapped text (a thin padding in large
    type): it takes the step that sets rows apart on the block opening the next page, with which
    it shares its columns (_shared_columns). {id of a start block: that step}."""
    cuts = {}
    for number, (blocks, _) in read.items():
        following = read.get(number + 1, ([], []))[0]
        if not blocks or not following or not has_header(blocks[-1]) or value_lines(blocks[-1]) > CUT_START_LINES:
            continue
        if id(blocks[-1]) in shared and id(following[0]) in shared:
            cuts[id(blocks[-1])] = row_cut(following[0])
    return cuts


def _joint_columns(block: list[Line], after: list[Line], rules: list[Rule]) -> list[tuple[float, float]] | None:
    """The columns of a table start and its continuation searched together. The header repeated
    over the continuation takes part in the search (it bridges a word space inside a text cell,
    'Sangat' / 'Baik') unless the borders it hides part two value columns: a wide column's header
    line reaching over a narrow value of the next one ('Realisasi Tahun 2024' over a centred '13')."""
    whole = block_columns(block + after, rules)
    if not has_header(after):
        return whole
    body = after[body_start(after):]
    apart = block_columns(block + body, rules)
    if whole is None or apart is None:
        return whole or apart
    height = median(w.height for line in block for w in line.words)
    hidden = [i for i in range(1, len(apart))
              if not any(abs(apart[i][0] - c[0]) <= height for c in whole[1:])]
    lines = block[body_start(block):] + body
    if hidden and all(_value_column(lines, apart[i - 1]) and _value_column(lines, apart[i]) for i in hidden):
        return apart
    return whole


def _value_column(lines: list[Line], column: tuple[float, float]) -> bool:
    """Most words whose middle falls in the column are numbers."""
    words = [w.text for line in lines for w in line.words if column[0] <= (w.x0 + w.x1) / 2 <= column[1]]
    return bool(words) and 2 * sum(looks_numeric(t) for t in words) > len(words)


def _tail_columns(read: dict[int, tuple[list[list[Line]], list[Rule]]],
                  shared: dict[int, list[tuple[float, float]]]) -> dict[int, list[tuple[float, float]]]:
    """The last rows of a table carried over to the top of a page, without a header or under the
    header repeated, are too few to outvote a summary row whose label spans columns ('Rata-rata
    capaian kinerja') or values set a word space from the text: they take the columns found on
    their body and the lines of the block that ends the page before, when that one spans the
    same width and these are as many columns as their own or more: as many, the joint search
    still places the borders right where two rows let a name run a word space from its unit
    ('berdaya saing %' under 'Indikator Kinerja | Satuan', jepara_reportlab_431 and _432). Where
    a few wrapped lines more let that joint search excuse a lone word crossing a narrow first
    column (a row number on one tabular line), they take the columns of the block before as they
    are, if no word of theirs spans one of its gutters. More rows show their own columns, unless
    their lines show fewer than three (the summary row's wide values closing the gaps between
    centred value columns): then they take those of the block before however many they are."""
    tails = {}
    for number, (blocks, rules) in read.items():
        before = read.get(number - 1, ([], []))[0]
        if not blocks or not before or id(blocks[0]) in shared:
            continue
        block, above = blocks[0], before[-1]
        headed = _has_own_header(block)
        repeated = headed and has_header(above) and _same_header(above, block)
        if headed and not repeated:
            continue  # (a table under its own other header is another table)
        before_own = block_columns(above)
        if not (_same_width(block, above) or _inside(block, above, before_own)):
            continue
        own = block_columns(block, rules)
        if own is not None and value_lines(block) > CUT_START_LINES + 1:
            continue  # (more rows show their own columns; a summary line may come with the last two)
        body = block[body_start(block):] if repeated else block
        joined = block_columns(above + body, rules)
        if joined is not None and len(joined) >= len(own or []) and len(joined) >= len(before_own or []):
            tails[id(block)] = joined
        elif before_own is not None and len(before_own) > len(own or []) and _fits(body, before_own):
            tails[id(block)] = before_own
    return tails


def _has_own_header(block: list[Line]) -> bool:
    """has_header, but a line set half a pitch off beside the first value line is that row's cell,
    not a header line: a summary label carried to a page top ('Rata-rata capaian' beside its
    '104,90 %') names header words as a header would."""
    height = median(w.height for line in block for w in line.words)
    first = body_start(block)
    if 0 < first < len(block) and staggered(block[first - 1], block[first], height):
        block = block[:first - 1] + block[first:]
        first -= 1
    return has_header(block) and not _clear_of_values(block[:first], block[first:])


def _clear_of_values(lines: list[Line], body: list[Line]) -> bool:
    """No word of the lines stands within the span of the body's values (a line's first word aside: a
    row number), left of them or right of them: they name no value column, as every header does
    ('Target', 'Realisasi', '%', set over or beside their values). Such lines opening a page are the
    rest of a row the page break cut, its name's last lines ('capaian kinerja / PD yang / mencapai
    target' above 'Rata-rata capaian kinerja ... 104,90 %'), header words or not, with its text cells
    right of the values too ('Sangat baik', 'Diskopuk mnakertrans': jepara_reportlab_676)."""
    values = [w for line in body for w in sorted(line.words, key=lambda w: w.x0)[1:]
              if looks_numeric(w.text) and not is_year(w.text)]
    if not (lines and values):
        return False
    low, high = min(v.x0 for v in values), max(v.x1 for v in values)
    return all(w.x1 < low or w.x0 > high for line in lines for w in line.words)


def _fits(lines: list[Line], columns: list[tuple[float, float]]) -> bool:
    """No word of the lines spans a gutter between two of the columns (a word may run a little
    into one: its column's widest word on the page before may be narrower)."""
    strips = list(zip((c[1] for c in columns), (c[0] for c in columns[1:])))
    return not any(w.x0 < a and w.x1 > b for line in lines for w in line.words for a, b in strips)


def _same_header(block: list[Line], other: list[Line]) -> bool:
    """Most words of the shorter of the two headers are words of the other: a header repeated on a
    continuation page, maybe with a line cut off. A header is the lines above the body (word_rows.
    body_index), not all those above the first value: cells aligned to the bottom set the first
    row's names, or the rest of a row the page break cut, above it (jambi_libreoffice_439 p. 9)."""
    words, others = ({w.text.lower() for line in b[:_header_end(b)] for w in line.words} for b in (block, other))
    return len(words & others) >= 0.8 * min(len(words), len(others))


def _header_end(block: list[Line]) -> int:
    height = median(w.height for line in block for w in line.words)
    return body_index(block, header_line(block, height), [])


def _tied_tails(read: dict[int, tuple[list[list[Line]], list[Rule]]],
                shared: dict[int, list[tuple[float, float]]]) -> set[int]:
    """Ids of the headless blocks opening a page with the columns of the table before, whose
    text lines above the first value follow each other at that table's pitch of wrapped text:
    a row carried whole to the page top, its cells aligned to the bottom or the middle (the
    rest of a row that the page break cut lies a row's padding or a rule above the next row).
    Only where that table's rows are set apart by space or rules, so the spacing tells."""
    tied = set()
    for number, (blocks, rules) in read.items():
        before, before_rules = read.get(number - 1, ([], []))
        if not blocks or not before or has_header(blocks[0]) or not _continues(blocks[0], before[-1], shared,
                                                                               before_rules):
            continue
        block, above, first = blocks[0], before[-1], body_start(blocks[0])
        if 0 < first < len(block) and row_bands(above, before_rules) is not None:
            bands = row_bands(block, rules, line_pitch(above))
            if bands is None or any(band[0] == 0 and first in band for band in bands):
                tied.add(id(block))
    return tied


def _continues(block: list[Line], above: list[Line], shared: dict[int, list[tuple[float, float]]],
               rules: list[Rule]) -> bool:
    """The headless block opening a page goes on with the table that ends the page before: it shares
    its columns (_shared_columns), or no word of its crosses a gutter of that table's columns, which
    its own may part further (a row number on a line of its own hid the first column there)."""
    if id(block) in shared:
        return True
    columns = shared.get(id(above)) or block_columns(above, rules)
    return columns is not None and len(columns) >= 2 and _same_width(block, above) and _fits(block, columns)


def _repeated_header_ends(read: dict[int, tuple[list[list[Line]], list[Rule]]]) -> dict[int, int]:
    """Where the header ends in the blocks opening a page under the header of the table ending the
    page before, repeated line for line (the same words on each line), when lines that header does
    not hold follow it above the first value: those lines are body, the rest of a row the page break
    cut (cells aligned to the top), not more header ('Negeri' / 'terdaftar}} \\times 100$' under
    'No | Program | Indikator program | Rumus Perhitungan ...', jambi_html_93 p. 4); taken into the
    header, their words made it another table's."""
    ends = {}
    for number, (blocks, _) in read.items():
        before = read.get(number - 1, ([], []))[0]
        if not blocks or not before:
            continue
        block, above = blocks[0], before[-1]
        start, own = _header_lines(block)
        _, head = _header_lines(above)
        end = start + len(head)
        if head and end < start + len(own) and own[:len(head)] == head:
            ends[id(block)] = end
    return ends


def _header_lines(block: list[Line]) -> tuple[int, list[list[str]]]:
    """Where the block's header starts, and the words of each of its lines down to the first value."""
    height = median(w.height for line in block for w in line.words)
    start = header_line(block, height)
    if not has_header(block):
        return start, []
    return start, [sorted(w.text.lower() for w in line.words) for line in block[start:body_start(block)]]


def _inside(block: list[Line], other: list[Line], columns: list[tuple[float, float]] | None) -> bool:
    """The block lies within the other's width: a last row whose first cells are empty (merged
    with the rows above it, on the page before). On the left it may start short of the other's
    first column by the white right of that column's words (its gutter; a word height at least):
    a summary label spanning the first columns starts at the table's edge, left of the row numbers
    and the 'No' centred in the first column above, which leave as much white left of them as right
    ('Rata-rata capaian kinerja', jepara_html_41; 16 pt left of a centred 'NO' in a wide first
    column, jepara_libreoffice_199). `columns`: the other's own."""
    height = median(w.height for line in block for w in line.words)
    slack = max(height, columns[1][0] - columns[0][1] if columns and len(columns) > 1 else 0.0)
    return min(line.x0 for line in other) - slack <= min(line.x0 for line in block) and \
        max(line.x1 for line in block) <= max(line.x1 for line in other) + 1


def _same_width(block: list[Line], other: list[Line]) -> bool:
    x0, x1 = min(line.x0 for line in block), max(line.x1 for line in block)
    n0, n1 = min(line.x0 for line in other), max(line.x1 for line in other)
    return min(x1, n1) - max(x0, n0) >= 0.8 * max(x1 - x0, n1 - n0)
