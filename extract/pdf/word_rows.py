"""Rows of a block of table lines: its lines cut into bands by extra space (cell padding) and by
horizontal rules (row_spacing.py), a band split where its value lines clash, and the lines of a row
joined cell by cell, whether the renderer aligned the cells to the top, the middle or the bottom
(cell_layout.py)."""
from __future__ import annotations

from extract.model import Line, Word
from extract.numerals import (
    is_column_number_row,
    is_row_number,
    is_running_count,
    looks_numeric,
    opens_spelled_out,
)
from extract.pdf.cell_layout import CellWords, cell_alignment, cell_bands, cell_cuts, spans_first_gutter
from extract.pdf.drawn_rules import Rule
from extract.pdf.line_kinds import EDGE_ALIGNED, body_start, header_words_in, names_columns
from extract.pdf.row_spacing import line_pitch, padded_lines, row_bands, ruled_between
from extract.text import capitals_share


def body_index(block: list[Line], header_index: int, rules: list[Rule]) -> int:
    """Index of the first body line: the first line holding a number, or the first line of its
    row where a cell aligned to the bottom or the middle puts text lines above it (the lines
    that no extra space nor rule parts from it). The header line itself stays a header; in a
    block without a header (the rows carried over to a page top) the first row may start at the
    first line. A header names two columns or more: one header word is a row's text ('capaian
    kinerja', 'PENGANGGARAN'). A first value line that numbers the columns ('1 2 3 4') ends the
    header: the lines above it are header lines, however close ('Anggaran %' under 'Realisasi')."""
    first = body_start(block[header_index:])
    if first < len(block) - header_index and is_running_count([w.text for w in block[header_index + first].words]):
        return header_index + first
    bands = row_bands(block[header_index:], rules) if first < len(block) - header_index else None
    band = next((band for band in bands or [] if first in band), [0])
    named = names_columns(block[header_index:header_index + first])
    if band[0] > 0 or (bands is not None and not named):
        return header_index + band[0]
    above = _body_text_above(block[header_index + 1:header_index + first], block[header_index + first:])
    return header_index + first - (above if named else 0)


def _body_text_above(lines: list[Line], body: list[Line]) -> int:
    """How many of the last lines above the first value line are its row's text, not header: they hold
    no header word, and each cell they open starts with letters on a left edge where words of two body
    lines or more start (a column's text, left-aligned; header words are centred or another column's;
    the words inside a cell are free: 'Pendidikan dan', a formula's first line). A table with little cell
    padding sets them no farther from the header than from each other (cells aligned to the middle:
    'Persentase' / 'Penempatan' over '45.00')."""
    def on_edge(word: Word) -> bool:
        shared = sum(any(abs(w.x0 - word.x0) <= EDGE_ALIGNED for w in line.words) for line in body)
        text = word.text.lstrip("$\\{([")  # letters after a formula's or a bracket's opening mark
        return shared >= 2 and text[:2].isalpha() and not header_words_in(word.text)
    count = 0
    for line in reversed(lines):
        if not all(on_edge(w) for w in _cell_starts(line)) or header_words_in(line.text):
            break
        count += 1
    return count


def _cell_starts(line: Line) -> list[Word]:
    """The words of a line that open a cell: the first, and each set more than half a word height after the
    word before it (a cell's own words follow one word space apart)."""
    words = sorted(line.words, key=lambda w: w.x0)
    return [w for w, before in zip(words, [None, *words])
            if before is None or w.x0 - before.x1 > 0.5 * (w.top - w.bottom)]


def header_bands(lines: list[Line], start: int, count: int, cells: list[list[str]],
                 rules: list[Rule]) -> list[list[str]]:
    """The header lines (`start` to `count`, with the lines above that no space nor rule parts
    from them) joined where no extra space nor rule parts them, as the lines of a body row: a
    header cell aligned to the middle or the bottom puts its lines around those of its
    neighbours ('Realisasi' / 'No Program Alokasi' / 'Anggaran'). Title lines stay apart."""
    bands = row_bands(lines, rules, line_pitch(lines[start:]))
    if bands is None:
        return [list(c) for c in cells[:count]]
    rows: list[list[str]] = []
    for band in (band for band in bands if band[0] < count):
        if band[-1] < start:
            rows += [list(cells[i]) for i in band]
        else:
            rows.append(joined([cells[i] for i in band if i < count]))
    return rows


def logical_rows(lines: list[Line], line_cells: list[list[str]],
                 rules: list[Rule] | None = None, lead: int = 0, cut: float | None = None,
                 words: CellWords | None = None, columns: list[tuple[float, float]] | None = None) -> list[list[str]]:
    """Join the wrapped lines of a row. Rows are set apart by extra space (cell padding) or by
    a horizontal rule, the lines of one cell follow at the tight pitch of wrapped text: those
    breaks cut the lines into bands, and so does a column whose cell ends where its next begins
    (_cell_cut: a merged cell's lines may hide the padding). A band with one value line is one row, wherever its
    value line sits (renderers align cells to the top, the middle or the bottom). A band with
    several value lines holds rows not set apart: the numbers tell where they start, and the
    table's own alignment which of them its text-only lines belong to. Cells of joined lines
    keep their line breaks, as in a ruled table's cells. Where all lines are evenly spaced and
    unruled, spacing tells nothing and the lines stay rows of their own (the fact readers
    join text-only lines as for camelot), but for the `lead` text lines above the first value
    line that the space under the header tied to it (see body_index). `cut`: the step that sets
    rows apart, found on another part of the table (row_bands); lines that show no step that wide
    are one band (a table start at a page bottom holding one row). `words`: each line's words by
    column (the cells' own words measure a column's steps, cell_layout._cell_step); `columns`: their
    bounds (a line of one cell across the first gutter is a row of its own, _spanning_apart)."""
    if not lines:
        return []
    spaced, cuts = row_bands(lines, rules or [], cut=cut), cell_cuts(lines, line_cells, words)
    bands = _cell_cut(spaced, cuts) if spaced else cuts
    if bands is None and cut is not None:
        bands = [list(range(len(lines)))]
    if bands is None:
        bands = [list(range(lead + 1))] + [[i] for i in range(lead + 1, len(lines))]
    bands = _column_numbers_apart(bands, line_cells)
    valued = [_holds_values(cells) for cells in line_cells]
    bands = _spanning_apart(bands, line_cells, valued, words, columns)
    cells = cell_bands(lines, line_cells, words)
    alignment = cell_alignment(bands, valued, cells)
    ruled = _rows_ruled(lines, bands, rules or [])
    if alignment == "bottom":
        bands = [part for band in bands for part in _head_apart(band, line_cells, valued)]
    padded = padded_lines(lines) if alignment == "top" else set()
    rows: list[list[str]] = []
    for band in bands:
        groups = [band] if ruled and _values_apart(band, line_cells) else \
            split_band(band, line_cells, valued, alignment, padded, cells)
        rows += [_joined_row([line_cells[i] for i in group], [valued[i] for i in group]) for group in groups]
    return rows


def _cell_cut(bands: list[list[int]], cuts: list[list[int]] | None) -> list[list[int]]:
    """The bands of the spacing, cut further where a column's cells cut them (cell_layout.cell_cuts): a
    cell merged over two rows runs on at the pitch of wrapped text beside both and hides the padding
    between them, which the other columns' cells show. Cells aligned to the top: the rest of a row the
    page break cut ('Pencari Kerja' / 'Terdaftar' beside 'pencari kerja' / 'dan' / 'perlindungan', over
    'tenaga kerja | Persentase 14.00 ...', jambi_html_711); to the bottom: two rows read as one band, their
    alignment misread from it ('Terdaftar 45.00 ...' over 'Meningkatnya' / 'penyerapan | Persentase',
    jambi_libreoffice_332)."""
    starts = {cut[0] for cut in cuts or []}
    out: list[list[int]] = []
    for band in bands:
        part: list[int] = []
        for index in band:
            if index in starts and part:
                out.append(part)
                part = []
            part.append(index)
        out.append(part)
    return out


def _spanning_apart(bands: list[list[int]], line_cells: list[list[str]], valued: list[bool],
                    words: CellWords | None, columns: list[tuple[float, float]] | None) -> list[list[int]]:
    """The bands with each text-only line that is one cell across the first gutter from the table's
    left edge (cell_layout.spans_first_gutter) set apart as a band of its own, where the first column
    numbers the rows (its cells on the value lines are row numbers, two or more): a row's number cell
    holds its number alone and a name never wraps into it, so text starting there and running into the
    names is a cell merged across them ('BIDANG PENTA' over '1.  PROGRAM PELATIHAN ...'), a row of
    its own, neither a wrapped line of the row above (cells aligned to the top) nor of the row below
    (to the bottom)."""
    numbers = [cells[0] for cells, value in zip(line_cells, valued) if value and cells and cells[0]]
    if words is None or len(numbers) < 2 or not all(is_row_number(number) for number in numbers):
        return bands
    left = min((w.x0 for cells, value in zip(words, valued) if value and cells for w in cells[0]), default=0.0)
    apart = {i for i in range(len(words)) if not valued[i] and spans_first_gutter(words[i], columns or [], left)}
    out: list[list[int]] = []
    for band in bands:
        part: list[int] = []
        for index in band:
            if index in apart:
                out += [part] if part else []
                out.append([index])
                part = []
            else:
                part.append(index)
        out += [part] if part else []
    return out


def text_runs(line_cells: list[list[str]]) -> list[list[int]]:
    """Lines of text alone (no values) cut where the lines above print in other columns than the lines
    below: the cells of one row print side by side, some line holding two of them whatever their
    alignment; runs of lines one under the other in columns apart are the cells of two rows (at a page
    top, the last words of a name the page break cut, then a heading 'BIDANG UMKM' across the number
    column). Lines holding values stay one row (a cut row's amounts under the rest of its name)."""
    if any(_holds_values(cells) for cells in line_cells):
        return [list(range(len(line_cells)))]
    for k in range(1, len(line_cells)):
        above = {col for cells in line_cells[:k] for col, cell in enumerate(cells) if cell}
        below = {col for cells in line_cells[k:] for col, cell in enumerate(cells) if cell}
        if above and below and not above & below:
            return [list(range(k))] + [[k + i for i in run] for run in text_runs(line_cells[k:])]
    return [list(range(len(line_cells)))]


def _head_apart(band: list[int], line_cells: list[list[str]], valued: list[bool]) -> list[list[int]]:
    """A band of cells aligned to the bottom, cut in two where its first text-only lines, in capitals, print in
    columns that the next line leaves empty and a line below prints in again: a cell aligned to the
    bottom has its lines one under the other, so one column's two runs of lines are two cells, and
    these lines a row above (a heading 'BIDANG UMKM' over the row's number '1.', the padding under
    it shrunk by a page break cutting the row below)."""
    for k in range(1, len(band)):
        if valued[band[k - 1]] or not _in_capitals(line_cells[band[k - 1]]):
            break
        columns = {col for i in band[:k] for col, cell in enumerate(line_cells[i]) if cell}
        if not any(_prints(line_cells[band[k]], col) for col in columns) and \
                any(_prints(line_cells[i], col) for i in band[k + 1:] for col in columns):
            return [band[:k], band[k:]]
    return [band]


def _in_capitals(cells: list[str]) -> bool:
    """A heading's line: its letters all in capitals (a name's wrapped line is in mixed case)."""
    return capitals_share(" ".join(cells)) == 1.0


def _prints(cells: list[str], column: int) -> bool:
    return column < len(cells) and bool(cells[column])


def _rows_ruled(lines: list[Line], bands: list[list[int]], rules: list[Rule]) -> bool:
    """A rule is drawn between every two bands (three bands or more): each ruled band is one row."""
    width = (min(line.x0 for line in lines), max(line.x1 for line in lines))
    return len(bands) >= 3 and all(ruled_between(lines[band[0] - 1], lines[band[0]], rules, width)
                                   for band in bands[1:])


def _values_apart(band: list[int], line_cells: list[list[str]]) -> bool:
    """The band's lines never hold two values in one column (a renderer may set a row's amounts on
    different lines of its ruled band: 'Rp 6,847,986,125.50' on the first, the realisation on the
    last)."""
    columns = [col for i in band for col, cell in enumerate(line_cells[i]) if looks_numeric(cell)]
    return len(columns) == len(set(columns))


def _column_numbers_apart(bands: list[list[int]], line_cells: list[list[str]]) -> list[list[int]]:
    """The bands with the body's first line set apart when it numbers the columns ('1 2 3 4 5'):
    a row of its own, also when the page break left a row's last lines right under it with no
    padding above them (a table continued under its repeated header)."""
    if len(bands[0]) < 2 or bands[0][0] != 0 or not is_running_count(line_cells[0]):
        return bands
    return [[0], bands[0][1:]] + bands[1:]


def _holds_values(cells: list[str]) -> bool:
    return any(looks_numeric(c) or is_row_number(c) for c in cells if c)


def split_band(band: list[int], line_cells: list[list[str]], valued: list[bool], alignment: str,
               padded: set[int] = frozenset(), cells: list[list[int]] = ()) -> list[list[int]]:
    """Rows of a band: a value line whose numbers clash with those gathered starts a row; a
    text-only line goes with the value line below it (cells aligned to the bottom), the
    nearest one (middle: first the lines of a cell wrapped around one value line, _cell_rows, then
    each other line with the nearest line gathered) or the one above it (top). With cells aligned
    to the top, text-only lines above the band's first value line, a row's padding (`padded`,
    row_spacing.padded_lines) above it, are a row of their own (_lead_apart)."""
    if alignment == "top" and (lead := _lead_apart(band, valued, padded)):
        return [lead] + split_band(band[len(lead):], line_cells, valued, alignment)
    if sum(valued[i] for i in band) < 2:
        return [band]
    if alignment == "bottom":
        tops = _numbered_tops(band, line_cells, valued, cells)
        return [group[::-1] for group in _grouped(band[::-1], line_cells, tops)][::-1]
    if alignment == "top":
        return _grouped(band, line_cells)
    groups = _grouped([i for i in band if valued[i]], line_cells)
    tied = _cell_rows(band, groups, cells, line_cells, valued)
    for index, row in tied.items():
        groups[row].append(index)
    for index in (i for i in band if not valued[i] and i not in tied):
        nearest = min(groups, key=lambda group: min(abs(index - i) for i in group))
        nearest.append(index)
    return [sorted(group) for group in groups]


def _cell_rows(band: list[int], groups: list[list[int]], cells: list[list[int]],
               line_cells: list[list[str]], valued: list[bool]) -> dict[int, int]:
    """Text-only lines of the band and the row (index in `groups`) a cell ties them to: a cell
    (cell_layout.cell_bands, one column's wrapped lines) whose lines run across one line of
    values (numbers in two columns or more: a row number alone may stand in a merged cell) and no
    other, centred on it (_centred), is its row's. Gathered line by line, a name's first line
    sharing a line with a cell merged over two rows went with the row above ('Persentase' beside
    'perlindungan tenaga kerja', under 'Terdaftar'). Lines that cells tie to two rows are left out."""
    numbers = [i for i, line in enumerate(line_cells) if sum(looks_numeric(c) for c in line if c) >= 2]
    row_of = {i: at for at, group in enumerate(groups) for i in group}
    rows: dict[int, set[int]] = {}
    for cell in cells:
        across = [i for i in numbers if cell[0] <= i <= cell[-1]]
        if len(across) != 1 or across[0] not in row_of or not _centred(cell, across[0]):
            continue
        for index in (i for i in cell if i in band and not valued[i]):
            rows.setdefault(index, set()).add(row_of[across[0]])
    return {index: next(iter(tied)) for index, tied in rows.items() if len(tied) == 1}


def _centred(cell: list[int], value: int) -> bool:
    """The cell has as many lines above its value line as below it, one more on a side at most (an
    even count, the value line between its two middle lines): a cell merged over two rows, centred
    between their value lines, reaches farther on one side of either ('Meningkatnya kualitas' /
    'koperasi dan usaha mikro' / 'kecil menengah 8.00 ...')."""
    above, below = sum(i < value for i in cell), sum(i > value for i in cell)
    return abs(above - below) <= 1


def _lead_apart(band: list[int], valued: list[bool], padded: set[int]) -> list[int]:
    """The text-only lines that open a band of cells aligned to the top, a row's padding above its
    first value line: a row's cells all start on its value line, so these lines are no part of that
    row but the rest of a row the page break cut, printed under the repeated header ('Perizinan
    Kendaraan Dinas' / 'Operasional atau Lapangan'), or a heading ('BIDANG PENTA'), which the band
    took in because rows rounded to whole pixels stand a little closer than its cut. Lines at the
    pitch of wrapped text above the value line are its cell's (cells aligned to the middle, the
    alignment misread). None when the band holds no value line."""
    first = next((k for k, i in enumerate(band) if valued[i]), 0)
    return band[:first] if first and band[first] in padded else []


def _numbered_tops(band: list[int], line_cells: list[list[str]], valued: list[bool],
                   cells: list[list[int]]) -> set[int]:
    """Lines of a band aligned to the bottom that hold a row number and no other value, in mixed case,
    and open a cell running on into the next line: the top of a row whose number cell, merged with the
    next row's, is aligned to its top ('2 | Meningkatnya | Persentase' over 'Koperasi' / 'Berkualitas
    46.80 ...'), not a row of their own. A heading in capitals stays apart (_head_apart)."""
    numbers_only = {i for i in band if not _in_capitals(line_cells[i])
                    and sum(is_row_number(c) for c in line_cells[i][:2] if c) == 1  # where _starts_row reads it
                    and not any(looks_numeric(c) for c in line_cells[i][2:] if c)}
    return {i for i in numbers_only if any(i in cell and i + 1 in cell for cell in cells)}


def _grouped(order: list[int], line_cells: list[list[str]], tops: set[int] = frozenset()) -> list[list[int]]:
    """Lines in reading order (or its reverse) gathered until one starts a new row; a line of `tops`
    (_numbered_tops), read upwards, is the top line of the row gathered below it unless that row has its
    number already."""
    groups = [[order[0]]]
    cells = list(line_cells[order[0]])
    for index in order[1:]:
        numbered = any(is_row_number(c) for c in cells[:2] if c)  # as _starts_row reads a row's number
        if _starts_row(cells, line_cells[index]) and not (index in tops and not numbered):
            groups.append([index])
            cells = list(line_cells[index])
        else:
            groups[-1].append(index)
            cells = [a or b for a, b in zip(cells, line_cells[index])]
    return groups


def joined(rows: list[list[str]]) -> list[str]:
    """Several lines' cells as one row, each cell's lines kept apart by line breaks."""
    return ["\n".join(c for c in column if c) for column in zip(*rows)]


def _joined_row(lines: list[list[str]], valued: list[bool]) -> list[str]:
    """The cells of a row's lines joined. A cell aligned to the bottom or the middle prints the
    row number on the value line, below the first lines of the row's text ('Koordinasi dan' /
    '2. Laporan Keuangan'): the number goes back to the front of its cell. A number followed by
    a word in brackets is the count of the text, written out again ('dalam' / '1 (satu) Daerah')."""
    at = valued.index(True) if True in valued else 0
    lines = [list(cells) for cells in lines]
    for column, text in enumerate(lines[at]):
        number, _, rest = text.partition(" ")
        above = [cells for cells in lines[:at] if cells[column]]
        if above and rest and is_row_number(number) and not looks_numeric(rest) and not opens_spelled_out(rest):
            lines[at][column] = rest
            above[0][column] = f"{number} {above[0][column]}"
    return joined(lines)


def _starts_row(row: list[str], cells: list[str]) -> bool:
    if is_column_number_row(row) or is_column_number_row(cells):
        return True
    numbered = any(is_row_number(c) or looks_numeric(c) for c in cells[:2] if c)
    repeats = any(looks_numeric(c) and looks_numeric(r) for r, c in zip(row, cells) if c and r)
    return numbered or repeats
