"""Settings read from the environment, with their defaults. Standard library only.

Relative defaults resolve against the working directory for the CLI (so tests and users can
point a run at a scratch folder), and against the project home for the DAGs (`base=`), whose
working directory is wherever the Airflow worker happens to run.
"""
from __future__ import annotations

import os
from pathlib import Path

from extract import layout


def _under(base: Path | None, relative: str) -> Path:
    return Path(base) / relative if base is not None else Path(relative)


def data_dir(base: Path | None = None) -> Path:
    """Landing area, extracted files and run reports: $LKJIP_DATA_DIR, else data/."""
    return Path(os.environ.get("LKJIP_DATA_DIR") or _under(base, "data"))


def warehouse_path(cli_value: str | os.PathLike | None = None, base: Path | None = None) -> Path:
    """The published warehouse: CLI flag, then $LKJIP_WAREHOUSE, then warehouse/lkjip.duckdb."""
    if cli_value:
        return Path(cli_value)
    return Path(os.environ.get("LKJIP_WAREHOUSE") or _under(base, "warehouse/lkjip.duckdb"))


def sources_file() -> Path:
    """The sources registry the nightly DAG crawls: $LKJIP_SOURCES, else sources/indonesia.yaml."""
    return Path(os.environ.get("LKJIP_SOURCES") or layout.sources_dir() / "indonesia.yaml")


def crawl_min_interval() -> float:
    """Seconds between two requests to one host ($LKJIP_CRAWL_INTERVAL, default 1).

    Real portals get the polite default; the local demo portal and tests may set 0.
    """
    try:
        return max(0.0, float(os.environ.get("LKJIP_CRAWL_INTERVAL", "1")))
    except ValueError:
        return 1.0
