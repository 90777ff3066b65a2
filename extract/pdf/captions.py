"""Table captions ('Tabel 3.2 ...') found above a table, and preambles trimmed off word-aligned tables."""
from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium

from extract.model import RawTable
from extract.numerals import is_year, looks_numeric
from extract.pdf.unruled import HEADER_WORDS

CAPTION_RE = re.compile(r"^\s*tabel\s+[0-9IVX]+(?:[.\s]+\d+)*\b.*$", re.IGNORECASE | re.MULTILINE)


def with_captions(path: Path, tables: list[RawTable]) -> list[RawTable]:
    tables.sort(key=lambda t: (t.page_start, -t.top))
    attach_captions(path, tables)
    for table in tables:
        trim_preamble(table)
    return tables


def trim_preamble(table: RawTable) -> None:
    """Word alignment takes the caption and the sentence above a table as its first rows.
    Start the table at its header row ('No | ...', or a row naming several header words) and
    keep a 'Tabel ...' line from the dropped rows as the caption."""
    for index, row in enumerate(table.rows[:12]):
        cells = [" ".join(c.split()).lower() for c in row if c.strip()]
        opens = bool(cells) and cells[0].rstrip(".") in {"no", "n o", "nomor"}
        named = sum(any(w in c for w in HEADER_WORDS) for c in cells) >= 2
        holds_values = any(looks_numeric(c) and not is_year(c) for c in cells)
        if (opens or named) and not holds_values:  # a data row may name header words too
            start = index
            while start > 0 and _header_part_above(table.rows[start - 1], row):
                start -= 1
            if start:
                preamble = "\n".join(" ".join(c for c in r if c.strip()) for r in table.rows[:start])
                table.caption = table.caption or caption_from_text(preamble)
                table.rows, table.row_pages = table.rows[start:], table.row_pages[start:]
            return


def _header_part_above(row: list[str], header: list[str]) -> bool:
    """A line above the header row whose words sit only over the header row's empty columns: the
    upper line of a two-line label ('Alokasi' over 'Anggaran') when the labels beside it ('No',
    'Program') are centred on the whole header. Short cells, no values, no caption."""
    filled = [i for i, c in enumerate(row) if c.strip()]
    if not filled or CAPTION_RE.match(" ".join(c for c in row if c.strip())):
        return False
    empty_below = {i for i, c in enumerate(header) if not c.strip()}
    short = all(len(row[i].split()) <= 4 for i in filled)
    values = any(looks_numeric(row[i]) and not is_year(row[i]) for i in filled)
    return set(filled) <= empty_below and short and not values


def attach_captions(path: Path, tables: list[RawTable]) -> None:
    """The caption is the last 'Tabel N.N ...' text between the table and what is above it."""
    doc = pdfium.PdfDocument(str(path))
    try:
        previous_bottom: dict[int, float] = {}
        for table in tables:
            page = doc[table.page_start - 1]
            width, height = page.get_size()
            upper = previous_bottom.get(table.page_start, height)
            text = page.get_textpage().get_text_bounded(0, table.top, width, upper)
            table.caption = caption_from_text(text)
            previous_bottom[table.page_start] = table.bottom
    finally:
        doc.close()


def caption_from_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    matches = list(CAPTION_RE.finditer(text))
    if not matches:
        return ""
    caption = text[matches[-1].start() :]
    return " ".join(caption.split())[:300]
