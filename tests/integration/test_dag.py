"""The Airflow DAGs: they import cleanly, have the agreed shape, and `airflow dags test lkjip_nightly`
runs the real pipeline against the sample portal and publishes a warehouse with Jepara's facts.

Airflow runs in subprocesses with its own AIRFLOW_HOME and SQLite metadata in a temporary folder,
so nothing here touches ~/airflow or the checkout. Run alone with `make airflow-test`.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.paths import REPO

pytestmark = pytest.mark.slow

DAGS = REPO / "dags"
AIRFLOW = str(Path(sys.executable).parent / "airflow")


def _run(cmd: list[str], env: dict, timeout: int, cwd: Path) -> subprocess.CompletedProcess:
    started = time.monotonic()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    print(f"{' '.join(cmd[:4])}: rc={proc.returncode} in {time.monotonic() - started:.1f}s")
    return proc


def _check(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 0, (
        f"rc={proc.returncode}\n--- stdout (tail) ---\n{proc.stdout[-6000:]}\n"
        f"--- stderr (tail) ---\n{proc.stderr[-6000:]}"
    )


@pytest.fixture(scope="module")
def airflow_env(tmp_path_factory) -> dict:
    """Environment for a throwaway Airflow: SQLite metadata migrated, pool created."""
    home = tmp_path_factory.mktemp("airflow_home")
    env = dict(os.environ)
    env.update(
        AIRFLOW_HOME=str(home),
        AIRFLOW__CORE__DAGS_FOLDER=str(DAGS),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        AIRFLOW__CORE__PARALLELISM="4",
        AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=f"sqlite:///{home}/airflow.db",
        DBT_SEND_ANONYMOUS_USAGE_STATS="False",
        GX_ANALYTICS_ENABLED="False",
        DO_NOT_TRACK="1",
        AIRFLOW__COSMOS__ENABLE_TELEMETRY="False",
    )
    _check(_run([AIRFLOW, "db", "migrate"], env, 300, home))
    _check(_run([AIRFLOW, "pools", "set", "lkjip_warehouse", "1", "warehouse writer"], env, 120, home))
    return env


DESCRIBE = textwrap.dedent(
    """
    import json, sys
    from airflow.dag_processing.dagbag import DagBag
    bag = DagBag(dag_folder=sys.argv[1])
    out = {"import_errors": {str(k): str(v) for k, v in bag.import_errors.items()}, "dags": {}}
    for dag_id, dag in bag.dags.items():
        out["dags"][dag_id] = {
            "fileloc": dag.fileloc,
            "timetable": type(dag.timetable).__name__,
            "cron": getattr(dag.timetable, "expression", None),
            "cron_timezone": str(getattr(dag.timetable, "timezone", None)),
            "timezone": str(dag.timezone.name if hasattr(dag.timezone, "name") else dag.timezone),
            "catchup": dag.catchup,
            "max_active_runs": dag.max_active_runs,
            "tasks": {
                t.task_id: {
                    "upstream": sorted(t.upstream_task_ids),
                    "mapped": bool(getattr(t, "is_mapped", False)) or type(t).__name__ == "MappedOperator",
                    "pool": t.pool,
                    "retries": t.retries,
                    "trigger_rule": str(getattr(t.trigger_rule, "value", t.trigger_rule)),
                    "has_failure_callback": bool(t.on_failure_callback),
                    "outlets": [[getattr(a, "name", None), getattr(a, "uri", None)] for a in t.outlets],
                }
                for t in dag.tasks
            },
        }
    print("DAGBAG_JSON=" + json.dumps(out))
    """
)


@pytest.fixture(scope="module")
def dagbag(airflow_env, tmp_path_factory) -> dict:
    env = dict(airflow_env)
    warehouse = tmp_path_factory.mktemp("wh_parse") / "lkjip.duckdb"
    env["LKJIP_WAREHOUSE"] = str(warehouse)
    proc = _run([sys.executable, "-c", DESCRIBE, str(DAGS)], env, 300, Path(env["AIRFLOW_HOME"]))
    _check(proc)
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("DAGBAG_JSON="))
    out = json.loads(line.split("=", 1)[1])
    out["warehouse"] = str(warehouse)
    return out


CHAIN = ["load", "transform", "validate", "publish"]


def test_dag_files_import_without_errors(dagbag):
    assert dagbag["import_errors"] == {}
    assert {"lkjip_nightly", "lkjip_reprocess"} <= set(dagbag["dags"])


def test_nightly_structure(dagbag):
    dag = dagbag["dags"]["lkjip_nightly"]
    assert dag["cron"] == "0 1 * * *"
    assert dag["timezone"] == "Asia/Jakarta"
    assert "Asia/Jakarta" in dag["cron_timezone"]  # 01:00 WIB, not UTC
    assert dag["catchup"] is False
    assert dag["max_active_runs"] == 1
    tasks = dag["tasks"]
    assert set(tasks) == {"start_run", "crawl", "extract_one", "changes", *CHAIN}
    assert tasks["start_run"]["upstream"] == []
    assert tasks["crawl"]["upstream"] == ["start_run"]
    assert tasks["extract_one"]["upstream"] == ["crawl", "start_run"]
    assert tasks["extract_one"]["mapped"] is True
    assert not any(tasks[t]["mapped"] for t in tasks if t != "extract_one")
    assert tasks["changes"]["upstream"] == ["extract_one", "start_run"]
    assert tasks["changes"]["trigger_rule"] == "none_failed"  # compares when nothing new was found
    assert tasks["load"]["upstream"] == ["changes", "start_run"]
    for prev, nxt in zip(CHAIN, CHAIN[1:]):
        assert tasks[nxt]["upstream"] == sorted([prev, "start_run"])
    for t in ("crawl", "extract_one"):
        assert tasks[t]["retries"] == 2
    for t in CHAIN:
        assert tasks[t]["pool"] == "lkjip_warehouse"
    assert all(t["has_failure_callback"] for t in tasks.values())
    assert tasks["publish"]["outlets"] == [["lkjip_warehouse", Path(dagbag["warehouse"]).as_uri()]]


def test_reprocess_structure(dagbag):
    dag = dagbag["dags"]["lkjip_reprocess"]
    assert dag["cron"] is None and dag["timetable"] == "NullTimetable"  # manual only
    tasks = dag["tasks"]
    assert set(tasks) == {"start_run", "reprocess_ids", "extract_one", "changes", *CHAIN}
    assert "crawl" not in tasks  # nothing is downloaded again
    assert tasks["reprocess_ids"]["upstream"] == ["start_run"]
    assert tasks["extract_one"]["mapped"] is True
    assert tasks["extract_one"]["upstream"] == ["reprocess_ids", "start_run"]
    assert tasks["load"]["upstream"] == ["changes", "start_run"]
    for t in CHAIN:
        assert tasks[t]["pool"] == "lkjip_warehouse"
    assert tasks["publish"]["outlets"] == [["lkjip_warehouse", Path(dagbag["warehouse"]).as_uri()]]


def _published_files(folder: Path) -> dict[str, str]:
    """sha256 of every file beside the published warehouse (exports, serving file, site, docs)."""
    from extract.fsutil import sha256_file

    return {str(p.relative_to(folder)): sha256_file(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_airflow_dags_test_nightly_builds_the_warehouse_then_skips(airflow_env, portal_url, tmp_path):
    import duckdb

    env = dict(airflow_env)
    warehouse = tmp_path / "warehouse" / "lkjip.duckdb"
    env.update(
        LKJIP_SOURCES=str(REPO / "sources" / "demo.yaml"),
        LKJIP_PORTAL_URL=str(portal_url),
        LKJIP_DATA_DIR=str(tmp_path / "data"),
        LKJIP_WAREHOUSE=str(warehouse),
    )
    # cwd is a scratch folder: the DAG must not depend on being started from the checkout.
    _check(_run([AIRFLOW, "dags", "test", "lkjip_nightly"], env, 1200, tmp_path))

    assert warehouse.is_file(), "publish did not produce the warehouse file"
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            """
            SELECT indicator_name, target_value, realization_value
            FROM marts.fct_performance_indicator
            WHERE region_code = '33.20' AND fiscal_year = 2024
            """
        ).fetchall()
    finally:
        con.close()
    assert rows, "no Jepara 2024 indicators in marts.fct_performance_indicator"
    siap_kerja = [r for r in rows if r[0] and r[0].strip().lower() == "persentase tenaga kerja siap kerja"]
    assert siap_kerja, f"indicator missing; have: {sorted({r[0] for r in rows})}"
    for _, target, realization in siap_kerja:
        assert target == pytest.approx(2.90)
        assert realization == pytest.approx(2.73)

    # The same portal again: nothing new, so the chain after `changes` is skipped, and says so.
    published = _published_files(warehouse.parent)
    again = _run([AIRFLOW, "dags", "test", "lkjip_nightly"], env, 600, tmp_path)
    _check(again)
    assert "nothing changed" in again.stdout + again.stderr
    assert _published_files(warehouse.parent) == published  # not one published byte rewritten
    runs = [json.loads(p.read_text()) for p in sorted((tmp_path / "data" / "runs").glob("*.json"))]
    assert [("skipped" in r, "publish" in r) for r in runs] == [(False, True), (True, False)]
