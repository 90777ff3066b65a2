"""The cells of a block's columns (one column's wrapped lines, set apart by the cell padding) and
where a row's cells sit against its value line: aligned to the top, the middle or the bottom."""
from __future__ import annotations

from statistics import median

from extract.model import Line
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


def cell_bands(lines: list[Line], line_cells: list[list[str]]) -> list[list[int]]:
    """The lines of each column's cells (_column_cells), all columns together."""
    return [cell for cells in _column_cells(lines, line_cells) for cell in cells]


def _column_cells(lines: list[Line], line_cells: list[list[str]]) -> list[list[list[int]]]:
    """Per column, the lines of its cells: the lines printing in that column, cut where one follows
    more than ROW_GAP line pitches below the one above (the cell padding between two rows), measured
    between the words one above the other, not the lines' baselines (a line of two levels sits at
    its upper one, maybe another column's)."""
    pitch, bases = line_pitch(lines), baselines(lines)
    columns: list[list[list[int]]] = []
    for column in range(max((len(cells) for cells in line_cells), default=0)):
        printed = [i for i, cells in enumerate(line_cells) if column < len(cells) and cells[column]]
        cells: list[list[int]] = []
        for at, index in enumerate(printed):
            if at and _word_step(lines[printed[at - 1]], lines[index], bases[printed[at - 1]] - bases[index]) \
                    <= ROW_GAP * pitch:
                cells[-1].append(index)
            else:
                cells.append([index])
        columns.append(cells)
    return columns


def _word_step(above: Line, line: Line, otherwise: float) -> float:
    """The step between the words of the two lines one above the other (their median), else `otherwise`."""
    steps = pair_steps(above, line)
    return median(steps) if steps else otherwise


def cell_cuts(lines: list[Line], line_cells: list[list[str]]) -> list[list[int]] | None:
    """Bands cut where a column's cell of two lines or more ends and its next one of two or more
    begins, the cell padding between them, at a place no other cell runs across (_open_place): the padding
    no step between lines shows because a cell merged over the rows (its lines spanning two value
    lines that clash) sets its wrapped lines in between, aligned to the middle. A value cell of one
    line sets no cut (evenly spaced rows of wrapped text apart every two lines). None without cuts."""
    columns = _column_cells(lines, line_cells)
    cells = [cell for column in columns for cell in column
             if not any(_clash(line_cells[a], line_cells[b]) for a in cell for b in range(a + 1, cell[-1] + 1))]
    cuts = sorted({cut for column in columns for before, after in zip(column, column[1:])
                   if len(before) > 1 and len(after) > 1
                   and (cut := _open_place(before[-1], after[0], cells)) is not None})
    if not cuts:
        return None
    return [list(range(a, b)) for a, b in zip([0, *cuts], [*cuts, len(lines)])]


def _open_place(end: int, start: int, cells: list[list[int]]) -> int | None:
    """Where a row ends between a cell's last line `end` and the next cell's first line `start`:
    the lowest place no other cell runs across (the lines between print nothing in the column and
    belong to either row: a merged cell aligned to the bottom starts its text there). None if none."""
    return next((at for at in range(start, end, -1)
                 if not any(cell[0] < at <= cell[-1] for cell in cells)), None)


def _clash(cells: list[str], others: list[str]) -> bool:
    """Two lines hold a value in one column: two rows' value lines."""
    return any(looks_numeric(a) and looks_numeric(b) for a, b in zip(cells, others))
