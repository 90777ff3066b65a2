"""The operator view behind `lkjip status`: last runs, per-source counts, the quarantine.

Everything here only reads: run reports (data/runs/*.json), the fetch log and the
published warehouse, opened read-only (so it works while a run is building the next one).
"""
from __future__ import annotations

import json
import socket
from collections import Counter
from pathlib import Path

from extract.acquire.landing import Landing
from extract.layout import DataLayout, lock_holder, pid_alive


def collect_status(data_dir: Path, warehouse: Path, last_runs: int = 5) -> dict:
    data_dir, warehouse = Path(data_dir), Path(warehouse)
    runs = _run_reports(data_dir)
    return {
        "data_dir": str(data_dir),
        "warehouse": str(warehouse),
        "run_in_progress": lock_holder(DataLayout(data_dir).lock),
        "runs": [_run_line(r) for r in runs[:last_runs]],
        "sources": _source_counts(runs, data_dir),
        "quarantine": _quarantine(warehouse),
    }


def _run_reports(data_dir: Path) -> list[dict]:
    """Run reports, newest first (run ids are UTC timestamps, so names sort by time)."""
    reports = []
    for path in sorted(DataLayout(data_dir).runs.glob("*.json"), reverse=True):
        try:
            reports.append(json.loads(path.read_text()))
        except (OSError, json.JSONDecodeError):
            reports.append({"run_id": path.stem, "failure": {"error": "unreadable run report"}})
    return reports


def _run_line(report: dict) -> dict:
    failure, stopped = report.get("failure"), report.get("stopped")
    detail = None
    if failure:
        detail = str(failure.get("error") or failure.get("exception") or failure)[:300]
    elif stopped:
        detail = f"stopped by signal {stopped.get('signal')} at {stopped.get('at')}"
    crawl = report.get("crawl") or []
    problems = report.get("outcome") or {}
    return {"run_id": report.get("run_id"), "outcome": run_outcome(report),
            "published_at": (report.get("publish") or {}).get("published_at"),
            "sources_crawled": len(crawl),
            "new": sum(s.get("new", 0) for s in crawl),
            "failed_fetches": sum(_n_failed(s) for s in crawl),
            "sources_failed": len(problems.get("sources_failed") or []),
            "documents_failed": len(problems.get("documents_failed") or []),
            "detail": detail}


def run_outcome(report: dict) -> str:
    """published, unchanged (nothing new: skipped), failed, stopped, running (its process is alive) or
    unfinished (killed)."""
    if report.get("publish"):
        return "published"
    if report.get("skipped"):
        return "unchanged"
    if report.get("failure"):
        return "failed"
    if report.get("stopped"):
        return "stopped"
    start = report.get("start") or {}
    if start.get("runner") == "airflow":
        return "unfinished"  # running or killed: Airflow's own view says which
    same_host = start.get("host") == socket.gethostname()
    return "running" if same_host and pid_alive(int(start.get("pid") or 0)) else "unfinished"


def _n_failed(summary: dict) -> int:
    failed = summary.get("failed", 0)
    return len(failed) if isinstance(failed, list) else int(failed or 0)


def _source_counts(runs: list[dict], data_dir: Path) -> list[dict]:
    """Per source: counts from the latest crawl report that covered it, reasons from the fetch log."""
    latest: dict[str, dict] = {}
    for report in runs:  # newest first: keep the first seen per source
        for summary in report.get("crawl") or []:
            latest.setdefault(summary.get("source_id"), {**summary, "run_id": report.get("run_id")})
    landing = DataLayout(data_dir).landing
    fetch_log = Landing(landing).read_log() if landing.exists() else []
    by_source: dict[str, list[dict]] = {}
    for record in fetch_log:
        by_source.setdefault(record.get("source_id") or "?", []).append(record)
    rows = []
    for source_id in sorted(set(latest) | set(by_source), key=str):
        summary = latest.get(source_id)
        records = by_source.get(source_id, [])
        if summary:
            failed = summary.get("failed") or []
            reasons = Counter(f.get("reason") for f in failed) if isinstance(failed, list) else Counter()
            row = {"source_id": source_id, "last_run": summary.get("run_id"),
                   "found": summary.get("found", 0), "new": summary.get("new", 0),
                   "unchanged": summary.get("unchanged", 0), "failed": _n_failed(summary),
                   "skipped": summary.get("skipped", 0)}
        else:  # e.g. `lkjip ingest` (source 'local'): no crawl report, only the fetch log
            reasons = Counter(r.get("error") for r in records if r.get("outcome") == "failed")
            outcomes = Counter(r.get("outcome") for r in records)
            row = {"source_id": source_id, "last_run": None,
                   "found": len({r.get("url") for r in records}), "new": outcomes["new"],
                   "unchanged": outcomes["unchanged"] + outcomes["not_modified"],
                   "failed": outcomes["failed"], "skipped": 0}
        row["fetches_logged"] = len(records)
        row["documents_landed"] = len({r.get("sha256") for r in records
                                       if r.get("sha256") and r.get("outcome") != "failed"})
        row["failure_reasons"] = [{"reason": r, "count": n} for r, n in reasons.most_common()]
        rows.append(row)
    return rows


def _quarantine(warehouse: Path) -> dict:
    if not warehouse.exists():
        return {"available": False, "message": f"no published warehouse at {warehouse} yet",
                "documents": []}
    import duckdb

    try:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            rows = con.execute("""
                SELECT document_id, source_url, region_code, fiscal_year, status_reason
                FROM marts.dim_document WHERE status = 'quarantined'
                ORDER BY source_url, document_id""").fetchall()
            totals = dict(con.execute(
                "SELECT status, count(*) FROM marts.dim_document GROUP BY status").fetchall())
    except duckdb.Error as exc:
        return {"available": False, "message": f"cannot read {warehouse}: {exc}", "documents": []}
    documents = [{"document_id": d, "source_url": u, "region_code": r, "fiscal_year": y,
                  "status_reason": s} for d, u, r, y, s in rows]
    return {"available": True, "message": None, "documents_by_status": totals,
            "documents": documents}


def render_text(status: dict) -> None:
    """Print the status as rich tables."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"Data dir: {status['data_dir']}\nWarehouse: {status['warehouse']}")
    if status["run_in_progress"]:
        console.print(f"A run is in progress ({status['run_in_progress']}).")
    runs = Table(title="Last runs")
    for column in ("run", "outcome", "published at", "sources", "new", "failed fetches", "detail"):
        runs.add_column(column, overflow="fold")
    for r in status["runs"]:
        runs.add_row(r["run_id"], r["outcome"], r["published_at"] or "", str(r["sources_crawled"]),
                     str(r["new"]), str(r["failed_fetches"]), r["detail"] or "")
    console.print(runs if status["runs"] else "No runs recorded yet.")
    sources = Table(title="Sources (latest crawl)")
    for column in ("source", "found", "new", "unchanged", "failed", "failure reasons"):
        sources.add_column(column, overflow="fold")
    for s in status["sources"]:
        reasons = "; ".join(f"{x['count']}× {x['reason']}" for x in s["failure_reasons"])
        sources.add_row(s["source_id"], str(s["found"]), str(s["new"]), str(s["unchanged"]),
                        str(s["failed"]), reasons)
    console.print(sources if status["sources"] else "No sources crawled yet.")
    quarantine = status["quarantine"]
    if not quarantine["available"]:
        console.print(f"Quarantine: {quarantine['message']}")
        return
    totals = ", ".join(f"{n} {s}" for s, n in sorted(quarantine["documents_by_status"].items()))
    console.print(f"Documents in the published warehouse: {totals or 'none'}")
    table = Table(title=f"Quarantine ({len(quarantine['documents'])} documents)")
    for column in ("document", "source", "region", "year", "reason"):
        table.add_column(column, overflow="fold")
    for d in quarantine["documents"]:
        table.add_row(d["document_id"][:12], d["source_url"] or "", d["region_code"] or "",
                      str(d["fiscal_year"] or ""), d["status_reason"] or "")
    console.print(table if quarantine["documents"] else "Quarantine: empty.")
