"""The Airflow tasks both LKjIP DAGs share: settings, the failure callback, and the per-document
extract and warehouse chain (changes -> load -> transform -> validate -> publish; `changes` skips the
rest when nothing changed since the published warehouse was built, as `lkjip run` does).

Imported only by the DAG files in dags/. Light on purpose (Airflow's task SDK and extract.pipeline,
which defers every heavy import to the task that needs it), so parsing a DAG file stays fast.

Scale-out (CeleryExecutor): `extract_one` runs on any worker, reading and writing object storage
($LKJIP_STORAGE_URL) through the worker's own folder; every task that reads or writes the run's local
state (run report, fetch log, build, warehouse) goes to the queue $LKJIP_WAREHOUSE_QUEUE, served by
the one worker that holds the warehouse (docs/OPERATIONS.md, "Scaling out").
"""
from __future__ import annotations

import os
from datetime import timedelta

import pendulum
from airflow.sdk import Asset, task

from extract import config, layout, pipeline

SOURCES = str(config.sources_file())
WAREHOUSE = config.warehouse_path(base=layout.project_home()).resolve()
DATA_DIR = str(config.data_dir(base=layout.project_home()).resolve())
WAREHOUSE_ASSET = Asset(name="lkjip_warehouse", uri=WAREHOUSE.as_uri())
POOL = "lkjip_warehouse"  # one slot: only one task at a time writes a DuckDB file
# Read when the DAG is parsed: the queue is part of the serialized DAG the scheduler sends.
WAREHOUSE_QUEUE = config.warehouse_queue()
STORAGE_CONN_ID = "lkjip_storage"  # optional Airflow connection (type aws) with the storage credentials
START_DATE = pendulum.datetime(2026, 1, 1, tz="Asia/Jakarta")
# A warehouse step that finds a CLI run holding the locks fails at once; it is tried again later.
LOCKED_RETRIES = {"retries": 3, "retry_delay": timedelta(minutes=5)}


def report_failure(context) -> None:
    """on_failure_callback: hand a plain dict to the pipeline's failure report."""
    ti = context.get("ti")
    pipeline.record_failure({
        "dag_id": getattr(context.get("dag"), "dag_id", None) or getattr(ti, "dag_id", None),
        "run_id": context.get("run_id"),
        "task_id": getattr(ti, "task_id", None),
        "map_index": getattr(ti, "map_index", None),
        "try_number": getattr(ti, "try_number", None),
        "exception": repr(context.get("exception") or context.get("reason") or ""),
        "ctx": ti.xcom_pull(task_ids="start_run") if ti is not None else None,
    })


def use_storage_connection(ctx: dict) -> None:
    """With object storage and an Airflow connection `lkjip_storage`, its credentials for this
    task's process (login = access key id, password = secret, extra `endpoint_url` for MinIO);
    without the connection, the worker's own AWS_* environment is used as it is."""
    if not ctx.get("storage_url"):
        return
    from airflow.sdk import BaseHook
    from airflow.sdk.exceptions import AirflowNotFoundException

    try:
        conn = BaseHook.get_connection(STORAGE_CONN_ID)
    except AirflowNotFoundException:
        return
    found = {"AWS_ACCESS_KEY_ID": conn.login, "AWS_SECRET_ACCESS_KEY": conn.password,
             "AWS_ENDPOINT_URL": conn.extra_dejson.get("endpoint_url")}
    os.environ.update({name: value for name, value in found.items() if value})


@task(queue=WAREHOUSE_QUEUE)
def start_run() -> dict:
    return pipeline.start_run(SOURCES, warehouse=str(WAREHOUSE), data_dir=DATA_DIR, runner="airflow")


# Any worker: with object storage it reads and writes only storage and its own folder.
@task(retries=2, retry_delay=timedelta(minutes=1))
def extract_one(ctx: dict, document_id: str) -> dict:
    use_storage_connection(ctx)
    work_dir = config.work_dir(config.data_dir(base=layout.project_home())).resolve()
    return pipeline.extract_one(ctx, document_id, work_dir=str(work_dir))


# none_failed: still compare when there was nothing new to extract (zero mapped tasks). False skips
# every task after it (load ... publish): nothing changed since the published warehouse was built.
@task.short_circuit(queue=WAREHOUSE_QUEUE, trigger_rule="none_failed")
def changes(ctx: dict) -> bool:
    use_storage_connection(ctx)
    return pipeline.changed_since_publish(ctx)


@task(pool=POOL, queue=WAREHOUSE_QUEUE, trigger_rule="none_failed", **LOCKED_RETRIES)
def load(ctx: dict) -> dict:
    use_storage_connection(ctx)
    with pipeline.run_locks(ctx):  # the CLI's locks: one writer of this warehouse at a time
        return pipeline.load(ctx)


@task(pool=POOL, queue=WAREHOUSE_QUEUE, **LOCKED_RETRIES)
def transform(ctx: dict) -> dict:
    with pipeline.run_locks(ctx):  # the CLI's locks: one writer of this warehouse at a time
        return pipeline.transform(ctx)


@task(pool=POOL, queue=WAREHOUSE_QUEUE, **LOCKED_RETRIES)
def validate(ctx: dict) -> dict:
    with pipeline.run_locks(ctx):  # the CLI's locks: one writer of this warehouse at a time
        return pipeline.validate(ctx)


@task(pool=POOL, queue=WAREHOUSE_QUEUE, outlets=[WAREHOUSE_ASSET], **LOCKED_RETRIES)
def publish(ctx: dict) -> dict:
    with pipeline.run_locks(ctx):  # the CLI's locks: one writer of this warehouse at a time
        return pipeline.publish_recorded(ctx)  # and records what it was built from


def extract_and_publish(ctx, document_ids) -> None:
    """One mapped extract task per document, then the warehouse chain unless nothing changed."""
    extracted = extract_one.partial(ctx=ctx).expand(document_id=document_ids)
    extracted >> changes(ctx) >> load(ctx) >> transform(ctx) >> validate(ctx) >> publish(ctx)
