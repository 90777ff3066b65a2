"""The serving file (views over the Parquet exports) through every client library installed here,
WHILE a nightly run is in progress and while exports and the serving file are being republished."""
from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pytest
import sqlalchemy

from extract.publish.export import export_marts
from extract.publish.serving import build_serving_db
from tests.integration.bi_readers import cli_rows, cli_version, node_rows
from tests.integration.test_export import ingest_command, seed_warehouse
from tests.paths import REPO

pytestmark = pytest.mark.slow
SIAP = ("SELECT target_value, realization_value, achievement_pct_reported FROM marts.fct_performance_indicator "
        "WHERE region_code = '33.20' AND fiscal_year = 2024 AND indicator_name = 'Persentase tenaga kerja siap kerja'")
EXPECTED = (2.90, 2.73, 94.14)
QUERY_FILES = sorted((REPO / "queries").glob("*.sql"))


@pytest.fixture(scope="module")
def serving(tmp_path_factory) -> Path:
    """Built once for the module: every client only reads it."""
    folder = tmp_path_factory.mktemp("serving")
    export_marts(seed_warehouse()[0], folder / "exports")
    return build_serving_db(folder / "exports", folder / "serving.duckdb")


# one function per client: open the serving file read-only, run SIAP and every example query, close

def via_duckdb(path: Path):
    with duckdb.connect(str(path), read_only=True) as con:
        for q in QUERY_FILES:
            con.execute(q.read_text()).fetchall()
        return con.execute(SIAP).fetchone()


def via_sqlalchemy(path: Path):
    # duckdb-engine passes URL query parameters to duckdb.connect(config=...): access_mode=read_only
    engine = sqlalchemy.create_engine(f"duckdb:///{path}?access_mode=read_only")
    try:
        with engine.connect() as conn:
            for q in QUERY_FILES:
                conn.exec_driver_sql(q.read_text()).fetchall()
            return tuple(conn.execute(sqlalchemy.text(SIAP)).one())
    finally:
        engine.dispose()


def via_sqlalchemy_connect_args(path: Path):
    engine = sqlalchemy.create_engine(f"duckdb:///{path}", connect_args={"read_only": True})
    try:
        with engine.connect() as conn:
            return tuple(conn.execute(sqlalchemy.text(SIAP)).one())
    finally:
        engine.dispose()


def via_pandas(path: Path):
    engine = sqlalchemy.create_engine(f"duckdb:///{path}?access_mode=read_only")
    try:
        for q in QUERY_FILES:
            pd.read_sql(sqlalchemy.text(q.read_text()), engine)
        frame = pd.read_sql(sqlalchemy.text(SIAP), engine)
        return tuple(frame.iloc[0])
    finally:
        engine.dispose()


def via_polars(path: Path):
    with duckdb.connect(str(path), read_only=True) as con:
        for q in QUERY_FILES:
            pl.read_database(q.read_text(), connection=con)
        frame = pl.read_database(SIAP, connection=con)
    return frame.row(0)


def via_polars_sqlalchemy(path: Path):
    engine = sqlalchemy.create_engine(f"duckdb:///{path}?access_mode=read_only")
    try:
        with engine.connect() as conn:      # polars takes a SQLAlchemy Connection (not the Engine) here
            return pl.read_database(SIAP, connection=conn).row(0)
    finally:
        engine.dispose()


# DuckDB 1.x, as BI tools ship it (the serving file is written in a storage version they read)

def via_duckdb_cli_1x(path: Path):
    (row,) = cli_rows(path, [q.read_text() for q in QUERY_FILES] + [SIAP])
    return tuple(float(v) for v in row)


def via_node_api_1x(path: Path):
    (row,) = node_rows(path, [q.read_text() for q in QUERY_FILES] + [SIAP])
    return tuple(row)


CLIENTS = [via_duckdb, via_sqlalchemy, via_sqlalchemy_connect_args, via_pandas, via_polars, via_polars_sqlalchemy,
           via_duckdb_cli_1x, via_node_api_1x]


def test_bi_readers_are_duckdb_1x(serving):
    assert cli_version().startswith("v1.")
    assert node_rows(serving, ["SELECT version()"])[0][0].startswith("v1.")
    assert cli_rows(serving, ["SELECT version()"])[0][0].startswith("v1.")


@pytest.mark.parametrize("client", CLIENTS, ids=lambda c: c.__name__)
def test_client_reads_serving_file(serving, client):
    assert tuple(client(serving)) == EXPECTED


def test_serving_file_holds_only_views_with_absolute_paths(serving, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path.parent)          # another working directory: the views still resolve
    with duckdb.connect(str(serving), read_only=True) as con:
        kinds = con.execute("SELECT table_schema, table_type, count(*) FROM information_schema.tables "
                            "GROUP BY ALL ORDER BY ALL").fetchall()
        assert kinds == [("main", "BASE TABLE", 1), ("marts", "VIEW", 5)] or \
            all(t == "VIEW" for s, t, _ in kinds if s == "marts")
        sql = con.execute("SELECT sql FROM duckdb_views() WHERE view_name = 'fct_performance_indicator'").fetchone()[0]
        assert str(serving.parent / "exports") in sql and "hive_partitioning" in sql
        info = con.execute("SELECT export_dir FROM main.serving_info").fetchone()[0]
        assert info == str(serving.parent / "exports")
        with pytest.raises(duckdb.Error):
            con.execute("CREATE TABLE marts.x (a INT)")                 # read-only
        # the contract's columns, in the contract's order, with the warehouse's types
        cols = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema='marts' "
                           "AND table_name='fct_budget_realization' ORDER BY ordinal_position").fetchall()
    with duckdb.connect(str(seed_warehouse()[0]), read_only=True) as wh:
        expected = wh.execute("SELECT column_name, data_type FROM information_schema.columns "
                              "WHERE table_schema='marts' "
                              "AND table_name='fct_budget_realization' ORDER BY ordinal_position").fetchall()
    assert cols == expected


def test_clients_never_error_during_a_nightly_run(tmp_path):
    """A nightly run (lkjip ingest into its own warehouse) plus republishing exports and the serving
    file in a loop, while every client queries the serving file: no client error, ever."""
    seed = seed_warehouse()[0]
    exports, serving = tmp_path / "exports", tmp_path / "serving.duckdb"
    export_marts(seed, exports)
    build_serving_db(exports, serving)
    night_wh, night_data = tmp_path / "night" / "lkjip.duckdb", tmp_path / "night" / "data"
    cmd, env = ingest_command(night_wh, night_data)
    nightly = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    stop = threading.Event()
    republished = []

    def republish():          # what publish does after each run: export -> serving db, swapped atomically
        while not stop.is_set():
            export_marts(seed, exports)
            build_serving_db(exports, serving)
            republished.append(time.monotonic())
            time.sleep(0.05)

    publisher = threading.Thread(target=republish, daemon=True)
    publisher.start()
    errors, rounds = [], 0
    try:
        while nightly.poll() is None:
            for client in CLIENTS:
                try:
                    assert tuple(client(serving)) == EXPECTED
                except Exception as exc:  # noqa: BLE001 - collect every failure for the report
                    errors.append(f"{client.__name__}: {type(exc).__name__}: {exc}")
            rounds += 1
    finally:
        stop.set()
        publisher.join(timeout=30)
        if nightly.poll() is None:
            nightly.kill()
        output = nightly.communicate()[0]
    assert nightly.returncode == 0, output
    assert not errors, errors[:5]
    assert rounds >= 5 and len(republished) >= 5
    # the run's own warehouse, published through exports and the serving file, is what clients then see
    export_marts(night_wh, exports)
    build_serving_db(exports, serving)
    for client in CLIENTS:
        assert tuple(client(serving)) == EXPECTED
