"""The fact records the parsers emit, one per row of the raw fact tables (warehouse/raw_schema.py)."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class BudgetLine:
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


@dataclass
class IndicatorRow:
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
