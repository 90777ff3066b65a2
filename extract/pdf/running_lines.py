"""A page's running header and footer (a report title, a page number) told from a table's first or
last line: the word reader and the caption finder leave them out."""
from __future__ import annotations

import re
from statistics import median

from extract.model import Line
from extract.pdf.line_kinds import column_gaps, header_words_in


def without_running_lines(doc, number: int, lines: list[Line]) -> list[Line]:
    """The page's lines without its running header and footer: a first or last line, set apart
    from the others by more than a line, whose text (page number aside) a neighbouring page
    prints at the same place. Below a table, a footer ('LKjIP 2024 Dinas ... 3') crosses its
    gutters like a row. (A table header repeated at the top of each page is no running line: it
    sits close to the rows below it, or, set apart by a wide cell padding, names columns.) A last
    line of ten letters or more that every neighbouring page prints at the same place is a footer
    a line height apart already: a table may run down to just above it."""
    running = []
    neighbours = [n for n in (number - 1, number + 1) if 1 <= n <= len(doc)]
    for line, near, apart_by in ((lines[0], lines[1], 1.5), (lines[-1], lines[-2], 1.0)) if len(lines) > 1 else ():
        gap = min(abs(line.bottom - near.top), abs(near.bottom - line.top))
        apart = gap >= 1.5 * (line.top - line.bottom)
        text = _letters(" ".join(w.text for w in line.words))
        if len(text) < 4 or gap < apart_by * (line.top - line.bottom):
            continue
        if line is lines[0] and _names_columns(line):
            continue
        same = [_letters(_text_at(doc[n - 1], line)) == text for n in neighbours]
        if any(same) and (apart or (all(same) and len(text) >= 10)):
            running.append(line)
    return [line for line in lines if not any(line is r for r in running)]


def _names_columns(line: Line) -> bool:
    """A line of three columns or more (two gaps of a line's height) naming two header words: a
    table's header repeated at the top of each page, set apart from its second header line by the
    cell padding, not a running header (which prints a title and a page number)."""
    height = median(w.height for w in line.words)
    return column_gaps(line, height) >= 2 and header_words_in(" ".join(w.text for w in line.words)) >= 2


def _letters(text: str) -> str:
    return re.sub(r"[\W\d_]", "", text).lower()


def _text_at(page, line: Line) -> str:
    return page.get_textpage().get_text_bounded(line.x0 - 1, line.bottom - 1, line.x1 + 1, line.top + 1)
