"""Whether a strip of white space between words is a border between two columns: which lines cross it,
and how. A strip that some lines cross may still be a gutter (a long cell text running up to the next
column, a label spanning columns); these tests tell those from a strip inside one cell (its wrapped
lines, a word space of a name) or between a value and its unit. Used by extract/pdf/gutters.py."""
from __future__ import annotations

import re

from extract.model import Line, Word
from extract.numerals import is_column_number_row, is_row_number, looks_numeric
from extract.pdf.line_kinds import COLUMN_GAP, EDGE_ALIGNED, body_start, is_tabular, value_lines


def wrapped_name_lines(lines: list[Line], height: float) -> list[Line]:
    """One-word lines of a name wrapped one word per line in a narrow column, around the tabular
    line of its row: the word starts on the left edge of a word of the nearest tabular line above
    or below. A long word may cross a strip that the row's tabular line leaves clear; that strip
    lies inside the name column. (A group label of its own rows has no tabular line beside it on
    its left edge.)"""
    tabular = [i for i, line in enumerate(lines) if is_tabular(line, height)]
    found = []
    for i, line in enumerate(lines):
        if len(line.words) != 1 or i in tabular:
            continue
        above = max((t for t in tabular if t < i), default=None)
        below = min((t for t in tabular if t > i), default=None)
        near = [lines[t] for t in (above, below) if t is not None]
        if any(abs(w.x0 - line.words[0].x0) <= EDGE_ALIGNED for other in near for w in other.words):
            found.append(line)
    return found


def cell_text_lines(lines: list[Line], height: float) -> list[Line]:
    """Lines of text of more than one word, no column gap and no number, set in from the table's
    left edge (a label spanning the first columns starts there): a text cell's wrapped lines, set
    on lines of their own beside the row's values (cells aligned to the middle)."""
    x0 = min(line.x0 for line in lines)
    return [line for line in lines if len(line.words) > 1 and not is_tabular(line, height)
            and line.x0 > x0 + height and body_start([line]) == 1]


def bordered(space: tuple[float, float], lines: list[Line], height: float) -> bool:
    """A strip that lines cross is a gutter only where a line leaving it clear has a word on one of its
    edges (ending or starting within a word height of it): a column's edge. Where only the crossing
    lines have words near it, it is their word spaces lining up by chance ('PENDIDIKAN DAN | LATIHAN'
    over 'PEMBERDAYAAN | DAN PERLINDUNGAN', two program labels spanning an empty stretch of columns)."""
    clear = [line for line in lines if not crossed(space, [line])]
    if len(clear) == len(lines):
        return True
    return any(space[0] - height <= w.x1 <= space[0] + 0.5 or space[1] - 0.5 <= w.x0 <= space[1] + height
               for line in clear for w in line.words)


def crossed_by_cell(space: tuple[float, float], lines: list[Line], text: set[int], height: float) -> bool:
    """A tabular line crosses the strip together with a text cell's wrapped line right above or
    below it that crosses it too and starts on the left edge of one of its words: the two are
    lines of one cell as wide as its text ('Pembiayaan, Penguatan Kelembagaan, Penataan Manajemen,'
    under 'Peningkatan Produktivitas, Nilai Tambah, Akses Pasar, Akses'), no label spanning
    columns. A one-line label spanning columns ('1 PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN')
    has no such line beside it; the wrapped lines of other cells elsewhere in the block (another
    program's label) say nothing about it."""
    for i, line in enumerate(lines):
        if not (is_tabular(line, height) and crossed(space, [line])):
            continue
        beside = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines) and id(lines[j]) in text]
        if any(crossed(space, [other]) and any(abs(w.x0 - other.x0) <= EDGE_ALIGNED for w in line.words)
               for other in beside):
            return True
    return False


def crossed_mid_cell(space: tuple[float, float], strips: list[tuple[float, float]], lines: list[Line],
                      wrapped: set[int], height: float) -> bool:
    """A tabular line crosses the strip with a run of words (joined at word spaces) that starts on the
    left edge of the lines right above and right below it, both a text cell's wrapped lines (see
    cell_text_lines, wrapped_name_lines), and crosses no other strip: the line is the middle of a
    cell's text wrapped to three lines or more, so the strip lies inside that cell, however short its
    other lines are. (A line running on across the next columns' gutters too is no line of one cell:
    a goal's line set across a whole row, jepara_libreoffice_whole_0 p. 27.) A name
    column whose cells of other rows hold only a number centred in it ('1.' under 'PROGRAM' for a
    kegiatan of the program) leaves a strip between the names' short lines and the numbers that
    the one long middle line crosses ('PROGRAM | PENEMPATAN TENAGA | KERJA', jambi_reportlab_220
    p. 7, read 'PROGRAM PENEMPATAN KERJA' | 'TENAGA')."""
    for i, line in enumerate(lines[1:-1], start=1):
        if not is_tabular(line, height) or id(lines[i - 1]) not in wrapped or id(lines[i + 1]) not in wrapped:
            continue
        run = _run(line, space, height)
        alone = bool(run) and not any(g != space and crossed(g, [Line(run)]) for g in strips)
        if alone and all(any(abs(w.x0 - run[0].x0) <= EDGE_ALIGNED for w in lines[j].words) for j in (i - 1, i + 1)):
            return True
    return False


MIN_CROSSING_LINES = 3  # lines of text across a strip that show it lies inside their column


def continued_across(space: tuple[float, float], strips: list[tuple[float, float]], lines: list[Line],
                     height: float) -> bool:
    """Lines of text run across the strip (three or more cross it) and the column right of it opens no
    cell: on every line with a word starting in it, the first such word is a word of letters a word
    space after one left of it, the line's text going on. A column's cells start after a column gap,
    or open their line. Word spaces of names wrapped in a wide column, justified, lined up down the
    page, crossed by most of its lines, left out of the search as lines of text ('Penyediaan Jasa
    Pemeliharaan,', 'Operasional atau Lapangan'), and by one program label the search excuses
    ('PRODUKTIVITAS TENAGA KERJA', jambi_reportlab_702 p. 7). The column-number row has no say."""
    # (the column right of it ends where the next strip found begins, whether or not that one is kept)
    end = min((a for a, _ in strips if a >= space[1]), default=float("inf"))
    lines = [line for line in lines if not is_column_number_row([w.text for w in line.words])]
    if sum(crossed(space, [line]) for line in lines) < MIN_CROSSING_LINES:
        return False
    going_on = 0
    for line in lines:
        words = sorted(line.words, key=lambda w: w.x0)
        first = next((k for k, w in enumerate(words) if space[1] - 0.5 <= w.x0 < end), None)
        if first is None:
            continue
        before = words[first - 1] if first > 0 else None
        if before is None or words[first].x0 - before.x1 >= COLUMN_GAP * height \
                or not (_has_letters(before.text) and _text_goes_on(words, first, height)):
            return False
        going_on += 1
    return going_on >= MIN_CROSSING_LINES


def _text_goes_on(words: list[Word], k: int, height: float) -> bool:
    """Word k is one of letters, or a sign a word space before one ('KABUPATEN / KOTA'); a sign with no
    word after it ('%' of a unit column) is none."""
    if _has_letters(words[k].text):
        return True
    after = words[k + 1] if k + 1 < len(words) else None
    return _is_sign(words[k].text) and after is not None \
        and after.x0 - words[k].x1 < COLUMN_GAP * height and _has_letters(after.text)


def _run(line: Line, space: tuple[float, float], height: float) -> list[Word]:
    """The run of words (gaps under a column gap) holding the word that crosses the strip, none if
    no word crosses it."""
    words = sorted(line.words, key=lambda w: w.x0)
    crossing = next((k for k, w in enumerate(words) if w.x0 < space[1] - 0.25 and w.x1 > space[0] + 0.25), None)
    if crossing is None:
        return []
    first = last = crossing
    while first > 0 and words[first].x0 - words[first - 1].x1 < COLUMN_GAP * height:
        first -= 1
    while last + 1 < len(words) and words[last + 1].x0 - words[last].x1 < COLUMN_GAP * height:
        last += 1
    return words[first:last + 1]


def parts_texts(space: tuple[float, float], lines: list[Line], height: float) -> bool:
    """A strip as narrow as a word space that no line crosses (see crossed) is a border between
    two text columns set close (tightly padded or justified cells) where the words right of it
    start on one left edge, on half the lines or more (three at least), and the word nearest its
    left is one of letters on three lines or more (a row number left of a name is no column of
    text), no one word on half of them ('Persentase' opening every indicator name puts the next
    words on one edge). Word spaces inside one column of text do not line up from line to line.
    Nor is one word left of it on more than half of the lines with a word right of it, the lines
    that make the edge: counted on every line, a name's last word wrapped under its first on the
    value line (cells aligned to the bottom: 'Terdaftar', 'Layak' under 'Persentase', nothing right
    of them) left 'Persentase' at half of them (jambi_libreoffice_204 p. 6).
    The words right of it are words, or signs after a word (a unit column holds '%' as often as
    'orang': a narrow indicator column running up to it, jepara_html_143 p. 4); the column-number
    row ('3 4') has no say. A column of one-line cells (the unit) has a word on its rows' value lines
    only: half the lines holding a value will do, where tall rows (names wrapped to many lines,
    set beside each other) make most lines of the block (see _on_value_lines)."""
    starts, lefts, pairs = [], [], []
    lines = [line for line in lines if not is_column_number_row([w.text for w in line.words])]
    for line in lines:
        right = [w for w in line.words if space[1] - 0.5 <= w.x0 <= space[1] + 2 * height]
        left = [w for w in line.words if w.x1 <= space[0] + 0.5]
        before = max(left, key=lambda w: w.x1) if left else None
        if right:
            first = min(right, key=lambda w: w.x0)
            starts.append((first, _has_letters(first.text) or _unit_after_text(first, before, height),
                           before.text.lower() if before is not None and value_lines([line]) else None))
        if before is not None and _has_letters(text := before.text.lower()):
            lefts.append(text)
            pairs += [text] if right else []
    edge = min((w.x0 for w, _, _ in starts), default=0.0)
    aligned = all(w.x0 <= edge + EDGE_ALIGNED and text for w, text, _ in starts)
    various = len(lefts) >= 3 and max(lefts.count(t) for t in lefts) <= len(lefts) / 2
    various = various and max((pairs.count(t) for t in pairs), default=0) <= len(starts) / 2
    often = len(starts) >= max(3, len(lines) / 2) or _on_value_lines([b for _, _, b in starts if b], lines)
    return aligned and often and various


def _on_value_lines(before: list[str], lines: list[Line]) -> bool:
    """Words on one edge right of a strip stand on half the lines holding a value or more (three at
    least), after words of letters there no one of which ends half of them: a row's one-line cells
    share the line of its values, whether its cells are aligned to the top, the middle or the bottom.
    Goals wrapped to up to ten lines in a narrow column beside indicators and sources of two lines or
    more, aligned to the middle, make two to four tabular lines of every row, and the '%' or 'orang'
    of the unit column stood on five of fourteen, after the names' last words (jepara_reportlab_206
    p. 3), or after the row number where the name's lines stand above and below the value line
    (jepara_libreoffice_730 p. 4). A word space inside a cell that many rows repeat ('Sangat | Baik')
    has one word before it."""
    words = [text for text in before if _has_letters(text) or is_row_number(text)]
    return (len(words) >= max(3, value_lines(lines) / 2)
            and max(words.count(text) for text in words) <= len(words) / 2)


def crossed(space: tuple[float, float], lines: list[Line]) -> bool:
    """A word of any line, tabular or not (a cell's wrapped text), lies across the strip."""
    return any(w.x0 < space[1] - 0.25 and w.x1 > space[0] + 0.25 for line in lines for w in line.words)


def _has_letters(text: str) -> bool:
    return re.search(r"[^\W\d_]{2}", text) is not None


def _is_sign(text: str) -> bool:
    """No letter and no digit ('%', '/', '-')."""
    return re.search(r"[^\W_]", text) is None


UNIT_APART = 2.0  # word heights between a number and a sign that is no unit of that number


def _unit_after_text(word: Word, before: Word | None, height: float) -> bool:
    """A sign alone ('%') after a word of letters on its line, or after a number far left of it (the
    row number, where the name's lines stand above and below the value line: cells aligned to the
    middle, jepara_libreoffice_730 p. 4): a unit column's cell, not the unit of the value it follows,
    set a word space after it ('3,70 %')."""
    return _is_sign(word.text) and before is not None and \
        (_has_letters(before.text) or word.x0 - before.x1 > UNIT_APART * height)


def parts_values_from_words(space: tuple[float, float], lines: list[Line], height: float) -> bool:
    """A clear strip as narrow as a word space is a column border where numbers end left of it
    and words of letters start right of it, on three lines or more each and on every line that
    has a word close to it (a right-aligned value column beside a left-aligned text column; the
    value and the word of a row may stand on different lines, as cells are aligned to the middle),
    three of the numbers ending on the strip's edge. The column-number row ('7 8') has no say."""
    numbers, words = [], []
    for line in (line for line in lines if not is_column_number_row([w.text for w in line.words])):
        left = [w for w in line.words if space[0] - 2 * height <= w.x1 <= space[0] + 0.5]
        right = [w for w in line.words if space[1] - 0.5 <= w.x0 <= space[1] + 2 * height]
        if left:
            numbers.append(max(left, key=lambda w: w.x1))
        if right:
            first = min(right, key=lambda w: w.x0)
            words.append(_has_letters(first.text) or _opens_text(first, line, height))
    flush = sum(1 for w in numbers if w.x1 >= space[0] - 1.5)  # right-aligned values end on one edge
    centres = [(w.x0 + w.x1) / 2 for w in numbers]  # centred values share their middle
    centred = max((sum(abs(c - other) <= EDGE_ALIGNED for other in centres) for c in centres), default=0)
    return max(flush, centred) >= 3 and len(words) >= 3 and all(looks_numeric(w.text) for w in numbers) and all(words)


def _opens_text(word: Word, line: Line, height: float) -> bool:
    """The word is a numeral opening a text, the next word a word space on holding letters: a name's
    wrapped line that starts with a number ('1 (satu) Daerah Kabupaten/Kota'), no value."""
    after = [w for w in line.words if word.x1 <= w.x0 <= word.x1 + 0.5 * height]
    return bool(after) and _has_letters(min(after, key=lambda w: w.x0).text)
