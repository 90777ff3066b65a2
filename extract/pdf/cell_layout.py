"""The cells of a block's columns (one column's wrapped lines, set apart by the cell padding) and
where a row's cells sit against its value line: aligned to the top, the middle or the bottom."""
from __future__ import annotations

from statistics import median

from extract.model import Line, Word
from extract.numerals import looks_numeric
from extract.pdf.row_spacing import ROW_GAP, baselines, line_pitch, pair_steps


def cell_alignment(bands: list[list[int]], valued: list[bool], cells: list[list[int]] = ()) -> str:
    """'top', 'middle' or 'bottom': where the value line sits in the bands that have one value
    line and text lines; the most frequent place wins. When no band tells (a cell merged over
    the rows ties every band to two value lines), the `cells` tell (cell_bands: one column's
    wrapped lines, set apart by the cell padding that the merged cell bridges); 'top' when
    neither does."""
    votes = _alignment_votes(bands, valued)
    if not any(votes.values()):
        votes = _alignment_votes(cells, valued)
    return max(votes, key=lambda k: (votes[k], k == "top"))


def _alignment_votes(bands: list[list[int]], valued: list[bool]) -> dict[str, int]:
    votes = {"top": 0, "middle": 0, "bottom": 0}
    for band in bands:
        places = [i for i, index in enumerate(band) if valued[index]]
        if len(band) > 1 and len(places) == 1:
            place = places[0]
            votes["top" if place == 0 else "bottom" if place == len(band) - 1 else "middle"] += 1
    return votes


CellWords = list[list[list[Word]]]  # per line, per column, the words of that cell


def cell_bands(lines: list[Line], line_cells: list[list[str]], words: CellWords | None = None) -> list[list[int]]:
    """The lines of each column's cells (_column_cells), all columns together."""
    return [cell for cells in _column_cells(lines, line_cells, words) for cell in cells]


def _column_cells(lines: list[Line], line_cells: list[list[str]],
                  words: CellWords | None = None) -> list[list[list[int]]]:
    """Per column, the lines of its cells: the lines printing in that column, cut where one follows
    more than ROW_GAP line pitches below the one above (the cell padding between two rows), measured
    between the words one above the other, not the lines' baselines (a line of two levels sits at
    its upper one, maybe another column's); between that column's own `words` where given (_cell_step)."""
    pitch, bases = line_pitch(lines), baselines(lines)
    columns: list[list[list[int]]] = []
    for column in range(max((len(cells) for cells in line_cells), default=0)):
        printed = [i for i, cells in enumerate(line_cells) if column < len(cells) and cells[column]]
        cells: list[list[int]] = []
        for at, index in enumerate(printed):
            above = printed[at - 1] if at else None
            if above is not None and _cell_step(lines, words, column, above, index, bases[above] - bases[index]) \
                    <= ROW_GAP * pitch:
                cells[-1].append(index)
            else:
                cells.append([index])
        columns.append(cells)
    return columns


def spans_first_gutter(cells: list[list[Word]], columns: list[tuple[float, float]], left: float) -> bool:
    """The line's text is one cell that starts at the table's left edge (`left`, where the first
    column's text starts on the value lines, or left of it) and runs over the first gutter into the
    second column: a cell's wrapped text stays inside its column, so this is a cell merged across them
    (a group label 'BIDANG PENTA' set from the number column over the names), however its words were
    dealt to the columns."""
    printed = [cell for cell in cells if cell]
    if len(printed) != 1 or len(columns) < 2:
        return False
    return min(w.x0 for w in printed[0]) <= left + 1.0 and max(w.x1 for w in printed[0]) > columns[1][0]


def _cell_step(lines: list[Line], words: CellWords | None, column: int, above: int, index: int,
               otherwise: float) -> float:
    """The step between the column's words of the two lines one above the other: a merged cell beside
    it, aligned to the middle, sets its wrapped lines across the padding between two rows of the
    column at the pitch of wrapped text ('kualitas' / 'koperasi dan' beside 'Berkualitas' /
    'Persentase'), and measured with them the two rows' cells were one. Without such words, the steps
    between all words of the two lines one above the other (_word_step)."""
    if words is not None:
        steps = pair_steps(Line(words[above][column]), Line(words[index][column]))
        if steps:
            return median(steps)
    return _word_step(lines[above], lines[index], otherwise)


def _word_step(above: Line, line: Line, otherwise: float) -> float:
    """The step between the words of the two lines one above the other (their median), else `otherwise`."""
    steps = pair_steps(above, line)
    return median(steps) if steps else otherwise


def cell_cuts(lines: list[Line], line_cells: list[list[str]],
              words: CellWords | None = None) -> list[list[int]] | None:
    """Bands cut where a column's cell of two lines or more ends and its next one of two or more
    begins, the cell padding between them, at a place no other cell runs across (_open_place): the padding
    no step between lines shows because a cell merged over the rows (its lines spanning two value
    lines that clash) sets its wrapped lines in between, aligned to the middle. A value cell of one
    line sets no cut (evenly spaced rows of wrapped text apart every two lines). None without cuts."""
    columns = _column_cells(lines, line_cells, words)
    cells = [cell for column in columns for cell in column
             if not any(_clash(line_cells[a], line_cells[b]) for a in cell for b in range(a + 1, cell[-1] + 1))]
    cuts = sorted({cut for column in columns for before, after in zip(column, column[1:])
                   if len(before) > 1 and len(after) > 1
                   and (cut := _open_place(before, after, cells)) is not None})
    if not cuts:
        return None
    return [list(range(a, b)) for a, b in zip([0, *cuts], [*cuts, len(lines)])]


def _open_place(before: list[int], after: list[int], cells: list[list[int]]) -> int | None:
    """Where a row ends between a cell's last line and the next cell's first line: the lowest place
    no other cell runs across (the lines between print nothing in the column and belong to either row:
    a merged cell aligned to the bottom starts its text there). A cell reaching into both the cell
    above and the cell below is merged over their two rows, centred on the padding between them, and
    parts nothing ('Meningkatnya kualitas koperasi' / 'dan usaha mikro kecil menengah' from
    'Berkualitas' down to 'UMKM Yg', between the two value lines). None if none."""
    end, start = before[-1], after[0]
    others = [cell for cell in cells if not (cell[0] <= end and cell[-1] >= start)]
    return next((at for at in range(start, end, -1)
                 if not any(cell[0] < at <= cell[-1] for cell in others)), None)


def _clash(cells: list[str], others: list[str]) -> bool:
    """Two lines hold a value in one column: two rows' value lines."""
    return any(looks_numeric(a) and looks_numeric(b) for a, b in zip(cells, others))
