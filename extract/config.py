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


def extract_workers(cli_value: int | None = None) -> int:
    """Extraction worker processes of a CLI run: --workers, then $LKJIP_WORKERS, else one per core
    this process may use (each worker reads one document at a time on one core)."""
    value = cli_value or os.environ.get("LKJIP_WORKERS")
    try:
        return max(1, int(value)) if value else len(os.sched_getaffinity(0))
    except ValueError:
        return len(os.sched_getaffinity(0))


def export_history_days() -> int:
    """Days a previous publish's exports are kept under exports_history/ ($LKJIP_EXPORT_HISTORY_DAYS,
    default 14; a value that is not a whole number of days gives the default)."""
    value = os.environ.get("LKJIP_EXPORT_HISTORY_DAYS", "")
    return max(0, int(value)) if value.strip().isdigit() else 14


def dbt_threads() -> int:
    """dbt threads ($LKJIP_DBT_THREADS, else one per core): independent models build side by side."""
    value = os.environ.get("LKJIP_DBT_THREADS")
    return max(1, int(value)) if value and value.isdigit() else len(os.sched_getaffinity(0))


def storage_url() -> str | None:
    """Object storage for the landing PDFs and extracted files ($LKJIP_STORAGE_URL, e.g.
    s3://lkjip/prod), shared by workers on several machines; unset: everything stays in the data dir."""
    return os.environ.get("LKJIP_STORAGE_URL") or None


def work_dir(data: Path) -> Path:
    """A worker's own local folder for the PDFs it downloads from object storage and the files it
    extracts before uploading them ($LKJIP_WORK_DIR, else `work/` under its data dir `data`)."""
    return Path(os.environ.get("LKJIP_WORK_DIR") or Path(data) / "work")


def warehouse_queue() -> str:
    """The Celery queue of the tasks that read or write the run's local state (crawl log, build,
    warehouse): served by the one worker that holds the warehouse ($LKJIP_WAREHOUSE_QUEUE, default
    `default`, which every worker serves: right for one machine and for LocalExecutor)."""
    return os.environ.get("LKJIP_WAREHOUSE_QUEUE") or "default"
