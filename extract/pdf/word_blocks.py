"""Blocks of table lines on a page: the runs of consecutive lines that look tabular, ended by a
prose line, a tall gap or a caption below the table. Short lines just above a block's first line
are its cells aligned to the middle or the bottom, or at a page top the rest of a row the page
break cut."""
from __future__ import annotations

import re
from statistics import median

from extract.model import Line
from extract.numerals import is_column_number_row, is_year, looks_numeric
from extract.pdf.gutters import MIN_COLUMNS, gutters
from extract.pdf.line_kinds import (
    CAPTION_START,
    COLUMN_GAP,
    EDGE_ALIGNED,
    body_start,
    has_header,
    header_line,
    header_words_in,
    is_tabular,
    names_columns,
    staggered,
    value_lines,
)
from extract.pdf.page_words import line_seat
from extract.pdf.row_spacing import line_pitch
from extract.text import FUNCTION_WORDS, HEADER_WORDS, TOTAL_RE

COLUMN_NAME_WORDS = HEADER_WORDS - FUNCTION_WORDS


def table_blocks(lines: list[Line], body_x0: float, body_x1: float) -> list[list[Line]]:
    """Runs of consecutive lines that look tabular: a prose line (fills the body, no column
    gap) or a vertical gap taller than the run's own gaps between rows ends a run. Short lines
    before the first tabular line are left out (a heading, a caption), except at the top of a
    page: there they are the rest of a row cut by the page break."""
    if not lines:
        return []
    height = median(w.height for line in lines for w in line.words)
    blocks: list[list[Line]] = []
    current: list[Line] = []
    pending: list[Line] = []  # short lines waiting for a tabular line
    page_has_started = False  # prose or a table seen above on this page
    top_row = False  # the first block opens the page
    carried: list[tuple[list[Line], bool]] = []  # page-top fragments set far above the rest (see _carried_row)
    far_pitch = None  # the pitch of wrapped text of the block a wide gap (no prose, no caption) just ended
    staggered_rows = _staggered_rows(lines, height)
    for index, line in enumerate(lines):
        prose = _is_prose(line, height, body_x0, body_x1)
        last = (current or pending or [None])[-1]
        far = last is not None and last.bottom - line.top > max(2.5 * height, _row_gap_limit(current, height))
        if far and current and (_fits_columns(current, line, height) or _total_below(current, line, height)):
            far = False  # a blank row inside the table, a taller row's padding above its total
        if far and current and any(map(_names_columns_only, current)) and not value_lines(current):
            far = False  # a header (its column numbers too) whose cell padding sets its lines and first row apart
        caption = bool(current) and CAPTION_START.match(" ".join(w.text for w in line.words)) is not None
        caption = caption or (bool(current) and _paragraph_after(current, line, height))
        if far and not (prose or caption or page_has_started or blocks) and len(current) <= 1:
            carried.append((current or pending, bool(current)))  # decided once the table below is known
            current, pending = [], []
            far = False
        if prose and carried and not blocks:
            blocks.extend(part for part, is_block in carried if is_block)  # text between: no row carried
            carried = []
        if prose or far or caption:  # a caption or a paragraph below a table ends it
            if current:
                blocks.append(current)
                page_has_started = True
            far_pitch = line_pitch(current) if far and current and not (prose or caption) else None
            current, pending = [], []
            if prose:
                page_has_started = True
                continue
        below = lines[index + 1] if index + 1 < len(lines) else None
        if current and _opens_next_header(current, line, below, height):
            head = _same_row_above(current[_last_value_line(current) + 1:], line, height)
            blocks.append(current[:len(current) - len(head)])
            current = head + [line]
        elif current:
            current.append(line)
        elif is_tabular(line, height) or (not page_has_started and not blocks and id(line) in staggered_rows):
            top_row = top_row if blocks else not page_has_started
            cut_row = not page_has_started and not _names_columns_only(line) and not _has_caption(pending)
            pitch = far_pitch if far_pitch and blocks and _fits_columns(blocks[-1], line, height, into=True) else None
            current = (pending if cut_row else _same_row_above(_after_caption(pending), line, height, pitch)) + [line]
            pending = []
        else:
            pending.append(line)
    blocks.append(current)
    blocks = _carried_row(carried, blocks, height)
    return [_trim_tail(b, height) for index, b in enumerate(blocks)
            if sum(is_tabular(line, height) or (index == 0 and top_row and id(line) in staggered_rows)
                   for line in b) >= 2 or (index == 0 and top_row and _lone_row(b, height))
            or (index == len(blocks) - 1 and lone_header(b))]


def _staggered_rows(lines: list[Line], height: float) -> set[int]:
    """Ids of the lines of one cell each that are a row with the next or the one before, their cells
    at different heights (see line_kinds.staggered): at a page top, the last rows of a table
    carried over with their labels and values on lines of their own ('Rata-rata capaian' /
    '104,90 %' / 'kinerja') are a table's lines, though none has a column gap."""
    return {id(line) for pair in zip(lines, lines[1:])
            if not any(is_tabular(line, height) for line in pair) and staggered(*pair, height) for line in pair}


def _row_gap_limit(block: list[Line], height: float) -> float:
    """The widest gap that still parts two rows of the block: its usual gap between rows (the gaps
    wider than a line height; a cell's wrapped lines lie closer) plus a line height, as a row
    aligned to the bottom or the middle sits that much lower. Wide cell padding sets rows further
    apart than a fixed count of line heights."""
    gaps = [above.bottom - below.top for above, below in zip(block, block[1:]) if above.bottom - below.top > height]
    return median(gaps) + height if len(gaps) >= 2 else 0.0


def _lone_row(block: list[Line], height: float) -> bool:
    """The last row of a table carried alone to a page top: one tabular line, with two values or
    more (a paragraph's line with a gap holds none)."""
    values = [sum(looks_numeric(w.text) and not is_year(w.text) for w in line.words) for line in block
              if is_tabular(line, height)]
    return len(values) == 1 and values[0] >= 2


def lone_header(block: list[Line]) -> bool:
    """A table's header alone at the end of a page, its rows on the next (unruled._carry_lone_headers):
    three lines at most, none holding a value, one of them tabular with cells opening with header words
    (MIN_HEADER_CELLS). Any word a header names its columns with counts ('No | Program / Kegiatan |
    Alokasi | Realisasi'): a page break may leave a header's first line alone, its other lines (with
    'Anggaran' under 'Alokasi') opening the next page."""
    if not block or len(block) > 3 or any(map(_holds_value, block)) or not names_columns(block):
        return False
    height = median(w.height for line in block for w in line.words)
    return any(is_tabular(line, height) and _column_name_cells(line, height) >= MIN_HEADER_CELLS for line in block)


def _names_columns_only(line: Line) -> bool:
    """A header line: two header words or more and no value. Lines above a table's header are no
    rest of a row cut by the page break (paragraph ends at a page top, a heading)."""
    return not _holds_value(line) and names_columns([line])


PARAGRAPH_GAP_MIN = 0.75  # line heights: the least space that sets a paragraph apart below a table
MIN_HEADER_CELLS = 3  # cells opening with a header word on one line: a header, not a row's text


def _opens_next_header(block: list[Line], line: Line, below: Line | None, height: float) -> bool:
    """A header line below the block's values: another table printed right under this one (no caption,
    no paragraph between them). Three cells or more of the line open with a header word, the line and
    the one below it name two header words or more ('2025 | Target | Target' over 'No | Indikator
    Sasaran'), it holds no value, and the block above has a header and two value rows under it. A row's wrapped
    text opens a cell or two with a header word and repeats one word ('program | program'); the block's
    own header printed again (a renderer repeating it after a row split within the page) is no other
    table."""
    if _holds_value(line) or not is_tabular(line, height) or not has_header(block):
        return False
    if value_lines(block[header_line(block, height) + 1:]) < 2:
        return False  # the block above is no table of its own yet: a header and two rows of values under it
    if _header_cells(line, height) < MIN_HEADER_CELLS or not names_columns([line] + ([below] if below else [])):
        return False
    own_header = {other.text.lower() for other in block[:body_start(block)]}
    return line.text.lower() not in own_header


def _header_cells(line: Line, height: float) -> int:
    """Cells of the line (between its column gaps) that open with a header word."""
    return sum(header_words_in(cell.split()[0]) > 0 for cell in _cells(line, height))


def _column_name_cells(line: Line, height: float) -> int:
    """Cells of the line that open with a word of a column's name (text.HEADER_WORDS: 'No', 'Pagu',
    'Alokasi' too), a connective aside ('dan' opens a name's wrapped line)."""
    firsts = [re.sub(r"[^a-z]", "", cell.split()[0].lower()) for cell in _cells(line, height)]
    return sum(word in COLUMN_NAME_WORDS or header_words_in(word) > 0 for word in firsts)


def _cells(line: Line, height: float) -> list[str]:
    """The line's texts between its column gaps."""
    words = sorted(line.words, key=lambda w: w.x0)
    cells = [[words[0].text]]
    for left, right in zip(words, words[1:]):
        if right.x0 - left.x1 >= COLUMN_GAP * height:
            cells.append([])
        cells[-1].append(right.text)
    return [" ".join(cell) for cell in cells]


def _last_value_line(block: list[Line]) -> int:
    return max(i for i, line in enumerate(block) if _holds_value(line))


def _holds_value(line: Line) -> bool:
    return any(looks_numeric(w.text) and not is_year(w.text) for w in line.words)


def _has_caption(lines: list[Line]) -> bool:
    return any(CAPTION_START.match(" ".join(w.text for w in line.words)) for line in lines)


def _after_caption(lines: list[Line]) -> list[Line]:
    """The lines below the last caption among them: a caption at a page top starts a table, it is
    no rest of a row the page break cut."""
    starts = [i for i, line in enumerate(lines) if _has_caption([line])]
    return lines[starts[-1] + 1:] if starts else lines


def _same_row_above(pending: list[Line], line: Line, height: float, pitch: float | None = None) -> list[Line]:
    """The short lines just above a table's first tabular line that sit about a line height above
    it or less (half the pitch of wrapped lines, which loose line spacing makes a little more than
    a word's height): no caption or heading comes that close, they are cells of its row aligned
    to the middle or the bottom (a header 'Realisasi' over 'Anggaran' beside one-line 'No').
    Lines are compared on their seats: a first glyph hanging below its line ('program') is no gap.
    `pitch`: the table's pitch of wrapped text, where a wide gap inside it (a taller heading row) parted
    its rows into two blocks: lines one pitch apart are the lines of a cell aligned to the bottom
    ('PROGRAM / PELATIHAN KERJA / DAN PRODUKTIVITAS' over '1. TENAGA KERJA ...', jambi_libreoffice_457)."""
    kept: list[Line] = []
    below = line
    for above in reversed(pending):
        if line_seat(above) - line_seat(below) >= 1.1 * max(height, pitch or 0.0):
            break
        kept.insert(0, above)
        below = above
    return kept


def _fits_columns(block: list[Line], line: Line, height: float, into: bool = False) -> bool:
    """A tabular line whose words all stay between the gutters of the block above; `into`: or run into
    one, not across it (the widest amount or name of its column above may be narrower)."""
    return is_tabular(line, height) and _inside_gutters(block, [line], height, into)


def _inside_gutters(block: list[Line], lines: list[Line], height: float, into: bool = False) -> bool:
    """Lines whose words all stay between the gutters of the block's body (two tabular lines or more);
    `into`: or run into one, not across it."""
    body = block[body_start(block):]
    if sum(is_tabular(other, height) for other in body) < 2:
        return False
    strips = gutters(body, height, tolerant=False)
    words = [w for line in lines for w in line.words]

    def crosses(word, left: float, right: float) -> bool:  # across the gutter; unless `into`, into it too
        return word.x0 < left and word.x1 > right if into else word.x0 < right and word.x1 > left

    return len(strips) >= MIN_COLUMNS - 1 and not any(crosses(w, a, b) for w in words for a, b in strips)


def _carried_row(carried: list[tuple[list[Line], bool]], blocks: list[list[Line]], height: float) -> list[list[Line]]:
    """A row that a page break cut, carried to the page top: its renderer may keep the row's full
    height, so its lines (the rest of a name, its numbering and values) sit far apart, far above the
    next row. Such page-top fragments (short lines, or one line at most of a row), with nothing but
    the gap between them and the table below, each starting at a cell's edge and all their words between
    that table's gutters, are that table's first lines; else each is what it was alone (a lone row a block of its own,
    short lines dropped: a heading, a paragraph's end)."""
    if not carried:
        return blocks
    lines = [line for part, _ in carried for line in part]
    if blocks and blocks[0] and not _has_caption(lines) and _inside_gutters(blocks[0], lines, height) \
            and all(_starts_at_cell_edge(line, blocks[0], height) for line in lines):
        return [lines + blocks[0], *blocks[1:]]
    return [part for part, is_block in carried if is_block] + blocks


def _paragraph_after(block: list[Line], line: Line, height: float) -> bool:
    """A line of text set apart below a table (more than one and a half line heights, or than one and
    a half of the widest gap between the table's lines where those are closer), half as wide as the
    table or more, whose words run over two of its gutters or more: a paragraph after the table, not
    a row (a cell's wrapped text stays in its column; a row label spanning columns is short). Rows
    a thin rule apart are closer than a paragraph's spacing (jambi_html_473)."""
    width = max(other.x1 for other in block) - min(other.x0 for other in block)
    if line.x1 - line.x0 < width / 2 or is_tabular(line, height) or body_start([line]) == 0:
        return False
    widest = max((above.bottom - below.top for above, below in zip(block, block[1:])), default=height)
    apart = min(1.5 * height, max(PARAGRAPH_GAP_MIN * height, 1.5 * widest))
    if block[-1].bottom - line.top <= apart:
        return False
    body = [other for other in block[body_start(block):] if not is_column_number_row([w.text for w in other.words])]
    if sum(is_tabular(other, height) for other in body) < 2:
        return False
    strips = gutters(body, height, tolerant=False)
    return sum(any(w.x0 < right and w.x1 > left for w in line.words) for left, right in strips) >= 2


def _trim_tail(block: list[Line], height: float) -> list[Line]:
    """A footer or page number left at the end of a block (far below its rows) is not a row. A line
    with two values or more (a footer holds a page number at most) is far only beyond the block's
    own gaps between rows; a total row is not far (_total_below)."""
    while len(block) > 1:
        values = sum(looks_numeric(w.text) and not is_year(w.text) for w in block[-1].words)
        limit = max(2.5 * height, _row_gap_limit(block[:-1], height) if values >= 2 else 0.0)
        if block[-2].bottom - block[-1].top <= limit or _total_below(block[:-1], block[-1], height):
            break
        block = block[:-1]
    return block


def _total_below(block: list[Line], line: Line, height: float) -> bool:
    """A total row under the table, set apart by a taller row's padding above it ('Total  Rp
    10,036,268,000.00 ...' under the last sub-kegiatan, jambi_libreoffice_457): it opens with a total word
    and keeps to the block's columns, its amounts (the widest) running into a gutter, not across."""
    return TOTAL_RE.match(line.text) is not None and _fits_columns(block, line, height, into=True)


def _starts_at_cell_edge(line: Line, block: list[Line], height: float) -> bool:
    """The line starts where a cell of the block starts (a line's first word, or one after a column
    gap): a cell's text carried over keeps its column's left edge; a heading centred above does not."""
    starts = [w.x0 for other in block for w, before in zip(other.words, [None, *other.words])
              if before is None or w.x0 - before.x1 >= COLUMN_GAP * height]
    return any(abs(line.x0 - x0) <= EDGE_ALIGNED for x0 in starts)


def _is_prose(line: Line, height: float, body_x0: float, body_x1: float) -> bool:
    """A full line of running text: it fills the text body and has no column gap nor two values set
    apart from the words before them (_spaced_values), or only the even gaps of justified text. (A
    wrapped cell may be as wide as a paragraph line's last words, but it does not fill the body.)"""
    full = line.x1 - line.x0 >= 0.85 * (body_x1 - body_x0)
    if full and _trailing_values(line) >= 3:
        return False  # a row set close: '... Pencari Kerja 1.859.057.000 1.770.074.052 95,21'
    if not full or _is_justified(line):
        return full
    return not is_tabular(line, height) and _spaced_values(line, height) < 2


def _trailing_values(line: Line) -> int:
    """Values in a row at the end of the line, years left out: a sentence puts words between its numbers."""
    count = 0
    for word in reversed(sorted(line.words, key=lambda w: w.x0)):
        if not looks_numeric(word.text) or is_year(word.text):
            break
        count += 1
    return count


def _spaced_values(line: Line, height: float) -> int:
    """Cells of the line after its first that hold a value, a cell opening after a gap three times the
    line's word space (its narrower gaps) and half a word height or more. A row of a table set close
    fills the body with its cells a little less than a word height apart ('ADMINISTRASI KEUANGAN
    PERANGKAT  Rp 5,781,103,415.43  Rp 4,839,258,433.00  83.71'); a sentence spaces its words alike,
    two spaces typed in a row twice as wide."""
    words = sorted(line.words, key=lambda w: w.x0)
    gaps = line.gaps()
    if len(gaps) < 2:
        return 0
    wide = max(3 * sorted(gaps)[len(gaps) // 4], height / 2)
    cells = [[words[0]]]
    for gap, word in zip(gaps, words[1:]):
        if gap >= wide:
            cells.append([])
        cells[-1].append(word)
    return sum(any(looks_numeric(w.text) and not is_year(w.text) for w in cell) for cell in cells[1:])


def _is_justified(line: Line) -> bool:
    """Justified text stretches every space between its words alike; a table row has a few
    gaps far wider than its spaces, or is mostly numbers in evenly spaced columns."""
    gaps = sorted(line.gaps())
    words = sum(not looks_numeric(w.text) for w in line.words)
    return len(gaps) >= 5 and words >= 0.8 * len(line.words) and gaps[-1] <= 2 * max(gaps[0], 0.5)
