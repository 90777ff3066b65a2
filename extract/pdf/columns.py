"""Column geometry of found tables: header rows, columns without a header of their own, columns
of two tables compared and one table re-gridded onto the columns of another by x positions."""
from __future__ import annotations

import re

from extract.model import RawTable
from extract.numerals import is_column_number_row, is_row_number, is_year, looks_numeric
from extract.pdf.line_kinds import HEADER_WORDS

EDGE_TOLERANCE = 3.0  # points: ruling lines and text edges of one column drawn on two pages


def is_value_row(row: list[str]) -> bool:
    return not is_column_number_row(row) and any(looks_numeric(c) and not is_year(c) for c in row if c.strip())


def header_size(rows: list[list[str]], limit: int = 5) -> int:
    """Rows before the first row holding a value; the column-number row ends the header."""
    for index, row in enumerate(rows[:limit]):
        if is_column_number_row(row):
            return index + 1
        if is_value_row(row):
            return index
    return min(len(rows), limit)


def header_words(rows: list[list[str]], continuation: bool = False) -> set[str]:
    """Words of a table's header rows, when they name header words (a text fragment cut off by the
    page break above a continuation is no header). Header rows whose text sits in one column only
    name no columns, whatever words they hold: they are the first lines of a name whose values stand
    lower (cells aligned to the bottom), e.g. 'Koordinasi ... Laporan Capaian Kinerja dan Ikhtisar
    Realisasi' over '24 | Kinerja SKPD | 1.000.000 | ...'. Over body rows anywhere; at a
    `continuation`'s top also alone, where the rest of the cut name may be all the rows there are. At a
    continuation's top, rows that fill none of the value columns below them name no value column, as a
    header does: they are the rest of a row the page break cut ('pelayanan PD | capaian kinerja / PD
    yang / mencapai target' over 'Rata-rata capaian kinerja | ... | 104,90 %'), its text cells right of
    the values too ('Sangat baik | Diskopuk mnakertrans', jepara_reportlab_676)."""
    size = header_size(rows)
    filled = {col for row in rows[:size] for col, c in enumerate(row) if c.strip()}
    if len(filled) < 2 and (continuation or size < len(rows)):
        return set()
    values = _value_columns(rows[size:])
    if continuation and filled and values and not filled & values:
        return set()
    text = " ".join(c for row in rows[:size] for c in row).lower()
    words = set(re.findall(r"[a-z]{2,}", text))
    return words if sum(any(w.startswith(h) for w in words) for h in HEADER_WORDS) >= 2 else set()


def _value_columns(rows: list[list[str]]) -> set[int]:
    """The columns holding a value in the rows (a row number aside)."""
    return {col for row in rows for col, c in enumerate(row)
            if col > 0 and looks_numeric(c.strip()) and not is_row_number(c.strip())}


def _cell(row: list[str], col: int) -> str:
    return row[col] if col < len(row) else ""


def crossings(columns: list[tuple[float, float]], other: list[tuple[float, float]],
              ignored: set[int] = frozenset()) -> int:
    """How many columns run across a border between two columns of `other` (text of one column
    reaching into the next): two tables whose columns cross are not one table. Borders of the
    `ignored` columns of `other` do not count."""
    borders = [(a[1], b[0]) for i, (a, b) in enumerate(zip(other, other[1:]))
               if i not in ignored and i + 1 not in ignored]
    return sum(1 for left, right in columns for g0, g1 in borders
               if left < min(g0, g1) - EDGE_TOLERANCE and right > max(g0, g1) + EDGE_TOLERANCE)


def headless_columns(rows: list[list[str]]) -> set[int]:
    """Columns without a header cell of their own (left of them a label spans them, or a
    renderer drew a column that only some rows use)."""
    size = header_size(rows)
    if not 0 < size < len(rows) or not header_words(rows):
        return set()
    width = max(len(r) for r in rows)
    return {col for col in range(1, width) if all(not _cell(r, col).strip() for r in rows[:size])}


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))


def best_column(bounds: tuple[float, float], columns: list[tuple[float, float]]) -> int:
    scores = [_overlap(bounds, c) for c in columns]
    if max(scores) > 0:
        return scores.index(max(scores))
    centre = (bounds[0] + bounds[1]) / 2
    return min(range(len(columns)), key=lambda i: abs((columns[i][0] + columns[i][1]) / 2 - centre))


def align_columns(table: RawTable, columns: list[tuple[float, float]]) -> list[list[str]]:
    """The rows of `table` re-gridded onto `columns` by x positions. Columns of `table` that fall
    into one of `columns` (a finer split of the same table) are joined in reading order."""
    mapping = [best_column(b, columns) for b in table.col_bounds]
    aligned = []
    for row in table.rows:
        cells = [""] * len(columns)
        for col, text in enumerate(row):
            if text.strip() and col < len(mapping):
                _put(cells, mapping[col], text)
        aligned.append(cells)
    return aligned


def _put(cells: list[str], target: int, text: str) -> None:
    """Text into its column; a row number printed in an indent before its name ('' | '1.' |
    'Penyediaan ...') goes to the numbering column when that one is empty."""
    before = cells[target]
    if before and target > 0 and not cells[0] and is_row_number(before.strip()):
        cells[0], cells[target] = before, text
    else:
        cells[target] = f"{before} {text}" if before else text
