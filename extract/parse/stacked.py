"""Rows that a ruled reader stacked into one grid row: split back into one row per printed line.

A sheet ruled only between columns (an Excel export without row lines, a table whose rows share a
cell) comes out of camelot's lattice reader as one grid row per page, every cell holding the lines
of many printed rows:

    '4\\n4.1\\n4.1.01' | 'PENDAPATAN DAERAH\\nURUSAN ...\\nPENDIDIKAN' | '12.459.352.172.672,00\\n96.915...'

When at least two cells hold the same number (two or more) of value lines (amounts, nil marks,
codes, row numbers), the row is split line by line. A number wrapped at its decimal mark
('1.128,' over '26') is joined again first, and so are the lines of a wrapped name; a text cell
whose line count still differs stays whole in the first of the split rows.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter

from extract.model import RawTable
from extract.numerals import is_row_number, looks_numeric, parse_cell
from extract.text import CONNECTOR_WORDS

# A kode rekening: the one-digit akun, then groups of one to three digits ("5 . 2 . 15 . 09", "5.2.15.09"); an
# organisation code of Permendagri 90/2019 joins urusan and unit with dashes ("4.1.01.1-01.0-00.0-00.01").
ACCOUNT_CODE = r"\d(?:\s*\.\s*\d{1,3}(?:-\d{1,3})?)*"
CODE_LINE_RE = re.compile(rf"^{ACCOUNT_CODE}\.?$")
ORPHAN_DIGITS_RE = re.compile(r"^\d{1,2}$")  # the decimals of a number wrapped at its decimal mark
CUT_GROUP_RE = re.compile(r"\d([.,])\d{3}\1(\d{1,2})$")  # '360.417.7': grouped, its last group short
MIN_STACKED_CELLS = 2


def unstack(table: RawTable, start: int = 0) -> RawTable:
    """The table with every stacked row from row `start` on (the header stays as it is) split; the
    table itself when none is stacked."""
    rows: list[list[str]] = []
    pages: list[int] = []
    for index, (row, page) in enumerate(zip(table.rows, table.row_pages)):
        parts = split_stacked(row) if index >= start else [row]
        rows += parts
        pages += [page] * len(parts)
    return table if len(rows) == len(table.rows) else dataclasses.replace(table, rows=rows, row_pages=pages)


def split_stacked(row: list[str]) -> list[list[str]]:
    lines = [_lines(text) for text in row]
    counts = Counter(len(rejoin_wrapped(cell)) for cell in lines if len(cell) >= 2 and all(map(_is_value, cell)))
    if not counts:
        return [row]
    k, n = counts.most_common(1)[0]
    if n < MIN_STACKED_CELLS:
        return [row]
    out = [[""] * len(row) for _ in range(k)]
    for col, cell in enumerate(lines):
        pieces = rejoin_wrapped(cell) if all(map(_is_value, cell)) else cell
        if len(pieces) > k:
            pieces = _join_continued(pieces)
        if len(pieces) == k:
            for i, piece in enumerate(pieces):
                out[i][col] = piece
        else:
            out[0][col] = row[col]
    return out


def rejoin_wrapped(cell: list[str]) -> list[str]:
    """'1.128,' + ... + '26' -> '1.128,26': a number cut at its decimal mark, whose decimals fell
    onto a later line as an orphan of one or two digits, gets them back, in order. A narrow cell also
    cuts a number inside its digit groups ('360.417.7' over '24', '20.803.000.' over '000'): the rest
    of the group comes back too."""
    out: list[str] = []
    pending: list[int] = []
    for line in cell:
        if pending and _continues(out[pending[0]], line):
            out[pending.pop(0)] += line
            continue
        if re.search(r"\d[.,]$", line) or CUT_GROUP_RE.search(line):
            pending.append(len(out))
        out.append(line)
    return out


def _continues(head: str, line: str) -> bool:
    """Whether `line` is the rest of the number `head` was cut from."""
    if cut := CUT_GROUP_RE.search(head):  # the group's missing digits, then whole groups
        sep, missing = cut.group(1), 3 - len(cut.group(2))
        return re.fullmatch(rf"\d{{{missing}}}(?:{re.escape(sep)}\d{{3}})*(?:[.,]\d{{1,2}})?", line) is not None
    sep = head[-1]
    if sep in head[:-1]:  # cut after a thousands separator: whole groups follow
        return re.fullmatch(rf"\d{{3}}(?:{re.escape(sep)}\d{{3}})*(?:[.,]\d{{1,2}})?", line) is not None
    return ORPHAN_DIGITS_RE.fullmatch(line) is not None  # cut at the decimal mark


def _join_continued(lines: list[str]) -> list[str]:
    """A wrapped name's lines joined: a line that starts in lower case, or follows a line ending
    with a connecting word ('Penyediaan Barang Cetakan dan' / 'Penggandaan'), continues it."""
    out: list[str] = []
    for line in lines:
        last_word = out[-1].split()[-1].lower() if out else ""
        if out and (line[0].islower() or last_word in CONNECTOR_WORDS or out[-1].endswith((",", "-", "/"))):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def _is_value(line: str) -> bool:
    return looks_numeric(line) or parse_cell(line).kind == "missing" or CODE_LINE_RE.fullmatch(line) is not None \
        or is_row_number(line) or re.search(r"\d[.,]$", line) is not None
