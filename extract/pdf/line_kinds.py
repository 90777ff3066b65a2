"""What a line of words is, inside or around a table: tabular (a column gap), a header line (header
words, no value), a body line (a value), and where a page's text body starts and ends. The word
reader's stages (blocks, gutters, rows) all ask these questions."""
from __future__ import annotations

import re
from statistics import median

from extract.model import Line
from extract.numerals import is_column_number_row, is_year, looks_numeric
from extract.pdf.page_words import line_seat as seat_of
from extract.text import TABLE_START_WORDS

CAPTION_START = re.compile(r"^\s*tabel\s+[0-9ivx]", re.IGNORECASE)


# Words of table headers (also used to find where a table starts, extract/pdf/find.py); one list for
# the word reader and the parsers, in extract/text.py.
HEADER_WORDS = TABLE_START_WORDS

EDGE_ALIGNED = 1.5  # points: right edges (or middles) of the aligned numbers of one column, left edges of its text
COLUMN_GAP = 0.9  # word heights: a gap between two words at least this wide parts two columns (a word space is less)


def is_tabular(line: Line, height: float) -> bool:
    return column_gaps(line, height) > 0


def column_gaps(line: Line, height: float) -> int:
    """Gaps between the line's words wide enough to part two columns (wider than a word space)."""
    return sum(gap >= COLUMN_GAP * height for gap in line.gaps())


def header_line(block: list[Line], height: float) -> int:
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
        if not is_tabular(line, height):
            continue
        if sum(looks_numeric(w.text) and re.search(r"\d[.,]\d", w.text) is not None for w in line.words) >= 2:
            return 0
        if header_words_in(text) >= 2 and body_start([line]):
            return index
    return 0


def body_start(block: list[Line]) -> int:
    """Index of the first line that holds a number (header lines hold none, years aside)."""
    for index, line in enumerate(block):
        if any(looks_numeric(w.text) and not is_year(w.text) for w in line.words):
            return index
    return len(block)


def names_columns(lines: list[Line]) -> bool:
    """Two header words among the lines, as on every header line: one is a row's text too (a name
    'Persentase capaian kinerja' whose lines a cell aligned to the bottom sets above its values)."""
    return header_words_in(" ".join(w.text for line in lines for w in line.words)) >= 2


def header_words_in(text: str) -> int:
    """How many header words start a word of the text ('Realisasi(%)', 'Target/Realisasi'); inside
    a word they are a row's text ('anggaran' in 'Penganggaran')."""
    words = re.findall(r"[a-z]+", text.lower())
    return sum(any(word.startswith(header) for word in words) for header in HEADER_WORDS)


def value_lines(block: list[Line]) -> int:
    """Lines holding a value (not a year, not the column-number row)."""
    return sum(1 for line in block if not is_column_number_row([w.text for w in line.words])
               and any(looks_numeric(w.text) and not is_year(w.text) for w in line.words))


def text_body(lines: list[Line]) -> tuple[float, float]:
    """Left and right margin of the page's text: where most lines start and end."""
    starts = sorted(line.x0 for line in lines)
    ends = sorted(line.x1 for line in lines)
    return starts[len(starts) // 10], ends[-1 - len(ends) // 10]


def has_header(block: list[Line]) -> bool:
    """A header line, or two header words in the first lines above its first value (a row's
    name below may hold them: 'PROGRAM ... PENGANGGARAN')."""
    height = median(w.height for line in block for w in line.words)
    text = " ".join(w.text for line in block[:min(3, body_start(block))] for w in line.words)
    return header_line(block, height) > 0 or header_words_in(text) >= 2


def staggered(above: Line, below: Line, height: float) -> bool:
    """Two lines that are one row whose cells sit at different heights: a cell aligned to the middle
    beside one of a line more sets its lines half a pitch off, closer than any two lines of text
    (less than a word height apart), the two side by side a column gap apart ('Rata-rata capaian'
    / '104,90 %' / 'kinerja' in a summary row)."""
    if seat_of(above) - seat_of(below) >= height:
        return False
    if any(a.x0 < b.x1 and b.x0 < a.x1 for a in above.words for b in below.words):
        return False  # one column's words, one over the other
    return is_tabular(Line(above.words + below.words), height)
