"""`lkjip sql`: a query on the published warehouse that can read it and nothing else.

DuckDB's read-only mode protects only the database file itself: without more, a query could
COPY over the published file, read any file on the machine, ATTACH another database for writing,
or download an extension. The connection here has external access disabled, extension
installing and loading off, and its configuration locked, so no statement can switch them back.
"""
from __future__ import annotations

from pathlib import Path

LOCKED_DOWN = {
    "enable_external_access": False,  # no file, glob, COPY TO, ATTACH or HTTP beyond the warehouse
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,  # no SET can undo the above
}


class QueryRefused(Exception):
    """A statement the query command will not run, with a one-line reason."""


def read_only_connection(warehouse: Path):
    import duckdb

    return duckdb.connect(str(warehouse), read_only=True, config=dict(LOCKED_DOWN))


def run_query(warehouse: Path, sql: str):
    """The result of `sql` as a pandas DataFrame; QueryRefused with a one-line reason otherwise."""
    import duckdb

    with read_only_connection(warehouse) as con:
        try:
            return con.execute(sql).df()
        except duckdb.Error as exc:
            raise QueryRefused(refusal(exc)) from exc


def refusal(exc: Exception) -> str:
    """One line: what DuckDB said, and why the command refuses when it is a guard at work."""
    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    if "disabled by configuration" in first or "external extensions is disabled" in first:
        return f"refused: lkjip sql reads the published warehouse only ({first})"
    if "read-only mode" in first:
        return f"refused: the warehouse is opened read-only ({first})"
    if "configuration has been locked" in first:
        return f"refused: settings cannot be changed by a query ({first})"
    return first


# ---------------------------------------------------------------- printing a result for people

MIN_VALUE_WIDTH = 20  # a table column narrower than this (or its longest value) is unreadable: go vertical


def cell_text(value) -> str:
    import pandas as pd

    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):  # lists and arrays are values, not nulls
        pass
    return str(value)


def fits_as_table(frame, width: int) -> bool:
    """Whether every header and at least MIN_VALUE_WIDTH of each column's values fit on `width` columns."""
    needed = 1
    for column in frame.columns:
        longest = max((len(cell_text(v)) for v in frame[column]), default=0)
        needed += max(len(str(column)), min(longest, MIN_VALUE_WIDTH)) + 3  # "│ x " borders and padding
    return needed <= width


def render_vertical(frame) -> str:
    """One block per record, one `column | value` line per field (psql's expanded display)."""
    label_width = max((len(str(c)) for c in frame.columns), default=0)
    lines = []
    for number, row in enumerate(frame.itertuples(index=False), start=1):
        lines.append(f"-[ RECORD {number} ]" + "-" * max(label_width - 8, 4))
        lines += [f"{str(c).ljust(label_width)} | {cell_text(v)}" for c, v in zip(frame.columns, row, strict=True)]
    return "\n".join(lines)


def print_frame(frame, layout: str = "table", echo=print) -> None:
    """`table` (vertical when the columns do not fit the terminal) or `vertical`. Data is printed as
    text: no console markup or emoji codes in a value are interpreted ('[bold]x[/bold]' stays literal)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(markup=False, emoji=False, highlight=False)
    if layout == "vertical" or not fits_as_table(frame, console.width):
        if len(frame):
            echo(render_vertical(frame))
    else:
        table = Table(show_lines=False)
        for column in frame.columns:
            table.add_column(Text(str(column)), overflow="fold")
        for row in frame.itertuples(index=False):
            table.add_row(*[Text(cell_text(v)) for v in row])
        console.print(table)
    echo(f"{len(frame)} rows")
