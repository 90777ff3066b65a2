"""A page's running header and footer (a report title, a page number) told from a table's first or
last line: the word reader and the caption finder leave them out."""
from __future__ import annotations

import re
from statistics import median

from extract.model import Line
from extract.pdf.line_kinds import column_gaps, header_words_in

FOOTER_APART = 0.5  # line heights a footer printed on two pages near this one lies below the line above


def without_running_lines(doc, number: int, lines: list[Line]) -> list[Line]:
    """The page's lines without its running header and footer: a first or last line, set apart
    from the others by more than a line, whose text (page number aside) a neighbouring page
    prints at the same place. Below a table, a footer ('LKjIP 2024 Dinas ... 3') crosses its
    gutters like a row. (A table header repeated at the top of each page is no running line: it
    sits close to the rows below it, or, set apart by a wide cell padding, names columns.) A last
    line of ten letters or more is a footer a line height apart already (a table may run down to
    just above it) when two pages within two of this one print it at the same place, or the only
    other page does: a cover page without the footer does not hide it; half a line height apart
    (a wrapped cell's lines lie closer, their boxes touch) when two pages print it. The height is
    the footer's own, its font's box, which may be a third taller than the table's lines
    (jambi_reportlab_311: 0.75 of it below the table, jambi_reportlab_700: 0.72)."""
    running = []
    ends = ((lines[0], lines[1], 1.5), (lines[-1], lines[-2], FOOTER_APART)) if len(lines) > 1 else ()
    for line, near, apart_by in ends:
        gap = min(abs(line.bottom - near.top), abs(near.bottom - line.top))
        text, height = _letters(line.text), line.top - line.bottom
        if len(text) < 4 or gap < apart_by * height:
            continue
        if line is lines[0] and _names_columns(line):
            continue
        if gap >= 1.5 * height and _printed_on(doc, line, text, number, 1) >= 1:
            running.append(line)
        elif len(text) >= 10 and (printed := _printed_on(doc, line, text, number, 2)) >= min(2, len(doc) - 1) \
                and (gap >= height or printed >= 2):
            running.append(line)
    return [line for line in lines if not any(line is r for r in running)]


def _names_columns(line: Line) -> bool:
    """A line of three columns or more (two gaps of a line's height) naming two header words: a
    table's header repeated at the top of each page, set apart from its second header line by the
    cell padding, not a running header (which prints a title and a page number)."""
    height = median(w.height for w in line.words)
    return column_gaps(line, height) >= 2 and header_words_in(line.text) >= 2


def _printed_on(doc, line: Line, text: str, number: int, within: int) -> int:
    """How many pages `within` pages of page `number` print the line's letters `text` at its place."""
    pages = [n for n in range(number - within, number + within + 1) if n != number and 1 <= n <= len(doc)]
    return sum(_letters(_text_at(doc[n - 1], line)) == text for n in pages)


def _letters(text: str) -> str:
    return re.sub(r"[\W\d_]", "", text).lower()


def _text_at(page, line: Line) -> str:
    return page.get_textpage().get_text_bounded(line.x0 - 1, line.bottom - 1, line.x1 + 1, line.top + 1)
