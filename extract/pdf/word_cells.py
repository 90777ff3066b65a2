"""The words of each line of a table block put into its columns: a line without a column gap is cut
only at gutters, header words standing in a gutter go with their neighbour, and numbers that a
cell's text hides (a value column the gutter search could not see) get a column of their own."""
from __future__ import annotations

import re
from collections.abc import Callable

from extract.model import Line, Word
from extract.numerals import is_column_number_row, is_row_number, is_year, looks_numeric
from extract.pdf.gutters import EDGE_ALIGNED, column_of
from extract.pdf.line_kinds import COLUMN_GAP, is_tabular
from extract.text import holds_word


def cell_words(line: Line, columns: list[tuple[float, float]], height: float,
                header: bool = False, value_columns: frozenset[int] = frozenset()) -> list[list[Word]]:
    """Words into columns. A line without a column gap is cut only at gutters, and each piece
    goes where its first word is: a wrapped line whose last word runs past a gutter, or a label
    spanning columns, stays whole. On a header line, a word in a gutter goes with the word a
    space apart that stands in a column ('%' of '% Capaian' centred over right-aligned values).
    `value_columns`: the columns that print a number on some line of the block (value_columns)."""
    words = sorted(line.words, key=lambda w: w.x0)
    cells: list[list[Word]] = [[] for _ in columns]
    if is_tabular(line, height):
        for at, word in enumerate(words):
            cells[_header_column(words, at, columns) if header else column_of(word, columns)].append(word)
    else:
        for phrase in _split_at_gutters(words, columns, header, value_columns):
            cells[column_of(phrase[0], columns)] += phrase
    return cells


def value_columns(block: list[Line], columns: list[tuple[float, float]]) -> frozenset[int]:
    """The columns in which some line of the block prints a number (not a year, not a row number)."""
    return frozenset(column_of(w, columns) for line in block for w in line.words
                     if looks_numeric(w.text) and not is_row_number(w.text) and not is_year(w.text))


def split_trailing_values(line_words: list[list[list[Word]]], columns: list[tuple[float, float]], n_header: int,
                          height: float) -> tuple[list[list[list[Word]]], list[tuple[float, float]]]:
    """A column whose body lines end, a column gap after their text, in numbers that share a right
    edge, or a middle (numbers centred in their cells), on two lines or more holds a value column the
    gutter search could not see: the text of other rows runs across it (rows set to another grid, a
    narrow name column that wraps around its amount). Those numbers, and the header words centred
    over them, get a column of their own; the text of the other lines stays whole."""
    for col in reversed(range(len(columns))):
        ends = [phrase for cells in line_words[n_header:] if (phrase := _trailing_value(cells[col], height))]
        anchor, edge = _shared_anchor(ends)
        if edge is None:
            continue
        aligned = [phrase for phrase in ends if abs(anchor(phrase) - edge) <= EDGE_ALIGNED]
        left = min(phrase[0].x0 for phrase in aligned)
        end = edge if anchor is _right_edge else max(phrase[-1].x1 for phrase in aligned)
        line_words = [cells[:col] + list(_cut_at(cells[col], (left, end), anchor, edge, height,
                                                 _names(cells, index < n_header)))
                      + cells[col + 1:] for index, cells in enumerate(line_words)]
        # the border is the white strip between the text and the values, as between gutter-found columns
        right = min(left, max((w.x1 for cells in line_words[n_header:] if cells[col + 1] for w in cells[col]),
                              default=left))
        columns = columns[:col] + [(columns[col][0], right), (left, columns[col][1])] + columns[col + 1:]
    return line_words, columns


def _trailing_value(words: list[Word], height: float) -> list[Word] | None:
    """The last words of a cell when they make a number, a column gap after the cell's text."""
    for at in range(len(words) - 1, 0, -1):
        if words[at].x0 - words[at - 1].x1 >= COLUMN_GAP * height:
            phrase = words[at:]
            text = " ".join(w.text for w in phrase)
            return phrase if looks_numeric(text) and not looks_numeric(words[at - 1].text) else None
    return None


def _right_edge(phrase: list[Word]) -> float:
    return phrase[-1].x1


def _middle(phrase: list[Word]) -> float:
    return (phrase[0].x0 + phrase[-1].x1) / 2


Anchor = Callable[[list[Word]], float]


def _shared_anchor(phrases: list[list[Word]]) -> tuple[Anchor | None, float | None]:
    """(anchor, position): the right edge, or the middle, that two or more of the phrases share,
    whichever more of them share (in a column of centred amounts the wider ones pass the others'
    right edge: 'Rp 6,847,986,125.50' over 'Rp 37,714,690.00'); the right edge when as many."""
    best, count = (None, None), 1
    for anchor in (_right_edge, _middle):
        edge = _shared_edge([anchor(phrase) for phrase in phrases])
        shared = 0 if edge is None else sum(abs(anchor(phrase) - edge) <= EDGE_ALIGNED for phrase in phrases)
        if shared > count:
            best, count = (anchor, edge), shared
    return best


def _shared_edge(edges: list[float]) -> float | None:
    """The right edge that two or more of `edges` share."""
    for edge in sorted(edges):
        if sum(abs(other - edge) <= EDGE_ALIGNED for other in edges) >= 2:
            return edge
    return None


def _names(cells: list[list[Word]], header: bool) -> bool:
    """A line that names the columns: a header line or the column-number row."""
    return header or is_column_number_row([" ".join(w.text for w in cell) for cell in cells])


def _cut_at(words: list[Word], span: tuple[float, float], anchor: Anchor, edge: float, height: float,
            names: bool) -> tuple[list[Word], list[Word]]:
    """(text, value) of one cell: the value is its trailing number whose `anchor` (right edge or
    middle) stands on `edge`, or on a line naming the columns its last words, after a column gap or
    alone, centred within the numbers' `span`."""
    if names:
        wide = COLUMN_GAP * height
        at = next((at for at in range(len(words) - 1, 0, -1) if words[at].x0 - words[at - 1].x1 >= wide), 0)
        centre = (words[at].x0 + words[-1].x1) / 2 if words else span[0] - 1
        return (words[:at], words[at:]) if span[0] <= centre <= span[1] else (words, [])
    phrase = _trailing_value(words, height)
    if phrase and abs(anchor(phrase) - edge) <= EDGE_ALIGNED:
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


def _split_at_gutters(words: list[Word], columns: list[tuple[float, float]], header: bool = False,
                      values: frozenset[int] = frozenset()) -> list[list[Word]]:
    """Cut a line between two words only where the space between them lies on a gutter and
    the second word starts where the next column starts (not a word running over the gutter),
    or, on a header line, where (wider than a word space) it overlaps a gutter between the
    columns the two words are centred on: header words centred over right-aligned numbers
    reach into the gutters ('Target' 'Realisasi' over '59,62' and '65,44'). A word goes on with the
    text before it into a column of numbers (`values`): a name's line runs on there at a word space,
    no cell of words starts a word space after another in a column of numbers (rows set one cell
    shorter, their amounts under the longer rows' names: jambi_libreoffice_494 '... Nilai Tambah, Akses' |
    'Pasar, Akses', jambi_reportlab_482 and _498)."""
    strips = [(a[1], b[0]) for a, b in zip(columns, columns[1:])]
    phrases = [[words[0]]]
    for before, word in zip(words, words[1:]):
        runs_on = not header and _is_word(before) and _is_word(word)
        if any(before.x1 < right and word.x0 >= right - 0.5 * word.height and not (runs_on and k + 1 in values)
               for k, (_, right) in enumerate(strips)) or (header and _header_cut(before, word, columns, strips)):
            phrases.append([word])
        else:
            phrases[-1].append(word)
    return phrases


def _is_word(word: Word) -> bool:
    """Letters, no digit ('Pasar,', 'USAHA'; not '%', '2.', 'Rp')."""
    return holds_word(word.text, letters=3) and not re.search(r"\d", word.text)


def _header_cut(before: Word, word: Word, columns: list[tuple[float, float]],
                strips: list[tuple[float, float]]) -> bool:
    """Two header words wider apart than a word space, over a gutter, centred on two columns."""
    wide = word.x0 - before.x1 >= 0.5 * max(word.height, before.height)
    on_gutter = any(before.x1 < right and word.x0 > left for left, right in strips)
    return wide and on_gutter and column_of(before, columns) != column_of(word, columns)
