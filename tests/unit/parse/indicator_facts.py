"""The indicator facts of one printed table, as tuples, for the indicator-column tests."""
from __future__ import annotations

from extract.model import RawTable
from extract.parse.families import INDICATOR, classify
from extract.parse.indicators import indicator_rows


def table_facts(rows: list[list[str]], caption: str = "", doc_format: str = "id") -> list[tuple]:
    """(year, name, target, realisation, capaian) of each fact; the table must classify as an indicator table."""
    layout = classify(rows, caption)
    assert layout.family == INDICATOR
    table = RawTable("t", 1, "lattice", rows, [1] * len(rows), caption=caption)
    return [(f.fiscal_year, f.indicator_name, f.target_value, f.realization_value, f.achievement_pct_reported)
            for f in indicator_rows(table, layout, doc_format)]
