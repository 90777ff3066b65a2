"""Table captions ('Tabel 3.2 ...') found above a table, and preambles trimmed off word-aligned tables."""
from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium

from extract.model import Line, RawTable
from extract.numerals import is_column_number_row, is_year, looks_numeric
from extract.pdf.columns import header_words
from extract.pdf.gutters import column_of
from extract.pdf.line_kinds import HEADER_WORDS
from extract.pdf.page_words import group_lines, page_words
from extract.pdf.word_cache import cached_words

MIN_PROSE_WORDS = 8  # a line of running text under a caption has at least this many words
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
            if table.caption and _prose_follows_caption(text):
                _give_caption_above(tables, table)
            previous_bottom[table.page_start] = table.bottom
        for table in tables:
            first_on_page = upper_bound(tables, table) is None
            if first_on_page and not table.caption and table.col_bounds:
                carry_cut_header(doc, tables, table)
    finally:
        doc.close()


def _give_caption_above(tables: list[RawTable], table: RawTable) -> None:
    """Prose between a caption and the table below it: the caption was printed below the table
    above (a caption sits right on its table). It goes to that table when it lies on the same
    page, has no caption and is not its page's first (a continuation must stay captionless
    to be stitched); else to no table."""
    caption, table.caption = table.caption, ""
    above = [t for t in tables if t.page_start == table.page_start and t.top > table.top]
    if above:
        previous = min(above, key=lambda t: t.bottom)
        if not previous.caption and upper_bound(tables, previous) is not None:
            previous.caption = caption


def upper_bound(tables: list[RawTable], table: RawTable) -> float | None:
    """The bottom of the table just above `table` on its page, None when it is the first."""
    above = [t.bottom for t in tables if t.page_start == table.page_start and t.top > table.top]
    return min(above) if above else None


def carry_cut_header(doc, tables: list[RawTable], table: RawTable) -> None:
    """A page break inside a table's top: the previous page ends, below its last table, with the
    table's caption and header line(s), or (a caption printed below the table) with the first
    line(s) of a header whose other lines head the body. Take the caption, and put the header
    words into the columns of the body as a first row (the body's own header lines, e.g. the
    second line of a two-line label, stay below it)."""
    cut = _cut_top(doc, tables, table)
    if cut is None:
        return
    captioned, lead, header = cut
    own, cut_words = header_words(table.rows), header_words([[_text(ln) for ln in header]])
    columns = {column_of(w, table.col_bounds) for ln in header for w in ln.words}
    if len(columns) < 2 or not cut_words or own & cut_words or not (captioned or own):
        return  # prose under a caption below its own table; a header repeated whole; a header's own page
    table.caption = caption_from_text("\n".join(_text(ln) for ln in lead))
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
    starts = [i for i, ln in enumerate(lines) if CAPTION_RE.match(_text(ln))]
    prose = [i + 1 for i, ln in enumerate(lines) if _is_prose(_text(ln))]
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


def _text(line: Line) -> str:
    return " ".join(w.text for w in sorted(line.words, key=lambda w: w.x0))


def _shape(line: Line) -> str:
    """A line's text without digits: a running header or footer repeats with another page number."""
    return re.sub(r"\d+", "", _text(line)).strip().lower()


def _holds_values(line: Line) -> bool:
    texts = [w.text for w in line.words]
    return not is_column_number_row(texts) and any(looks_numeric(t) and not is_year(t) for t in texts)


def _names_header(line: Line) -> bool:
    """Header words set apart by a column gutter (a caption line is one run of words)."""
    words = _text(line).lower().split()
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


def _prose_follows_caption(text: str) -> bool:
    return any(_is_prose(ln) for ln in _caption_lines(text)[1:])


def _is_prose(line: str) -> bool:
    """A sentence line: many words, most of them in lower case (a caption or header line is
    short, or names things in title or upper case)."""
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    lower = [w for w in words if w.islower()]
    return len(words) >= MIN_PROSE_WORDS and 2 * len(lower) >= len(words)
