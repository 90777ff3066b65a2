"""Read unruled tables from the positions of the words on a page.

A table without ruling lines is still visible in its layout: its lines have wide gaps where
paragraph lines have none, and its columns are separated by vertical strips of white space
("gutters") that run through all its rows. This module finds such blocks of lines, takes the
gutters of the block's body as column borders, puts every word into its column, and joins the
wrapped lines of a cell into one row (by their tight line spacing, and the page's horizontal rules,
whether the cells are aligned to the top, the middle or the bottom). Header lines (above the
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
import pypdfium2.raw as pdfium_c

from extract.model import WORDS_FLAVOR, Line, Word
from extract.numerals import is_column_number_row, is_row_number, is_year, looks_numeric
from extract.text import TABLE_START_WORDS

FLAVOR = WORDS_FLAVOR
EDGE_ALIGNED = 1.5  # points: right edges (or middles) of the aligned numbers of one column
CAPTION_START = re.compile(r"^\s*tabel\s+[0-9ivx]", re.IGNORECASE)
MIN_COLUMNS = 3
# Typographic ligatures some renderers put in the text layer ('Sertiﬁkasi'): read as their letters.
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})
# Words of table headers (also used to find where a table starts, extract/pdf/find.py); one list for
# the word reader and the parsers, in extract/text.py.
HEADER_WORDS = TABLE_START_WORDS


@dataclass
class Rule:
    """A horizontal rule drawn on the page (PDF y, x extent)."""
    y: float
    x0: float
    x1: float


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
    guessed = False  # a line break pdfium guessed since the last character
    box = pdfium_c.FS_RECTF()  # one buffer for every character's box: the raw calls cost half of pypdfium2's
    for index in range(textpage.count_chars()):
        char = _char(textpage, index).replace("\ufffe", "-").replace("\xad", "-")  # soft hyphens
        char = char.translate(LIGATURES)
        if char in ("\r", "\n"):
            # Some renderers place every glyph alone and pdfium then guesses a line break between
            # any two of them, and no space between words: positions tell.
            guessed = True
            continue
        if not char.strip():
            _flush(words, current)
            current = None
            continue
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, box)
        left, bottom, right, top = box.left, box.bottom, box.right, box.top
        if current is not None and _breaks_word(current, left, bottom, top, 0.1 if guessed else 0.25):
            _flush(words, current)
            current = None
        if current is None:
            current = Word(left, right, bottom, top, char)
        else:
            current.x1, current.text = max(current.x1, right), current.text + char
        guessed = False
    _flush(words, current)
    return words


def _char(textpage, index: int) -> str:
    """The character at `index`: its code point, or pypdfium2's text for control codes, surrogates and
    pdfium's 0xFFFE (a hyphen it guessed)."""
    code = pdfium_c.FPDFText_GetUnicode(textpage, index)
    if 0x20 <= code < 0xD800 or 0xE000 <= code < 0xFFFE:
        return chr(code)
    return textpage.get_text_range(index, 1)


def _breaks_word(word: Word, left: float, bottom: float, top: float, space: float = 0.25) -> bool:
    """A gap of `space` line heights or more, a step back or another baseline ends a word."""
    height = max(word.height, top - bottom, 1.0)
    jumped_right = left - word.x1 > space * height
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


def page_rules(page) -> list[Rule]:
    """Horizontal rules of a pdfium page: thin wide paths. Renderers draw a rule as one path per
    cell, so the pieces on one height that touch are joined into one rule."""
    pieces = []
    for obj in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_PATH]):
        left, bottom, right, top = obj.get_bounds()
        if top - bottom <= 2.0 and right - left >= 10 * (top - bottom) and right - left >= 4.0:
            pieces.append(Rule((top + bottom) / 2, left, right))
    rules: list[Rule] = []
    for piece in sorted(pieces, key=lambda r: (round(r.y), r.x0)):
        last = rules[-1] if rules else None
        if last is not None and abs(last.y - piece.y) <= 1.0 and piece.x0 <= last.x1 + 2.0:
            last.x1 = max(last.x1, piece.x1)
        else:
            rules.append(Rule(piece.y, piece.x0, piece.x1))
    return rules


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
        caption = bool(current) and CAPTION_START.match(" ".join(w.text for w in line.words)) is not None
        if prose or far or caption:  # a caption below a table ends it
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
            cut_row = not page_has_started and not _names_columns_only(line)
            current = (pending if cut_row else _same_row_above(pending, line, height)) + [line]
            pending = []
        else:
            pending.append(line)
    blocks.append(current)
    return [_trim_tail(b, height) for b in blocks if sum(_is_tabular(line, height) for line in b) >= 2]


def _names_columns_only(line: Line) -> bool:
    """A header line: two header words or more and no value. Lines above a table's header are no
    rest of a row cut by the page break (paragraph ends at a page top, a heading)."""
    text = " ".join(w.text for w in line.words).lower()
    values = any(looks_numeric(w.text) and not is_year(w.text) for w in line.words)
    return not values and sum(word in text for word in HEADER_WORDS) >= 2


def _same_row_above(pending: list[Line], line: Line, height: float) -> list[Line]:
    """The short lines just above a table's first tabular line that sit less than a line height
    above it: no caption or heading comes that close, they are cells of its row aligned to the
    middle or the bottom (a header 'Realisasi' over 'Anggaran' beside one-line 'No')."""
    kept: list[Line] = []
    below = line
    for above in reversed(pending):
        if above.bottom - below.bottom >= 0.9 * height:
            break
        kept.insert(0, above)
        below = above
    return kept


def _fits_columns(block: list[Line], line: Line, height: float) -> bool:
    """A tabular line whose words all stay between the gutters of the block above."""
    body = block[body_start(block):]
    if not _is_tabular(line, height) or sum(_is_tabular(other, height) for other in body) < 2:
        return False
    strips = gutters(body, height, tolerant=False)
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
    and organisation lines): kept as rows, but their long texts must not hide the gutters.
    The search ends at the first tabular line holding two measured values ('2,90', '22.000,00'):
    below it, words like 'capaian' and 'target' are the rows' text (a title line may hold a
    code: '2 . 10 Urusan')."""
    for index, line in enumerate(block[:20]):
        text = " ".join(w.text for nearby in block[index:index + 2] for w in nearby.words).lower()
        if CAPTION_START.match(text):
            continue  # a caption names header words too ("Tabel 3.3 Capaian Kinerja Sasaran")
        if not _is_tabular(line, height):
            continue
        if sum(looks_numeric(w.text) and re.search(r"\d[.,]\d", w.text) is not None for w in line.words) >= 2:
            return 0
        if sum(word in text for word in HEADER_WORDS) >= 2 and body_start([line]):
            return index
    return 0


def body_start(block: list[Line]) -> int:
    """Index of the first line that holds a number (header lines hold none, years aside)."""
    for index, line in enumerate(block):
        if any(looks_numeric(w.text) and not is_year(w.text) for w in line.words):
            return index
    return len(block)


def gutters(lines: list[Line], height: float, tolerant: bool = True, tail: int = 0) -> list[tuple[float, float]]:
    """Vertical strips at least ~half a line height wide that no word of a tabular line
    crosses. Lines of one phrase (a group label like 'BIDANG SEKRETARIAT', a wrapped cell)
    are left out: a label may span two columns, and wrapped text lies inside its column.
    A strip that a few lines narrow down to a word space (a long cell text running up to the
    next column) or cross (a summary row's label) is a gutter too, as those lines leave it
    (unless not `tolerant`: the strips that every line leaves clear); so is a strip as narrow
    as a word space between numbers and words (see _parts_values_from_words) that only a few
    lines cross ('Rata-rata capaian 104,90 %' under '109,76 Baik'). The last `tail` lines do
    not cover strips (see summary_tail)."""
    tabular = [line for line in lines if _is_tabular(line, height)]
    if not tabular:
        return []
    x0 = min(line.x0 for line in tabular)
    step = 0.5
    covered = [0] * (int((max(line.x1 for line in tabular) - x0) / step) + 2)
    covering = [line for line in lines[:len(lines) - tail] if _is_tabular(line, height)]
    for line in covering:
        for word in line.words:
            for i in range(int((word.x0 - x0) / step), int((word.x1 - x0) / step) + 1):
                covered[i] += 1
    few = len(tabular) // 10 if tolerant else 0  # lines that may cross a gutter (of ten lines or more: one)
    strips = []
    for start, end in _runs(covered, few):
        inside = start > 0 and end < len(covered)  # more than a few lines on both sides
        if inside and (end - start) * step >= 0.45 * height:
            strips += [(x0 + (start + a) * step, x0 + (start + b) * step)
                       for a, b in _clearest(covered[start:end], few, step, height)]
    spaces = [(x0 + a * step, x0 + b * step) for a, b in _runs(covered, few) if (b - a) * step >= 0.2 * height]
    return sorted(strips + [g for g in spaces if tolerant and _parts_values_from_words(g, covering, height)
                            and not any(a < g[1] and g[0] < b for a, b in strips)])


def _parts_values_from_words(space: tuple[float, float], lines: list[Line], height: float) -> bool:
    """A clear strip as narrow as a word space is a column border where numbers end left of it
    and words of letters start right of it, on three lines or more each and on every line that
    has a word close to it (a right-aligned value column beside a left-aligned text column; the
    value and the word of a row may stand on different lines, as cells are aligned to the middle),
    three of the numbers ending on the strip's edge. The column-number row ('7 8') has no say."""
    numbers, words = [], []
    for line in (line for line in lines if not is_column_number_row([w.text for w in line.words])):
        left = [w for w in line.words if space[0] - 2 * height <= w.x1 <= space[0] + 0.5]
        right = [w for w in line.words if space[1] - 0.5 <= w.x0 <= space[1] + 2 * height]
        if left:
            numbers.append(max(left, key=lambda w: w.x1))
        if right:
            words.append(re.search(r"[^\W\d_]{2}", min(right, key=lambda w: w.x0).text) is not None)
    flush = sum(1 for w in numbers if w.x1 >= space[0] - 1.5)  # right-aligned values end on one edge
    centres = [(w.x0 + w.x1) / 2 for w in numbers]  # centred values share their middle
    centred = max((sum(abs(c - other) <= EDGE_ALIGNED for other in centres) for c in centres), default=0)
    return max(flush, centred) >= 3 and len(words) >= 3 and all(looks_numeric(w.text) for w in numbers) and all(words)


def _clearest(counts: list[int], few: int, step: float, height: float) -> list[tuple[int, int]]:
    """Within a strip that at most `few` lines cross: its parts no line crosses, if one is
    wide; else (when some lines may cross) the widest that still leaves a word space; else its
    least crossed parts (a label of a summary row spanning columns)."""
    for level in range(few + 1):
        wide = [(a, b) for a, b in _runs(counts, level) if (b - a) * step >= 0.45 * height]
        if wide:
            return wide
        spaces = [(a, b) for a, b in _runs(counts, level) if (b - a) * step >= 0.25 * height]
        if level == 0 and spaces and few:
            return [max(spaces, key=lambda r: r[1] - r[0])]
    return []


def _runs(counts: list[int], limit: int) -> list[tuple[int, int]]:
    """Index ranges [start, end) where the count stays at or below `limit`."""
    runs, start = [], None
    for i, count in enumerate(counts + [limit + 1]):
        if count <= limit and start is None:
            start = i
        elif count > limit and start is not None:
            runs.append((start, i))
            start = None
    return runs


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


def block_to_table(block: list[Line], page: int, rules: list[Rule] | None = None,
                   columns: list[tuple[float, float]] | None = None) -> WordTable | None:
    """The table of a block, with its own columns or the `columns` of its continuation."""
    height = median(w.height for line in block for w in line.words)
    header_index = _header_line(block, height)
    n_header = body_index(block, header_index, rules or [])
    body = block[n_header:]
    columns = columns or block_columns(block, rules)
    if columns is None:
        return None
    line_words = [_cell_words(line, columns, height, index < n_header) for index, line in enumerate(block)]
    line_words, columns = split_trailing_values(line_words, columns, n_header, height)
    line_cells = [[" ".join(w.text for w in cell) for cell in cells] for cells in line_words]
    header_rows = line_cells[:n_header]
    if header_rows and not any(word in " ".join(cells).lower() for cells in header_rows for word in HEADER_WORDS):
        header_rows = [_joined(header_rows)]  # no header: the rest of a row cut by a page break
    else:
        header_rows = header_bands(block, header_index, n_header, line_cells, rules or [])
    lead = body_start(body)
    rows = header_rows + logical_rows(body, line_cells[n_header:], rules, lead if lead < len(body) else 0)
    return WordTable(page=page, rows=rows, col_bounds=columns, top=block[0].top, bottom=block[-1].bottom)


def block_columns(block: list[Line], rules: list[Rule] | None = None) -> list[tuple[float, float]] | None:
    """Column borders of a block: the gutters of its body lines (None below two body lines or
    three columns)."""
    height = median(w.height for line in block for w in line.words)
    header_index = _header_line(block, height)
    n_header = body_index(block, header_index, rules or [])
    body = block[n_header:]
    if len(body) < 2:
        return None
    x0 = min(line.x0 for line in block)
    x1 = max(line.x1 for line in block)
    strips = gutters(body, height, tail=summary_tail(body))
    strips = sorted(strips + _numbered_gutters(body[:len(body) - summary_tail(body)], strips, height))
    columns = columns_between(strips, x0, x1)
    header = [w for line in block[header_index:n_header] for w in line.words]
    columns = merge_value_columns(merge_headless_columns(columns, header, body), body)
    return columns if len(columns) >= MIN_COLUMNS else None


def _numbered_gutters(body: list[Line], strips: list[tuple[float, float]], height: float) -> list[tuple[float, float]]:
    """Gutters narrower than the gutter search asks, between two numbers of the column-number
    row ('2' '3') that no gutter parts: the clearest strip between them that no tabular line
    crosses (tightly set columns of a condensed font leave a word space or little more)."""
    numbers = next((line for line in body if is_column_number_row([w.text for w in line.words])), None)
    if numbers is None:
        return []
    tabular = [line for line in body if line is not numbers and _is_tabular(line, height)]
    words = sorted((w for w in numbers.words if w.text.isdigit()), key=lambda w: w.x0)
    found = []
    for a, b in zip(words, words[1:]):
        parted = any(a.x1 <= left and right <= b.x0 for left, right in strips)
        if int(b.text) == int(a.text) + 1 and not parted:
            clear = _clear_runs(tabular, a.x1, b.x0)
            widest = max(clear, key=lambda r: r[1] - r[0], default=None)
            if widest is not None and widest[1] - widest[0] >= 0.2 * height and _centres_numbers(a, b, widest, strips):
                found.append(widest)
    return found


def _centres_numbers(a: Word, b: Word, strip: tuple[float, float], strips: list[tuple[float, float]]) -> bool:
    """The strip parts the columns so that each of the two column numbers stands near the middle
    of its own (a column number is centred over its column)."""
    left = max((g[1] for g in strips if g[1] <= a.x0), default=a.x0 - (strip[0] - a.x1))
    right = min((g[0] for g in strips if g[0] >= b.x1), default=b.x1 + (b.x0 - strip[1]))
    def near_middle(word: Word, x0: float, x1: float) -> bool:
        return abs((word.x0 + word.x1) / 2 - (x0 + x1) / 2) <= 0.25 * (x1 - x0)
    return near_middle(a, left, strip[0]) and near_middle(b, strip[1], right)


def _clear_runs(lines: list[Line], lo: float, hi: float) -> list[tuple[float, float]]:
    """Stretches of [lo, hi] that no word of the lines covers."""
    runs, at = [], lo
    for word in sorted((w for line in lines for w in line.words if w.x1 > lo and w.x0 < hi), key=lambda w: w.x0):
        if word.x0 > at:
            runs.append((at, word.x0))
        at = max(at, word.x1)
    return runs + ([(at, hi)] if at < hi else [])


def summary_tail(body: list[Line]) -> int:
    """How many lines follow the body's last line of two values or more: the last row's wrapped
    text, or summary lines ('Rata-rata capaian kinerja 104,90 %', 'Kategori Sangat Baik') whose
    labels span the first columns. They are few, and would hide the gutters of a short table."""
    def values(line: Line) -> int:
        texts = [w.text for w in line.words]
        return 0 if is_column_number_row(texts) else sum(looks_numeric(t) and not is_year(t) for t in texts)
    last = max((i for i, line in enumerate(body) if values(line) >= 2), default=len(body) - 1)
    tail = len(body) - 1 - last
    return tail if tail <= len(body) // 2 else 0  # rows of one value each: no summary to tell


def merge_value_columns(columns: list[tuple[float, float]], body: list[Line]) -> list[tuple[float, float]]:
    """Join two neighbouring columns of numbers that never both hold a word on one line: values
    of one column aligned otherwise on some rows ('13' set on the decimal mark of '59,62').
    Only lines holding a number have a say (not a header repeated on a continuation page, nor
    a caption)."""
    columns = list(columns)
    height = median(w.height for line in body for w in line.words) if body else 0.0
    tabular = [line for line in body if _is_tabular(line, height) and body_start([line]) == 0]
    index = 0
    while index < len(columns) - 1:
        pair = {index, index + 1}
        words = [(column_of(w, columns), w) for line in tabular for w in line.words]
        numbers = [w for col, w in words if col in pair]
        shared = any(pair <= {column_of(w, columns) for w in line.words} for line in tabular)
        both_filled = pair <= {col for col, _ in words}
        if both_filled and not shared and all(looks_numeric(w.text) for w in numbers):
            columns[index:index + 2] = [(columns[index][0], columns[index + 1][1])]
        else:
            index += 1
    return columns


def _value_lines(block: list[Line]) -> int:
    """Lines holding a value (not a year, not the column-number row)."""
    return sum(1 for line in block if not is_column_number_row([w.text for w in line.words])
               and any(looks_numeric(w.text) and not is_year(w.text) for w in line.words))


def body_index(block: list[Line], header_index: int, rules: list[Rule]) -> int:
    """Index of the first body line: the first line holding a number, or the first line of its
    row where a cell aligned to the bottom or the middle puts text lines above it (the lines
    that no extra space nor rule parts from it). The header line itself stays a header; in a
    block without a header (the rows carried over to a page top) the first row may start at the
    first line."""
    first = body_start(block[header_index:])
    bands = row_bands(block[header_index:], rules) if first < len(block) - header_index else None
    band = next((band for band in bands or [] if first in band), [0])
    headless = bands is not None and not _names_columns(block[header_index:header_index + first])
    return header_index + (band[0] if band[0] > 0 or headless else first)


def _names_columns(lines: list[Line]) -> bool:
    """A header word among the lines."""
    text = " ".join(w.text for line in lines for w in line.words).lower()
    return any(word in text for word in HEADER_WORDS)


def header_bands(lines: list[Line], start: int, count: int, cells: list[list[str]],
                 rules: list[Rule]) -> list[list[str]]:
    """The header lines (`start` to `count`, with the lines above that no space nor rule parts
    from them) joined where no extra space nor rule parts them, as the lines of a body row: a
    header cell aligned to the middle or the bottom puts its lines around those of its
    neighbours ('Realisasi' / 'No Program Alokasi' / 'Anggaran'). Title lines stay apart."""
    bands = row_bands(lines, rules, line_pitch(lines[start:]))
    if bands is None:
        return [list(c) for c in cells[:count]]
    rows: list[list[str]] = []
    for band in (band for band in bands if band[0] < count):
        if band[-1] < start:
            rows += [list(cells[i]) for i in band]
        else:
            rows.append(_joined([cells[i] for i in band if i < count]))
    return rows


def _cell_words(line: Line, columns: list[tuple[float, float]], height: float,
                header: bool = False) -> list[list[Word]]:
    """Words into columns. A line without a column gap is cut only at gutters, and each piece
    goes where its first word is: a wrapped line whose last word runs past a gutter, or a label
    spanning columns, stays whole. On a header line, a word in a gutter goes with the word a
    space apart that stands in a column ('%' of '% Capaian' centred over right-aligned values)."""
    words = sorted(line.words, key=lambda w: w.x0)
    cells: list[list[Word]] = [[] for _ in columns]
    if _is_tabular(line, height):
        for at, word in enumerate(words):
            cells[_header_column(words, at, columns) if header else column_of(word, columns)].append(word)
    else:
        for phrase in _split_at_gutters(words, columns, header):
            cells[column_of(phrase[0], columns)] += phrase
    return cells


def split_trailing_values(line_words: list[list[list[Word]]], columns: list[tuple[float, float]], n_header: int,
                          height: float) -> tuple[list[list[list[Word]]], list[tuple[float, float]]]:
    """A column whose body lines end, a column gap after their text, in numbers that share a right
    edge on two lines or more holds a value column the gutter search could not see: the text of
    other rows runs across it (rows set to another grid, a narrow name column that wraps around
    its amount). Those numbers, and the header words centred over them, get a column of their
    own; the text of the other lines stays whole."""
    for col in reversed(range(len(columns))):
        ends = [phrase for cells in line_words[n_header:] if (phrase := _trailing_value(cells[col], height))]
        edge = _shared_edge([phrase[-1].x1 for phrase in ends])
        if edge is None:
            continue
        left = min(phrase[0].x0 for phrase in ends if abs(phrase[-1].x1 - edge) <= EDGE_ALIGNED)
        line_words = [cells[:col] + list(_cut_at(cells[col], left, edge, height, _names(cells, index < n_header)))
                      + cells[col + 1:] for index, cells in enumerate(line_words)]
        # the border is the white strip between the text and the values, as between gutter-found columns
        right = min(left, max((w.x1 for cells in line_words[n_header:] if cells[col + 1] for w in cells[col]),
                              default=left))
        columns = columns[:col] + [(columns[col][0], right), (left, columns[col][1])] + columns[col + 1:]
    return line_words, columns


def _trailing_value(words: list[Word], height: float) -> list[Word] | None:
    """The last words of a cell when they make a number, a column gap after the cell's text."""
    for at in range(len(words) - 1, 0, -1):
        if words[at].x0 - words[at - 1].x1 >= 0.9 * height:
            phrase = words[at:]
            text = " ".join(w.text for w in phrase)
            return phrase if looks_numeric(text) and not looks_numeric(words[at - 1].text) else None
    return None


def _shared_edge(edges: list[float]) -> float | None:
    """The right edge that two or more of `edges` share."""
    for edge in sorted(edges):
        if sum(abs(other - edge) <= EDGE_ALIGNED for other in edges) >= 2:
            return edge
    return None


def _names(cells: list[list[Word]], header: bool) -> bool:
    """A line that names the columns: a header line or the column-number row."""
    return header or is_column_number_row([" ".join(w.text for w in cell) for cell in cells])


def _cut_at(words: list[Word], left: float, edge: float, height: float, names: bool) -> tuple[list[Word], list[Word]]:
    """(text, value) of one cell: the value is its trailing number ending on `edge`, or on a line
    naming the columns its last words, after a column gap or alone, centred between `left` and `edge`."""
    if names:
        at = next((at for at in range(len(words) - 1, 0, -1) if words[at].x0 - words[at - 1].x1 >= 0.9 * height), 0)
        centre = (words[at].x0 + words[-1].x1) / 2 if words else left - 1
        return (words[:at], words[at:]) if left <= centre <= edge else (words, [])
    phrase = _trailing_value(words, height)
    if phrase and abs(phrase[-1].x1 - edge) <= EDGE_ALIGNED:
        return words[:len(words) - len(phrase)], phrase
    return words, []


def _header_column(words: list[Word], at: int, columns: list[tuple[float, float]]) -> int:
    """The column of header word `at`: its own, or in a gutter that of its one close neighbour."""
    word = words[at]
    centre = (word.x0 + word.x1) / 2
    if any(left <= centre <= right for left, right in columns):
        return column_of(word, columns)
    close = [other for other in (words[at - 1] if at else None, words[at + 1] if at + 1 < len(words) else None)
             if other is not None and max(other.x0 - word.x1, word.x0 - other.x1) < 0.5 * word.height]
    inside = [other for other in close if any(left <= (other.x0 + other.x1) / 2 <= right for left, right in columns)]
    return column_of(inside[0] if len(inside) == 1 else word, columns)


def _split_at_gutters(words: list[Word], columns: list[tuple[float, float]], header: bool = False) -> list[list[Word]]:
    """Cut a line between two words only where the space between them lies on a gutter and
    the second word starts where the next column starts (not a word running over the gutter),
    or, on a header line, where (wider than a word space) it overlaps a gutter between the
    columns the two words are centred on: header words centred over right-aligned numbers
    reach into the gutters ('Target' 'Realisasi' over '59,62' and '65,44')."""
    strips = [(a[1], b[0]) for a, b in zip(columns, columns[1:])]
    phrases = [[words[0]]]
    for before, word in zip(words, words[1:]):
        if any(before.x1 < right and word.x0 >= right - 0.5 * word.height for left, right in strips) or (
                header and _header_cut(before, word, columns, strips)):
            phrases.append([word])
        else:
            phrases[-1].append(word)
    return phrases


def _header_cut(before: Word, word: Word, columns: list[tuple[float, float]],
                strips: list[tuple[float, float]]) -> bool:
    """Two header words wider apart than a word space, over a gutter, centred on two columns."""
    wide = word.x0 - before.x1 >= 0.5 * max(word.height, before.height)
    on_gutter = any(before.x1 < right and word.x0 > left for left, right in strips)
    return wide and on_gutter and column_of(before, columns) != column_of(word, columns)


def logical_rows(lines: list[Line], line_cells: list[list[str]],
                 rules: list[Rule] | None = None, lead: int = 0) -> list[list[str]]:
    """Join the wrapped lines of a row. Rows are set apart by extra space (cell padding) or by
    a horizontal rule, the lines of one cell follow at the tight pitch of wrapped text: those
    breaks cut the lines into bands. A band with one value line is one row, wherever its
    value line sits (renderers align cells to the top, the middle or the bottom). A band with
    several value lines holds rows not set apart: the numbers tell where they start, and the
    table's own alignment which of them its text-only lines belong to. Cells of joined lines
    keep their line breaks, as in a ruled table's cells. Where all lines are evenly spaced and
    unruled, spacing tells nothing and the lines stay rows of their own (the fact readers
    join text-only lines as for camelot), but for the `lead` text lines above the first value
    line that the space under the header tied to it (see body_index)."""
    if not lines:
        return []
    bands = row_bands(lines, rules or [])
    if bands is None:
        bands = [list(range(lead + 1))] + [[i] for i in range(lead + 1, len(lines))]
    valued = [_holds_values(cells) for cells in line_cells]
    alignment = cell_alignment(bands, valued)
    rows: list[list[str]] = []
    for band in bands:
        rows += [_joined_row([line_cells[i] for i in group], [valued[i] for i in group])
                 for group in split_band(band, line_cells, valued, alignment)]
    return rows


def row_bands(lines: list[Line], rules: list[Rule], pitch: float | None = None) -> list[list[int]] | None:
    """Indexes of the lines cut where a line follows more than 1.25 line pitches below the one
    above, or below a rule. None when nothing cuts them (evenly spaced, unruled lines)."""
    pitch = pitch or line_pitch(lines)
    width = (min(line.x0 for line in lines), max(line.x1 for line in lines))
    bases = _baselines(lines)
    bands = [[0]]
    for index, (above, line) in enumerate(zip(lines, lines[1:]), start=1):
        if bases[index - 1] - bases[index] > 1.25 * pitch or _ruled_between(above, line, rules, width):
            bands.append([index])
        else:
            bands[-1].append(index)
    return bands if len(bands) > 1 else None


def line_pitch(lines: list[Line]) -> float:
    """Spacing of the wrapped lines of one cell: the smallest step from a line to the nearest
    line above it sharing a column. Lines of different columns are left out, because a cell
    aligned to the middle puts its one value line half a pitch from the text of its neighbours;
    so are lines taller than their words (two such lines read as one)."""
    height = median(w.height for line in lines for w in line.words)
    bases = _baselines(lines)
    single = [index for index, line in enumerate(lines) if line.top - line.bottom <= 1.3 * height]
    steps = [step for at, index in enumerate(single[1:], start=1)
             if (step := _column_step(lines, single[:at], index)) is not None and step >= 0.6 * height]
    if steps:
        return min(steps)
    all_steps = [a - b for a, b in zip(bases, bases[1:])]
    return min(all_steps) if all_steps else height


def _column_step(lines: list[Line], above: list[int], index: int) -> float | None:
    """Step from the line `index` up to the nearest of the lines `above` that shares a column: between
    the words one above the other, not the lines' baselines (a line may hold a middle-aligned value set
    a little lower than its neighbours' wrapped text)."""
    for other in reversed(above):
        steps = [a.bottom - b.bottom for a in lines[other].words for b in lines[index].words
                 if a.x0 < b.x1 and b.x0 < a.x1]
        if steps:
            return median(steps)
    return None


def _baselines(lines: list[Line]) -> list[float]:
    """Where each line sits: the middle bottom of its words of the usual height. A word set in
    another font (a formula, a symbol) has a deeper box and would move the line."""
    height = median(w.height for line in lines for w in line.words)
    bases = []
    for line in lines:
        usual = [w.bottom for w in line.words if abs(w.height - height) <= 0.2 * height]
        bases.append(median(usual or [w.bottom for w in line.words]))
    return bases


def _ruled_between(above: Line, line: Line, rules: list[Rule], width: tuple[float, float]) -> bool:
    """A rule between the two lines' middles that spans half the table or more."""
    low, high = (line.bottom + line.top) / 2, (above.bottom + above.top) / 2
    x0, x1 = width
    return any(low < rule.y < high and min(rule.x1, x1) - max(rule.x0, x0) >= 0.5 * (x1 - x0) for rule in rules)


def _holds_values(cells: list[str]) -> bool:
    return any(looks_numeric(c) or is_row_number(c) for c in cells if c)


def cell_alignment(bands: list[list[int]], valued: list[bool]) -> str:
    """'top', 'middle' or 'bottom': where the value line sits in the bands that have one value
    line and text lines; the most frequent place wins ('top' when no band tells)."""
    votes = {"top": 0, "middle": 0, "bottom": 0}
    for band in bands:
        places = [i for i, index in enumerate(band) if valued[index]]
        if len(band) > 1 and len(places) == 1:
            place = places[0]
            votes["top" if place == 0 else "bottom" if place == len(band) - 1 else "middle"] += 1
    return max(votes, key=lambda k: (votes[k], k == "top"))


def split_band(band: list[int], line_cells: list[list[str]], valued: list[bool], alignment: str) -> list[list[int]]:
    """Rows of a band: a value line whose numbers clash with those gathered starts a row; a
    text-only line goes with the value line below it (cells aligned to the bottom), the
    nearest one (middle) or the one above it (top)."""
    if sum(valued[i] for i in band) < 2:
        return [band]
    if alignment == "bottom":
        return [group[::-1] for group in _grouped(band[::-1], line_cells)][::-1]
    if alignment == "top":
        return _grouped(band, line_cells)
    groups = _grouped([i for i in band if valued[i]], line_cells)
    for index in (i for i in band if not valued[i]):
        nearest = min(groups, key=lambda group: min(abs(index - i) for i in group))
        nearest.append(index)
    return [sorted(group) for group in groups]


def _grouped(order: list[int], line_cells: list[list[str]]) -> list[list[int]]:
    """Lines in reading order (or its reverse) gathered until one starts a new row."""
    groups = [[order[0]]]
    cells = list(line_cells[order[0]])
    for index in order[1:]:
        if _starts_row(cells, line_cells[index]):
            groups.append([index])
            cells = list(line_cells[index])
        else:
            groups[-1].append(index)
            cells = [a or b for a, b in zip(cells, line_cells[index])]
    return groups


def _joined(rows: list[list[str]]) -> list[str]:
    """Several lines' cells as one row, each cell's lines kept apart by line breaks."""
    return ["\n".join(c for c in column if c) for column in zip(*rows)]


def _joined_row(lines: list[list[str]], valued: list[bool]) -> list[str]:
    """The cells of a row's lines joined. A cell aligned to the bottom or the middle prints the
    row number on the value line, below the first lines of the row's text ('Koordinasi dan' /
    '2. Laporan Keuangan'): the number goes back to the front of its cell."""
    at = valued.index(True) if True in valued else 0
    lines = [list(cells) for cells in lines]
    for column, text in enumerate(lines[at]):
        number, _, rest = text.partition(" ")
        above = [cells for cells in lines[:at] if cells[column]]
        if above and rest and is_row_number(number) and not looks_numeric(rest):
            lines[at][column] = rest
            above[0][column] = f"{number} {above[0][column]}"
    return _joined(lines)


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
        read: dict[int, tuple[list[list[Line]], list[Rule]]] = {}
        for number in pages:
            page = doc[number - 1]
            lines = without_running_lines(doc, number, group_lines(page_words(page)))
            if not lines:
                continue
            blocks = table_blocks(lines, *_text_body(lines))
            read[number] = (blocks, page_rules(page) if blocks else [])  # prose pages: no path objects to walk
        shared = _shared_columns(read)
        found: list[WordTable] = []
        for number, (blocks, rules) in read.items():
            for block in blocks:
                table = block_to_table(block, number, rules, shared.get(id(block)))
                if table is not None:
                    found.append(table)
        return found
    finally:
        doc.close()


def without_running_lines(doc, number: int, lines: list[Line]) -> list[Line]:
    """The page's lines without its running header and footer: a first or last line, set apart
    from the others by more than a line, whose text (page number aside) a neighbouring page
    prints at the same place. Below a table, a footer ('LKjIP 2024 Dinas ... 3') crosses its
    gutters like a row. (A table header repeated at the top of each page is no running line: it
    sits close to the rows below it.)"""
    running = []
    neighbours = [n for n in (number - 1, number + 1) if 1 <= n <= len(doc)]
    for line, near in ((lines[0], lines[1]), (lines[-1], lines[-2])) if len(lines) > 1 else ():
        apart = min(abs(line.bottom - near.top), abs(near.bottom - line.top)) >= 1.5 * (line.top - line.bottom)
        text = _letters(" ".join(w.text for w in line.words))
        if apart and len(text) >= 4 and any(_letters(_text_at(doc[n - 1], line)) == text for n in neighbours):
            running.append(line)
    return [line for line in lines if not any(line is r for r in running)]


def _letters(text: str) -> str:
    return re.sub(r"[\W\d_]", "", text).lower()


def _text_at(page, line: Line) -> str:
    return page.get_textpage().get_text_bounded(line.x0 - 1, line.bottom - 1, line.x1 + 1, line.top + 1)


CUT_START_LINES = 2  # value lines of a table start that a page end cut off


def _shared_columns(read: dict[int, tuple[list[list[Line]], list[Rule]]]) -> dict[int, list[tuple[float, float]]]:
    """A table that starts at a page bottom with its header and a row or two has too few lines
    to show its columns: it shares the columns found on its lines and those of the block that
    opens the next page, when that one spans the same width (its continuation, checked when
    stitching). {id of a block: its columns}."""
    shared = {}
    for number, (blocks, rules) in read.items():
        following = read.get(number + 1, ([], []))[0]
        if not blocks or not following or _value_lines(blocks[-1]) > CUT_START_LINES or not _has_header(blocks[-1]):
            continue  # (the last rows of a table that ends at a page top are no table start)
        block, after = blocks[-1], following[0]
        if not _same_width(block, after):
            continue
        columns = block_columns(block + after, rules)
        if columns is not None:
            shared[id(block)] = shared[id(after)] = columns
    shared.update(_tail_columns(read, shared))
    return shared


def _tail_columns(read: dict[int, tuple[list[list[Line]], list[Rule]]],
                  shared: dict[int, list[tuple[float, float]]]) -> dict[int, list[tuple[float, float]]]:
    """The last rows of a table carried over to the top of a page, without a header, are too few
    to outvote a summary row whose label spans columns ('Rata-rata capaian kinerja'): they take
    the columns found on them and the lines of the block that ends the page before, when that
    one spans the same width and these are more columns than their own."""
    tails = {}
    for number, (blocks, rules) in read.items():
        before = read.get(number - 1, ([], []))[0]
        if not blocks or not before or id(blocks[0]) in shared or _has_header(blocks[0]):
            continue
        block, above = blocks[0], before[-1]
        if _value_lines(block) > CUT_START_LINES + 1 or not _same_width(block, above):
            continue  # (more rows show their own columns; a summary line may come with the last two)
        own, joined = block_columns(block, rules), block_columns(above + block, rules)
        if joined is not None and len(joined) > len(own or []):
            tails[id(block)] = joined
    return tails


def _has_header(block: list[Line]) -> bool:
    """A header line, or two header words in the first lines (a header above its first value)."""
    height = median(w.height for line in block for w in line.words)
    text = " ".join(w.text for line in block[:3] for w in line.words).lower()
    return _header_line(block, height) > 0 or sum(word in text for word in HEADER_WORDS) >= 2


def _same_width(block: list[Line], other: list[Line]) -> bool:
    x0, x1 = min(line.x0 for line in block), max(line.x1 for line in block)
    n0, n1 = min(line.x0 for line in other), max(line.x1 for line in other)
    return min(x1, n1) - max(x0, n0) >= 0.8 * max(x1 - x0, n1 - n0)


def _text_body(lines: list[Line]) -> tuple[float, float]:
    """Left and right margin of the page's text: where most lines start and end."""
    starts = sorted(line.x0 for line in lines)
    ends = sorted(line.x1 for line in lines)
    return starts[len(starts) // 10], ends[-1 - len(ends) // 10]
