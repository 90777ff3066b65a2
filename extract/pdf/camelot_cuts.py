"""How camelot's lattice (split_text) parts a text line among the cells of a grid row, with one fix:
camelot 2.0.0 cuts the line at the right edges of the cells it crosses and drops every character
right of the last edge (camelot issue #293). A line inside a cell merged over two columns, ending
before the merged cell's right edge, crosses only the rule left of it: the whole name was lost, the
row number kept ('2. ADMINISTRASI KEUANGAN PERANGKAT DAERAH' read as '2.'). Here such characters go
to the last column the line reaches, as a cell merged across columns holds its text (shift_text
then moves it to the span's first column, as for any merged cell)."""
from __future__ import annotations

import camelot.utils
from playa.miner import LTAnno, LTChar


def horizontal_cut(table, textline, bbox) -> list[tuple[int, int, LTChar | LTAnno]]:
    """(row, column, character) of each character of a horizontal text line, as camelot's
    _process_horizontal_cut, but the rest of a line that a rule cuts is kept: right of the last cut,
    after characters placed left of it. A line with no character left of every cut, whose box only
    touches the column left of it, is dropped as camelot drops it (an item letter 'a)' beside a name
    in a merged cell would be set among the name's lines: jabar-dinkes_2016_lakip p. 81). A line in a
    grid row but beside all its columns still raises IndexError, as camelot's does
    (scanned._raster_lattice reads that page again without split_text)."""
    cut_text: list[tuple[int, int, LTChar | LTAnno]] = []
    x_overlap = [i for i, x in enumerate(table.cols) if x[0] <= bbox[2] and bbox[0] <= x[1]]
    r_idx = [j for j, r in enumerate(table.rows) if r[1] <= (bbox[1] + bbox[3]) / 2 <= r[0]]
    if not r_idx:
        return cut_text
    r = r_idx[0]
    x_cuts = [(c, table.cells[r][c].x2) for c in x_overlap if table.cells[r][c].right] \
        or [(x_overlap[0], table.cells[r][-1].x2)]
    top, bottom = table.rows[r]
    placed = False
    for obj in textline._objs:
        if isinstance(obj, LTChar) and bottom <= (obj.y0 + obj.y1) / 2 <= top:
            middle = (obj.x0 + obj.x1) / 2
            column = next((c for c, x2 in x_cuts if middle <= x2), None)
            if column is None and placed and middle <= table.cols[x_overlap[-1]][1]:  # not past the grid
                column = x_overlap[-1]
            if column is not None:
                cut_text.append((r, column, obj))
                placed = True
        elif isinstance(obj, LTAnno):
            cut_text += [(r, c, obj) for c, _ in x_cuts]  # camelot's own spacing, kept
    return cut_text


def install() -> None:
    """Use horizontal_cut in camelot's split_text (its module looks the function up at each call)."""
    camelot.utils._process_horizontal_cut = horizontal_cut
