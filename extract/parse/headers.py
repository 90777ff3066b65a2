"""The header rows of a table, read into one label per column.

The header is the rows above the first data row. A label is built per column from all header
rows, so a two-row header like `Realisasi` over `Anggaran | %` labels the columns
"realisasi anggaran" and "realisasi %". A spanning group cell (printed once over several
sub-columns: left-aligned by ruled readers, centred by word readers) is carried across them.
Word readers split a label over several rows ("Sasaran" / "Strategis"), so a header has up to
MAX_HEADER_ROWS lines; the column-number row ("1 2 3 | 4 | 7 8") closes it.

Title lines printed inside the table frame above the header are the table's title, not a column's label
(`title_rows`).
"""
from __future__ import annotations

import re

from extract.numerals import is_column_number_row, is_row_number, is_year, looks_numeric, parse_range
from extract.parse.labels import VALUE_LABEL_RE, names_other_measure, normalize
from extract.text import HEADER_WORDS

MAX_HEADER_ROWS = 6


def join_split_words(text: str) -> str:
    """A header word that a narrow cell broke into pieces, joined again: "REALI SASI", "REALI- SASI",
    "TARGE T", "CAPAIA N". Two neighbouring pieces are joined when together they make a header word
    and they are not both header words themselves ("sub kegiatan", "s d" stay as printed)."""
    text = re.sub(r"\b([A-Za-z]+)-([A-Za-z]+)\b",  # "REALI-SASI": the pieces one token
                  lambda m: m[1] + m[2] if _is_split_word(m[1], m[2]) else m[0], text)
    tokens = text.split()
    if len(tokens) < 2:
        return text
    out = [tokens[0]]
    for token in tokens[1:]:
        head = out[-1].removesuffix("-")
        if _is_split_word(head, token):
            out[-1] = head + token
        else:
            out.append(token)
    return " ".join(out) if len(out) < len(tokens) else text


def _is_split_word(head: str, tail: str) -> bool:
    joined = (head + tail).lower()
    return head.isalpha() and tail.isalpha() and len(joined) >= 4 and joined in HEADER_WORDS \
        and not (head.lower() in HEADER_WORDS and tail.lower() in HEADER_WORDS)


def title_rows(header_rows: list[list[str]], n_cols: int) -> int:
    """Title lines printed inside the table frame above its header ("PAGU DAN REALISASI BELANJA ...
    PER OPD TAHUN ANGGARAN 2021"): leading header rows whose only filled cell is the first one, of a
    table of three or more columns, above a header line that fills several cells. Their words name
    the table, not its first column."""
    count = 0
    for row in header_rows[:-1]:
        filled = [i for i, c in enumerate(row) if c.strip()]
        if n_cols < 3 or (filled and (filled != [0] or len(row[0].split()) < 2)):
            break
        count += 1  # a title line, or an empty spacer row under it
    rest = [row for row in header_rows[count:] if any(c.strip() for c in row)]
    titled = any(c.strip() for row in header_rows[:count] for c in row)
    return count if titled and rest and sum(bool(c.strip()) for c in rest[0]) >= 2 else 0


def count_header_rows(rows: list[list[str]]) -> int:
    """Rows before the first data row. A header is one to MAX_HEADER_ROWS lines; a word reader
    without ruling lines splits a label over several rows, so the header may be five or six rows.
    A column-number row ("1 | 2 3 | 4") closes it wherever it is; else it ends at the first row that
    holds a value, opens a section, or is not made of header words (a wrapped name of the first
    data row printed above its values)."""
    window = rows[: MAX_HEADER_ROWS + 1]
    numbered = next((i for i, row in enumerate(window) if is_numbering_row(row)), None)
    if numbered is not None and not any(_has_value(row) for row in window[:numbered]):
        return numbered + 1
    for index, row in enumerate(window):
        if _has_value(row):
            return index
        if index > 0 and (is_section_row(row) or not is_header_line(row)):
            return index
    return min(1, len(rows))


def _has_value(row: list[str]) -> bool:
    return any((looks_numeric(cell) or _is_value_range(cell)) and not is_year(cell) for cell in row)


def is_numbering_row(row: list[str]) -> bool:
    """The column-number row, also when a reader merged the numbers of adjacent columns into one
    cell ("1 2 3 | 4 | 5 | 6 | 7 8 | 9"): small integers counting up by one, at least three, and the
    lettered sub-numbers of a column group ("3 | 3a | 3b | 3c | 4")."""
    if is_column_number_row(row):
        return True
    cells = [c.split() for c in row if c.strip()]
    tokens = [re.fullmatch(r"(\d{1,2})([a-z]?)", token) for cell in cells for token in cell]
    if len(tokens) < 3 or len(cells) < 2 or not all(tokens):
        return False
    # a column numbered under another's number ("3 3a 3b", "8 8a 8b": the per-level columns of one
    # group) follows that number; the plain numbers count up by one
    if any(t.group(2) and (i == 0 or tokens[i - 1].group(1) != t.group(1)) for i, t in enumerate(tokens)):
        return False
    numbers = [int(t.group(1)) for t in tokens if not t.group(2)]
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def is_header_line(row: list[str]) -> bool:
    """At least half of the row's words are header words; a row of years or signs ("2024 | 2025",
    "(%)") is a header line too."""
    words = re.findall(r"[a-z]+", normalize(" ".join(row)))
    if not words:
        return all(is_year(c) or not re.search(r"\d", c) for c in row)
    return 2 * sum(w in HEADER_WORDS for w in words) >= len(words)


SECTION_MARK_RE = re.compile(r"^(misi|sasaran|tujuan|program|kegiatan|bidang|urusan|[IVX]+[.)]?\s)", re.IGNORECASE)


def is_section_row(row: list[str]) -> bool:
    """A row that opens a section of the data, not a header line: numbered like a row ("I | Misi 1 :
    ...", "1. | Meningkatnya ...") or one long heading in the first column alone ("Misi 1 : Mewujudkan
    masyarakat ...", "Sasaran Strategis 1 : ..."). A header's first column is "No" / "Indikator" or
    empty under it; its lines are short labels."""
    cells = [" ".join(c.split()) for c in row]
    filled = [i for i, c in enumerate(cells) if c]
    if not filled or filled[0] != 0:
        return False
    first = cells[0]
    if is_row_number(first) and len(filled) > 1:
        return True
    return filled == [0] and len(first.split()) >= 4 and SECTION_MARK_RE.match(first) is not None


def _is_value_range(text: str) -> bool:
    """A target printed as a range ("68,65-69,15") is a value; a period ("2021-2026") is not."""
    bounds = parse_range(text)
    return bounds is not None and not all(1900 <= b <= 2100 and b == int(b) for b in bounds)


def column_labels(header_rows: list[list[str]], n_cols: int) -> list[str]:
    """One label per column: its header words joined top to bottom (a label a word reader split over
    several rows comes back whole), with the group cell printed over the column in front of its part."""
    rows = [[normalize(c) for c in row] + [""] * (n_cols - len(row))
            for row in header_rows if not is_numbering_row(row)]
    labels = [""] * n_cols
    for depth, row in enumerate(rows):
        groups = _group_spans(rows, depth)
        for col in range(n_cols):
            text = row[col] or groups.get(col, "")
            labels[col] = f"{labels[col]} {text}".strip()
    return labels


def _group_spans(rows: list[list[str]], depth: int) -> dict[int, str]:
    """Empty cells of header row `depth` that lie under a group cell of that row ("Realisasi" over
    "Anggaran | %", "2024" over "Target | Realisasi", "Kinerja" over three columns). A member column
    is empty in this row, its label starts on the same row as the group's own sub-label, it is a
    value column, and its label does not name the other measure (a "Target" a word reader set one line
    above "Realisasi Tahun 2024", its own label being a line taller, heads only its own column).
    Ruled readers put a spanning cell in its first column (the group reaches right);
    word readers put it where it is printed, centred (each member takes the nearest group)."""
    row, below = rows[depth], rows[depth + 1:]
    width = len(row)
    first = [next((i for i, r in enumerate(below) if r[col]), None) for col in range(width)]
    leaf = [" ".join(r[col] for r in below) for col in range(width)]
    groups = [c for c in range(width) if first[c] is not None and _can_group(row[c])
              and VALUE_LABEL_RE.search(leaf[c])]  # a group stands over value columns, its own one too
    member = [not row[c] and first[c] is not None and VALUE_LABEL_RE.search(leaf[c]) is not None
              for c in range(width)]
    joins = lambda c, n: (0 <= n < width and member[n] and first[n] == first[c]  # noqa: E731
                          and not names_other_measure(row[c], leaf[n]))
    spanning = [c for c in groups if joins(c, c - 1) or joins(c, c + 1)]
    centred = bool(spanning) and joins(spanning[0], spanning[0] - 1)
    claims: dict[int, int] = {}
    for group in groups:
        for step in ((-1, 1) if centred else (1,)):
            col = group + step
            while joins(group, col):
                if col not in claims or abs(col - group) < abs(col - claims[col]):
                    claims[col] = group
                col += step
    return {col: row[group] for col, group in claims.items()}


def _can_group(text: str) -> bool:
    """A group cell is a word or a year; a lone sign ("%") is the first line of a split label."""
    return is_year(text) or re.search(r"[a-z]{2}", text) is not None
