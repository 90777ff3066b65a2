"""Paths and environment variables.

Every path is relative to the current working directory unless an environment
variable says otherwise, so the CLI, the DAGs and the tests can all point the
pipeline at a scratch directory with `LKJIP_DATA_DIR` / `LKJIP_WAREHOUSE`.
"""
from __future__ import annotations

import os
from pathlib import Path


def repo_root() -> Path:
    """The checkout this package lives in (extract/ is one level below it)."""
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("LKJIP_DATA_DIR") or "data")






def warehouse_path(cli_value: str | os.PathLike | None = None) -> Path:
    """The published warehouse: CLI flag, then $LKJIP_WAREHOUSE, then the default."""
    if cli_value:
        return Path(cli_value)
    return Path(os.environ.get("LKJIP_WAREHOUSE") or "warehouse/lkjip.duckdb")


def crawl_min_interval() -> float:
    """Seconds between two requests to one host ($LKJIP_CRAWL_INTERVAL, default 1).

    Real portals get the polite default; the local demo portal and tests may set 0.
    """
    try:
        return max(0.0, float(os.environ.get("LKJIP_CRAWL_INTERVAL", "1")))
    except ValueError:
        return 1.0
