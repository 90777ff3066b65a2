"""The report's own grading scale ('75-100% | Baik') as rows of bounds."""
from __future__ import annotations

import re

from extract.model import RawTable
from extract.numerals import is_row_number, parse_number, parse_range
from extract.parse.families import TableLayout
from extract.parse.records import ScaleRow
from extract.parse.rows import data_rows

LOWER_ONLY_RE = re.compile(r"(lebih dari|di ?atas|>|≥|=>|>=|minimal|ke atas)", re.IGNORECASE)


UPPER_ONLY_RE = re.compile(r"(kurang dari|di ?bawah|<|≤|=<|<=|maksimal|ke bawah)", re.IGNORECASE)


def scale_rows(table: RawTable, layout: TableLayout) -> list[ScaleRow]:
    """'Lebih dari 100% | Sangat baik', 'Baik | 75,00 - 89,9', 'Sangat Baik | ≥ 90' -> bounds.
    Bounds are kept inclusive; a value on a boundary may fit two labels, and the data-quality
    check accepts either."""
    rows = []
    for row in data_rows(table, layout.header_rows):
        texts = [c for c in row.cells if c and not is_row_number(c)]
        ranges = [c for c in texts if re.search(r"\d", c)]
        labels = [c for c in texts if not re.search(r"\d", c)]
        if len(ranges) != 1 or not labels:
            continue
        lower, upper = _bounds(ranges[0])
        if (lower is not None or upper is not None) and lower != upper:  # a weight is not a grade
            rows.append(ScaleRow(table.table_id, row.page, labels[0], lower, upper, ranges[0]))
    return rows if len(rows) >= 2 else []


def _bounds(text: str) -> tuple[float | None, float | None]:
    span = parse_range(text, None)
    if span:
        return span
    numbers = [parse_number(n, "id") for n in re.findall(r"\d+(?:[.,]\d+)?", text)]
    if len(numbers) == 2 and None not in numbers:  # "76 ≤ x < 91"
        return min(numbers), max(numbers)
    value = numbers[0] if numbers else None
    if UPPER_ONLY_RE.search(text):
        return None, value
    if LOWER_ONLY_RE.search(text):
        return value, None
    return value, value
