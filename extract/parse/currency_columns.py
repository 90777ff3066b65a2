"""A currency sign and its amount split into two columns, joined back.

A list aligned with tabs prints 'Rp.' at one stop and the amount right-aligned at another: where the amount is
short, the white space between them is as wide as a column gutter, and the word reader (or a ruling line) puts
the sign and the amount in two columns ('Rp.' | '43.711.622,-'), the header's 'Anggaran' over either of them.
A column whose every value is an amount printed right after a bare currency sign in the column to its left is
one column with it: the two are joined, so the amount stands under its header.
"""
from __future__ import annotations

import dataclasses
import re

from extract.model import RawTable
from extract.numerals import looks_numeric

CURRENCY_RE = re.compile(r"rp\.?,?", re.IGNORECASE)


def join_currency_columns(table: RawTable) -> RawTable:
    """The table with each such pair of columns joined; the table itself when there is none."""
    rows = [list(row) for row in table.rows]
    col = 0
    while col < max((len(r) for r in rows), default=0) - 1:
        if _amounts_after_signs(rows, col):
            for row in rows:
                if col + 1 < len(row):
                    row[col] = " ".join(c.strip() for c in (row[col], row[col + 1]) if c.strip())
                    del row[col + 1]
        else:
            col += 1
    return table if rows == table.rows else dataclasses.replace(table, rows=rows)


def _amounts_after_signs(rows: list[list[str]], col: int) -> bool:
    """Every amount of column col + 1 follows a bare sign in col, and below the first one that column holds
    nothing but amounts (its header words stay above)."""
    pairs = [(r[col].strip() if col < len(r) else "", r[col + 1].strip() if col + 1 < len(r) else "") for r in rows]
    first = next((i for i, (_, right) in enumerate(pairs) if right and looks_numeric(right)), None)
    if first is None:
        return False
    below = [p for p in pairs[first:] if p[1]]
    return all(looks_numeric(right) and CURRENCY_RE.fullmatch(left) for left, right in below)
