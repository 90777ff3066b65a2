"""Where everything lives: the project's own files, the areas of a data directory, the run lock.

Standard library only, so the CLI, the DAG files and the worker can import it for nothing.
A path, a file name or a version string that two modules need is defined here and nowhere else.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# Bump when extraction output changes: every document is then re-extracted on the next run.
EXTRACTOR_VERSION = "0.38.0"
# The per-document files an extraction writes (<name>.parquet) and the load reads into raw.<name>.
FACT_FILES = ("tables", "cells", "indicators", "budget_lines", "category_scales", "plan_targets")
DOCUMENT_RECORD = "document.json"


# ---------------------------------------------------------------- the project's own files


def project_home() -> Path:
    """The folder holding dbt_project/, expectations/, docs/, sources/ and samples/: $LKJIP_HOME,
    else the checkout (or image folder) this package was installed from."""
    home = os.environ.get("LKJIP_HOME")
    return Path(home) if home else Path(__file__).resolve().parent.parent


def dbt_project_dir() -> Path:
    return project_home() / "dbt_project"


def seeds_dir() -> Path:
    return dbt_project_dir() / "seeds"


def expectations_dir() -> Path:
    return project_home() / "expectations"


def glossary_path() -> Path:
    return project_home() / "docs" / "GLOSSARY.md"


def samples_dir() -> Path:
    return project_home() / "samples"


def sources_dir() -> Path:
    return project_home() / "sources"


# ---------------------------------------------------------------- a data directory


@dataclass(frozen=True)
class DataLayout:
    """The areas of one data directory (`--data-dir`, $LKJIP_DATA_DIR)."""

    root: Path

    @property
    def landing(self) -> Path:  # <sha256>.pdf + fetch_log.jsonl, append-only
        return self.root / "landing"

    @property
    def extracted(self) -> Path:  # <sha256>/<extractor version>/{document.json, <fact>.parquet}
        return self.root / "extracted"

    @property
    def builds(self) -> Path:  # <run id>/lkjip.duckdb: a run's own new warehouse file
        return self.root / "build"

    @property
    def runs(self) -> Path:  # <run id>.json: what each run did
        return self.root / "runs"

    @property
    def overrides(self) -> Path:  # region / year set by an operator, per document
        return self.root / "overrides.json"

    @property
    def lock(self) -> Path:
        return self.root / "run.lock"

    def output_dir(self, document_id: str) -> Path:
        return self.extracted / document_id / EXTRACTOR_VERSION

    def is_extracted(self, document_id: str) -> bool:
        return (self.output_dir(document_id) / DOCUMENT_RECORD).exists()

    def failure_path(self, document_id: str) -> Path:
        """Where a worker that died (time or memory limit) leaves its record for this version."""
        return self.extracted / document_id / f"{EXTRACTOR_VERSION}.failed.json"

    def build_path(self, run_id: str) -> Path:
        return self.builds / run_id / "lkjip.duckdb"


def output_dir(extracted_root: Path, document_id: str) -> Path:
    """The extraction folder of one document under an `extracted` area."""
    return Path(extracted_root) / document_id / EXTRACTOR_VERSION


# ---------------------------------------------------------------- the run lock


def warehouse_lock(warehouse: Path) -> Path:
    """The lock beside a warehouse file: two runs with different data directories never publish at once."""
    warehouse = Path(warehouse)
    return warehouse.with_name(f".{warehouse.name}.lock")


def pid_alive(pid: int) -> bool:
    """Is process `pid` of this host still running (a zombie counts as gone)?"""
    if pid <= 0:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


class RunLocked(RuntimeError):
    pass


@contextmanager
def run_lock(lock_path: Path) -> Iterator[None]:
    """One run at a time; a second one refuses at once with a clear message."""
    lock_path = Path(lock_path)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise RunLocked(f"another run is in progress ({holder}, lock {lock_path}); "
                        "wait for it to finish and run again") from None
    try:
        handle.truncate(0)
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def lock_holder(lock_path: Path) -> str | None:
    """Who holds the run lock ('pid N'), or None when no run is in progress."""
    if not Path(lock_path).exists():
        return None
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            return handle.read().strip() or "another process"
        fcntl.flock(handle, fcntl.LOCK_UN)
    return None
