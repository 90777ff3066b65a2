"""Tables continued across pages merged into their start."""
from __future__ import annotations

from extract.model import UNRULED_FLAVORS, RawTable
from extract.numerals import is_column_number_row


def stitch(tables: list[RawTable]) -> list[RawTable]:
    """Merge a table that continues on the next page into its start.

    A continuation is the first table on its page, directly after a table that was the last
    one on the previous page, with no caption or new header of its own, and the same columns
    (the same count for ruled grids; for unruled tables, columns at the same x positions).
    Repeated header rows and column-number rows ("1 2 3 ...") at its top are dropped.
    """
    result: list[RawTable] = []
    for table in tables:
        previous = result[-1] if result else None
        if previous is not None and _continues(previous, table, tables):
            if table.n_cols != previous.n_cols:
                table.rows = align_columns(table, previous)
            body = _drop_repeated_header(previous, table.rows)
            skipped = len(table.rows) - len(body)
            previous.rows.extend(body)
            previous.row_pages.extend(table.row_pages[skipped:])
            previous.continued_from.append(table.table_id)
            previous.bottom = table.bottom  # now ends where the continuation ends
        else:
            result.append(table)
    return result


def _continues(previous: RawTable, table: RawTable, all_tables: list[RawTable]) -> bool:
    if table.caption or table.flavor != previous.flavor:
        return False
    if table.page_start != previous.page_end + 1:
        return False
    # Word alignment finds its own columns on every page; ruled grids must match exactly.
    if previous.n_cols != table.n_cols and not (
            table.flavor in UNRULED_FLAVORS and _columns_overlap(previous, table)):
        return False
    same_page = [t for t in all_tables if t.page_start == table.page_start]
    below_previous = [
        t for t in all_tables if t.page_start == previous.page_end and t.bottom < previous.bottom - 1
    ]
    is_top_of_page = all(t.top <= table.top for t in same_page)
    return is_top_of_page and not below_previous and not _starts_new_header(previous, table)


def _starts_new_header(previous: RawTable, table: RawTable) -> bool:
    """A first row that is a header ("No | Indikator | ...") different from the previous
    table's header starts another table, even without a caption."""
    first = table.rows[0] if table.rows else []
    opens_header = bool(first) and " ".join(first[0].split()).lower().rstrip(".") in {"no", "n o", "nomor"}
    return opens_header and _row_key(first) not in {_row_key(r) for r in previous.rows[:4]}


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))


def _best_column(bounds: tuple[float, float], columns: list[tuple[float, float]]) -> int | None:
    scores = [_overlap(bounds, c) for c in columns]
    if not scores or max(scores) <= 0:
        centre = (bounds[0] + bounds[1]) / 2
        return min(range(len(columns)), key=lambda i: abs((columns[i][0] + columns[i][1]) / 2 - centre)) \
            if columns else None
    return scores.index(max(scores))


def _columns_overlap(previous: RawTable, table: RawTable) -> bool:
    """Most columns of the continuation sit under a column of the previous page's table."""
    if not previous.col_bounds or not table.col_bounds:
        return False
    hits = sum(1 for b in table.col_bounds if any(_overlap(b, c) > 0 for c in previous.col_bounds))
    return hits >= max(2, len(table.col_bounds) - 1)


def align_columns(table: RawTable, previous: RawTable) -> list[list[str]]:
    """Re-grid a continuation onto the previous table's columns by their x positions."""
    mapping = [_best_column(b, previous.col_bounds) for b in table.col_bounds]
    if len(set(mapping)) < len(mapping):  # two columns would merge: keep reading order instead
        width = max(previous.n_cols, table.n_cols)
        return [row + [""] * (width - len(row)) for row in table.rows]
    aligned = []
    for row in table.rows:
        cells = [""] * previous.n_cols
        for col, text in enumerate(row):
            target = mapping[col] if col < len(mapping) else None
            if text and target is not None:
                cells[target] = f"{cells[target]} {text}".strip()
        aligned.append(cells)
    return aligned


def _drop_repeated_header(previous: RawTable, rows: list[list[str]]) -> list[list[str]]:
    header = {_row_key(r) for r in previous.rows[:4]}
    index = 0
    while index < len(rows) and index < 4:
        row = rows[index]
        if _row_key(row) in header or is_column_number_row(row):
            index += 1
        else:
            break
    return rows[index:]


def _row_key(row: list[str]) -> str:
    return "|".join(" ".join(c.split()).lower() for c in row)
