"""Columns of a block of table lines: the vertical strips of white space ("gutters") that run through
its body lines, then columns joined where the header or the values show that two are one (a
headless column, a value column aligned two ways)."""
from __future__ import annotations

import re
from statistics import median

from extract.model import Line, Word
from extract.numerals import is_column_number_row, is_year, looks_numeric
from extract.pdf.drawn_rules import Rule
from extract.pdf.gutter_crossings import (
    bordered,
    cell_text_lines,
    continued_across,
    crossed,
    crossed_by_cell,
    crossed_mid_cell,
    parts_texts,
    parts_values_from_words,
    wrapped_name_lines,
)
from extract.pdf.line_kinds import COLUMN_GAP, EDGE_ALIGNED, body_start, header_line, is_tabular
from extract.pdf.word_rows import body_index
from extract.text import AVERAGE_WORDS, TOTAL_WORDS

MIN_COLUMNS = 3




def block_columns(block: list[Line], rules: list[Rule] | None = None) -> list[tuple[float, float]] | None:
    """Column borders of a block: the gutters of its body lines (None below two body lines or
    three columns)."""
    height = median(w.height for line in block for w in line.words)
    header_index = header_line(block, height)
    n_header = body_index(block, header_index, rules or [])
    body = block[n_header:]
    if len(body) < 2:
        return None
    x0 = min(line.x0 for line in block)
    x1 = max(line.x1 for line in block)
    tail = summary_tail(body)
    strips = _cut_at_text_edges(gutters(body, height, tail=tail), body[:len(body) - tail], height)
    strips = sorted(strips + _numbered_gutters(body[:len(body) - tail], strips, height))
    strips = sorted(strips + _headed_gutters(block[header_index:n_header], body, strips, height))
    columns = columns_between(_to_text_ends(strips, body[:len(body) - tail], x0, height), x0, x1)
    header = [w for line in block[header_index:n_header] for w in line.words]
    columns = merge_value_columns(merge_headless_columns(columns, header, body), body)
    return columns if len(columns) >= MIN_COLUMNS else None


def gutters(lines: list[Line], height: float, tolerant: bool = True, tail: int = 0) -> list[tuple[float, float]]:
    """The gutters of the lines (see _strips), and those that only the label of a summary row
    ('Total', 'Jumlah') crosses: a cell merged over the columns of the row number and the name, set
    across them wherever it likes. It has no row number, so in a table of a few rows, too few for the
    search to let a line cross a gutter, a 'Total' reaching from the number column into the names hid
    the border between them (jambi_reportlab_135 p. 9: its rows read with no number column, then not
    taken for sub-kegiatan). The gutters found with the label keep their edges."""
    found = _strips(lines, height, tolerant, tail, labels=True)
    if not any(_summary_label(line, height) for line in lines):
        return found
    more = _strips(lines, height, tolerant, tail, labels=False)
    return sorted(found + [g for g in more if not any(a < g[1] and g[0] < b for a, b in found)])


def _strips(lines: list[Line], height: float, tolerant: bool, tail: int, labels: bool) -> list[tuple[float, float]]:
    """Vertical strips at least ~half a line height wide that no word of a tabular line
    crosses. Lines of one phrase (a group label like 'BIDANG SEKRETARIAT', a wrapped cell)
    are left out: a label may span two columns, and wrapped text lies inside its column.
    A strip that a few lines narrow down to a word space (a long cell text running up to the
    next column) or cross (a summary row's label) is a gutter too, as those lines leave it
    (unless not `tolerant`: the strips that every line leaves clear); so is a strip as narrow
    as a word space between numbers and words (see parts_values_from_words) that only a few
    lines cross ('Rata-rata capaian 104,90 %' under '109,76 Baik'). A strip that a tabular line
    crosses is no gutter where a wrapped line of the same cell, right above or below it, crosses it
    too (see crossed_by_cell): that line is one of the cell's, no label spanning columns.
    The last `tail` lines do not cover strips (see summary_tail), nor, unless `labels`, the label of
    a summary row."""
    tabular = [line for line in lines if is_tabular(line, height)]
    if not tabular:
        return []
    x0 = min(line.x0 for line in tabular)
    step = 0.5
    covered = [0] * (int((max(line.x1 for line in tabular) - x0) / step) + 2)
    body = lines[:len(lines) - tail]
    covering = [line for line in body if is_tabular(line, height)]
    counted = covering + wrapped_name_lines(body, height)
    for line in counted:
        label = set() if labels else {id(w) for w in _summary_label(line, height)}
        # (a wrapped word may reach past the tabular lines: only their span counts)
        for word in (w for w in line.words if id(w) not in label):
            for i in range(max(0, int((word.x0 - x0) / step)), min(len(covered), int((word.x1 - x0) / step) + 1)):
                covered[i] += 1
    few = len(tabular) // 10 if tolerant else 0  # lines that may cross a gutter (of ten lines or more: one)
    strips = []
    for start, end in _runs(covered, few):
        inside = start > 0 and end < len(covered)  # more than a few lines on both sides
        if inside and (end - start) * step >= 0.45 * height:
            found = [(x0 + (start + a) * step, x0 + (start + b) * step)
                     for a, b in _clearest(covered[start:end], few, step, height)]
            strips += [g for g in found if bordered(g, counted, height)]
    spaces = [(x0 + a * step, x0 + b * step) for a, b in _runs(covered, few) if (b - a) * step >= 0.2 * height]
    clear = [(x0 + a * step, x0 + b * step) for a, b in _runs(covered, 0) if (b - a) * step >= 0.2 * height]
    narrow = [g for g in spaces if parts_values_from_words(g, covering, height)]
    narrow += [g for g in clear if parts_texts(g, covering, height) and not crossed(g, body)]
    for g in sorted(narrow) if tolerant else []:  # (a strip both tests find is one gutter)
        if not any(a < g[1] and g[0] < b for a, b in strips):
            strips = sorted(strips + [g])
    text = {id(line) for line in cell_text_lines(body, height)}
    wrapped = text | {id(line) for line in wrapped_name_lines(body, height)}
    return [g for g in strips if not crossed_by_cell(g, body, text, height)
            and not crossed_mid_cell(g, strips, body, wrapped, height)
            and not continued_across(g, strips, body, height)]


# The label of a row summing up the rows above, alone in its first cell ('Total', 'Jumlah', 'Rata-rata').
SUMMARY_LABEL_RE = re.compile(rf"(?:(?:{TOTAL_WORDS}|{AVERAGE_WORDS})\s*)+:?", re.IGNORECASE)


def _summary_label(line: Line, height: float) -> list[Word]:
    """The words of a tabular line's first cell (up to its first column gap) when they are a summary
    row's label and nothing else, else none."""
    words = sorted(line.words, key=lambda w: w.x0)
    gap = next((i for i, g in enumerate(line.gaps()) if g >= COLUMN_GAP * height), None)
    if gap is None or not SUMMARY_LABEL_RE.fullmatch(" ".join(w.text for w in words[:gap + 1])):
        return []
    return words[:gap + 1]


MIN_EDGE_LINES = 3  # text lines starting on one left edge: a column of text, not a centred label
EDGE_INSET = 0.45  # word heights: an edge that far inside a strip is no part of its own left side


def _cut_at_text_edges(strips: list[tuple[float, float]], lines: list[Line],
                       height: float) -> list[tuple[float, float]]:
    """A strip in which lines of text (no column gap, no number) start on one left edge, three or more,
    and run past its right end ends at that edge: the edge is a text column's left border. Names
    wrapped on lines of their own above and below their row's value line (cells aligned to the middle,
    every name of a page two lines long) leave the value lines no word in that column, so the strip
    left of it reached into it (jambi_reportlab_103 p. 4)."""
    text = [line for line in lines
            if not is_tabular(line, height) and not any(looks_numeric(w.text) for w in line.words)]
    cut = []
    for x0, x1 in strips:
        edges = sorted(line.x0 for line in text if x0 + EDGE_INSET * height <= line.x0 < x1 and line.x1 > x1)
        edge = next((e for e in edges if sum(abs(f - e) <= EDGE_ALIGNED for f in edges) >= MIN_EDGE_LINES), None)
        cut += [(x0, edge)] if edge is not None else _around_text_column(x0, x1, text, height)
    return cut


def _around_text_column(x0: float, x1: float, text: list[Line], height: float) -> list[tuple[float, float]]:
    """A strip holding a whole column of text, three lines or more on one left edge that all end inside
    it, is two gutters, one each side of that column: its names, wrapped onto lines of their own
    around their rows' value lines (cells aligned to the middle), put no word on a value line, so the
    search found no border around them and their column was joined to the number column on its left
    (jambi_libreoffice_535 and jambi_reportlab_301: the sasaran of Jambi Tabel 3.9)."""
    inset = EDGE_INSET * height
    inside = [line for line in text if x0 + inset <= line.x0 and line.x1 <= x1 - inset]
    edges = sorted(line.x0 for line in inside)
    edge = next((e for e in edges if sum(abs(f - e) <= EDGE_ALIGNED for f in edges) >= MIN_EDGE_LINES), None)
    if edge is None:
        return [(x0, x1)]
    end = max(line.x1 for line in inside if line.x0 >= edge - EDGE_ALIGNED)
    return [(x0, edge), (end, x1)]


def _to_text_ends(strips: list[tuple[float, float]], lines: list[Line], x0: float,
                  height: float) -> list[tuple[float, float]]:
    """A strip starts where the text of the column on its left ends: a word of a line under the first
    value (a header word centred over its column may reach into the strip) and set in from the table's
    left edge `x0` (a cell's wrapped line too, which the gutter search leaves out; a label spanning the
    first columns, 'Kategori', 'BIDANG UMKM', starts on that edge), that starts in a column and reaches
    into the strip, its line's next word over half a word height away or none (a label running on across the strip,
    'PENGADAAN BARANG MILIK DAERAH', is no column's text). A word's middle is then nearest to the column
    whose text it continues: the widest wrapped lines of a narrow name column ('berdasarkan klaster',
    'dunia industri dan') reach far into the strip that its value lines leave, and a word that far out
    on a value line ('sarana-sarana HI di') stood nearer the next column (jepara_libreoffice_155 p. 3).
    Value lines (a column gap on them) are left out: the gutter search read them and let a few reach
    into the strip, a cell's text overflowing into the next one in a spreadsheet export ('... (DAK
    Bidang Irigasi Tahun 2022)' over the budget '605.109.000', grobogan rfk-agu p. 3), whose last word
    would set the border past the budget column's header."""
    inset = [sorted(line.words, key=lambda w: w.x0) for line in lines[body_start(lines):]
             if line.x0 > x0 + height and not is_tabular(line, height)]
    narrowed = []
    for left, right in strips:
        for words in inset:
            for word, after in zip(words, [*words[1:], None]):
                if word.x0 < left < word.x1 < right and (after is None or after.x0 - word.x1 > 0.5 * height):
                    left = word.x1
        narrowed.append((left, right))
    return narrowed


def _clearest(counts: list[int], few: int, step: float, height: float) -> list[tuple[int, int]]:
    """Within a strip that at most `few` lines cross: its parts no line crosses, if one is
    wide; else (when some lines may cross) the widest that still leaves a word space; else its
    least crossed parts (a label of a summary row spanning columns). The word space must end the
    strip on one side, where the long text stops short of the next column: one with the crossing
    lines' words on both sides is a space inside their cells ('PROGRAM | HUBUNGAN INDUSTRIAL',
    the program names' column holding the kegiatan numbers further right)."""
    for level in range(few + 1):
        wide = [(a, b) for a, b in _runs(counts, level) if (b - a) * step >= 0.45 * height]
        if wide:
            return wide
        spaces = [(a, b) for a, b in _runs(counts, level) if (b - a) * step >= 0.25 * height
                  and (a == 0 or b == len(counts))]
        if level == 0 and spaces and few:
            return [max(spaces, key=lambda r: r[1] - r[0])]
    return []


def _runs(counts: list[int], limit: int) -> list[tuple[int, int]]:
    """Index ranges [start, end) where the count stays at or below `limit`."""
    runs, start = [], None
    for i, count in enumerate(counts + [limit + 1]):
        if count <= limit and start is None:
            start = i
        elif count > limit and start is not None:
            runs.append((start, i))
            start = None
    return runs


def columns_between(strips: list[tuple[float, float]], x0: float, x1: float) -> list[tuple[float, float]]:
    edges = [x0] + [x for strip in strips for x in strip] + [x1]
    return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]


def merge_headless_columns(columns: list[tuple[float, float]], header: list[Word],
                           body: list[Line] | None = None) -> list[tuple[float, float]]:
    """Merge a column that has no header of its own into the headed neighbour it belongs to.

    Left-aligned values in a column of right-aligned ones leave a gap that looks like a gutter
    ('13' under 'Realisasi' above '71,94'). The owner is the neighbour that never has text on
    a line where the headless column has some (they are one cell); between two such
    neighbours, the one whose header word reaches over the headless column.
    """
    columns = list(columns)
    while header:
        owners = {column_of(w, columns) for w in header}
        merge = None
        for index in range(len(columns)):
            if index not in owners:
                merge = merge or _owner_of(index, columns, owners, header, body or [])
        if merge is None:
            return columns
        lo, hi = sorted(merge)
        columns[lo:hi + 1] = [(columns[lo][0], columns[hi][1])]
    return columns


def _owner_of(index: int, columns: list[tuple[float, float]], owners: set[int], header: list[Word],
              body: list[Line]) -> tuple[int, int] | None:
    left, right = columns[index]
    candidates = [n for n in (index - 1, index + 1) if n in owners and not _share_a_line(index, n, columns, body)]
    reaching = [column_of(w, columns) for w in header if w.x0 < right and w.x1 > left]
    chosen = [n for n in candidates if n in reaching] or (candidates if len(candidates) == 1 else [])
    return (index, chosen[0]) if chosen else None


def _share_a_line(a: int, b: int, columns, body: list[Line]) -> bool:
    return any({a, b} <= {column_of(w, columns) for w in line.words} for line in body)


def column_of(word: Word, columns: list[tuple[float, float]]) -> int:
    centre = (word.x0 + word.x1) / 2
    distances = [max(left - centre, centre - right, 0.0) for left, right in columns]
    return distances.index(min(distances))  # inside a column, else the nearest one


def _numbered_gutters(body: list[Line], strips: list[tuple[float, float]], height: float) -> list[tuple[float, float]]:
    """Gutters narrower than the gutter search asks, between two numbers of the column-number
    row ('2' '3') that no gutter parts: the clearest strip between them that no tabular line
    crosses (tightly set columns of a condensed font leave a word space or little more), and no
    line of text crosses that starts right of the left number: a cell's wrapped lines lie inside
    its column, so a word space they run through is inside it too (a summary label like 'Total'
    spanning the number column may hide the real gutter from the tabular lines). Nor is a word space
    of a value line's name merged over both columns a gutter (see _in_merged_label): 'ADMINISTRASI
    KEUANGAN | PERANGKAT DAERAH' under '2' and '3' set the name column's border half a column too far
    right, across the next page's sub-kegiatan names, and the rest of the table was not stitched on
    (jambi_libreoffice_182 p. 4); the values' own gutters part the columns (split_trailing_values)."""
    numbers = next((line for line in body if is_column_number_row([w.text for w in line.words])), None)
    if numbers is None:
        return []
    tabular = [line for line in body if line is not numbers and is_tabular(line, height)]
    words = sorted((w for w in numbers.words if w.text.isdigit()), key=lambda w: w.x0)
    found = []
    for a, b in zip(words, words[1:]):
        parted = any(a.x1 <= left and right <= b.x0 for left, right in strips)
        if int(b.text) == int(a.text) + 1 and not parted:
            clear = _clear_runs(tabular, a.x1, b.x0)
            widest = max(clear, key=lambda r: r[1] - r[0], default=None)
            inside = [line for line in body if line is not numbers and line.x0 > a.x1]
            if widest is not None and widest[1] - widest[0] >= 0.2 * height and _centres_labels(a, b, widest, strips) \
                    and not crossed(widest, inside) and not _in_merged_label(widest, tabular, a, b, height, body):
                found.append(widest)
    return found


def _in_merged_label(strip: tuple[float, float], lines: list[Line], a: Word, b: Word, height: float,
                     body: list[Line]) -> bool:
    """The strip is a word space inside a cell of one of the lines (its words joined at gaps under a
    column gap) that runs under the middles of both column numbers, a label merged over both columns,
    and no column's edge (see _on_column_edge: a name set a word space from a narrow unit column is)."""
    middles = ((a.x0 + a.x1) / 2, (b.x0 + b.x1) / 2)
    return not _on_column_edge(strip, body) and any(
        cell.x0 <= middles[0] and cell.x1 >= middles[1] and cell.x0 < strip[0] < strip[1] < cell.x1
        for line in lines for cell in _header_cells(line, height))


def _headed_gutters(header: list[Line], body: list[Line], strips: list[tuple[float, float]],
                    height: float) -> list[tuple[float, float]]:
    """Gutters narrower than the gutter search asks, between two header cells of one header line
    (a column gap apart) that no gutter parts: the widest strip between them that no body line
    crosses, wrapped lines of text included (a cell's lines lie inside its column), with words on
    both sides, whose edge is a column's (text starting or values ending on it, three lines or
    more), so that each header cell stands near the middle of its own column (a header is centred
    over its column). A name cell filled up to its padding leaves less than the search asks between
    two text columns, and more than half of the lines hold no word of either (cells aligned to the
    middle): 'Persentase meningkatnya koperasi' ending 3 pt before '$\\frac{...}' under
    'Indikator program' and 'Rumus Perhitungan' (jambi_reportlab_162 p. 4). Only in a block whose
    gutters show a table: two tables under one another, set a little apart, make a block of two
    columns whose header cells stand over neither (jambi_html_whole_0 p. 14)."""
    found: list[tuple[float, float]] = []
    if len(strips) < MIN_COLUMNS - 1:
        return found  # (the header parts the columns of a table; it makes none of a block of two)
    for line in header:
        cells = _header_cells(line, height)
        for a, b in zip(cells, cells[1:]):
            if any(left < b.x0 and right > a.x1 for left, right in strips + found):
                continue
            inner = [r for r in _clear_runs(body, a.x1, b.x0) if a.x1 < r[0] and r[1] < b.x0]
            widest = max(inner, key=lambda r: r[1] - r[0], default=None)
            if widest is not None and widest[1] - widest[0] >= 0.2 * height and _on_column_edge(widest, body) \
                    and _centres_labels(a, b, widest, strips):
                found.append(widest)
    return found


def _header_cells(line: Line, height: float) -> list[Word]:
    """The line's words joined into cells at gaps a column gap wide or more (one Word per cell)."""
    cells: list[Word] = []
    for word in sorted(line.words, key=lambda w: w.x0):
        if cells and word.x0 - cells[-1].x1 < COLUMN_GAP * height:
            last = cells[-1]
            cells[-1] = Word(last.x0, word.x1, min(last.bottom, word.bottom), max(last.top, word.top),
                             f"{last.text} {word.text}")
        else:
            cells.append(word)
    return cells


def _on_column_edge(strip: tuple[float, float], lines: list[Line]) -> bool:
    """Words start on the strip's right end, or end on its left end, on MIN_EDGE_LINES lines or more:
    a left-aligned column's edge, or a right-aligned one's."""
    starts = sum(any(abs(w.x0 - strip[1]) <= EDGE_ALIGNED for w in line.words) for line in lines)
    ends = sum(any(abs(w.x1 - strip[0]) <= EDGE_ALIGNED for w in line.words) for line in lines)
    return max(starts, ends) >= MIN_EDGE_LINES


def _centres_labels(a: Word, b: Word, strip: tuple[float, float], strips: list[tuple[float, float]]) -> bool:
    """The strip parts the columns so that each of the two labels, column numbers or header cells,
    stands near the middle of its own (both are centred over their columns)."""
    left = max((g[1] for g in strips if g[1] <= a.x0), default=a.x0 - (strip[0] - a.x1))
    right = min((g[0] for g in strips if g[0] >= b.x1), default=b.x1 + (b.x0 - strip[1]))
    def near_middle(word: Word, x0: float, x1: float) -> bool:
        return abs((word.x0 + word.x1) / 2 - (x0 + x1) / 2) <= 0.25 * (x1 - x0)
    return near_middle(a, left, strip[0]) and near_middle(b, strip[1], right)


def _clear_runs(lines: list[Line], lo: float, hi: float) -> list[tuple[float, float]]:
    """Stretches of [lo, hi] that no word of the lines covers."""
    runs, at = [], lo
    for word in sorted((w for line in lines for w in line.words if w.x1 > lo and w.x0 < hi), key=lambda w: w.x0):
        if word.x0 > at:
            runs.append((at, word.x0))
        at = max(at, word.x1)
    return runs + ([(at, hi)] if at < hi else [])


def summary_tail(body: list[Line]) -> int:
    """How many lines follow the body's last line of two values or more: the last row's wrapped
    text, or summary lines ('Rata-rata capaian kinerja 104,90 %', 'Kategori Sangat Baik') whose
    labels span the first columns. They are few, and would hide the gutters of a short table."""
    def values(line: Line) -> int:
        texts = [w.text for w in line.words]
        return 0 if is_column_number_row(texts) else sum(looks_numeric(t) and not is_year(t) for t in texts)
    last = max((i for i, line in enumerate(body) if values(line) >= 2), default=len(body) - 1)
    tail = len(body) - 1 - last
    return tail if tail <= len(body) // 2 else 0  # rows of one value each: no summary to tell


def merge_value_columns(columns: list[tuple[float, float]], body: list[Line]) -> list[tuple[float, float]]:
    """Join two neighbouring columns of numbers that never both hold a word on one line: values
    of one column aligned otherwise on some rows ('13' set on the decimal mark of '59,62').
    Only lines holding a number have a say (not a header repeated on a continuation page, nor
    a caption). A sign set a word space after a number is that value's unit, no word of text
    ('104,90 %' of a summary row under '100' centred over '118,62', jepara_reportlab_173 p. 4)."""
    columns = list(columns)
    height = median(w.height for line in body for w in line.words) if body else 0.0
    tabular = [line for line in body if is_tabular(line, height) and body_start([line]) == 0]
    units = {id(w) for line in tabular for w in _value_units(line, height)}
    index = 0
    while index < len(columns) - 1:
        pair = {index, index + 1}
        words = [(column_of(w, columns), w) for line in tabular for w in line.words]
        numbers = [w for col, w in words if col in pair and id(w) not in units]
        shared = any(pair <= {column_of(w, columns) for w in line.words} for line in tabular)
        both_filled = pair <= {col for col, _ in words}
        if both_filled and not shared and all(looks_numeric(w.text) for w in numbers):
            columns[index:index + 2] = [(columns[index][0], columns[index + 1][1])]
        else:
            index += 1
    return columns


def _value_units(line: Line, height: float) -> list[Word]:
    """Signs alone ('%') that follow a number on the line a word space after it: the value's unit."""
    words = sorted(line.words, key=lambda w: w.x0)
    return [w for before, w in zip(words, words[1:]) if re.search(r"[^\W_]", w.text) is None
            and looks_numeric(before.text) and w.x0 - before.x1 < COLUMN_GAP * height]
