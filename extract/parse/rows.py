"""Data rows of a classified table: cleaned cells, rows cut by page breaks or wrapping joined."""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import UNRULED_FLAVORS, RawTable
from extract.numerals import detect_format, is_row_number, looks_numeric, parse_number
from extract.parse.names import clean_name, is_standard_name
from extract.text import (
    CONNECTOR_WORDS,
    CONTINUING_WORDS,
    HYPHEN_BREAK_RE,
    clean_cell,
    holds_word,
    in_capitals,
    rejoin_broken_words,
)


@dataclass
class Row:
    index: int  # row index in the table grid (provenance)
    page: int
    cells: list[str]


def data_rows(table: RawTable, header_rows: int) -> list[Row]:
    rows = [Row(i, table.row_pages[i], [clean_cell(numbering_first(c)) for c in table.rows[i]])
            for i in range(header_rows, len(table.rows))]
    return merge_cut_rows(rows, wrapped_lines_are_rows=table.flavor in UNRULED_FLAVORS)


NUMBERING_LINE_RE = re.compile(r"\n[ \t]*(\d{1,2}|[a-z])[.)][ \t]*(?=\n|$)")


def numbering_first(text: str) -> str:
    """Lines 'Pemeliharaan Peralatan dan' / '2.' / 'Mesin Lainnya' -> '2. Pemeliharaan ...': a number
    printed beside the middle line of a wrapped name (vertically centred, no column of its own) is read
    inside the name's lines, or after its one line ('Ratio kematian ibu' / 'a)'); it is the row's numbering
    and leads the name."""
    match = NUMBERING_LINE_RE.search(text)
    if not match or not text[:match.start()].strip():
        return text
    return f"{match.group(0).strip()} {text[:match.start()]}{text[match.end():]}"


def merge_cut_rows(rows: list[Row], wrapped_lines_are_rows: bool = False) -> list[Row]:
    """Join a row that is only the rest of the previous row's text.

    In a ruled table such a row was cut by a page break: no number in it, and it starts in
    lower case or the previous text ends with a connecting word. In an unruled table
    every wrapped line of a cell is a row of its own: a text-only row whose text sits in
    columns where the previous row has text continues it.
    """
    merged: list[Row] = []
    carried: Row | None = None
    for k, row in enumerate(rows):
        if carried is not None:
            row, carried = _prepend_fragment(carried, row), None
        previous = merged[-1] if merged else None
        following = rows[k + 1] if k + 1 < len(rows) else None
        starts_below = _starts_following(row, previous, following) or _names_row_below(row, rows[k + 1:])
        if wrapped_lines_are_rows and starts_below:
            carried = row
            continue
        if previous is not None and _is_cut_text(row, previous):
            previous.cells[:len(row.cells)] = [a or b for a, b in zip(previous.cells, row.cells)]
            continue
        continues = previous is not None and (
            _is_fragment(row, previous) or (wrapped_lines_are_rows and _is_wrapped_line(row, previous))
            or _completes_standard_name(row, previous))
        if continues:
            above = _merged_cell_above(row, merged) if wrapped_lines_are_rows else None
            if above is not None:
                col, text = next((i, c) for i, c in enumerate(row.cells) if c)
                above.cells[col] = _line_joined(above.cells[col], text)
            else:
                _append_fragment(previous, row)
        else:
            merged.append(Row(row.index, row.page, list(row.cells)))
    if carried is not None:
        merged.append(carried)
    return merged


def _starts_following(row: Row, previous: Row | None, following: Row | None) -> bool:
    """A name's first lines above the line that carries its numbering and amounts (cells centred
    vertically) are read as a text-only row: they start the row below, not end the row above, when
    so joined they make a name of the national nomenclature (or its first words) and the row below
    alone, or the row above with them, does not."""
    if following is None or not _is_text_only(row) or not any(looks_numeric(c) for c in following.cells):
        return False
    if _continued_below(row, following):
        return True
    below = clean_name(_words(following))
    above = f"{_words(previous)} {_words(row)}" if previous else ""
    return (is_standard_name(f"{_words(row)} {below}", start=True) and not is_standard_name(below, start=True)
            and not is_standard_name(above, start=True))


def _names_row_below(row: Row, below: list[Row]) -> bool:
    """Text-only lines over the next row that prints a number and amounts but no word: that row's name,
    set apart from its values (a page break between them, cells aligned to the middle: 'Penyusunan
    Dokumen Per' / page break / 'encanaan Perangkat Daerah' / '1. | | Rp 24,865,300.00 ...'). The row
    above has a name of its own; a row with none has no other."""
    if not _is_text_only(row):
        return False
    valued = next((other for other in below if not _is_text_only(other)), None)
    return (valued is not None and any(is_row_number(c) for c in valued.cells if c)
            and any(looks_numeric(c) for c in valued.cells) and not any(map(holds_word, valued.cells)))


def _is_text_only(row: Row) -> bool:
    """The row prints something, and no number nor numbering: a line of a name or a heading."""
    texts = [c for c in row.cells if c]
    return bool(texts) and all(map(_is_text, texts))


def _continued_below(row: Row, following: Row) -> bool:
    """Every text of the row is continued in its column by the row below, which starts there in lower case
    ("Persentase" / "perusahaan yang menerapkan ..."): a name's first line above the line of its values."""
    texts = [(i, c) for i, c in enumerate(row.cells) if c]
    return all(c[0].isupper() and i < len(following.cells) and following.cells[i][:1].islower()
               for i, c in texts)


def _is_cut_text(row: Row, previous: Row) -> bool:
    """A page break cut a row below its numbering and values (cells aligned to the bottom): they end
    the page without a word, its text opens the next page, text only, in columns that row leaves
    empty. That text is the row's. A sign is no word: the unit '%' may end the page with them
    (jepara_reportlab_676)."""
    texts = [(i, c) for i, c in enumerate(row.cells) if c]
    bare = not any(_is_text(c) and holds_word(c) for c in previous.cells) and \
        any(looks_numeric(c) for c in previous.cells)
    return (row.page > previous.page and bare and bool(texts)
            and all(_is_text(c) and i < len(previous.cells) and not previous.cells[i] for i, c in texts))


def _completes_standard_name(row: Row, previous: Row) -> bool:
    """A text-only row that ends the name above: with it, that name is one of the national nomenclature,
    without it not ("PENYEDIAAN JASA PENUNJANG URUSAN" / page break / "PEMERINTAH DAERAH")."""
    if not _is_text_only(row):
        return False
    return is_standard_name(f"{_words(previous)} {_words(row)}") and not is_standard_name(_words(previous))


def _words(row: Row) -> str:
    """The text of a row's word cells, without its numbering and amounts."""
    return " ".join(c for c in row.cells if _is_text(c))


def _is_fragment(row: Row, previous: Row) -> bool:
    if not _is_text_only(row):
        return False
    first = next(c for c in row.cells if c)
    if first[0].islower() and not is_row_number(first.split()[0]):  # "a. Kegiatan" is numbered, not cut
        return True
    if first.split()[0].lower() in CONTINUING_WORDS:  # 'DAN PENUTUPAN PERUSAHAAN' under '... MOGOK KERJA'
        return True
    previous_texts = [c for c in previous.cells if _is_text(c) and not _is_dash(c) and holds_word(c)]
    if not previous_texts:
        return False
    last_word = previous_texts[-1].split()[-1].lower() if previous_texts[-1].split() else ""
    return last_word in CONNECTOR_WORDS or previous_texts[-1].endswith((",", "-", "/"))


def _is_dash(text: str) -> bool:
    """'-' printed for 'no value' in a cell: not a word broken at a hyphen."""
    return bool(re.fullmatch(r"[-–—]+", text.strip()))


def _is_wrapped_line(row: Row, previous: Row) -> bool:
    """A text-only row under text in each of its columns. Not a section heading, also when the
    heading starts in the numbering column ('BIDANG' | 'KOPERASI' under a row numbered '1.'): its
    words read together, under the text of the row above in those columns."""
    if not _is_text_only(row):
        return False
    texts = [(i, c) for i, c in enumerate(row.cells) if c]
    above = " ".join(previous.cells[i] for i, _ in texts if i < len(previous.cells) and _is_text(previous.cells[i]))
    if len(texts) > 1 and _is_heading_under(" ".join(c for _, c in texts), above):
        return False
    return all(i < len(previous.cells) and previous.cells[i] and not looks_numeric(previous.cells[i])
               and not _is_heading_under(c, previous.cells[i]) for i, c in texts)


def _is_heading_under(text: str, above: str) -> bool:
    """A cell's wrapped lines keep its case: words in capitals under a name in mixed case are a
    section heading printed between groups ("BIDANG PENTA"), not the name's last line. Abbreviations
    ("RKA-SKPD", "SDM UMKM", "UMKM Yg") may still end a mixed-case name: a heading has two words or
    more, all in capitals, one of them a word of five letters or more."""
    words = text.split()
    return (len(words) >= 2 and text == text.upper() and any(len(w) >= 5 and w.isalpha() for w in words)
            and not in_capitals(above))


def _merged_cell_above(fragment: Row, merged: list[Row]) -> Row | None:
    """The row above whose cell a fragment ends: the fragment is one cell of text going on in lower case,
    in a column the row right above leaves empty (that row has a name of its own elsewhere), and the
    nearest row above with anything in that column has text there. It is the last line of a cell merged
    over the rows between, set below their names ('Meningkatnya kualitas' / 'koperasi dan usaha mikro
    kecil' / 'menengah' beside 'Persentase UMKM Yg Tangguh' / 'dan Mandiri', cells aligned to the top:
    jambi_html_541), not a line of that row's name."""
    texts = [(col, text) for col, text in enumerate(fragment.cells) if text]
    if len(texts) != 1 or not merged or not texts[0][1][:1].islower():
        return None
    col, _ = texts[0]
    if cell(merged[-1], col) or not any(map(_is_text, merged[-1].cells)):
        return None
    above = next((row for row in reversed(merged[:-1]) if cell(row, col)), None)
    return above if above is not None and _is_text(cell(above, col)) else None


def _append_fragment(previous: Row, fragment: Row) -> None:
    """The fragment's text at the end of the previous row's, column by column; text in a column where
    that row holds none or a number goes to its nearest text, unless it goes on in lower case in a
    column that row leaves empty while the fragment also goes on in a column of that row's text: the
    rest of a merged cell beside the name's ('usaha mikro kecil menengah' under a sasaran spanning the
    rows above | 'UMKM Yg Tangguh dan Mandiri'). A name's last line set from the left margin across
    the empty numbering column ('PARA' | 'PEMANGKU KEPENTINGAN') stays the name's."""
    beside = any(text and _is_text(cell(previous, col)) for col, text in enumerate(fragment.cells))
    for col, text in enumerate(fragment.cells):
        if not text:
            continue
        own = previous.cells[col] if col < len(previous.cells) else ""
        own_cell = _is_text(own) or (beside and not own and col < len(previous.cells) and text[:1].islower())
        target = col if own_cell else _nearest_text_cell(previous, col)
        if target is None:
            continue
        previous.cells[target] = _line_joined(previous.cells[target], text)


def _prepend_fragment(fragment: Row, row: Row) -> Row:
    """The fragment's text ahead of the row's, after the row's numbering ("1. PENDATAAN ...")."""
    cells = list(row.cells)
    for col, text in enumerate(fragment.cells):
        target = col if col < len(cells) and _is_text(cells[col]) else _nearest_text_cell(Row(0, 0, cells), col)
        if target is None and col < len(cells) and not cells[col]:
            target = col  # a row without a word: the fragment is its name (_names_row_below)
        if text and target is not None:
            numbering = LEADING_NUMBER_RE.match(cells[target])
            head = numbering.group(0) if numbering else ""
            cells[target] = head + _line_joined(text, cells[target][len(head):])
    return Row(row.index, row.page, cells)


LEADING_NUMBER_RE = re.compile(r"^(?:\d{1,3}|[a-z])[.)]\s+")


def _line_joined(above: str, below: str) -> str:
    """The text of one cell's line and of the line below it, read as two rows (a wrapped line of an
    unruled table, the rest of a row cut by a page break): joined as clean_cell joins a cell's lines,
    a word broken after the hyphen of a compound ('Hak-' / 'hak') staying one word, and so does a word the
    page break cut without a hyphen ('Per' / 'encanaan', jambi_reportlab_513)."""
    return " ".join(rejoin_broken_words(HYPHEN_BREAK_RE.sub("", f"{above}\n{below}")).split())


def _is_text(text: str) -> bool:
    return bool(text) and not looks_numeric(text) and not is_row_number(text)


def _nearest_text_cell(row: Row, col: int) -> int | None:
    candidates = [i for i, c in enumerate(row.cells) if _is_text(c)]
    return min(candidates, key=lambda i: (abs(i - col), -i)) if candidates else None


def cell(row: Row, col: int | None) -> str:
    if col is None or col >= len(row.cells):
        return ""
    return row.cells[col]


def column_format(rows: list[Row], col: int | None, prior: str | None) -> str | None:
    return detect_format([cell(r, col) for r in rows], prior=prior)


def is_misplaced_text(text: str) -> bool:
    """Words where a number belongs (a shifted row), unlike a grade such as 'Level 3 (3,35)'."""
    words = re.findall(r"[A-Za-z]{3,}", text)
    return len(words) >= 3 and parse_number(text, None) is None
