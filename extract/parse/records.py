"""The fact records the parsers emit, one per row of the raw fact tables (warehouse/raw_schema.py).

Names are cleaned here, where every record is built (parse/names.py): a parser passes the name as
printed, the record keeps it in `*_name_raw` and holds the clean name.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from extract.parse.names import PrintedName


@dataclass
class BudgetLine(PrintedName):
    name_field = "line_name"
    table_id: str
    row_index: int
    source_page: int
    line_number: str | None
    level: str
    level_method: str
    line_name: str
    budget_raw: str
    budget_idr: float | None
    realization_raw: str
    realization_idr: float | None
    absorption_raw: str
    absorption_pct_reported: float | None
    fiscal_year: int | None
    line_name_raw: str | None = None  # as printed; line_name is clean_name of it


@dataclass
class IndicatorRow(PrintedName):
    table_id: str
    row_index: int
    source_page: int
    level: str
    goal_name: str | None
    indicator_name: str
    unit: str | None
    fiscal_year: int | None
    target_raw: str
    target_value: float | None
    realization_raw: str
    realization_value: float | None
    achievement_raw: str
    achievement_pct_reported: float | None
    category_reported: str | None
    indicator_name_raw: str | None = None  # as printed; indicator_name is clean_name of it


@dataclass
class ScaleRow:
    table_id: str
    source_page: int
    category_label: str
    lower_pct: float | None  # null: open below
    upper_pct: float | None  # null: open above
    raw_text: str


def as_records(items) -> list[dict]:
    return [asdict(item) for item in items]
