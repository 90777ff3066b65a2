"""The nightly job as plain functions, shared by the `lkjip` CLI and the Airflow DAGs.

A run is a small JSON-serialisable dict (`ctx`) so Airflow can pass it between tasks:
start_run -> crawl -> extract_one (per document, in parallel) -> load -> transform ->
validate -> publish. Only load/transform/validate touch a DuckDB file, and it is the run's
own new build file; publish swaps it in for readers.
"""
from __future__ import annotations

import json
import logging
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

from extract import config
from extract.acquire.landing import Landing
from extract.fsutil import atomic_write, sha256_file
from extract.layout import DOCUMENT_RECORD, DataLayout
from extract.publish.swap import publish_file, publish_folder
from extract.worker import extract_isolated

log = logging.getLogger(__name__)


class PipelineError(RuntimeError):
    """A run-level failure (dbt or validation): the published warehouse stays as it was."""


def start_run(sources_file: str | None = None, warehouse: str | None = None,
              data_dir: str | None = None) -> dict:
    # Absolute paths: dbt and the extraction workers run in other working directories.
    data = (Path(data_dir) if data_dir else config.data_dir()).resolve()
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return {
        "run_id": run_id,
        "sources_file": str(sources_file) if sources_file else None,
        "data_dir": str(data),
        "warehouse_path": str(config.warehouse_path(warehouse).resolve()),
        "build_path": str(DataLayout(data).build_path(run_id)),
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _data(ctx: dict) -> DataLayout:
    return DataLayout(Path(ctx["data_dir"]))


def _landing(ctx: dict) -> Landing:
    return Landing(_data(ctx).landing)


# ---------------------------------------------------------------- crawl / ingest


def crawl(ctx: dict, progress: bool = False) -> list[str]:
    """Crawl the registered sources; return the documents that need extraction."""
    from extract.acquire.crawl import crawl_sources
    from extract.acquire.sources import load_sources

    if ctx.get("sources_file"):
        sources = load_sources(ctx["sources_file"])
        results = crawl_sources(sources, _landing(ctx), progress=progress)
        _write_report(ctx, "crawl", [_crawl_summary(r) for r in results])
    return pending_documents(ctx)


def _crawl_summary(result) -> dict:
    return {"source_id": result.source_id, "found": result.found, "new": len(result.new),
            "unchanged": len(result.unchanged), "failed": result.failed, "skipped": len(result.skipped)}


def ingest_files(ctx: dict, paths: list[Path], region_code: str | None = None,
                 fiscal_year: int | None = None) -> list[str]:
    """Copy local PDFs into the landing area (as a crawl would) and record overrides."""
    landing = _landing(ctx)
    ids = []
    for path in paths:
        data = Path(path).read_bytes()
        known = landing.has(sha256_file(path))
        sha = landing.store(data)
        landing.append_log({
            "source_id": "local", "url": Path(path).resolve().as_uri(), "link_text": Path(path).name,
            "bytes": len(data), "sha256": sha, "content_type": "application/pdf",
            "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "outcome": "unchanged" if known else "new",
        })
        _save_overrides(ctx, sha, region_code, fiscal_year)
        ids.append(sha)
    return ids


def _load_overrides(ctx: dict) -> dict:
    path = _data(ctx).overrides
    return json.loads(path.read_text()) if path.exists() else {}


def _save_overrides(ctx: dict, sha: str, region_code: str | None, fiscal_year: int | None) -> None:
    if not region_code and not fiscal_year:
        return
    overrides = _load_overrides(ctx)
    entry = overrides.setdefault(sha, {})
    if region_code:
        entry["region_code"] = region_code
    if fiscal_year:
        entry["fiscal_year"] = int(fiscal_year)
    atomic_write(_data(ctx).overrides, json.dumps(overrides, indent=2))


def landed_documents(ctx: dict) -> list[str]:
    return sorted(p.stem for p in _landing(ctx).root.glob("*.pdf"))


def pending_documents(ctx: dict) -> list[str]:
    """Landed documents not yet extracted by this extractor version. A document whose worker
    crashed (resource limit, timeout) is not retried every night: `lkjip reprocess` retries it."""
    data = _data(ctx)
    return [d for d in landed_documents(ctx)
            if not data.is_extracted(d) and not data.failure_path(d).exists()]


def reprocess_ids(ctx: dict) -> list[str]:
    """Every landed document, for re-extraction after an extractor upgrade (no download)."""
    data = _data(ctx)
    for document_id in landed_documents(ctx):
        shutil.rmtree(data.output_dir(document_id), ignore_errors=True)
        data.failure_path(document_id).unlink(missing_ok=True)
    return landed_documents(ctx)


# ---------------------------------------------------------------- extract


def extract_one(ctx: dict, document_id: str) -> dict:
    """Extract one landed document in an isolated worker; never raises for a bad file."""
    started = time.monotonic()
    pdf = _landing(ctx).path(document_id)
    record = extract_isolated(pdf, _data(ctx).extracted, document_id)
    if record.get("stage") == "worker":
        atomic_write(_data(ctx).failure_path(document_id), json.dumps(record))
    summary = {k: record.get(k) for k in ("document_id", "status", "status_reason", "region_code",
                                          "fiscal_year", "page_count")}
    summary["seconds"] = round(time.monotonic() - started, 2)
    log.info("extracted %s: %s", document_id[:12], summary)
    return summary


# ---------------------------------------------------------------- load / transform / validate


def load(ctx: dict) -> dict:
    from extract.warehouse.load import DocumentInput, build_raw

    landing = _landing(ctx)
    fetch_log = landing.read_log()
    sources = _latest_source_by_sha(fetch_log)
    overrides = _load_overrides(ctx)
    documents = []
    for document_id in landed_documents(ctx):
        record, files_dir = _extraction_record(ctx, document_id)
        documents.append(DocumentInput(record, files_dir, sources.get(document_id, {}),
                                       overrides.get(document_id, {})))
    build_path = Path(ctx["build_path"])
    # Builds left by killed runs are garbage; load runs alone (run lock / one-slot pool).
    for stale in _data(ctx).builds.glob("*"):
        shutil.rmtree(stale, ignore_errors=True)
    counts = build_raw(build_path, documents, fetch_log)
    return {"documents": len(documents), "raw_rows": counts}


def _extraction_record(ctx: dict, document_id: str) -> tuple[dict, Path | None]:
    data = _data(ctx)
    out = data.output_dir(document_id)
    if data.is_extracted(document_id):
        return json.loads((out / DOCUMENT_RECORD).read_text()), out
    failed = data.failure_path(document_id)
    if failed.exists():
        return json.loads(failed.read_text()), None
    return {"document_id": document_id, "status": "quarantined", "stage": "extract",
            "status_reason": "not extracted: the extract task did not run for this document"}, None


def _latest_source_by_sha(fetch_log: list[dict]) -> dict[str, dict]:
    latest: dict[str, dict] = {}
    for record in fetch_log:
        sha = record.get("sha256")
        if sha and record.get("outcome") != "failed":
            latest[sha] = {"source_id": record.get("source_id"), "source_url": record.get("url"),
                           "fetched_at": record.get("fetched_at"), "region_code": record.get("region_code"),
                           "file_name": _file_name(record.get("url") or "")}
    return latest


def _file_name(url: str) -> str | None:
    from urllib.parse import unquote, urlparse

    name = unquote(urlparse(url).path.rsplit("/", 1)[-1])
    return name or None


def transform(ctx: dict) -> dict:
    from extract.warehouse.dbt_runner import run_dbt_build

    result = run_dbt_build(Path(ctx["build_path"]))
    if not result.success:
        failed = "\n".join(result.failures) or result.log_tail
        raise PipelineError(f"dbt build failed; the published warehouse is unchanged.\n{failed}")
    return {"dbt": "ok", "node_counts": result.counts, "warnings": result.warnings}


def validate(ctx: dict) -> dict:
    """Great Expectations on the build. Every expectation's result is written into the build
    (marts.validation_results) so analysts can see warnings; error-level failures block publish."""
    from extract.warehouse.validate import validate_warehouse, write_results_table

    build_path = Path(ctx["build_path"])
    result = validate_warehouse(build_path, build_path.parent / "data_docs")
    write_results_table(build_path, result, run_id=ctx["run_id"])
    summary = {"success": result.success, "suites": result.suites,
               "failed_expectations": result.failed_expectations, "warnings": result.warnings}
    if not result.success:
        raise PipelineError(f"validation failed; the published warehouse is unchanged: "
                            f"{result.failed_expectations}")
    return summary


# ---------------------------------------------------------------- publish


def publish(ctx: dict) -> dict:
    from extract.warehouse.dbt_runner import generate_docs

    build_path = Path(ctx["build_path"])
    warehouse = Path(ctx["warehouse_path"])
    try:
        generate_docs(build_path, build_path.parent / "docs")
    except Exception as exc:  # noqa: BLE001 - docs are a convenience; never block the data on them
        log.warning("dbt docs not generated: %s", exc)
    publish_file(build_path, warehouse)
    docs = publish_folder(build_path.parent / "docs", warehouse.parent / "docs")
    data_docs = publish_folder(build_path.parent / "data_docs", warehouse.parent / "data_docs")
    summary = {"run_id": ctx["run_id"], "warehouse": str(warehouse),
               "docs": str(docs) if docs else None, "data_docs": str(data_docs) if data_docs else None,
               "published_at": datetime.now(UTC).isoformat(timespec="seconds")}
    summary.update(_publish_for_readers(ctx, warehouse))
    _write_report(ctx, "publish", summary)
    shutil.rmtree(build_path.parent, ignore_errors=True)
    return summary


def _publish_for_readers(ctx: dict, warehouse: Path) -> dict:
    """Parquet exports, the BI serving file (views over them) and the scorecard site.
    They are derived from the published file; a failure here never un-publishes the data."""
    from extract.publish.export import export_marts
    from extract.publish.serving import build_serving_db
    from extract.publish.site import build_site

    out = warehouse.parent
    try:
        export_marts(warehouse, out / "exports", "parquet")
        serving = build_serving_db(out / "exports", out / "serving.duckdb")
        site = build_site(warehouse, out / "site", "pdf", pdf_source_dir=_data(ctx).landing)
    except Exception as exc:  # noqa: BLE001 - the warehouse is published; report and go on
        log.warning("exports / serving file / site not refreshed: %s", exc)
        return {"readers_error": str(exc)[:500]}
    return {"exports": str(out / "exports"), "serving": str(serving), "site": str(site["index"])}


def record_failure(info: dict) -> None:
    """Called by Airflow failure callbacks: keep a run report for the operator view."""
    run = info.get("ctx") or {}
    ctx = {"data_dir": run.get("data_dir") or str(config.data_dir()),
           "run_id": run.get("run_id") or str(info.get("run_id", "unknown"))}
    _write_report(ctx, "failure", {k: v for k, v in info.items() if k != "ctx"})


def _write_report(ctx: dict, stage: str, payload) -> None:
    path = _data(ctx).runs / f"{ctx['run_id']}.json"
    report = json.loads(path.read_text()) if path.exists() else {"run_id": ctx["run_id"]}
    report[stage] = payload
    atomic_write(path, json.dumps(report, indent=2, default=str, ensure_ascii=False), fsync=False)


# ---------------------------------------------------------------- the whole job


def run_all(ctx: dict, progress: bool = True, document_ids: list[str] | None = None) -> dict:
    """The nightly job in one process (the CLI). Extraction runs in worker processes."""
    from concurrent.futures import ThreadPoolExecutor

    from rich.progress import Progress

    pending = crawl(ctx, progress=progress) if document_ids is None else \
        [d for d in document_ids if d in pending_documents(ctx)]
    extracted = []
    with Progress(disable=not progress) as bar, ThreadPoolExecutor(max_workers=2) as pool:
        task = bar.add_task("extracting PDFs", total=len(pending))
        for summary in pool.map(lambda d: extract_one(ctx, d), pending):
            extracted.append(summary)
            bar.advance(task)
    result = {"extracted": extracted, "load": load(ctx)}
    for stage, step in (("transform", transform), ("validate", validate), ("publish", publish)):
        try:
            result[stage] = step(ctx)
        except Exception as exc:
            _write_report(ctx, "failure", {"stage": stage, "error": str(exc)[:2000]})
            raise
    return result
