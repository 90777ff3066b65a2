"""The spacing of a block of table lines: the pitch of wrapped text (the lines of one cell), the
step that sets two rows apart (cell padding, ROW_GAP pitches or the block's own padding), and the
bands of lines it cuts, with the page's horizontal rules."""
from __future__ import annotations

from statistics import median

from extract.model import Line, Word
from extract.numerals import is_running_count, looks_numeric
from extract.pdf.drawn_rules import Rule
from extract.pdf.page_words import LEVEL_FLAT, LEVEL_GAP, levels, seat, seated_height

ROW_GAP = 1.2  # line pitches from one line down to the next from which on cell padding parts them


def row_bands(lines: list[Line], rules: list[Rule], pitch: float | None = None,
              cut: float | None = None) -> list[list[int]] | None:
    """Indexes of the lines cut where a line follows ROW_GAP line pitches or more below the one
    above (or the block's own row padding, _padded_step; or `cut`, found on another part of the
    table), or below a rule. None when nothing cuts them (evenly spaced, unruled lines). A step of
    exactly ROW_GAP pitches cuts: a renderer rounding to whole pixels (0.75 pt) sets a quarter pitch
    of padding on the cut itself (Chromium: wrapped lines 12.0 pt apart, rows 15.75 pt, some 15.0 pt)."""
    width = (min(line.x0 for line in lines), max(line.x1 for line in lines))
    steps = _steps(lines)
    cut = min(_row_cut(lines, steps, pitch), cut or float("inf"))
    height = median(seated_height(w) for line in lines for w in line.words)
    bands = [[0]]
    for index, (above, line) in enumerate(zip(lines, lines[1:]), start=1):
        if (steps[index - 1] >= cut and not _columns_follow(above, line, cut, height)) or \
                ruled_between(above, line, rules, width):
            bands.append([index])
        else:
            bands[-1].append(index)
    return bands if len(bands) > 1 else None


def _columns_follow(above: Line, line: Line, cut: float, height: float) -> bool:
    """Every pair of words one above the other in the two lines steps no more than `cut`: each
    column they share goes on at the pitch of wrapped text, though the lines' baselines are farther
    apart (a line of two levels sits at its upper one: a row number and a merged cell's text set a
    little higher than the name beside them, 'Persentase' under '2 koperasi dan'). Only where one of
    the lines holds two levels or its words sit at more than one height (cells aligned to the middle,
    each a fraction of a pitch off the next: 'Perusahaan Dgn' over 'tenaga kerja' over the values):
    else the baselines tell. Words sit where a word of the block's usual `height` centred on their box
    would (_centred_seat): LibreOffice gives an italic glyph the font's whole box, its bottom the
    font's descent below the baseline, and an italic name beside upright values read as two heights,
    its step to the next row's name a descent short of the padding ('Administrasi Umum Perangkat
    Daerah' over 'Penyediaan Komponen Instalasi', a row apart)."""
    if not (_uneven(above, height) or _uneven(line, height)):
        return False
    steps = [_centred_seat(a, height) - _centred_seat(b, height)
             for a in above.words for b in line.words if a.x0 < b.x1 and b.x0 < a.x1]
    return bool(steps) and max(steps) <= cut


def _uneven(line: Line, height: float) -> bool:
    """The line's words sit at more than one height (two levels or less apart): their seats (as a word
    of the usual `height` centred on the box, _centred_seat) differ by more than one baseline's play."""
    seats = [_centred_seat(w, height) for w in line.words]
    return max(seats) - min(seats) > LEVEL_FLAT * median(seated_height(w) for w in line.words)


def row_cut(lines: list[Line]) -> float:
    """The least step from a line down to the next that sets two rows apart: ROW_GAP line pitches,
    or less where the block shows its own row padding (_padded_step), unless rows follow each other
    at the pitch (_rows_at_pitch)."""
    return _row_cut(lines, _steps(lines))


def _row_cut(lines: list[Line], steps: list[float], pitch: float | None = None) -> float:
    own, pitch = pitch is None, pitch or line_pitch(lines)
    height = median(w.height for line in lines for w in line.words)
    if own and _rows_at_pitch(lines, steps, pitch, height) >= PADDED_ROWS:
        return ROW_GAP * pitch
    return min(ROW_GAP * pitch, _padded_step(steps, pitch, height, _body_steps(lines, steps)))


def _rows_at_pitch(lines: list[Line], steps: list[float], pitch: float, height: float) -> int:
    """How many steps at the pitch part two lines that each print two numbers or more: two rows'
    value lines, not a cell's wrapped lines. Where PADDED_ROWS rows or more follow each other at the
    pitch (no name wraps), the pitch is a row's step, and a wider step no padding but a taller row
    (_row_cut: an indent set in the body's larger type stands 'Penyediaan Gaji dan Tunjangan ASN'
    18.8 pt under the row above, an unindented 'ADMINISTRASI KEUANGAN' 17.1 pt). Only on the block's
    own pitch: a pitch handed in (header_bands reads a header with the body's) keeps the padded
    step, the one step that parts a header's lines set half a row apart from the column numbers
    ('Realisasi' / 'No Program Alokasi Anggaran' / 'Anggaran %' over '1 2 3 4')."""
    valued = [sum(looks_numeric(w.text) for w in line.words) >= 2 for line in lines]
    return sum(step <= pitch + 0.05 * height and valued[k] and valued[k + 1] for k, step in enumerate(steps))


def _body_steps(lines: list[Line], steps: list[float]) -> list[float]:
    """The steps between two lines neither of which numbers the columns ('1 2 3 4'): that row is the
    header's last, set in the header's font (bold), and its steps to the lines around it say nothing
    of the width of the body's padding."""
    counts = [is_running_count([w.text for w in line.words]) for line in lines]
    return [step for k, step in enumerate(steps) if not counts[k] and not counts[k + 1]]


def _steps(lines: list[Line]) -> list[float]:
    bases = baselines(lines)
    return [a - b for a, b in zip(bases, bases[1:])]


PADDED_ROWS = 3  # steps of one width above the pitch that make a table's row padding
MIN_PADDING = 0.2  # word heights a row's padding adds at least to the pitch of wrapped text


def _padded_step(steps: list[float], pitch: float, height: float, body: list[float] | None = None) -> float:
    """The least step that sets rows apart, when the block's steps between the pitch of wrapped
    text and ROW_GAP pitches are all one width, a fifth of a word height or more above the pitch,
    and found three times or more: a thin cell padding (large type, rows a line and a quarter
    apart or less), the same under every row. Otherwise infinite. The width is read on the `body`
    steps where given (_body_steps): the step under the column-number row counts as a row's, but
    its width is the header's (14.25 pt in bold over rows 15 pt apart, which hid the padding).
    A word's height is its font's declared box; where the lines stand closer than that box (a
    renderer's fixed leading under a font with a tall box: Noto Sans' 1.36 em under reportlab's
    1.2 em), the fifth is the pitch's (3 pt of padding over a 13.8 pt pitch of 15.6 pt words)."""
    wider = [step for step in steps if pitch + 0.05 * height < step <= ROW_GAP * pitch]
    sized = wider if body is None else [step for step in body if pitch + 0.05 * height < step <= ROW_GAP * pitch]
    if len(wider) < PADDED_ROWS or not sized or min(sized) < pitch + MIN_PADDING * min(height, pitch) or \
            max(sized) - min(sized) > 0.1 * height:
        return float("inf")
    return min(sized) - 0.05 * height


def padded_lines(lines: list[Line]) -> set[int]:
    """Indexes of the lines set below the line above by more than the pitch of wrapped text plus
    MIN_PADDING word heights: a row's padding parts them, even where that step stays under the
    cut of row_bands (a renderer rounding to whole pixels sets rows 15.75 or 16.5 pt apart and
    wrapped lines 12.75 or 13.5 pt)."""
    if len(lines) < 2:
        return set()
    pitch, height = line_pitch(lines), median(w.height for line in lines for w in line.words)
    return {index for index, step in enumerate(_steps(lines), start=1) if step > pitch + MIN_PADDING * height}


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
    bases = baselines(lines)
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


def baselines(lines: list[Line]) -> list[float]:
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


def ruled_between(above: Line, line: Line, rules: list[Rule], width: tuple[float, float]) -> bool:
    """A rule between the two lines' middles that spans half the table or more."""
    low, high = (line.bottom + line.top) / 2, (above.bottom + above.top) / 2
    x0, x1 = width
    return any(low < rule.y < high and min(rule.x1, x1) - max(rule.x0, x0) >= 0.5 * (x1 - x0) for rule in rules)


def pair_steps(above: Line, line: Line) -> list[float]:
    """Steps from each word of the line up to each word of the line above that shares its width."""
    return [seat(a) - seat(b) for a in above.words for b in line.words if a.x0 < b.x1 and b.x0 < a.x1]
