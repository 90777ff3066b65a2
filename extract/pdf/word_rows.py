"""Rows of a block of table lines: its lines cut into bands by extra space (cell padding) and by
horizontal rules, a band split where its value lines clash, and the lines of a row joined cell by
cell, whether the renderer aligned the cells to the top, the middle or the bottom."""
from __future__ import annotations

from statistics import median

from extract.model import Line, Word
from extract.numerals import is_column_number_row, is_row_number, is_running_count, looks_numeric
from extract.pdf.line_kinds import EDGE_ALIGNED, body_start, header_words_in, names_columns
from extract.pdf.page_words import LEVEL_GAP, Rule, levels, seat, seated_height

ROW_GAP = 1.25  # line pitches from one line down to the next beyond which cell padding parts them


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
    """How many of the last lines above the first value line are its row's text, not header: each
    of their words is one of letters, no header word, and starts on a left edge where words of two
    body lines or more start (a name column's text, left-aligned; header words are centred or
    another column's). A table with little cell padding sets them no farther from the header than
    from each other (cells aligned to the middle: 'Persentase' / 'Penempatan' over '45.00')."""
    def on_edge(word: Word) -> bool:
        shared = sum(any(abs(w.x0 - word.x0) <= EDGE_ALIGNED for w in line.words) for line in body)
        return shared >= 2 and word.text[:2].isalpha() and not header_words_in(word.text)
    count = 0
    for line in reversed(lines):
        if not all(on_edge(w) for w in line.words):
            break
        count += 1
    return count


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
                 rules: list[Rule] | None = None, lead: int = 0, cut: float | None = None) -> list[list[str]]:
    """Join the wrapped lines of a row. Rows are set apart by extra space (cell padding) or by
    a horizontal rule, the lines of one cell follow at the tight pitch of wrapped text: those
    breaks cut the lines into bands. A band with one value line is one row, wherever its
    value line sits (renderers align cells to the top, the middle or the bottom). A band with
    several value lines holds rows not set apart: the numbers tell where they start, and the
    table's own alignment which of them its text-only lines belong to. Cells of joined lines
    keep their line breaks, as in a ruled table's cells. Where all lines are evenly spaced and
    unruled, spacing tells nothing and the lines stay rows of their own (the fact readers
    join text-only lines as for camelot), but for the `lead` text lines above the first value
    line that the space under the header tied to it (see body_index). `cut`: the step that sets
    rows apart, found on another part of the table (row_bands)."""
    if not lines:
        return []
    bands = row_bands(lines, rules or [], cut=cut) or _cell_cuts(lines, line_cells)
    if bands is None:
        bands = [list(range(lead + 1))] + [[i] for i in range(lead + 1, len(lines))]
    bands = _column_numbers_apart(bands, line_cells)
    valued = [_holds_values(cells) for cells in line_cells]
    alignment = cell_alignment(bands, valued, cell_bands(lines, line_cells))
    ruled = _rows_ruled(lines, bands, rules or [])
    if alignment == "bottom":
        bands = [part for band in bands for part in _head_apart(band, line_cells, valued)]
    rows: list[list[str]] = []
    for band in bands:
        groups = [band] if ruled and _values_apart(band, line_cells) else \
            split_band(band, line_cells, valued, alignment)
        rows += [_joined_row([line_cells[i] for i in group], [valued[i] for i in group]) for group in groups]
    return rows


def _head_apart(band: list[int], line_cells: list[list[str]], valued: list[bool]) -> list[list[int]]:
    """A band of cells aligned to the bottom, cut in two where its first text-only lines print in
    columns that the next line leaves empty and a line below prints in again: a cell aligned to the
    bottom has its lines one under the other, so one column's two runs of lines are two cells, and
    these lines a row above (a heading 'BIDANG UMKM' over the row's number '1.', the padding under
    it shrunk by a page break cutting the row below)."""
    for k in range(1, len(band)):
        if valued[band[k - 1]]:
            break
        columns = {col for i in band[:k] for col, cell in enumerate(line_cells[i]) if cell}
        if not any(_prints(line_cells[band[k]], col) for col in columns) and \
                any(_prints(line_cells[i], col) for i in band[k + 1:] for col in columns):
            return [band[:k], band[k:]]
    return [band]


def _prints(cells: list[str], column: int) -> bool:
    return column < len(cells) and bool(cells[column])


def _rows_ruled(lines: list[Line], bands: list[list[int]], rules: list[Rule]) -> bool:
    """A rule is drawn between every two bands (three bands or more): each ruled band is one row."""
    width = (min(line.x0 for line in lines), max(line.x1 for line in lines))
    return len(bands) >= 3 and all(_ruled_between(lines[band[0] - 1], lines[band[0]], rules, width)
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


def row_bands(lines: list[Line], rules: list[Rule], pitch: float | None = None,
              cut: float | None = None) -> list[list[int]] | None:
    """Indexes of the lines cut where a line follows more than ROW_GAP line pitches below the one
    above (or the block's own row padding, _padded_step; or `cut`, found on another part of the
    table), or below a rule. None when nothing cuts them (evenly spaced, unruled lines)."""
    width = (min(line.x0 for line in lines), max(line.x1 for line in lines))
    steps = _steps(lines)
    cut = min(_row_cut(lines, steps, pitch), cut or float("inf"))
    bands = [[0]]
    for index, (above, line) in enumerate(zip(lines, lines[1:]), start=1):
        if (steps[index - 1] > cut and not _columns_follow(above, line, cut)) or \
                _ruled_between(above, line, rules, width):
            bands.append([index])
        else:
            bands[-1].append(index)
    return bands if len(bands) > 1 else None


def _columns_follow(above: Line, line: Line, cut: float) -> bool:
    """Every pair of words one above the other in the two lines steps no more than `cut`: each
    column they share goes on at the pitch of wrapped text, though the lines' baselines are farther
    apart (a line of two levels sits at its upper one: a row number and a merged cell's text set a
    little higher than the name beside them, 'Persentase' under '2 koperasi dan'). Only where one of
    the lines holds two levels: else the baselines tell."""
    if len(levels(above.words)) < 2 and len(levels(line.words)) < 2:
        return False
    steps = _pair_steps(above, line)
    return bool(steps) and max(steps) <= cut


def row_cut(lines: list[Line]) -> float:
    """The least step from a line down to the next that sets two rows apart: ROW_GAP line pitches,
    or less where the block shows its own row padding (_padded_step)."""
    return _row_cut(lines, _steps(lines))


def _row_cut(lines: list[Line], steps: list[float], pitch: float | None = None) -> float:
    pitch = pitch or line_pitch(lines)
    return min(ROW_GAP * pitch, _padded_step(steps, pitch, median(w.height for line in lines for w in line.words)))


def _steps(lines: list[Line]) -> list[float]:
    bases = _baselines(lines)
    return [a - b for a, b in zip(bases, bases[1:])]


PADDED_ROWS = 3  # steps of one width above the pitch that make a table's row padding


def _padded_step(steps: list[float], pitch: float, height: float) -> float:
    """The least step that sets rows apart, when the block's steps between the pitch of wrapped
    text and ROW_GAP pitches are all one width, a fifth of a word height or more above the pitch,
    and found three times or more: a thin cell padding (large type, rows a line and a quarter
    apart or less), the same under every row. Otherwise infinite."""
    wider = [step for step in steps if pitch + 0.05 * height < step <= ROW_GAP * pitch]
    if len(wider) < PADDED_ROWS or min(wider) < pitch + 0.2 * height or max(wider) - min(wider) > 0.1 * height:
        return float("inf")
    return min(wider) - 0.05 * height


def line_pitch(lines: list[Line]) -> float:
    """Spacing of the wrapped lines of one cell: the smallest step from a line to the nearest
    line above it sharing a column. Lines of different columns are left out, because a cell
    aligned to the middle puts its one value line half a pitch from the text of its neighbours.
    A line holding two levels (a name's line and the values of a cell aligned to the middle, or a
    header cell's lines beside a centred one) is measured level by level: its name level follows
    the name's other line at the pitch ('Penataan ... Daerah' / values / 'Kabupaten/Kota'). Words
    sit where _level_seats put them (a first glyph hanging below its line counts from its seat, a
    taller glyph box from its middle)."""
    height = median(w.height for line in lines for w in line.words)
    rows = [level for line in lines for level in _level_seats(line.words, lines)]
    steps = [step for at in range(1, len(rows))
             if (step := _column_step(rows[:at], rows[at])) is not None and step >= 0.6 * height]
    if steps:
        return min(steps)
    bases = _baselines(lines)
    all_steps = [a - b for a, b in zip(bases, bases[1:])]
    return min(all_steps) if all_steps else height


def _level_seats(words: list[Word], lines: list[Line]) -> list[list[tuple[Word, float]]]:
    """A line's words with the seat of a word of the usual height (_centred_seat: some fonts give
    an italic glyph the font's whole box), cut top to bottom where the seats step by LEVEL_GAP."""
    height = median(seated_height(w) for line in lines for w in line.words)
    order = sorted(((w, _centred_seat(w, height)) for w in words), key=lambda pair: -pair[1])
    parts = [[order[0]]]
    for pair in order[1:]:
        if parts[-1][-1][1] - pair[1] >= LEVEL_GAP * height:
            parts.append([pair])
        else:
            parts[-1].append(pair)
    return parts


def _column_step(above: list[list[tuple[Word, float]]], level: list[tuple[Word, float]]) -> float | None:
    """Step from a level up to the nearest of the levels `above` that shares a column: between the
    words one above the other, not the lines' baselines."""
    for other in reversed(above):
        steps = [sa - sb for a, sa in other for b, sb in level if a.x0 < b.x1 and b.x0 < a.x1]
        if steps:
            return median(steps)
    return None


def _baselines(lines: list[Line]) -> list[float]:
    """Where each line sits: the middle bottom of its words of the usual height. A word set in
    another font (a formula, a symbol) has a deeper box and would move the line. A line of two
    levels (page_words.levels: a cell aligned to the middle half a pitch off its neighbours) sits
    at its upper level, the one that follows the line above at the pitch of wrapped text. A line
    of taller words only sits where its words' middles put a word of the usual height: some fonts
    (LibreOffice's italic) give every glyph the font's whole box, a descent below the baseline."""
    height = median(seated_height(w) for line in lines for w in line.words)
    bases = []
    for line in lines:
        usual = [w for w in line.words if abs(seated_height(w) - height) <= 0.2 * height]
        if usual:
            bases.append(median(seat(w) for w in levels(usual)[0]))
        else:
            bases.append(median(_centred_seat(w, height) for w in levels(line.words)[0]))
    return bases


def _centred_seat(word: Word, height: float) -> float:
    """The seat of a word of the usual height centred on the word's box, if that box is taller."""
    return (word.top + seat(word) - height) / 2 if seated_height(word) > height else seat(word)


def _ruled_between(above: Line, line: Line, rules: list[Rule], width: tuple[float, float]) -> bool:
    """A rule between the two lines' middles that spans half the table or more."""
    low, high = (line.bottom + line.top) / 2, (above.bottom + above.top) / 2
    x0, x1 = width
    return any(low < rule.y < high and min(rule.x1, x1) - max(rule.x0, x0) >= 0.5 * (x1 - x0) for rule in rules)


def _holds_values(cells: list[str]) -> bool:
    return any(looks_numeric(c) or is_row_number(c) for c in cells if c)


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
    pitch, bases = line_pitch(lines), _baselines(lines)
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
    steps = _pair_steps(above, line)
    return median(steps) if steps else otherwise


def _pair_steps(above: Line, line: Line) -> list[float]:
    """Steps from each word of the line up to each word of the line above that shares its width."""
    return [seat(a) - seat(b) for a in above.words for b in line.words if a.x0 < b.x1 and b.x0 < a.x1]


def _cell_cuts(lines: list[Line], line_cells: list[list[str]]) -> list[list[int]] | None:
    """Bands cut where a column's cell of two lines or more ends and its next one of two or more
    begins, the cell padding between them, when no other cell runs across that place: the padding
    no step between lines shows because a cell merged over the rows (its lines spanning two value
    lines that clash) sets its wrapped lines in between, aligned to the middle. A value cell of one
    line sets no cut (evenly spaced rows of wrapped text apart every two lines). None without cuts."""
    columns = _column_cells(lines, line_cells)
    cells = [cell for column in columns for cell in column
             if not any(_clash(line_cells[a], line_cells[b]) for a in cell for b in range(a + 1, cell[-1] + 1))]
    cuts = sorted({after[0] for column in columns for before, after in zip(column, column[1:])
                   if len(before) > 1 and len(after) > 1
                   and not any(cell[0] < after[0] <= cell[-1] for cell in cells)})
    if not cuts:
        return None
    return [list(range(a, b)) for a, b in zip([0, *cuts], [*cuts, len(lines)])]


def _clash(cells: list[str], others: list[str]) -> bool:
    """Two lines hold a value in one column: two rows' value lines."""
    return any(looks_numeric(a) and looks_numeric(b) for a, b in zip(cells, others))


def split_band(band: list[int], line_cells: list[list[str]], valued: list[bool], alignment: str) -> list[list[int]]:
    """Rows of a band: a value line whose numbers clash with those gathered starts a row; a
    text-only line goes with the value line below it (cells aligned to the bottom), the
    nearest one (middle) or the one above it (top)."""
    if sum(valued[i] for i in band) < 2:
        return [band]
    if alignment == "bottom":
        return [group[::-1] for group in _grouped(band[::-1], line_cells)][::-1]
    if alignment == "top":
        return _grouped(band, line_cells)
    groups = _grouped([i for i in band if valued[i]], line_cells)
    for index in (i for i in band if not valued[i]):
        nearest = min(groups, key=lambda group: min(abs(index - i) for i in group))
        nearest.append(index)
    return [sorted(group) for group in groups]


def _grouped(order: list[int], line_cells: list[list[str]]) -> list[list[int]]:
    """Lines in reading order (or its reverse) gathered until one starts a new row."""
    groups = [[order[0]]]
    cells = list(line_cells[order[0]])
    for index in order[1:]:
        if _starts_row(cells, line_cells[index]):
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
    '2. Laporan Keuangan'): the number goes back to the front of its cell."""
    at = valued.index(True) if True in valued else 0
    lines = [list(cells) for cells in lines]
    for column, text in enumerate(lines[at]):
        number, _, rest = text.partition(" ")
        above = [cells for cells in lines[:at] if cells[column]]
        if above and rest and is_row_number(number) and not looks_numeric(rest):
            lines[at][column] = rest
            above[0][column] = f"{number} {above[0][column]}"
    return joined(lines)


def _starts_row(row: list[str], cells: list[str]) -> bool:
    if is_column_number_row(row) or is_column_number_row(cells):
        return True
    numbered = any(is_row_number(c) or looks_numeric(c) for c in cells[:2] if c)
    repeats = any(looks_numeric(c) and looks_numeric(r) for r, c in zip(row, cells) if c and r)
    return numbered or repeats
