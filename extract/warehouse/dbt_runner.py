"""`dbt build` on a freshly loaded build database, as a subprocess.

dbt runs in its own process so that no read-write DuckDB connection survives in the caller (DuckDB allows
one writer; see TOOLCHAIN-NOTES). Target and log folders live next to the build database, never in the repo.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from extract import config, layout

DBT_PROJECT_DIR = layout.dbt_project_dir()


@dataclass
class DbtResult:
    success: bool
    returncode: int
    log_tail: str
    run_results: dict | None
    counts: dict[str, int] = field(default_factory=dict)  # status -> number of nodes (pass, warn, error, fail, ...)
    elapsed_s: float = 0.0
    target_dir: Path | None = None

    @property
    def warnings(self) -> list[str]:
        return _nodes_with_status(self.run_results, {"warn"})

    @property
    def failures(self) -> list[str]:
        return _nodes_with_status(self.run_results, {"error", "fail", "runtime error"})


def _nodes_with_status(run_results: dict | None, statuses: set[str]) -> list[str]:
    if not run_results:
        return []
    return [
        f"{r.get('unique_id')}: {r.get('message') or r.get('status')}"
        for r in run_results.get("results", [])
        if str(r.get("status")) in statuses
    ]


def _dbt_command() -> list[str]:
    """The dbt entry point of the running interpreter's environment."""
    script = Path(sys.executable).with_name("dbt")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from dbt.cli.main import cli; cli()"]


def _dbt_env(db_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        LKJIP_BUILD_DB=str(Path(db_path).resolve()),
        LKJIP_DBT_THREADS=str(config.dbt_threads()),
        DBT_SEND_ANONYMOUS_USAGE_STATS="False",
        DO_NOT_TRACK="1",
    )
    return env


def _run_dbt(args: list[str], db_path: Path, target_dir: Path, timeout_s: int) -> subprocess.CompletedProcess:
    target_dir.mkdir(parents=True, exist_ok=True)
    log_dir = target_dir.parent / "dbt_logs"
    cmd = _dbt_command() + args + [
        "--no-use-colors",
        "--project-dir", str(DBT_PROJECT_DIR),
        "--profiles-dir", str(DBT_PROJECT_DIR),
        "--target-path", str(target_dir),
        "--log-path", str(log_dir),
    ]
    return subprocess.run(
        cmd, cwd=str(target_dir.parent), env=_dbt_env(db_path), capture_output=True, text=True, timeout=timeout_s
    )


def _tail(text: str, n_lines: int = 60) -> str:
    return "\n".join(text.splitlines()[-n_lines:])


def run_dbt_build(db_path: Path, *, target_dir: Path | None = None, timeout_s: int = 900) -> DbtResult:
    """Run `dbt build` (seeds, models, tests) against the DuckDB file `db_path`.

    `success` is False when dbt exits non-zero (a model or an error-severity test failed); warn-severity
    test results are counted in `counts['warn']` and listed by `DbtResult.warnings`.
    """
    db_path = Path(db_path)
    target_dir = Path(target_dir) if target_dir else db_path.parent / "dbt_target"
    started = time.monotonic()
    proc = _run_dbt(["build"], db_path, target_dir, timeout_s)
    elapsed = time.monotonic() - started
    run_results = None
    rr_path = target_dir / "run_results.json"
    if rr_path.exists() and rr_path.stat().st_mtime >= time.time() - elapsed - 5:
        run_results = json.loads(rr_path.read_text())
    counts: dict[str, int] = {}
    for r in (run_results or {}).get("results", []):
        status = str(r.get("status"))
        counts[status] = counts.get(status, 0) + 1
    return DbtResult(
        success=proc.returncode == 0,
        returncode=proc.returncode,
        log_tail=_tail(proc.stdout + ("\n" + proc.stderr if proc.stderr else "")),
        run_results=run_results,
        counts=counts,
        elapsed_s=elapsed,
        target_dir=target_dir,
    )


def generate_docs(db_path: Path, out_dir: Path, *, target_dir: Path | None = None, timeout_s: int = 600) -> Path:
    """`dbt docs generate --static` (works offline) and copy the site to `out_dir`.

    Returns the path of the self-contained `static_index.html` copied as `out_dir/index.html`; manifest.json
    and catalog.json are copied beside it. Needs the built database (the catalog reads its schemas).
    """
    db_path = Path(db_path)
    out_dir = Path(out_dir)
    target_dir = Path(target_dir) if target_dir else db_path.parent / "dbt_target"
    proc = _run_dbt(["docs", "generate", "--static"], db_path, target_dir, timeout_s)
    if proc.returncode != 0:
        raise RuntimeError(f"dbt docs generate failed (rc={proc.returncode}):\n{_tail(proc.stdout + proc.stderr)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    static = target_dir / "static_index.html"
    index = out_dir / "index.html"
    shutil.copyfile(static if static.exists() else target_dir / "index.html", index)
    for name in ("manifest.json", "catalog.json"):
        if (target_dir / name).exists():
            shutil.copyfile(target_dir / name, out_dir / name)
    return index
