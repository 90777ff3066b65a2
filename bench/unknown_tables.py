"""Tables the extractor kept but left `unknown`, among the tables that look like data tables.

A table counts when it has at least two numeric columns (read from cells.parquet): a column is
numeric when at least two of its non-empty cells, and at least half of them, are numbers
(1.871.557.000, 95,22 %, Rp 6,847,986,125.50, (3.14), 2.615.969.188,-) and it is not a row-numbering
column (only 1-3 digit integers, mostly counting up by one). Header cells are part of the column
and are simply outvoted. The share reported is unknown / counted, with the counted tables' families.
"""
from __future__ import annotations

import re
from collections import Counter

NUMBER_CELL = re.compile(r"^\(?-?(rp\.?\s*)?\d[\d.,]*(\s*%)?\)?(,-|\.-|\.)?$", re.I)
NUMBERING_CELL = re.compile(r"^\d{1,3}[.)]?$")


def is_number(text: str) -> bool:
    return bool(NUMBER_CELL.match(" ".join(str(text).split())))


def _is_numbering(texts: list[str]) -> bool:
    if not all(NUMBERING_CELL.match(t) for t in texts):
        return False
    values = [int(re.sub(r"\D", "", t)) for t in texts]
    steps = list(zip(values, values[1:]))
    counting = sum(1 for a, b in steps if b == a + 1 or b == 1)
    return not steps or counting >= 0.8 * len(steps)


def numeric_columns(cells) -> int:
    """Number of numeric columns of one table's cells (a DataFrame of row_index, col_index, text)."""
    count = 0
    for _, col in cells.groupby("col_index"):
        texts = [" ".join(str(t).split()) for t in col.sort_values("row_index").text if str(t).strip()]
        numbers = [t for t in texts if is_number(t)]
        if len(numbers) >= 2 and len(numbers) >= 0.5 * len(texts) and not _is_numbering(numbers):
            count += 1
    return count


def table_census(tables, cells) -> dict:
    """{'numeric_tables', 'unknown', 'families', 'unknown_tables'} of one document."""
    out = {"numeric_tables": 0, "unknown": 0, "families": Counter(), "unknown_tables": []}
    if tables.empty or cells.empty:
        return out
    by_table = dict(tuple(cells.groupby("table_id")))
    for t in tables.to_dict("records"):
        table_cells = by_table.get(t["table_id"])
        if table_cells is None or numeric_columns(table_cells) < 2:
            continue
        out["numeric_tables"] += 1
        out["families"][t["family"]] += 1
        if t["family"] == "unknown":
            out["unknown"] += 1
            out["unknown_tables"].append({"table_id": t["table_id"], "page_start": t["page_start"],
                                          "caption": (t.get("caption") or "")[:100]})
    return out


def combine(censuses: list[dict]) -> dict:
    """Sum of several documents' censuses, with the unknown share."""
    families: Counter = Counter()
    for c in censuses:
        families.update(c["families"])
    numeric = sum(c["numeric_tables"] for c in censuses)
    unknown = sum(c["unknown"] for c in censuses)
    return {"documents": len(censuses), "numeric_tables": numeric, "unknown": unknown,
            "unknown_share": round(unknown / numeric, 4) if numeric else None, "families": dict(families)}
