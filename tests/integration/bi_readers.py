"""DuckDB 1.x readers of the serving file, as BI tools ship them: the `duckdb-cli` 1.5 binary (PyPI, in the
venv) and `@duckdb/node-api` 1.x (npm, the library of Evidence's DuckDB connector), installed on first use
into build/node-duckdb."""
from __future__ import annotations

import csv
import functools
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.file_lock import exclusive
from tests.paths import REPO

NODE_API = "@duckdb/node-api@1.5.6-r.1"
NODE_DIR = REPO / "build" / "node-duckdb"
NODE_SCRIPT = Path(__file__).parent / "node" / "read_duckdb.mjs"
DUCKDB_CLI = Path(sys.executable).with_name("duckdb")


def cli_version() -> str:
    return subprocess.run([str(DUCKDB_CLI), "--version"], capture_output=True, text=True, check=True).stdout.strip()


def cli_rows(path: Path, queries: list[str]) -> list[tuple]:
    """Every query through the 1.x CLI (read-only); the rows of the last one as text tuples."""
    for sql in queries[:-1]:
        _cli(path, sql)
    return [tuple(r) for r in csv.reader(io.StringIO(_cli(path, queries[-1])))]


def _cli(path: Path, sql: str) -> str:
    proc = subprocess.run([str(DUCKDB_CLI), "-readonly", "-csv", "-noheader", str(path)], input=sql,
                          capture_output=True, text=True, timeout=60)
    if proc.returncode or "Error" in proc.stderr:
        raise RuntimeError(f"duckdb CLI: {proc.stderr.strip() or proc.stdout.strip()}")
    return proc.stdout


@functools.lru_cache(maxsize=1)
def node_api_dir() -> Path:
    """build/node-duckdb with @duckdb/node-api 1.x installed (npm, once)."""
    if not shutil.which("node") or not shutil.which("npm"):
        pytest.skip("node / npm not installed (scripts/setup.sh installs them as root)")
    installed = NODE_DIR / "node_modules" / "@duckdb" / "node-api" / "package.json"
    wanted = NODE_API.rsplit("@", 1)[1]
    with exclusive(NODE_DIR / ".install.lock"):  # one npm install, whatever test process asks first
        if not installed.exists() or json.loads(installed.read_text())["version"] != wanted:
            subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(NODE_DIR), NODE_API],
                           check=True, capture_output=True, text=True, timeout=300)
        script = NODE_DIR / NODE_SCRIPT.name
        if not script.exists() or script.read_text() != NODE_SCRIPT.read_text():
            shutil.copyfile(NODE_SCRIPT, script)  # ESM resolves packages from the script's own folder
    return NODE_DIR


def node_rows(path: Path, queries: list[str]) -> list[list]:
    """Every query through @duckdb/node-api 1.x (read-only); the rows of the last one (JSON values)."""
    script = node_api_dir() / NODE_SCRIPT.name
    proc = subprocess.run(["node", str(script), str(path)], input=json.dumps(queries),
                          capture_output=True, text=True, timeout=60)
    if proc.returncode:
        raise RuntimeError(f"@duckdb/node-api: {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout)
