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
