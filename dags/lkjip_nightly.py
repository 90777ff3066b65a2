"""Nightly LKjIP pipeline: crawl -> extract (one mapped task per document) -> load -> dbt -> validate -> publish.

Orchestration only: every task calls one function of `extract.pipeline`, the same functions the
`lkjip` CLI runs (docs/DESIGN.md, "Pipeline API"). The run context `ctx` is a small JSON dict
passed between tasks through XCom.

Environment (read when the file is parsed):
  LKJIP_SOURCES    sources registry (default: sources/indonesia.yaml in this checkout)
  LKJIP_WAREHOUSE  published warehouse file (default: warehouse/lkjip.duckdb in this checkout)
  LKJIP_DATA_DIR   landing / extracted / runs area (default: data/ in this checkout)
Pool `lkjip_warehouse` (1 slot) must exist: it keeps the warehouse steps of all runs one at a time.
"""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pendulum
from airflow.sdk import Asset, dag, task

from extract import pipeline

REPO = Path(__file__).resolve().parent.parent
SOURCES = os.environ.get("LKJIP_SOURCES") or str(REPO / "sources" / "indonesia.yaml")
WAREHOUSE = Path(os.environ.get("LKJIP_WAREHOUSE") or REPO / "warehouse" / "lkjip.duckdb").resolve()
DATA_DIR = str(Path(os.environ.get("LKJIP_DATA_DIR") or REPO / "data").resolve())
WAREHOUSE_ASSET = Asset(name="lkjip_warehouse", uri=WAREHOUSE.as_uri())
POOL = "lkjip_warehouse"


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


@dag(
    dag_id="lkjip_nightly",
    schedule="0 1 * * *",  # 01:00 WIB
    start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Jakarta"),
    catchup=False,
    max_active_runs=1,
    default_args={"on_failure_callback": report_failure},
    tags=["lkjip"],
    doc_md=__doc__,
)
def lkjip_nightly():
    @task
    def start_run() -> dict:
        return pipeline.start_run(SOURCES, warehouse=str(WAREHOUSE), data_dir=DATA_DIR)

    @task(retries=2, retry_delay=timedelta(minutes=2))
    def crawl(ctx: dict) -> list[str]:
        return pipeline.crawl(ctx)

    @task(retries=2, retry_delay=timedelta(minutes=1))
    def extract_one(ctx: dict, document_id: str) -> dict:
        return pipeline.extract_one(ctx, document_id)

    # none_failed: still load/publish when the crawl found nothing new (zero mapped extracts).
    @task(pool=POOL, trigger_rule="none_failed")
    def load(ctx: dict) -> dict:
        return pipeline.load(ctx)

    @task(pool=POOL)
    def transform(ctx: dict) -> dict:
        return pipeline.transform(ctx)

    @task(pool=POOL)
    def validate(ctx: dict) -> dict:
        return pipeline.validate(ctx)

    @task(pool=POOL, outlets=[WAREHOUSE_ASSET])
    def publish(ctx: dict) -> dict:
        return pipeline.publish(ctx)

    ctx = start_run()
    extracted = extract_one.partial(ctx=ctx).expand(document_id=crawl(ctx))
    loaded = load(ctx)
    transformed = transform(ctx)
    validated = validate(ctx)
    extracted >> loaded >> transformed >> validated >> publish(ctx)


lkjip_nightly()
