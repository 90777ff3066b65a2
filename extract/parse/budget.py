"""Budget lines (anggaran, realisasi, %) of a budget table, with provenance."""
from __future__ import annotations

import re

from extract.model import UNRULED_FLAVORS, RawTable
from extract.numerals import detect_format, is_row_number, looks_numeric, parse_number
from extract.parse import classify as cls
from extract.parse.budget_levels import assign_levels
from extract.parse.records import BudgetLine
from extract.parse.rows import Row, cell, data_rows


def budget_lines(table: RawTable, layout: cls.TableLayout, doc_format: str | None) -> list[BudgetLine]:
    roles = cls.budget_columns(layout.labels, layout.unit_multiplier)
    rows = data_rows(table, layout.header_rows)
    table_format = detect_format([c for r in rows for c in r.cells if looks_numeric(c)], prior=doc_format)
    year = cls.year_in(table.caption)
    lines = [line for row in rows if (line := _budget_line(table, row, roles, table_format, year))]
    assign_levels(lines)
    return lines


AMOUNT_TOKEN_RE = re.compile(r"(?:Rp\.?\s*)?-?\d[\d.,]*%?(?:,-)?$")


def _budget_line(table: RawTable, row: Row, roles: cls.BudgetColumns, fmt: str | None,
                 year: int | None) -> BudgetLine | None:
    first = next((c for c in row.cells if c), "")  # numbering leads the row, in whichever column
    numbering = first if is_row_number(first) and len(first) <= 5 and not looks_numeric(first.rstrip(".")) \
        or re.fullmatch(r"\d{1,3}\.?", first) else None
    numeric = [c for c in row.cells if c and looks_numeric(c) and c != numbering]
    name = " ".join(c for c in row.cells if c and c != numbering and not looks_numeric(c))
    if table.flavor in UNRULED_FLAVORS:  # columns drift: read the line's text, in reading order
        name, numeric = _split_trailing_amounts(" ".join(c for c in row.cells if c and c != numbering))
    if not numeric or not name:
        return None  # section headings ("BIDANG ...") and empty rows carry no amounts
    budget, realization, absorption = _amount_cells(row, roles, numeric)
    return BudgetLine(
        table_id=table.table_id, row_index=row.index, source_page=row.page, line_number=numbering,
        level="", level_method="", line_name=name,
        budget_raw=budget, budget_idr=_rupiah(budget, fmt, roles.budget_multiplier),
        realization_raw=realization, realization_idr=_rupiah(realization, fmt, roles.realization_multiplier),
        absorption_raw=absorption, absorption_pct_reported=parse_number(absorption, fmt),
        fiscal_year=year,
    )


def _rupiah(text: str, fmt: str | None, multiplier: int) -> float | None:
    """An amount printed in thousands or millions ("(Rp 000)" in the header) in rupiah."""
    value = parse_number(text, fmt)
    return value * multiplier if value is not None else None


def _split_trailing_amounts(text: str) -> tuple[str, list[str]]:
    """'ADMINISTRASI KEUANGAN Rp 5,781,103,415.43 Rp 4,839,258,433.00 83.71' -> name + amounts.
    Unruled columns drift from page to page; the order of the amounts at the end of a budget
    line does not (anggaran, realisasi, %)."""
    tokens: list[str] = []
    for token in text.split():
        if tokens and tokens[-1] in ("Rp", "Rp.") and re.match(r"-?\d", token):
            tokens[-1] = f"Rp {token}"  # "Rp" printed apart from its number
        else:
            tokens.append(token)
    amounts: list[str] = []
    while tokens and len(amounts) < 3 and AMOUNT_TOKEN_RE.fullmatch(tokens[-1]):
        amounts.insert(0, tokens.pop())
    return " ".join(tokens), amounts


def _amount_cells(row: Row, roles: cls.BudgetColumns, numeric: list[str]) -> tuple[str, str, str]:
    """Budget, realization and % by header position; by order when the row is shifted."""
    by_role = [cell(row, getattr(roles, k)) for k in ("budget", "realization", "absorption")]
    role_cols = [getattr(roles, k) for k in ("budget", "realization", "absorption")]
    stray_left = any(c in numeric for c in row.cells[: min(c for c in role_cols if c is not None)]) \
        if any(c is not None for c in role_cols) else False
    if stray_left or not set(numeric) <= set(row.cells):  # a row shifted left, or amounts read from its text
        padded = numeric + ["", "", ""]
        return padded[0], padded[1], padded[2]
    if by_role[0] and by_role[1] and all(looks_numeric(c) for c in by_role[:2]):
        return by_role[0], by_role[1], by_role[2] if looks_numeric(by_role[2]) else ""
    padded = numeric + ["", "", ""]
    return padded[0], padded[1], padded[2]
