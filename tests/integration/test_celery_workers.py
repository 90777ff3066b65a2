"""Scale-out for real: the nightly DAG on Airflow's CeleryExecutor with two workers sharing only
object storage, against the single-machine run of the same sources.

On loopback: Redis (broker and result backend), an S3 server (moto in server mode), the Airflow
execution API, scheduler and dag-processor, and two `airflow celery worker` processes, each with its
own local folder. Worker A serves the warehouse queue (crawl, load, dbt, validate, publish) and
extracts; worker B only extracts. Where the machine allows it (root, `unshare`), each worker runs in
its own mount namespace in which the other's folder is an empty tmpfs: a read of the other's
folder fails instead of passing unnoticed.

Sources: the sample portal (samples/portal) plus three real documents of ../shared/corpus served
as a second portal (left out when the corpus is absent).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from extract.acquire.portal import serve_directory
from tests.paths import CORPUS, REPO

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
WAREHOUSE_QUEUE = "lkjip_warehouse"
# Small real reports with a text layer: a Renstra action plan, an Excel-exported budget sheet, quarterly realizations.
CORPUS_FILES = ("kab-grobogan-dpupr_2022_rencana-aksi.pdf", "wonosobo-diskominfo_2017_penjabaran-lra.pdf",
                "tangsel-dinkes_2023_realisasi-kinerja-triwulan.pdf")
RUN_TIMEOUT = 600  # seconds; the DAG run took 320-445 s on the shared 2-core machine


def _celery_executor_problem() -> str | None:
    """Why Airflow's CeleryExecutor cannot load here, or None. celery 5.7 dropped
    `celery.backends.database.retry`, which apache-airflow-providers-celery 3.26 imports."""
    probe = subprocess.run([sys.executable, "-c", "import airflow.providers.celery.executors.celery_executor_utils"],
                           capture_output=True, text=True, timeout=120)
    if probe.returncode == 0:
        return None
    return probe.stderr.strip().splitlines()[-1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _can_mask_folders() -> bool:
    """Can a process get its own mount namespace here (root with `unshare`)?"""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "true"], capture_output=True)
    return probe.returncode == 0


class Processes:
    """Background processes, each in its own session (so its whole group is stopped), logs in files."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        self.extra_logs: list[Path] = []  # task logs written by the workers
        self.procs: dict[str, subprocess.Popen] = {}

    def start(self, name: str, cmd: list[str], env: dict, cwd: Path) -> None:
        log = open(self.log_dir / f"{name}.log", "wb")
        self.procs[name] = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)

    def check_alive(self) -> None:
        dead = {n: p.returncode for n, p in self.procs.items() if p.poll() is not None}
        assert not dead, f"processes exited: {dead}\n{self.logs()}"

    def stop(self) -> None:
        for proc in self.procs.values():
            _signal_group(proc, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for proc in self.procs.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            _signal_group(proc, signal.SIGKILL)  # and whatever children it left in its group
            proc.wait(timeout=10)

    def logs(self, tail: int = 4000) -> str:
        parts = []
        for path in sorted(p for folder in (self.log_dir, *self.extra_logs) for p in folder.rglob("*.log")):
            parts.append(f"--- {path} (tail) ---\n"
                         f"{path.read_text(errors='replace')[-tail:]}")
        return "\n".join(parts)


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass


def _wait(what: str, check, timeout: float, procs: Processes, every: float = 1.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        procs.check_alive()
        found = check()
        if found:
            return found
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}\n{procs.logs()}")


def _http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _query(db: Path, sql: str, *params) -> list[tuple]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return con.execute(sql, params).fetchall()
    except sqlite3.OperationalError:  # table not created yet, or locked for a moment
        return []
    finally:
        con.close()


# ---------------------------------------------------------------- the sources both runs crawl


@pytest.fixture(scope="module")
def sources_file(tmp_path_factory):
    """The sample portal, plus three corpus reports behind a second listing page."""
    root = tmp_path_factory.mktemp("sources")
    corpus_site = root / "corpus_portal"
    corpus_site.mkdir()
    chosen = [name for name in CORPUS_FILES if (CORPUS / name).is_file()]
    for name in chosen:
        shutil.copyfile(CORPUS / name, corpus_site / name)
    links = "".join(f'<li><a href="{name}">{name}</a></li>' for name in chosen)
    (corpus_site / "index.html").write_text(f"<html><body><ul>{links}</ul></body></html>")
    with serve_directory(REPO / "samples") as portal, serve_directory(corpus_site) as corpus:
        entries = [_source("demo-portal", f"{portal}/portal/index.html")]
        if chosen:
            entries.append(_source("corpus-portal", f"{corpus}/index.html"))
        path = root / "sources.yaml"
        path.write_text(json.dumps({"sources": entries}, indent=2))  # JSON is YAML
        yield {"path": path, "corpus_documents": len(chosen)}


def _source(source_id: str, listing_url: str) -> dict:
    return {"id": source_id, "region_code": None, "name": source_id, "listing_urls": [listing_url],
            "allowed_hosts": ["127.0.0.1"], "allow_private_network": True, "max_pages": 5}


def _base_env() -> dict:
    env = dict(os.environ)
    env.update(LKJIP_CRAWL_INTERVAL="0", DBT_SEND_ANONYMOUS_USAGE_STATS="False", GX_ANALYTICS_ENABLED="False",
               DO_NOT_TRACK="1", PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}")
    for name in ("LKJIP_STORAGE_URL", "LKJIP_WORK_DIR", "LKJIP_WAREHOUSE_QUEUE", "LKJIP_HOME"):
        env.pop(name, None)
    return env


@pytest.fixture(scope="module")
def celery_executor():
    if not shutil.which("redis-server"):
        pytest.skip("no redis-server (Debian package redis-server): no Celery broker")
    problem = _celery_executor_problem()
    if problem:
        pytest.skip(f"the CeleryExecutor does not load with the locked packages: {problem} "
                    "(lock celery 5.6.x: the provider imports what celery 5.7 removed)")


@pytest.fixture(scope="module")
def single_machine(celery_executor, sources_file, tmp_path_factory):
    """The reference: `lkjip run` on one machine, local paths, started at once so that it runs while
    the cluster starts; the marts are compared when both are done."""
    root = tmp_path_factory.mktemp("single")
    warehouse = root / "warehouse" / "lkjip.duckdb"
    cmd = [str(BIN / "lkjip"), "run", "--no-progress", "--sources", str(sources_file["path"]),
           "--data-dir", str(root / "data"), "--warehouse", str(warehouse)]
    log = open(root / "run.log", "wb")
    proc = subprocess.Popen(cmd, env=_base_env(), cwd=root, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    yield {"proc": proc, "warehouse": warehouse, "log": root / "run.log"}
    if proc.poll() is None:
        _signal_group(proc, signal.SIGKILL)
        proc.wait(timeout=10)


# ---------------------------------------------------------------- the cluster


@pytest.fixture(scope="module")
def object_store():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=_free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {"AWS_ENDPOINT_URL": f"http://{host}:{port}", "AWS_ACCESS_KEY_ID": "lkjip-test",
           "AWS_SECRET_ACCESS_KEY": "lkjip-test-secret", "AWS_DEFAULT_REGION": "us-east-1"}
    import boto3

    boto3.client("s3", endpoint_url=env["AWS_ENDPOINT_URL"], aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
                 aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
                 region_name="us-east-1").create_bucket(Bucket="lkjip")
    yield {"env": env, "url": "s3://lkjip/nightly"}
    server.stop()


@pytest.fixture(scope="module")
def cluster(celery_executor, sources_file, object_store, single_machine, tmp_path_factory):
    root = tmp_path_factory.mktemp("cluster")
    home, logs = root / "airflow", root / "logs"
    workers = {name: root / f"worker_{name}" for name in ("a", "b")}
    for folder in (home, logs, *workers.values()):
        folder.mkdir()
    procs = Processes(logs)
    redis_port, api_port = _free_port(), _free_port()
    env = _base_env()
    env.update(object_store["env"])
    env.update(_airflow_settings(home, redis_port, api_port))
    env.update(LKJIP_SOURCES=str(sources_file["path"]), LKJIP_STORAGE_URL=object_store["url"],
               LKJIP_WAREHOUSE_QUEUE=WAREHOUSE_QUEUE)
    masked = _can_mask_folders()
    try:
        procs.start("redis", ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no", "--dir", str(root)], env, root)
        _run_airflow(["db", "migrate"], env, home)
        _run_airflow(["pools", "set", "lkjip_warehouse", "1", "warehouse writer"], env, home)
        procs.start("api-server", [str(BIN / "airflow"), "api-server", "--apps", "execution",
                                   "--host", "127.0.0.1", "--port", str(api_port)], env, home)
        procs.start("scheduler", [str(BIN / "airflow"), "scheduler"], env, home)
        procs.start("dag-processor", [str(BIN / "airflow"), "dag-processor"], env, home)
        for name, folder in workers.items():
            others = [f for n, f in workers.items() if n != name]
            procs.start(f"worker_{name}", _worker_cmd(name, others if masked else []),
                        _worker_env(env, folder, warehouse=(name == "a")), folder)
        _wait("the execution API", lambda: _http_ok(f"http://127.0.0.1:{api_port}/execution/health"),
              90, procs)
        yield {"procs": procs, "home": home, "env": env, "workers": workers, "masked": masked,
               "store": object_store}
    finally:
        procs.stop()


def _airflow_settings(home: Path, redis_port: int, api_port: int) -> dict:
    redis = f"redis://127.0.0.1:{redis_port}"
    return {
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__PARALLELISM": "8",
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{api_port}/execution/",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db",
        "AIRFLOW__CELERY__BROKER_URL": f"{redis}/0",
        "AIRFLOW__CELERY__RESULT_BACKEND": f"{redis}/1",
        "AIRFLOW__API_AUTH__JWT_SECRET": "lkjip-celery-test-secret-of-enough-length",
        "AIRFLOW__API__SECRET_KEY": "lkjip-celery-test",
        "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "1",
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
    }


def _worker_env(env: dict, folder: Path, warehouse: bool) -> dict:
    """A worker's own folder: data dir and warehouse (only A's are used), scratch, task logs."""
    own = dict(env)
    own.update(LKJIP_DATA_DIR=str(folder / "data"), LKJIP_WAREHOUSE=str(folder / "warehouse" / "lkjip.duckdb"),
               LKJIP_WORK_DIR=str(folder / "work"), AIRFLOW__LOGGING__BASE_LOG_FOLDER=str(folder / "logs"),
               LKJIP_TEST_QUEUES=f"default,{WAREHOUSE_QUEUE}" if warehouse else "default")
    return own


def _worker_cmd(name: str, hidden: list[Path]) -> list[str]:
    """`airflow celery worker`, one task at a time; in a mount namespace hiding `hidden` when given."""
    worker = [str(BIN / "airflow"), "celery", "worker", "--concurrency", "1", "--skip-serve-logs",
              "--without-mingle", "--without-gossip", "--celery-hostname", f"{name}@%h"]
    script = " && ".join([*(f"mount -t tmpfs tmpfs {h}" for h in hidden),
                          'exec "$@" --queues "$LKJIP_TEST_QUEUES"'])
    prefix = ["unshare", "-m", "--propagation", "private"] if hidden else []
    return [*prefix, "sh", "-c", script, "worker", *worker]


def _run_airflow(args: list[str], env: dict, cwd: Path) -> None:
    proc = subprocess.run([str(BIN / "airflow"), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, f"airflow {' '.join(args)}: {proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"


# ---------------------------------------------------------------- the run


@pytest.fixture(scope="module")
def nightly(cluster):
    """Unpause lkjip_nightly (catchup off: the scheduler starts the latest interval's run) and wait."""
    db, procs = cluster["home"] / "airflow.db", cluster["procs"]
    procs.extra_logs = [folder / "logs" for folder in cluster["workers"].values()]
    started = time.monotonic()
    _wait("lkjip_nightly to be parsed",
          lambda: _query(db, "SELECT 1 FROM serialized_dag WHERE dag_id = 'lkjip_nightly'"), 120, procs)
    _run_airflow(["dags", "unpause", "lkjip_nightly"], cluster["env"], cluster["home"])
    run_id, state = _wait("the nightly run to finish", lambda: _query(
        db, "SELECT run_id, state FROM dag_run WHERE dag_id = 'lkjip_nightly' AND state IN ('success', 'failed')"),
        RUN_TIMEOUT, procs, every=3)[0]
    print(f"celery run {run_id}: {state} in {time.monotonic() - started:.0f}s")
    assert state == "success", f"task states: {_task_states(db)}\n{procs.logs()}"
    return {"db": db, "run_id": run_id, "summaries": _extract_summaries(db, run_id)}


def _task_states(db: Path) -> list[tuple]:
    return _query(db, "SELECT task_id, map_index, state, queue FROM task_instance ORDER BY task_id, map_index")


def _extract_summaries(db: Path, run_id: str) -> list[dict]:
    """extract_one's returned dicts, one per mapped task (Airflow stores a dict return key by key)."""
    rows = _query(db, "SELECT map_index, key, value FROM xcom WHERE dag_id = 'lkjip_nightly' AND run_id = ? "
                      "AND task_id = 'extract_one' AND key != 'return_value'", run_id)
    summaries: dict[int, dict] = {}
    for index, key, value in rows:
        summaries.setdefault(index, {})[key] = json.loads(value) if isinstance(value, str) else value
    return [summaries[i] for i in sorted(summaries)]


# ---------------------------------------------------------------- the checks


def test_tasks_ran_on_their_queues(nightly):
    states = {(task, index): (state, queue) for task, index, state, queue in _task_states(nightly["db"])}
    for task in ("start_run", "crawl", "load", "transform", "validate", "publish"):
        assert states[(task, -1)] == ("success", WAREHOUSE_QUEUE)
    extracts = [v for (task, _), v in states.items() if task == "extract_one"]
    assert extracts and all(v == ("success", "default") for v in extracts)


def test_both_workers_extracted_documents_from_their_own_folder(cluster, nightly, sources_file):
    summaries = nightly["summaries"]
    # the sample portal links two reports (Jepara 2024, Kota Jambi 2025; a third link is a 404), and each corpus report
    assert len(summaries) == 2 + sources_file["corpus_documents"]
    own = {name: f"{socket.gethostname()}:{folder / 'work'}" for name, folder in cluster["workers"].items()}
    by_worker = {name: sorted(s["document_id"] for s in summaries if s["worker"] == where)
                 for name, where in own.items()}
    assert by_worker["a"] and by_worker["b"], by_worker
    assert sorted(by_worker["a"] + by_worker["b"]) == sorted(s["document_id"] for s in summaries)
    assert not [s for s in summaries if s["status"] == "quarantined"], summaries
    # the workers' copies are gone once uploaded; worker B never held a run's state
    for folder in cluster["workers"].values():
        assert not [p for p in (folder / "work").rglob("*") if p.is_file()]
    assert not (cluster["workers"]["b"] / "data").exists()
    assert not (cluster["workers"]["b"] / "warehouse").exists()


def test_each_worker_saw_only_its_own_folder(cluster, nightly):
    if not cluster["masked"]:
        pytest.skip("no mount namespaces here (needs root and unshare): the folders were not hidden")
    # Every extraction succeeded with the other worker's folder replaced by an empty tmpfs,
    # and the warehouse worker loaded from storage with worker B's folder hidden the same way.
    assert all(s["status"] in ("ok", "partial", "needs_review") for s in nightly["summaries"])


def test_storage_holds_the_landing_and_every_extraction(cluster, nightly):
    from extract import storage
    from extract.layout import DataLayout

    os.environ.update(cluster["store"]["env"])
    store = storage.open_store(cluster["store"]["url"])
    landed = [n for n in store.names("landing") if n.endswith(".pdf")]
    assert sorted(n[:-4] for n in landed) == sorted(s["document_id"] for s in nightly["summaries"])
    keys = DataLayout(Path("/"))
    for summary in nightly["summaries"]:
        record = storage.key_of(keys.output_dir(summary["document_id"]) / "document.json")
        assert json.loads(store.read_bytes(record))["document_id"] == summary["document_id"]


def test_marts_equal_the_single_machine_run(cluster, nightly, single_machine):
    proc = single_machine["proc"]
    try:
        proc.wait(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"single-machine run still running\n{single_machine['log'].read_text()[-4000:]}")
    assert proc.returncode in (0, 3), single_machine["log"].read_text()[-4000:]
    celery_warehouse = cluster["workers"]["a"] / "warehouse" / "lkjip.duckdb"
    reference, distributed = _marts(single_machine["warehouse"]), _marts(celery_warehouse)
    assert sorted(distributed) == sorted(reference)
    import duckdb

    with duckdb.connect(str(celery_warehouse), read_only=True) as con:  # Jepara's Tabel 3.3 (samples/seeds)
        siap_kerja = con.execute(
            "SELECT DISTINCT target_value, realization_value FROM marts.fct_performance_indicator "
            "WHERE region_code = '33.20' AND fiscal_year = 2024 "
            "AND lower(trim(indicator_name)) = 'persentase tenaga kerja siap kerja'").fetchall()
    assert siap_kerja == [(pytest.approx(2.90), pytest.approx(2.73))]
    for table, rows in reference.items():
        assert distributed[table] == rows, table


# Differ between any two runs by construction: when a file was fetched or read, which run wrote it.
RUN_COLUMNS = ("fetched_at", "extracted_at", "run_id", "validated_at", "published_at", "loaded_at")
UNSTABLE: set[tuple[str, str]] = set()  # (mart, column) pairs that may differ between two builds of the same files


def _stable(value):
    """A double to 12 significant digits: DuckDB's parallel sums and averages add in any order, so
    the last bits of an aggregate differ between two builds of the same rows."""
    return float(f"{value:.12g}") if isinstance(value, float) else value


def _marts(warehouse: Path) -> dict[str, list[tuple]]:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = [t for (t,) in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = 'marts' ORDER BY 1").fetchall()]
        out = {}
        for table in tables:
            columns = [c for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'marts' "
                "AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()
                if c not in RUN_COLUMNS and (table, c) not in UNSTABLE]
            listed = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f'SELECT {listed} FROM marts."{table}"').fetchall()
            out[table] = sorted((tuple(_stable(v) for v in row) for row in rows), key=repr)
        return out
    finally:
        con.close()
