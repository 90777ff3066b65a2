"""Read unruled tables from the positions of the words on a page.

A table without ruling lines is still visible in its layout: its lines have wide gaps where
paragraph lines have none, and its columns are separated by vertical strips of white space
("gutters") that run through all its rows. This module finds such blocks of lines, takes the
gutters of the block's body as column borders, puts every word into its column, and joins the
wrapped lines of a cell into one row (by their tight line spacing). Header lines (above the
first line holding a number) are kept out of the gutter search, because a group heading like
"Kinerja" spans several sub-columns.

Why not camelot's stream/network flavors: they guess columns from text alignment and, on
tables whose cells wrap onto several lines, drift from row to row or read the whole page as
one column. Gutters of the whole block are stable. Network remains the fallback on pages
where this reader finds a table of no known family (extract/pdf/find.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from statistics import median

import pypdfium2 as pdfium

from extract.model import WORDS_FLAVOR, Line, Word
from extract.numerals import is_column_number_row, is_row_number, is_year, looks_numeric

FLAVOR = WORDS_FLAVOR
CAPTION_START = re.compile(r"^\s*tabel\s+[0-9ivx]", re.IGNORECASE)
MIN_COLUMNS = 3
# Words of table headers (also used to find where a table starts, extract/pdf/find.py).
HEADER_WORDS = ("indikator", "program", "kegiatan", "sasaran", "target", "realisasi", "anggaran",
                "uraian", "satuan", "capaian", "kategori")


@dataclass
class WordTable:
    page: int
    rows: list[list[str]]
    col_bounds: list[tuple[float, float]]
    top: float
    bottom: float


# ---------------------------------------------------------------- words and lines


def page_words(page) -> list[Word]:
    """Words of a pdfium page: characters joined until a space or a jump in position."""
    textpage = page.get_textpage()
    words: list[Word] = []
    current: Word | None = None
    for index in range(textpage.count_chars()):
        char = textpage.get_text_range(index, 1).replace("\ufffe", "-").replace("\xad", "-")  # soft hyphens
        if not char.strip():
            _flush(words, current)
            current = None
            continue
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        if current is not None and _breaks_word(current, left, bottom, top):
            _flush(words, current)
            current = None
        if current is None:
            current = Word(left, right, bottom, top, char)
        else:
            current.x1, current.text = max(current.x1, right), current.text + char
    _flush(words, current)
    return words


def _breaks_word(word: Word, left: float, bottom: float, top: float) -> bool:
    height = max(word.height, top - bottom, 1.0)
    jumped_right = left - word.x1 > 0.25 * height
    jumped_back = left < word.x1 - 0.5 * height
    other_line = abs(bottom - word.bottom) > 0.5 * height
    return jumped_right or jumped_back or other_line


def _flush(words: list[Word], current: Word | None) -> None:
    if current is not None:
        words.append(current)


def group_lines(words: list[Word]) -> list[Line]:
    """Words on the same baseline (within half a line height), top to bottom."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (-w.bottom, w.x0)):
        if lines and abs(lines[-1].words[0].bottom - word.bottom) <= 0.5 * word.height:
            lines[-1].words.append(word)
        else:
            lines.append(Line([word]))
    return lines


# ---------------------------------------------------------------- blocks of table lines


def table_blocks(lines: list[Line], body_x0: float, body_x1: float) -> list[list[Line]]:
    """Runs of consecutive lines that look tabular: a prose line (fills the body, no column
    gap) or a tall vertical gap ends a run. Short lines before the first tabular line are
    left out (a heading, a caption), except at the top of a page: there they are the rest of
    a row cut by the page break."""
    if not lines:
        return []
    height = median(w.height for line in lines for w in line.words)
    blocks: list[list[Line]] = []
    current: list[Line] = []
    pending: list[Line] = []  # short lines waiting for a tabular line
    page_has_started = False  # prose or a table seen above on this page
    for line in lines:
        prose = _is_prose(line, height, body_x0, body_x1)
        last = (current or pending or [None])[-1]
        far = last is not None and last.bottom - line.top > 2.5 * height
        if far and current and _fits_columns(current, line, height):
            far = False  # a blank row inside the table
        if prose or far:
            if current:
                blocks.append(current)
                page_has_started = True
            current, pending = [], []
            if prose:
                page_has_started = True
                continue
        if current:
            current.append(line)
        elif _is_tabular(line, height):
            current = ([] if page_has_started else pending) + [line]
            pending = []
        else:
            pending.append(line)
    blocks.append(current)
    return [_trim_tail(b, height) for b in blocks if sum(_is_tabular(line, height) for line in b) >= 2]


def _fits_columns(block: list[Line], line: Line, height: float) -> bool:
    """A tabular line whose words all stay between the gutters of the block above."""
    body = block[body_start(block):]
    if not _is_tabular(line, height) or sum(_is_tabular(other, height) for other in body) < 2:
        return False
    strips = gutters(body, height)
    return len(strips) >= MIN_COLUMNS - 1 and not any(
        w.x0 < right and w.x1 > left for w in line.words for left, right in strips)


def _is_tabular(line: Line, height: float) -> bool:
    return any(gap >= 0.9 * height for gap in line.gaps())


def _is_prose(line: Line, height: float, body_x0: float, body_x1: float) -> bool:
    """A full line of running text: it fills the text body and has no column gap, or only the
    even gaps of justified text. (A wrapped cell may be as wide as a paragraph line's last
    words, but it does not fill the body.)"""
    full = line.x1 - line.x0 >= 0.85 * (body_x1 - body_x0)
    return full and (not _is_tabular(line, height) or _is_justified(line))


def _is_justified(line: Line) -> bool:
    """Justified text stretches every space between its words alike; a table row has a few
    gaps far wider than its spaces, or is mostly numbers in evenly spaced columns."""
    gaps = sorted(line.gaps())
    words = sum(not looks_numeric(w.text) for w in line.words)
    return len(gaps) >= 5 and words >= 0.8 * len(line.words) and gaps[-1] <= 2 * max(gaps[0], 0.5)


def _trim_tail(block: list[Line], height: float) -> list[Line]:
    """A footer or page number left at the end of a block (far below its rows) is not a row."""
    while len(block) > 1 and block[-2].bottom - block[-1].top > 2.5 * height:
        block = block[:-1]
    return block


# ---------------------------------------------------------------- columns


def _header_line(block: list[Line], height: float) -> int:
    """Index of the line that names the columns (two header words or more on it and the line
    below), 0 if none. Lines above it are a title block (a spreadsheet export's report title
    and organisation lines): kept as rows, but their long texts must not hide the gutters."""
    for index, line in enumerate(block[:20]):
        text = " ".join(w.text for nearby in block[index:index + 2] for w in nearby.words).lower()
        if CAPTION_START.match(text):
            continue  # a caption names header words too ("Tabel 3.3 Capaian Kinerja Sasaran")
        holds_values = any(looks_numeric(w.text) and not is_year(w.text) for w in line.words)
        if sum(word in text for word in HEADER_WORDS) >= 2 and _is_tabular(line, height) and not holds_values:
            return index
    return 0


def body_start(block: list[Line]) -> int:
    """Index of the first line that holds a number (header lines hold none, years aside)."""
    for index, line in enumerate(block):
        if any(looks_numeric(w.text) and not is_year(w.text) for w in line.words):
            return index
    return len(block)


def gutters(lines: list[Line], height: float) -> list[tuple[float, float]]:
    """Vertical strips at least ~half a line height wide that no word of a tabular line
    crosses. Lines of one phrase (a group label like 'BIDANG SEKRETARIAT', a wrapped cell)
    are left out: a label may span two columns, and wrapped text lies inside its column."""
    tabular = [line for line in lines if _is_tabular(line, height)]
    if not tabular:
        return []
    x0 = min(line.x0 for line in tabular)
    x1 = max(line.x1 for line in tabular)
    step = 0.5
    covered = [False] * (int((x1 - x0) / step) + 2)
    for line in tabular:
        for word in line.words:
            for i in range(int((word.x0 - x0) / step), int((word.x1 - x0) / step) + 1):
                covered[i] = True
    strips, start = [], None
    for i, is_covered in enumerate(covered + [True]):
        if not is_covered and start is None:
            start = i
        elif is_covered and start is not None:
            if (i - start) * step >= 0.45 * height:
                strips.append((x0 + start * step, x0 + i * step))
            start = None
    return strips


def columns_between(strips: list[tuple[float, float]], x0: float, x1: float) -> list[tuple[float, float]]:
    edges = [x0] + [x for strip in strips for x in strip] + [x1]
    return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]


def merge_headless_columns(columns: list[tuple[float, float]], header: list[Word],
                           body: list[Line] | None = None) -> list[tuple[float, float]]:
    """Merge a column that has no header of its own into the headed neighbour it belongs to.

    Left-aligned values in a column of right-aligned ones leave a gap that looks like a gutter
    ('13' under 'Realisasi' above '71,94'). The owner is the neighbour that never has text on
    a line where the headless column has some (they are one cell); between two such
    neighbours, the one whose header word reaches over the headless column.
    """
    columns = list(columns)
    while header:
        owners = {column_of(w, columns) for w in header}
        merge = None
        for index in range(len(columns)):
            if index not in owners:
                merge = merge or _owner_of(index, columns, owners, header, body or [])
        if merge is None:
            return columns
        lo, hi = sorted(merge)
        columns[lo:hi + 1] = [(columns[lo][0], columns[hi][1])]
    return columns


def _owner_of(index: int, columns: list[tuple[float, float]], owners: set[int], header: list[Word],
              body: list[Line]) -> tuple[int, int] | None:
    left, right = columns[index]
    candidates = [n for n in (index - 1, index + 1) if n in owners and not _share_a_line(index, n, columns, body)]
    reaching = [column_of(w, columns) for w in header if w.x0 < right and w.x1 > left]
    chosen = [n for n in candidates if n in reaching] or (candidates if len(candidates) == 1 else [])
    return (index, chosen[0]) if chosen else None


def _share_a_line(a: int, b: int, columns, body: list[Line]) -> bool:
    return any({a, b} <= {column_of(w, columns) for w in line.words} for line in body)


def column_of(word: Word, columns: list[tuple[float, float]]) -> int:
    centre = (word.x0 + word.x1) / 2
    distances = [max(left - centre, centre - right, 0.0) for left, right in columns]
    return distances.index(min(distances))  # inside a column, else the nearest one


def block_to_table(block: list[Line], page: int) -> WordTable | None:
    height = median(w.height for line in block for w in line.words)
    header_index = _header_line(block, height)
    body = block[header_index + body_start(block[header_index:]):]
    if len(body) < 2:
        return None
    x0 = min(line.x0 for line in block)
    x1 = max(line.x1 for line in block)
    columns = columns_between(gutters(body, height), x0, x1)
    header = [w for line in block[header_index: len(block) - len(body)] for w in line.words]
    columns = merge_headless_columns(columns, header, body)
    if len(columns) < MIN_COLUMNS:
        return None
    line_cells = [_cells_of(line, columns, height) for line in block]
    n_header = len(block) - len(body)
    header_rows = line_cells[:n_header]
    if header_rows and not any(word in " ".join(cells).lower() for cells in header_rows for word in HEADER_WORDS):
        header_rows = [_joined(header_rows)]  # no header: the rest of a row cut by a page break
    rows = header_rows + logical_rows(body, line_cells[n_header:])
    return WordTable(page=page, rows=rows, col_bounds=columns, top=block[0].top, bottom=block[-1].bottom)


def _cells_of(line: Line, columns: list[tuple[float, float]], height: float) -> list[str]:
    """Words into columns. A line without a column gap is cut only at gutters, and each piece
    goes where its first word is: a wrapped line whose last word runs past a gutter, or a label
    spanning columns, stays whole."""
    words = sorted(line.words, key=lambda w: w.x0)
    cells: list[list[str]] = [[] for _ in columns]
    if _is_tabular(line, height):
        for word in words:
            cells[column_of(word, columns)].append(word.text)
    else:
        for phrase in _split_at_gutters(words, columns):
            cells[column_of(phrase[0], columns)] += [w.text for w in phrase]
    return [" ".join(c) for c in cells]


def _split_at_gutters(words: list[Word], columns: list[tuple[float, float]]) -> list[list[Word]]:
    """Cut a line between two words only where the space between them lies on a gutter and
    the second word starts where the next column starts (not a word running over the gutter)."""
    strips = [(a[1], b[0]) for a, b in zip(columns, columns[1:])]
    phrases = [[words[0]]]
    for before, word in zip(words, words[1:]):
        if any(before.x1 < right and word.x0 >= right - 0.5 * word.height for left, right in strips):
            phrases.append([word])
        else:
            phrases[-1].append(word)
    return phrases


def logical_rows(lines: list[Line], line_cells: list[list[str]]) -> list[list[str]]:
    """Join the wrapped lines of a row: a line continues the row above when it follows at the
    tight line spacing of wrapped text and brings no second value for a column that already
    has one. Rows are usually set apart by extra space; where they are not, the numbers
    still tell where a new row starts. Cells of joined lines keep their line breaks, as in
    a ruled table's cells. Where all lines are evenly spaced, spacing tells nothing and the
    lines stay rows of their own (the fact readers join text-only lines as for camelot)."""
    if not lines:
        return []
    steps = sorted(a.bottom - b.bottom for a, b in zip(lines, lines[1:]))
    tight = steps[len(steps) // 5] if steps else 0.0
    if not steps or steps[-1] <= 1.25 * tight:
        return [list(cells) for cells in line_cells]  # even spacing: it tells nothing, keep lines apart
    rows = [list(line_cells[0])]
    for previous, line, cells in zip(lines, lines[1:], line_cells[1:]):
        spaced = previous.bottom - line.bottom > 1.25 * tight
        if spaced or _starts_row(rows[-1], cells):
            rows.append(list(cells))
        else:
            rows[-1] = [f"{a}\n{b}" if a and b else a or b for a, b in zip(rows[-1], cells)]
    return rows


def _joined(rows: list[list[str]]) -> list[str]:
    """Several lines' cells as one row, each cell's lines kept apart by line breaks."""
    return ["\n".join(c for c in column if c) for column in zip(*rows)]


def _starts_row(row: list[str], cells: list[str]) -> bool:
    if is_column_number_row(row) or is_column_number_row(cells):
        return True
    numbered = any(is_row_number(c) or looks_numeric(c) for c in cells[:2] if c)
    repeats = any(looks_numeric(c) and looks_numeric(r) for r, c in zip(row, cells) if c and r)
    return numbered or repeats


# ---------------------------------------------------------------- pages


def read_word_tables(path: Path, pages: list[int]) -> list[WordTable]:
    doc = pdfium.PdfDocument(str(path))
    try:
        found: list[WordTable] = []
        for number in pages:
            lines = group_lines(page_words(doc[number - 1]))
            if not lines:
                continue
            body_x0, body_x1 = _text_body(lines)
            for block in table_blocks(lines, body_x0, body_x1):
                table = block_to_table(block, number)
                if table is not None:
                    found.append(table)
        return found
    finally:
        doc.close()


def _text_body(lines: list[Line]) -> tuple[float, float]:
    """Left and right margin of the page's text: where most lines start and end."""
    starts = sorted(line.x0 for line in lines)
    ends = sorted(line.x1 for line in lines)
    return starts[len(starts) // 10], ends[-1 - len(ends) // 10]
