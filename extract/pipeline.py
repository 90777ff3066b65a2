"""The nightly job as plain functions, shared by the `lkjip` CLI and the Airflow DAGs.

A run is a small JSON-serialisable dict (`ctx`) so Airflow can pass it between tasks:
start_run -> crawl -> extract_one (per document, in parallel) -> load -> transform ->
validate -> publish. Only load/transform/validate touch a DuckDB file, and it is the run's
own new build file; publish swaps it in for readers.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from extract import config, layout, outcome, storage
from extract.acquire.landing import Landing, url_file_name
from extract.fsutil import atomic_write, printable_name, sha256_file
from extract.layout import DOCUMENT_RECORD, DataLayout
from extract.publish.swap import publish_file, publish_folder
from extract.worker import WorkerPool, extract_isolated, page_count

log = logging.getLogger(__name__)


class PipelineError(RuntimeError):
    """A run-level failure (dbt or validation): the published warehouse stays as it was."""


class NothingFetched(PipelineError):
    """No source of the registry could be reached: nothing new, so nothing is published."""


def start_run(sources_file: str | None = None, warehouse: str | None = None,
              data_dir: str | None = None, runner: str = "cli") -> dict:
    # Absolute paths: dbt and the extraction workers run in other working directories.
    data = (Path(data_dir) if data_dir else config.data_dir()).resolve()
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    ctx = {
        "run_id": run_id,
        "sources_file": str(sources_file) if sources_file else None,
        "data_dir": str(data),
        "warehouse_path": str(config.warehouse_path(warehouse).resolve()),
        "build_path": str(DataLayout(data).build_path(run_id)),
        "storage_url": config.storage_url(),  # landing PDFs and extracted files, when shared
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "runner": runner,
    }
    # Written first, so that a run killed at any point still shows in `lkjip status`.
    _write_report(ctx, "start", {"started_at": ctx["started_at"], "runner": runner, "pid": os.getpid(),
                                 "host": socket.gethostname(), "warehouse": ctx["warehouse_path"]})
    return ctx


@contextmanager
def run_locks(ctx: dict) -> Iterator[None]:
    """The locks of the data directory and of the warehouse: the CLI holds them for a whole run,
    the DAG tasks for each step that writes the build or publishes."""
    with layout.run_lock(_data(ctx).lock), layout.run_lock(layout.warehouse_lock(Path(ctx["warehouse_path"]))):
        yield


def _data(ctx: dict) -> DataLayout:
    return DataLayout(Path(ctx["data_dir"]))


def _landing(ctx: dict) -> Landing:
    return Landing(_data(ctx).landing, storage.open_store(ctx.get("storage_url")))


def _sync_extracted(ctx: dict, document_ids: list[str]) -> None:
    """With object storage: bring the extractions the workers uploaded into this data directory,
    the load's local copy (DuckDB reads local files)."""
    store = storage.open_store(ctx.get("storage_url"))
    for document_id in document_ids if store else ():
        storage.download_extraction(store, _data(ctx), document_id)


# ---------------------------------------------------------------- crawl / ingest


def crawl(ctx: dict, progress: bool = False) -> list[str]:
    """Crawl the registered sources; return the documents that need extraction."""
    from extract.acquire.crawl import crawl_sources
    from extract.acquire.sources import load_sources

    if ctx.get("sources_file"):
        sources = load_sources(ctx["sources_file"])
        results = crawl_sources(sources, _landing(ctx), progress=progress)
        _write_report(ctx, "crawl", [_crawl_summary(r) for r in results])
        if results and not any(r.pages for r in results):
            raise NothingFetched(f"none of the {len(results)} sources could be reached; nothing was published")
    return pending_documents(ctx)


def _crawl_summary(result) -> dict:
    return {"source_id": result.source_id, "reached": result.pages > 0, "found": result.found,
            "new": len(result.new), "truncated": result.truncated,
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
            "source_id": "local", "url": Path(path).resolve().as_uri(), "link_text": printable_name(path),
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
    return _landing(ctx).document_ids()


def pending_documents(ctx: dict) -> list[str]:
    """Landed documents not yet extracted by this extractor version and reference data. A document
    whose worker crashed (resource limit, timeout) is not retried every night: `lkjip reprocess` does."""
    data = _data(ctx)
    landed = landed_documents(ctx)
    _sync_extracted(ctx, landed)
    _drop_stale_extractions(ctx, landed)
    return [d for d in landed if not data.is_extracted(d) and not data.failure_path(d).exists()]


def _drop_stale_extractions(ctx: dict, landed: list[str]) -> None:
    """Remove the extractions made with other reference data (a seed the extractor reads was edited),
    here and in storage, so they are done again. One without a stamp predates stamps: kept."""
    from extract.warehouse import inputs

    data, now = _data(ctx), inputs.extraction_digest()
    store = storage.open_store(ctx.get("storage_url"))
    for document_id in landed:
        stamp = data.output_dir(document_id) / inputs.EXTRACTION_STAMP
        if stamp.exists() and stamp.read_text().strip() != now:
            log.info("re-extracting %s: the reference data changed since it was extracted", document_id[:12])
            shutil.rmtree(data.output_dir(document_id), ignore_errors=True)
            if store:
                storage.remove_extraction(store, document_id)


def _stamp_extraction(data: DataLayout, document_id: str) -> None:
    from extract.warehouse import inputs

    if data.is_extracted(document_id):
        atomic_write(data.output_dir(document_id) / inputs.EXTRACTION_STAMP, inputs.extraction_digest(), fsync=False)


def reprocess_ids(ctx: dict) -> list[str]:
    """Every landed document, for re-extraction after an extractor upgrade (no download)."""
    data = _data(ctx)
    store = storage.open_store(ctx.get("storage_url"))
    for document_id in landed_documents(ctx):
        shutil.rmtree(data.output_dir(document_id), ignore_errors=True)
        data.failure_path(document_id).unlink(missing_ok=True)
        if store:
            storage.remove_extraction(store, document_id)
    return landed_documents(ctx)


# ---------------------------------------------------------------- extract


def extract_one(ctx: dict, document_id: str, work_dir: str | None = None, pool: WorkerPool | None = None) -> dict:
    """Extract one landed document in an isolated worker; never raises for a bad file.

    With object storage the PDF is downloaded into `work_dir` (this machine's own folder), the
    files are extracted there and uploaded; nothing of the run's data directory is read."""
    started = time.monotonic()
    store = storage.open_store(ctx.get("storage_url"))
    data = DataLayout(Path(work_dir) if work_dir else config.work_dir(ctx["data_dir"])) if store else _data(ctx)
    pdf = Landing(data.landing, store).local_copy(document_id, data.landing)  # never the run's own folder
    record = (pool.extract if pool else extract_isolated)(pdf, data.extracted, document_id)
    if record.get("stage") == "worker" and record.get("status") == "quarantined":
        # not retried every night: `lkjip reprocess` or a new extractor version retries it
        atomic_write(data.failure_path(document_id), json.dumps(record))
    _stamp_extraction(data, document_id)
    if store:  # then the worker's copies go: storage holds the landed PDF and the extraction
        storage.upload_extraction(store, data, document_id)
        pdf.unlink(missing_ok=True)
        shutil.rmtree(data.extracted / document_id, ignore_errors=True)
    summary = {k: record.get(k) for k in ("document_id", "file_name", "status", "status_reason", "region_code",
                                          "fiscal_year", "page_count")}
    summary["seconds"] = round(time.monotonic() - started, 2)
    summary["worker"] = f"{socket.gethostname()}:{data.root}"  # which machine and folder read it
    log.info("extracted %s: %s", document_id[:12], summary)
    return summary


# ---------------------------------------------------------------- load / transform / validate


def load(ctx: dict) -> dict:
    """Schema raw of a new build file: appended to a copy of the published warehouse when only some
    documents changed since it was built (their rows alone are read), else built from every document."""
    from extract.warehouse import inputs
    from extract.warehouse.load import DocumentInput, build_raw, update_raw

    landing = _landing(ctx)
    fetch_log = landing.read_log()
    sources = _latest_source_by_sha(fetch_log)
    overrides = _load_overrides(ctx)
    documents = []
    landed = landed_documents(ctx)
    _sync_extracted(ctx, landed)
    for document_id in landed:
        record, files_dir = _extraction_record(ctx, document_id)
        documents.append(DocumentInput(record, files_dir, sources.get(document_id, {}),
                                       overrides.get(document_id, {})))
    build_path, warehouse = Path(ctx["build_path"]), Path(ctx["warehouse_path"])
    _claim_build_folder(ctx)
    now = inputs.build_inputs({d: doc.record for d, doc in zip(landed, documents)}, overrides, sources)
    changed = inputs.changed_documents(inputs.published(warehouse), now)
    if changed is None:
        counts = build_raw(build_path, documents, fetch_log)
    else:
        counts = update_raw(build_path, warehouse, documents, changed, fetch_log)
    atomic_write(build_path.parent / INPUTS_FILE, json.dumps(now), fsync=False)
    return {"documents": len(documents), "raw_rows": counts, "incremental": changed is not None,
            "documents_loaded": len(documents) if changed is None else len(changed)}


INPUTS_FILE = "inputs.json"  # in a build folder: what the build was made from, recorded when it is published


def current_inputs(ctx: dict) -> dict:
    """What a warehouse built now would be made from (see extract/warehouse/inputs.py)."""
    from extract.warehouse import inputs

    landed = landed_documents(ctx)
    _sync_extracted(ctx, landed)  # with object storage, what the workers uploaded counts too
    records = {d: _extraction_record(ctx, d)[0] for d in landed}
    sources = _latest_source_by_sha(_landing(ctx).read_log())
    return inputs.build_inputs(records, _load_overrides(ctx), sources)


def unchanged_since_publish(ctx: dict, now: dict) -> bool:
    from extract.warehouse import inputs

    return now == inputs.published(Path(ctx["warehouse_path"]))


def record_published_inputs(ctx: dict, now: dict) -> None:
    """After a publish: remember what the published file was made from (the next run compares)."""
    from extract.warehouse import inputs

    inputs.save(Path(ctx["warehouse_path"]), now)


def changed_since_publish(ctx: dict) -> bool:
    """False, logged and written in the run report, when a build now would be made of what the
    published warehouse was made of: then load, dbt, validation, docs and exports are skipped."""
    if unchanged_since_publish(ctx, current_inputs(ctx)):
        _skip(ctx)
        return False
    return True


def publish_recorded(ctx: dict) -> dict:
    """publish, then record the inputs the load wrote into the build folder as those of the
    published file (not when the readers' files failed: the next run publishes them again)."""
    now = json.loads((Path(ctx["build_path"]).parent / INPUTS_FILE).read_text())
    summary = publish(ctx)
    if not summary.get("readers_error"):
        record_published_inputs(ctx, now)
    return summary


OWNER_FILE = "owner.json"
AIRFLOW_BUILD_HOURS = 24  # a DAG run's build outlives its task processes: kept this long


def _claim_build_folder(ctx: dict) -> None:
    """Mark this run's build folder as ours, and remove the folders of runs that are provably dead
    (same host, process gone); a live run's build, or one of another host, is never touched."""
    build = Path(ctx["build_path"]).parent
    build.mkdir(parents=True, exist_ok=True)
    owner = {"run_id": ctx["run_id"], "pid": os.getpid(), "host": socket.gethostname(),
             "runner": ctx.get("runner", "cli")}
    atomic_write(build / OWNER_FILE, json.dumps(owner), fsync=False)
    for other in _data(ctx).builds.iterdir():
        if other != build and other.is_dir() and _is_dead_build(other):
            log.info("removing the build folder of a dead run: %s", other)
            shutil.rmtree(other, ignore_errors=True)


def _is_dead_build(folder: Path) -> bool:
    try:
        owner = json.loads((folder / OWNER_FILE).read_text())
    except (OSError, json.JSONDecodeError):  # a folder from before owner files: dead after a day
        return time.time() - folder.stat().st_mtime > AIRFLOW_BUILD_HOURS * 3600
    if owner.get("host") != socket.gethostname():
        return False
    if owner.get("runner") == "airflow":
        return time.time() - folder.stat().st_mtime > AIRFLOW_BUILD_HOURS * 3600
    return not layout.pid_alive(int(owner.get("pid") or 0))


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
                           "file_name": url_file_name(record.get("url") or "")}
    return latest


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
    from extract.warehouse.validate import compare_with_published, validate_warehouse, write_results_table

    build_path = Path(ctx["build_path"])
    result = validate_warehouse(build_path, build_path.parent / "data_docs")
    write_results_table(build_path, result, run_id=ctx["run_id"])
    lost = compare_with_published(build_path, Path(ctx["warehouse_path"]))
    summary = {"success": result.success and not lost, "suites": result.suites,
               "failed_expectations": result.failed_expectations, "warnings": result.warnings, "lost": lost}
    if not result.success:
        raise PipelineError(f"validation failed; the published warehouse is unchanged: "
                            f"{result.failed_expectations}")
    if lost:
        raise PipelineError("the build would lose what is published; the published warehouse is unchanged: "
                            + "; ".join(lost))
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
    try:  # the dictionary travels with the data: dbt's descriptions as COMMENTs in the warehouse
        from extract.publish.dictionary import comment_warehouse

        comment_warehouse(build_path, build_path.parent / "docs" / "manifest.json")
    except Exception as exc:  # noqa: BLE001 - like the docs, never block the data on them
        log.warning("column comments not written: %s", exc)
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
    from extract.publish.changes import archive_exports, compare_exports, write_changes_page
    from extract.publish.export import WORKBOOK_DIR, export_marts
    from extract.publish.serving import build_serving_db
    from extract.publish.site import build_site

    out = warehouse.parent
    try:
        previous = archive_exports(out / "exports", out / "exports_history")
        export_marts(warehouse, out / "exports", "parquet", workbooks=True, pdf_dir=_data(ctx).landing)
        serving = build_serving_db(out / "exports", out / "serving.duckdb")
        site = build_site(warehouse, out / "site", "pdf", pdf_source_dir=_data(ctx).landing)
        changes = write_changes_page(compare_exports(previous, out / "exports"), out / "site")
    except Exception as exc:  # noqa: BLE001 - the warehouse is published; report and go on
        log.warning("exports / serving file / site not refreshed: %s", exc)
        return {"readers_error": str(exc)[:500]}
    return {"exports": str(out / "exports"), "workbooks": str(out / "exports" / WORKBOOK_DIR), "serving": str(serving),
            "site": str(site["index"]), "changes": str(changes)}


def record_failure(info: dict) -> None:
    """Called by Airflow failure callbacks: keep a run report for the operator view."""
    run = info.get("ctx") or {}
    ctx = {"data_dir": run.get("data_dir") or str(config.data_dir()),
           "run_id": run.get("run_id") or str(info.get("run_id", "unknown"))}
    _write_report(ctx, "failure", {k: v for k, v in info.items() if k != "ctx"})


def _read_report(ctx: dict) -> dict:
    return json.loads((_data(ctx).runs / f"{ctx['run_id']}.json").read_text())


def _write_report(ctx: dict, stage: str, payload) -> None:
    path = _data(ctx).runs / f"{ctx['run_id']}.json"
    report = json.loads(path.read_text()) if path.exists() else {"run_id": ctx["run_id"]}
    report[stage] = payload
    atomic_write(path, json.dumps(report, indent=2, default=str, ensure_ascii=False), fsync=False)


# ---------------------------------------------------------------- the whole job


def run_all(ctx: dict, progress: bool = True, document_ids: list[str] | None = None,
            workers: int | None = None) -> dict:
    """The nightly job in one process (the CLI). Extraction runs in a pool of `workers` processes.
    When no document, override, extractor version or transformation code changed since the
    published warehouse was built, load, dbt, validation, docs and exports are skipped.

    The result's "problems" name the sources that could not be reached and the documents of
    this run that could not be read; its "exit_code" is the one the CLI exits with.
    """
    try:
        pending = crawl(ctx, progress=progress) if document_ids is None else \
            [d for d in document_ids if d in pending_documents(ctx)]
    except PipelineError as exc:
        _write_report(ctx, "failure", {"stage": "crawl", "error": str(exc)[:2000]})
        raise
    extracted = _extract_all(ctx, pending, progress, workers)
    if not changed_since_publish(ctx):
        result = {"extracted": extracted, "skipped": _read_report(ctx)["skipped"]}
    else:
        result = {"extracted": extracted, "load": load(ctx)}
        for stage, step in (("transform", transform), ("validate", validate), ("publish", publish_recorded)):
            try:
                result[stage] = step(ctx)
            except Exception as exc:
                _write_report(ctx, "failure", {"stage": stage, "error": str(exc)[:2000]})
                raise
    result["problems"] = _problems(ctx, extracted, document_ids).as_dict()
    _write_report(ctx, "outcome", result["problems"])
    return result


def _skip(ctx: dict) -> dict:
    skipped = {"reason": "no new or re-extracted document, override, extractor version or code since the "
                         "published warehouse was built",
               "skipped_stages": ["load", "transform", "validate", "docs", "publish", "exports"],
               "warehouse": ctx["warehouse_path"]}
    log.info("nothing changed: %s; %s skipped", skipped["reason"], ", ".join(skipped["skipped_stages"]))
    _write_report(ctx, "skipped", skipped)
    return skipped


def _extract_all(ctx: dict, pending: list[str], progress: bool, workers: int | None = None) -> list[dict]:
    """Every pending document on a pool of long-lived workers (one per core unless `workers` says)."""
    from concurrent.futures import ThreadPoolExecutor

    from rich.progress import Progress

    if not pending:
        return []
    pending = _largest_first(ctx, pending)
    size = min(config.extract_workers(workers), len(pending))
    extracted, started = [], time.monotonic()
    with Progress(disable=not progress) as bar, WorkerPool(size) as workers_pool, \
            ThreadPoolExecutor(max_workers=size) as threads:
        task = bar.add_task("extracting PDFs", total=len(pending))
        for summary in threads.map(lambda d: _extract_or_quarantine(ctx, d, workers_pool), pending):
            extracted.append(summary)
            bar.advance(task)
    _write_report(ctx, "extract", {"documents": len(pending), "workers": size,
                                   "worker_processes_started": workers_pool.started,
                                   "seconds": round(time.monotonic() - started, 2)})
    return extracted


def _largest_first(ctx: dict, pending: list[str]) -> list[str]:
    """The documents by page count, largest first, when their PDFs are local: the last document a
    worker reads while the others wait idle is then a short one."""
    if storage.open_store(ctx.get("storage_url")):
        return pending  # counting would mean downloading every PDF here first
    landing = _landing(ctx)
    return sorted(pending, key=lambda d: -page_count(landing.path(d)))


def _extract_or_quarantine(ctx: dict, document_id: str, pool: WorkerPool) -> dict:
    """extract_one, with a failure of this document's files (a disk write, a storage download or
    upload) kept with the document: the run goes on with the others."""
    try:
        return extract_one(ctx, document_id, pool=pool)
    except OSError as exc:
        log.error("extracting %s failed: %s", document_id[:12], exc)
        return {"document_id": document_id, "status": "quarantined",
                "status_reason": f"extract_failed: {exc}"}


def _problems(ctx: dict, extracted: list[dict], document_ids: list[str] | None) -> outcome.RunProblems:
    """Unreachable sources and unread documents of this run (documents given to ingest that were
    extracted by an earlier run count too: they belong to this run's request)."""
    report = json.loads((_data(ctx).runs / f"{ctx['run_id']}.json").read_text())
    reached, sources_failed = outcome.source_problems(report.get("crawl") or [])
    records = {e["document_id"]: e for e in extracted}
    for document_id in document_ids or []:
        records.setdefault(document_id, _extraction_record(ctx, document_id)[0])
    return outcome.RunProblems(sources_failed, outcome.document_problems(list(records.values())), reached)


def record_stop(ctx: dict, signum: int) -> None:
    """A command stopped by a signal: say so in its run report (the build is left for cleanup)."""
    _write_report(ctx, "stopped", {"signal": signum, "at": datetime.now(UTC).isoformat(timespec="seconds")})
