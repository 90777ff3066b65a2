"""Nightly LKjIP pipeline: crawl -> extract (one mapped task per document) -> load -> dbt -> validate -> publish.

Orchestration only: every task calls one function of `extract.pipeline`, the same functions the
`lkjip` CLI runs (docs/DESIGN.md, "Pipeline API"). The run context `ctx` is a small JSON dict
passed between tasks through XCom.

Environment (read when the file is parsed):
  LKJIP_SOURCES    sources registry (default: sources/indonesia.yaml in this checkout)
  LKJIP_WAREHOUSE  published warehouse file (default: warehouse/lkjip.duckdb in this checkout)
  LKJIP_DATA_DIR   landing / extracted / runs area (default: data/ in this checkout)
  LKJIP_STORAGE_URL  s3://bucket/prefix: landing PDFs and extracted files in object storage, for
                   Celery workers on several machines (default: unset, everything in LKJIP_DATA_DIR)
  LKJIP_WAREHOUSE_QUEUE  Celery queue of the tasks that use the data dir and warehouse (default: default)
Pool `lkjip_warehouse` (1 slot) must exist: it keeps the warehouse steps of all runs one at a time.
Shared tasks and settings: extract/orchestrate.py.
"""
from __future__ import annotations

from datetime import timedelta

from airflow.sdk import dag, task

from extract import pipeline
from extract.orchestrate import (
    START_DATE,
    WAREHOUSE_QUEUE,
    extract_and_publish,
    report_failure,
    start_run,
    use_storage_connection,
)


@dag(
    dag_id="lkjip_nightly",
    schedule="0 1 * * *",  # 01:00 WIB
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args={"on_failure_callback": report_failure},
    tags=["lkjip"],
    doc_md=__doc__,
)
def lkjip_nightly():
    @task(retries=2, retry_delay=timedelta(minutes=2), queue=WAREHOUSE_QUEUE)  # writes the fetch log
    def crawl(ctx: dict) -> list[str]:
        use_storage_connection(ctx)
        return pipeline.crawl(ctx)

    ctx = start_run()
    extract_and_publish(ctx, crawl(ctx))


lkjip_nightly()
