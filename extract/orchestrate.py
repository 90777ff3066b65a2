"""The Airflow tasks both LKjIP DAGs share: settings, the failure callback, and the per-document
extract and warehouse chain (load -> transform -> validate -> publish).

Imported only by the DAG files in dags/. Light on purpose (Airflow's task SDK and extract.pipeline,
which defers every heavy import to the task that needs it), so parsing a DAG file stays fast.
"""
from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import Asset, task

from extract import config, layout, pipeline

SOURCES = str(config.sources_file())
WAREHOUSE = config.warehouse_path(base=layout.project_home()).resolve()
DATA_DIR = str(config.data_dir(base=layout.project_home()).resolve())
WAREHOUSE_ASSET = Asset(name="lkjip_warehouse", uri=WAREHOUSE.as_uri())
POOL = "lkjip_warehouse"  # one slot: only one task at a time writes a DuckDB file
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


@task
def start_run() -> dict:
    return pipeline.start_run(SOURCES, warehouse=str(WAREHOUSE), data_dir=DATA_DIR, runner="airflow")


@task(retries=2, retry_delay=timedelta(minutes=1))
def extract_one(ctx: dict, document_id: str) -> dict:
    return pipeline.extract_one(ctx, document_id)


# none_failed: still load and publish when there was nothing new to extract (zero mapped tasks).
@task(pool=POOL, trigger_rule="none_failed", **LOCKED_RETRIES)
def load(ctx: dict) -> dict:
    with pipeline.run_locks(ctx):  # the CLI's locks: one writer of this warehouse at a time
        return pipeline.load(ctx)


@task(pool=POOL, **LOCKED_RETRIES)
def transform(ctx: dict) -> dict:
    with pipeline.run_locks(ctx):  # the CLI's locks: one writer of this warehouse at a time
        return pipeline.transform(ctx)


@task(pool=POOL, **LOCKED_RETRIES)
def validate(ctx: dict) -> dict:
    with pipeline.run_locks(ctx):  # the CLI's locks: one writer of this warehouse at a time
        return pipeline.validate(ctx)


@task(pool=POOL, outlets=[WAREHOUSE_ASSET], **LOCKED_RETRIES)
def publish(ctx: dict) -> dict:
    with pipeline.run_locks(ctx):  # the CLI's locks: one writer of this warehouse at a time
        return pipeline.publish(ctx)


def extract_and_publish(ctx, document_ids) -> None:
    """One mapped extract task per document, then the warehouse chain."""
    extracted = extract_one.partial(ctx=ctx).expand(document_id=document_ids)
    extracted >> load(ctx) >> transform(ctx) >> validate(ctx) >> publish(ctx)
