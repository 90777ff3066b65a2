"""Manual reprocessing: re-extract every document already in the landing area, then rebuild.

Run it after an extractor upgrade. Nothing is downloaded: `extract.pipeline.reprocess_ids(ctx)`
lists every document id in the landing area, then the same load -> dbt -> validate -> publish chain
as `lkjip_nightly` runs, in the same one-slot pool `lkjip_warehouse`. Same environment variables
as `lkjip_nightly` (LKJIP_SOURCES, LKJIP_WAREHOUSE, LKJIP_DATA_DIR, LKJIP_STORAGE_URL,
LKJIP_WAREHOUSE_QUEUE).
"""
from __future__ import annotations

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
    dag_id="lkjip_reprocess",
    schedule=None,  # manual only
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args={"on_failure_callback": report_failure},
    tags=["lkjip"],
    doc_md=__doc__,
)
def lkjip_reprocess():
    @task(queue=WAREHOUSE_QUEUE)  # clears the local copies of the extractions too
    def reprocess_ids(ctx: dict) -> list[str]:
        use_storage_connection(ctx)
        return pipeline.reprocess_ids(ctx)

    ctx = start_run()
    extract_and_publish(ctx, reprocess_ids(ctx))


lkjip_reprocess()
