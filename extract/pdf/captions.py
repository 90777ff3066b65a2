"""Table captions ('Tabel 3.2 ...') found above a table, and preambles trimmed off word-aligned tables."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from extract.model import Line, RawTable
from extract.numerals import is_column_number_row, is_year, looks_numeric
from extract.pdf.columns import header_words
from extract.pdf.gutters import column_of
from extract.pdf.line_kinds import HEADER_WORDS
from extract.pdf.page_words import group_lines, page_words
from extract.pdf.running_lines import without_running_lines
from extract.pdf.stitch import continues_on_page
from extract.pdf.word_cache import cached_words

MIN_PROSE_WORDS = 8  # a line of running text under a caption has at least this many words
CAPTION_LINE_GAP = 1.5  # line heights between the lines of one caption (LibreOffice spaces them wide)
MAX_CUT_HEADER_LINES = 4  # header lines a page break may leave under a caption, before the body
CAPTION_RE = re.compile(r"^\s*tabel\s+[0-9IVX]+(?:[.\s]+\d+)*\b.*$", re.IGNORECASE | re.MULTILINE)


def with_captions(path: Path, tables: list[RawTable]) -> list[RawTable]:
    tables.sort(key=lambda t: (t.page_start, -t.top))
    attach_captions(path, tables)
    for table in tables:
        trim_preamble(table)
        trim_prose_below(table)
    return tables


def trim_prose_below(table: RawTable) -> None:
    """Word alignment may take the sentence under a table as its last row (a short paragraph that
    does not fill the text width): one line of prose that ends a sentence, without values."""
    while len(table.rows) > 1 and _is_sentence_row(table.rows[-1]):
        table.rows.pop()
        table.row_pages.pop()


def _is_sentence_row(row: list[str]) -> bool:
    filled = [" ".join(c.split()) for c in row if c.strip()]
    text = " ".join(filled)
    one_line = not any("\n" in c.strip() for c in row)
    values = any(looks_numeric(c) and not is_year(c) for c in filled)
    return one_line and text.endswith(".") and _is_prose(text) and not values


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
            start = index
            while start > 0 and _header_part_above(table.rows[start - 1], row):
                start -= 1
            if start:
                preamble = "\n".join(" ".join(c for c in r if c.strip()) for r in table.rows[:start])
                table.caption = table.caption or caption_from_text(preamble)
                table.rows, table.row_pages = table.rows[start:], table.row_pages[start:]
            return
        if holds_values:  # a preamble holds no values: from here on it is body (a line below naming
            return        # header words is the prose under the table)


def _header_part_above(row: list[str], header: list[str]) -> bool:
    """A line above the header row whose words sit only over the header row's empty columns: the
    upper line of a two-line label ('Alokasi' over 'Anggaran') when the labels beside it ('No',
    'Program') are centred on the whole header. Short cells, no values, no caption."""
    filled = [i for i, c in enumerate(row) if c.strip()]
    if not filled or CAPTION_RE.match(" ".join(c for c in row if c.strip())):
        return False
    empty_below = {i for i, c in enumerate(header) if not c.strip()}
    short = all(len(row[i].split()) <= 4 for i in filled)
    values = any(looks_numeric(row[i]) and not is_year(row[i]) for i in filled)
    return set(filled) <= empty_below and short and not values


def attach_captions(path: Path, tables: list[RawTable]) -> None:
    """A caption belongs to the table it sits on (no sentence between them), above or below. A
    caption touching two tables, or none, follows the document's own convention: most of its
    captions touching one table sit below it, or above it."""
    doc = pdfium.PdfDocument(str(path))
    try:
        captions = [c for number in _caption_pages(tables, len(doc)) for c in _page_captions(doc, number, tables)]
        below = _prints_below(captions)
        touching_one = [c for c in captions if bool(c.up) != bool(c.down)]
        apart = _set_apart(captions)
        for caption in touching_one + captions:  # a table keeps the caption it touches
            _give(caption, _target(caption, tables, below), tables, apart)
        ending = {c.page + 1 for c in captions if c.page_bottom and below is False}  # captions of the next page
        for table in tables:
            first_on_page = upper_bound(tables, table) is None
            captionless = not table.caption or table.page_start in ending
            if first_on_page and table.col_bounds and (captionless or below):  # (below: its caption is under it)
                carry_cut_header(doc, tables, table, take_caption=not below)
    finally:
        doc.close()


@dataclass
class _Caption:
    """A 'Tabel N.N ...' line (and the caption lines right under it) with the tables around it on its
    page: `up` / `down` the table it sits on above / below, `above` / `below` the nearest table above /
    below whatever lies between."""

    page: int
    text: str
    text_over: str = ""  # as the caption of the table below: the lines down to it, up to a sentence
    up: RawTable | None = None
    down: RawTable | None = None
    above: RawTable | None = None
    below: RawTable | None = None
    page_top: bool = False  # no table nor sentence above it on its page (the last rows of a table may be)
    page_bottom: bool = False  # no table nor sentence below it on its page
    given: bool = False


def _caption_pages(tables: list[RawTable], n_pages: int) -> list[int]:
    """The pages of the tables and the pages around them (a caption may end the page before its table,
    or open the page after it)."""
    return sorted({p for t in tables for p in range(t.page_start - 1, t.page_start + 2) if 1 <= p <= n_pages})


def _page_captions(doc, number: int, tables: list[RawTable]) -> list[_Caption]:
    if not CAPTION_RE.search(doc[number - 1].get_textpage().get_text_range()):
        return []
    on_page = [t for t in tables if t.page_start == number]
    lines = [ln for ln in without_running_lines(doc, number, group_lines(cached_words(doc, number, page_words)))
             if not any(t.bottom - 1 <= _middle(ln) <= t.top + 1 for t in on_page)]
    found = []
    for i, line in enumerate(lines):
        if CAPTION_RE.match(line.text):
            block = _caption_block(lines[i:], (min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)))
            others = [ln for ln in lines if not any(ln is b for b in block)]
            found.append(_neighbours(number, block, others, on_page))
    return found


def _caption_block(lines: list[Line], width: tuple[float, float]) -> list[Line]:
    """The caption line and the lines that follow it at text pitch (a wrapped title, a unit line),
    up to a sentence, a line filling the text width (a justified paragraph), another caption or a
    wider gap (a heading, a table)."""
    block = [lines[0]]
    for line in lines[1:]:
        last = block[-1]
        full = line.x0 <= width[0] + 1 and line.x1 >= width[1] - 1
        if CAPTION_RE.match(line.text) or _is_prose(line.text) or full or _leaves_set_in(block[0], line, width) \
                or last.bottom - line.top > CAPTION_LINE_GAP * (last.top - last.bottom):
            break
        block.append(line)
    return block


def _leaves_set_in(caption: Line, line: Line, width: tuple[float, float]) -> bool:
    """A caption set in from the text's left edge (centred) wraps onto lines centred alike: a line
    starting at that edge off the caption's middle is the next heading or paragraph, not the
    caption's second line."""
    height = caption.top - caption.bottom
    off_middle = abs((line.x0 + line.x1) - (caption.x0 + caption.x1)) / 2 > height / 2
    return caption.x0 > width[0] + 2 * height and line.x0 <= width[0] + height / 2 and off_middle


def _neighbours(number: int, block: list[Line], others: list[Line], on_page: list[RawTable]) -> _Caption:
    """The tables around a caption: it sits on one when no sentence lies between them (a heading,
    a header line the table's reader left out, the last rows of a table may)."""
    top, bottom = block[0].top, block[-1].bottom
    caption = _Caption(number, caption_from_text("\n".join(ln.text for ln in block)))
    caption.above = min((t for t in on_page if t.bottom >= top - 1), key=lambda t: t.bottom, default=None)
    caption.below = max((t for t in on_page if t.top <= bottom + 1), key=lambda t: t.top, default=None)
    high = caption.above.bottom if caption.above else float("inf")
    low = caption.below.top if caption.below else float("-inf")
    prose_up = any(_is_prose(ln.text) for ln in others if top < _middle(ln) < high)
    prose_below = any(_is_prose(ln.text) for ln in others if low < _middle(ln) < bottom)
    caption.up = None if prose_up else caption.above
    caption.down = None if prose_below else caption.below
    caption.page_top = caption.above is None and not prose_up
    caption.page_bottom = caption.below is None and not prose_below
    over = sorted(block + [ln for ln in others if low < _middle(ln) < top], key=lambda ln: -ln.top)
    caption.text_over = caption_from_text("\n".join(ln.text for ln in over))  # all its lines up to the table
    return caption


def _prints_below(captions: list[_Caption]) -> bool | None:
    """The document's convention, from its captions that touch one table only (None: no majority)."""
    below = sum(1 for c in captions if c.up and not c.down)
    above = sum(1 for c in captions if c.down and not c.up)
    return None if below == above else below > above


def _target(caption: _Caption, tables: list[RawTable], below: bool | None) -> RawTable | None:
    """The table a caption belongs to; `below`: the document prints its captions below its tables."""
    if caption.up and caption.down:
        return caption.up if below else caption.down
    if caption.page_top and (below or below is None and not caption.down):  # under the table that ends the page before
        return _last_on_page(tables, caption.page - 1)
    if caption.page_bottom and below is False:  # over the table that opens the next page
        return _first_on_page(tables, caption.page + 1)
    if caption.up or caption.down:
        return caption.up or caption.down
    return caption.above  # a sentence parts it from the table below: not that one's caption


def _set_apart(captions: list[_Caption]) -> tuple[set[int], set[int]]:
    """The tables a caption line parts from the page after (a caption line below them on their page)
    and from the page before (a caption line above them at their page top): no parts of one table."""
    ends = {id(c.above) for c in captions if c.above is not None}
    return ends, {id(c.below) for c in captions if c.below is not None and c.above is None}


def _give(caption: _Caption, target: RawTable | None, tables: list[RawTable],
          apart: tuple[set[int], set[int]]) -> None:
    """A caption below a table that runs on from earlier pages is its start's (a continuation must
    stay captionless to be stitched: its start with a caption of its own takes none). A table at a
    page top runs on from the table ending the page before unless a caption line parts them (the
    parts' columns may differ before stitching re-grids them); a second block of a word-aligned
    table runs on from the block above it."""
    if caption.given or target is None:
        return
    caption.given = True
    ends, opens = apart
    while id(target) not in opens:
        previous = _part_before(tables, target)
        if previous is None or id(previous) in ends or target.caption:
            break
        if previous.caption:
            return
        target = previous
    if not target.caption:
        target.caption = caption.text_over if target is caption.below else caption.text


def _part_before(tables: list[RawTable], table: RawTable) -> RawTable | None:
    """The table `table` may run on from: the last of the page before when it opens its page, else
    the block right above it when it is that one's second block (a word-aligned table whose columns
    shift in mid-page: a caption under the second is the whole table's)."""
    if upper_bound(tables, table) is None:
        return _last_on_page(tables, table.page_start - 1)
    above = min((t for t in tables if t.page_start == table.page_start and t.top > table.top), key=lambda t: t.bottom)
    return above if continues_on_page(above, table) else None


def _last_on_page(tables: list[RawTable], number: int) -> RawTable | None:
    return min((t for t in tables if t.page_start == number), key=lambda t: t.bottom, default=None)


def _first_on_page(tables: list[RawTable], number: int) -> RawTable | None:
    return max((t for t in tables if t.page_start == number), key=lambda t: t.top, default=None)


def _middle(line: Line) -> float:
    return (line.top + line.bottom) / 2


def upper_bound(tables: list[RawTable], table: RawTable) -> float | None:
    """The bottom of the table just above `table` on its page, None when it is the first."""
    above = [t.bottom for t in tables if t.page_start == table.page_start and t.top > table.top]
    return min(above) if above else None


def carry_cut_header(doc, tables: list[RawTable], table: RawTable, take_caption: bool = True) -> None:
    """A page break inside a table's top: the previous page ends, below its last table, with the
    table's caption and header line(s), or (a caption printed below the table) with the first
    line(s) of a header whose other lines head the body. Take the caption, and put the header
    words into the columns of the body as a first row (the body's own header lines, e.g. the
    second line of a two-line label, stay below it). Where the document prints its captions below
    its tables (not take_caption), a caption above the cut header is the table's above it."""
    cut = _cut_top(doc, tables, table)
    if cut is None:
        return
    captioned, lead, header = cut
    own, cut_words = header_words(table.rows), header_words([[ln.text for ln in header]])
    columns = {column_of(w, table.col_bounds) for ln in header for w in ln.words}
    if len(columns) < 2 or not cut_words or own & cut_words or not (captioned or own):
        return  # prose under a caption below its own table; a header repeated whole; a header's own page
    if captioned and take_caption:
        table.caption = caption_from_text("\n".join(ln.text for ln in lead))
    row = [""] * len(table.col_bounds)
    for line in header:
        for word in sorted(line.words, key=lambda w: w.x0):
            col = column_of(word, table.col_bounds)
            row[col] = f"{row[col]} {word.text}".strip()
    table.rows.insert(0, row)
    table.row_pages.insert(0, table.page_start)


def _cut_top(doc, tables: list[RawTable], table: RawTable) -> tuple[bool, list[Line], list[Line]] | None:
    """(captioned, lines before the header, header lines) ending the page before the table's,
    below that page's last table: from its last caption, or else from its last line of prose."""
    page_number = table.page_start - 1
    if page_number < 1:
        return None
    lines = group_lines(cached_words(doc, page_number, page_words))
    above = [t.bottom for t in tables if t.page_start == page_number]
    lines = [ln for ln in lines if ln.top < min(above, default=float("inf"))]
    starts = [i for i, ln in enumerate(lines) if CAPTION_RE.match(ln.text)]
    prose = [i + 1 for i, ln in enumerate(lines) if _is_prose(ln.text)]
    running = {_shape(ln) for ln in group_lines(cached_words(doc, table.page_start, page_words))}
    tail = [ln for ln in lines[(starts or prose or [0])[-1]:] if _shape(ln) not in running]  # no running footer
    first = next((i for i, ln in enumerate(tail) if _names_header(ln)), None)
    if first is None or (starts and first == 0):
        return None
    header = tail[first:]
    numbered = [i for i, ln in enumerate(header) if is_column_number_row([w.text for w in ln.words])]
    if len(header) > MAX_CUT_HEADER_LINES or any(_holds_values(ln) for ln in header) or \
            (numbered and numbered[0] < len(header) - 1):
        return None  # the caption's own table starts on that page: rows follow its header
    return bool(starts), tail[:first], header


def _shape(line: Line) -> str:
    """A line's text without digits: a running header or footer repeats with another page number."""
    return re.sub(r"\d+", "", line.text).strip().lower()


def _holds_values(line: Line) -> bool:
    texts = [w.text for w in line.words]
    return not is_column_number_row(texts) and any(looks_numeric(t) and not is_year(t) for t in texts)


def _names_header(line: Line) -> bool:
    """Header words set apart by a column gutter (a caption line is one run of words)."""
    words = line.text.lower().split()
    height = max(w.height for w in line.words)
    gutter = any(gap > 1.5 * height for gap in line.gaps())
    return gutter and any(w.startswith(h) for w in words for h in HEADER_WORDS)


def caption_from_text(text: str) -> str:
    """The last 'Tabel ...' line and the lines after it, up to the first line of prose."""
    lines = _caption_lines(text)
    if not lines:
        return ""
    end = next((i for i, ln in enumerate(lines) if i and _is_prose(ln)), len(lines))
    return " ".join(" ".join(lines[:end]).split())[:300]


def _caption_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    matches = list(CAPTION_RE.finditer(text))
    return [ln for ln in text[matches[-1].start():].split("\n") if ln.strip()] if matches else []


def _is_prose(line: str) -> bool:
    """A sentence line: many words, most of them in lower case (a caption or header line is
    short, or names things in title or upper case)."""
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    lower = [w for w in words if w.islower()]
    return len(words) >= MIN_PROSE_WORDS and 2 * len(lower) >= len(words)
