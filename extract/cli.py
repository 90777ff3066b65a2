"""`lkjip`: the command line for analysts and operators. Every command has --help.

Errors are one line that says what to do (the traceback only with -v); exit codes are listed in
extract/outcome.py and docs/OPERATIONS.md.
"""
from __future__ import annotations

import json
import logging
import os
import signal
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import click

from extract import config, layout, outcome, pipeline

EXIT_CODES_HELP = """\b
Exit codes: 0 published, all sources reached and documents read; 1 failed, nothing published;
2 usage error; 3 published, but some sources or documents failed (listed); 4 no source reached;
5 another run holds the lock; 130 / 143 stopped by SIGINT / SIGTERM."""

WAREHOUSE_OPTION = click.option(
    "--warehouse", type=click.Path(dir_okay=False), default=None,
    help="Warehouse file (default: $LKJIP_WAREHOUSE or warehouse/lkjip.duckdb).")
DATA_OPTION = click.option(
    "--data-dir", type=click.Path(file_okay=False), default=None,
    help="Landing area, extracted files and run reports (default: $LKJIP_DATA_DIR or ./data).")
WORKERS_OPTION = click.option(
    "--workers", type=click.IntRange(min=1), default=None,
    help="Extraction worker processes (default: $LKJIP_WORKERS, else one per CPU core).")


class CommandFailed(click.ClickException):
    """A one-line error with its own exit code."""

    def __init__(self, message: str, exit_code: int = outcome.FAILED):
        super().__init__(message)
        self.exit_code = exit_code


class OneLineErrors(click.Group):
    """Any unexpected error becomes one line (and exit 1); `-v` shows the traceback instead."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as exc:
            if ctx.params.get("verbose"):
                raise
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise CommandFailed(f"{message} (run with -v for the traceback)") from exc


def _version() -> str:
    try:
        return version("lkjip-warehouse")
    except PackageNotFoundError:
        return "unknown"


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES_HELP)
@click.option("-v", "--verbose", is_flag=True, help="Log every step; show tracebacks.")
@click.version_option(_version(), "--version", prog_name="lkjip",
                      message=f"%(prog)s %(version)s (extractor {layout.EXTRACTOR_VERSION})")
def main(verbose: bool) -> None:
    """lkjip-warehouse: LKjIP performance reports -> a DuckDB warehouse of comparable facts."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@main.command()
@click.option("--sources", "sources_file", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Sources registry (YAML), e.g. sources/indonesia.yaml.")
@WAREHOUSE_OPTION
@DATA_OPTION
@click.option("--no-progress", is_flag=True, help="Plain logs instead of progress bars.")
@WORKERS_OPTION
def run(sources_file: str, warehouse: str | None, data_dir: str | None, no_progress: bool,
        workers: int | None) -> None:
    """The nightly job: crawl, download new or changed PDFs, extract, load, dbt build, validate, publish."""
    _check_sources(sources_file)
    ctx = pipeline.start_run(sources_file, warehouse, data_dir)
    result = _guarded(ctx, lambda: pipeline.run_all(ctx, progress=not no_progress, workers=workers))
    _finish(result, ctx)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--region", "region_code", default=None, help="Kemendagri region code, e.g. 33.20 (overrides inference).")
@click.option("--year", "fiscal_year", type=int, default=None, help="Fiscal year (overrides inference).")
@WAREHOUSE_OPTION
@DATA_OPTION
@click.option("--no-progress", is_flag=True, help="Plain logs instead of progress bars.")
@WORKERS_OPTION
def ingest(paths, region_code, fiscal_year, warehouse, data_dir, no_progress, workers) -> None:
    """Ingest local PDF files or folders (no crawling), then load, build, validate and publish.

    Region, agency and fiscal year are inferred from the cover and title pages.
    """
    _check_overrides(region_code, fiscal_year)
    pdfs = _pdf_paths(paths)
    if not pdfs:
        raise click.UsageError("no .pdf files found in the given paths")
    ctx = pipeline.start_run(None, warehouse, data_dir)

    def job():
        ids = pipeline.ingest_files(ctx, pdfs, region_code, fiscal_year)
        return pipeline.run_all(ctx, progress=not no_progress, document_ids=ids, workers=workers)

    _finish(_guarded(ctx, job), ctx)


@main.command()
@WAREHOUSE_OPTION
@DATA_OPTION
@WORKERS_OPTION
def demo(warehouse: str | None, data_dir: str | None, workers: int | None) -> None:
    """Serve the sample portal on 127.0.0.1 and run the nightly job against it."""
    from extract.acquire.portal import serve_samples

    samples = layout.samples_dir()
    with serve_samples(samples) as base_url:
        os.environ["LKJIP_PORTAL_URL"] = base_url
        click.echo(f"sample portal: {base_url}/portal/index.html")
        ctx = pipeline.start_run(str(layout.sources_dir() / "demo.yaml"), warehouse, data_dir)
        result = _guarded(ctx, lambda: pipeline.run_all(ctx, progress=True, workers=workers))
    _finish(result, ctx)


@main.command()
@WAREHOUSE_OPTION
@DATA_OPTION
@click.option("--no-progress", is_flag=True, help="Plain logs instead of progress bars.")
@WORKERS_OPTION
def reprocess(warehouse: str | None, data_dir: str | None, no_progress: bool, workers: int | None) -> None:
    """Re-extract every landed document (after an extractor upgrade), then load, build, validate, publish.

    Nothing is downloaded: the landing area holds every file ever fetched.
    """
    ctx = pipeline.start_run(None, warehouse, data_dir)

    def job():
        ids = pipeline.reprocess_ids(ctx)
        if not ids:
            raise click.ClickException(f"no landed documents under {ctx['data_dir']}/landing: "
                                       "run `lkjip run` or `lkjip ingest` first")
        return pipeline.run_all(ctx, progress=not no_progress, document_ids=ids, workers=workers)

    _finish(_guarded(ctx, job), ctx)


@main.command()
@WAREHOUSE_OPTION
@DATA_OPTION
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--runs", "last_runs", type=int, default=5, show_default=True, help="How many recent runs to show.")
def status(warehouse: str | None, data_dir: str | None, output_format: str, last_runs: int) -> None:
    """Operator view: last runs, per-source crawl counts with failure reasons, the quarantine."""
    from extract.status import collect_status, render_text

    report = collect_status(config.data_dir() if data_dir is None else Path(data_dir),
                            config.warehouse_path(warehouse), last_runs=last_runs)
    if output_format == "json":
        click.echo(json.dumps(report, indent=2, default=str, ensure_ascii=False))
    else:
        render_text(report)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "xlsx"]), default="parquet", show_default=True)
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Output folder (default: exports/, exports_csv/ or exports_xlsx/ next to the warehouse).")
@click.option("--province", default=None, help="xlsx: only the workbook of this province code, e.g. 33.")
@click.option("--year", "fiscal_year", type=int, default=None, help="xlsx: only this fiscal year.")
@WAREHOUSE_OPTION
@DATA_OPTION
def export(fmt: str, out: str | None, province: str | None, fiscal_year: int | None, warehouse: str | None,
           data_dir: str | None) -> None:
    """Export every mart (Parquet partitioned by fiscal year, or CSV) and refresh the BI serving file;
    or Excel workbooks of the facts (xlsx): one for all provinces and one per province."""
    from extract.publish.export import export_marts
    from extract.publish.serving import build_serving_db

    path = config.warehouse_path(warehouse)
    if not path.exists():
        raise click.ClickException(f"no warehouse at {path}: run `lkjip demo` or `lkjip run` first")
    if fmt == "xlsx":
        _export_workbooks(path, out, province, fiscal_year, data_dir)
        return
    if province or fiscal_year:
        raise click.UsageError("--province and --year apply to --format xlsx only")
    target = Path(out) if out else path.parent / ("exports" if fmt == "parquet" else "exports_csv")
    result = export_marts(path, target, fmt)
    click.echo(json.dumps(result, indent=2, default=str))
    if fmt == "parquet":
        click.echo(f"serving file: {build_serving_db(target, path.parent / 'serving.duckdb')}")


def _export_workbooks(warehouse: Path, out: str | None, province: str | None, fiscal_year: int | None,
                      data_dir: str | None) -> None:
    from extract.publish.workbook import export_workbooks

    pdf_dir = layout.DataLayout(config.data_dir() if data_dir is None else Path(data_dir)).landing
    target = Path(out) if out else warehouse.parent / "exports_xlsx"
    for written in export_workbooks(warehouse, target, province, fiscal_year, pdf_dir):
        click.echo(f"workbook: {written}")


@main.command()
@click.argument("query", required=False)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False),
              help="Read the query from a .sql file.")
@click.option("--format", "output_format", type=click.Choice(["table", "vertical", "csv", "json"]), default="table",
              show_default=True, help="table: one record per line, or one field per line (vertical) when the "
              "columns do not fit the terminal width; vertical: always one field per line.")
@WAREHOUSE_OPTION
def sql(query: str | None, query_file: str | None, output_format: str, warehouse: str | None) -> None:
    """Run a read-only SQL query against the published warehouse.

    Values are printed as text: markup or emoji codes inside the data ('[bold]x[/bold]', ':x:') are shown
    as they are stored.
    """
    from extract.query import QueryRefused, run_query

    if query_file:
        query = Path(query_file).read_text()
    if not query:
        raise click.UsageError('give a query, e.g. lkjip sql "SELECT * FROM marts.dim_document"')
    path = config.warehouse_path(warehouse)
    if not path.exists():
        raise click.ClickException(f"no warehouse at {path}: run `lkjip demo` or `lkjip run` first")
    try:
        frame = run_query(path, query)
    except QueryRefused as exc:
        raise click.ClickException(str(exc)) from exc
    _print_frame(frame, output_format)


@main.group()
def sources() -> None:
    """Sources registries (sources/*.yaml)."""


@sources.command("check")
@click.argument("sources_file", type=click.Path(exists=True, dir_okay=False))
def sources_check(sources_file: str) -> None:
    """Validate a sources file: every problem on its own line, exit 2 when there is one."""
    problems = _source_file_problems(sources_file)
    for problem in problems:
        click.echo(f"{sources_file}: {problem}")
    if problems:
        raise CommandFailed(f"{len(problems)} problem(s) in {sources_file}", outcome.USAGE)
    click.echo(f"{sources_file}: ok")


def _print_frame(frame, output_format: str) -> None:
    if output_format == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif output_format == "json":
        click.echo(frame.to_json(orient="records", force_ascii=False, date_format="iso"))
    else:
        from extract.query import print_frame

        print_frame(frame, output_format, echo=click.echo)


# ---------------------------------------------------------------- helpers


def _guarded(ctx: dict, job):
    """Run a job under the run locks, stoppable by SIGTERM / SIGINT; expected failures become one
    line with their exit code."""
    from extract import worker

    def stop(signum, frame):
        worker.stop_all()  # every extraction process group, OCR included
        raise _Stopped(signum)

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        with pipeline.run_locks(ctx):
            return job()
    except _Stopped as exc:
        pipeline.record_stop(ctx, exc.signum)
        raise CommandFailed(f"stopped by signal {exc.signum}; the published warehouse is unchanged",
                            outcome.STOPPED.get(exc.signum, outcome.FAILED)) from None
    except layout.RunLocked as exc:
        raise CommandFailed(str(exc), outcome.LOCKED) from exc
    except pipeline.NothingFetched as exc:
        raise CommandFailed(f"{exc}. Check the network and `lkjip status`.", outcome.NOTHING_FETCHED) from exc
    except pipeline.PipelineError as exc:
        raise CommandFailed(f"{exc}\nThe previous warehouse at {ctx['warehouse_path']} is unchanged.") from exc
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class _Stopped(Exception):
    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _pdf_paths(paths) -> list[Path]:
    """PDF files among the paths; folders are searched, whatever the case of '.pdf'."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf") \
            if path.is_dir() else [path]
    return found


def _source_file_problems(sources_file: str) -> list[str]:
    from extract.acquire.sources import check_sources_file

    return check_sources_file(sources_file)


def _check_sources(sources_file: str) -> None:
    problems = _source_file_problems(sources_file)
    if problems:
        raise CommandFailed(f"{sources_file}: {problems[0]}" + (f" (and {len(problems) - 1} more: "
                            f"lkjip sources check {sources_file})" if len(problems) > 1 else ""), outcome.USAGE)


def _check_overrides(region_code: str | None, fiscal_year: int | None) -> None:
    from extract.acquire.sources import check_fiscal_year, check_region_code

    problem = (region_code is not None and check_region_code(region_code)) or \
        (fiscal_year is not None and check_fiscal_year(fiscal_year))
    if problem:
        raise click.BadParameter(problem)


def _finish(result: dict, ctx: dict) -> None:
    print_summary(result, ctx)
    code = (result.get("problems") or {}).get("exit_code", outcome.OK)
    if code:
        sys.exit(code)


def print_summary(result: dict, ctx: dict) -> None:
    warehouse = ctx["warehouse_path"]
    _print_documents(warehouse)
    _print_problems(result.get("problems") or {})
    if result.get("skipped"):
        click.echo(f"Nothing changed since the last publish: {', '.join(result['skipped']['skipped_stages'])} "
                   "skipped; the published warehouse and its files are as they were.")
    else:
        _print_validation(result.get("validate", {}))
    published = result.get("publish", {})
    click.echo(f"Warehouse: {warehouse}")
    labels = {"docs": "dbt docs", "data_docs": "Data Docs", "site": "Scorecard",
              "exports": "Parquet exports", "workbooks": "Excel workbooks",
              "serving": "BI serving file (read-only views)", "changes": "Changes since the last publish"}
    for key, label in labels.items():
        if published.get(key):
            click.echo(f"{label}: {published[key]}")
    click.echo(f'Query it: lkjip sql "SELECT * FROM marts.fct_performance_indicator LIMIT 10"'
               f"{'' if warehouse == str(config.warehouse_path().resolve()) else f' --warehouse {warehouse}'}")


def _print_validation(validation: dict) -> None:
    suites = validation.get("suites") or {}
    failed = [name for name, ok in suites.items() if not ok]
    click.echo(f"Validation: {'passed' if validation.get('success') else 'FAILED'} "
               f"({len(suites) - len(failed)}/{len(suites)} Great Expectations suites)"
               + (f"; failed: {', '.join(failed)}" if failed else ""))
    for warning in validation.get("warnings") or []:
        click.echo(f"  warning: {warning}")


def _print_documents(warehouse: str) -> None:
    from extract.query import read_only_connection

    with read_only_connection(Path(warehouse)) as con:
        documents = con.execute(
            "SELECT status, count(*) FROM marts.dim_document GROUP BY status ORDER BY status").fetchall()
        facts = con.execute("""
            SELECT d.region_code, r.region_name, d.fiscal_year,
                   (SELECT count(*) FROM marts.fct_performance_indicator f WHERE f.document_id = d.document_id),
                   (SELECT count(*) FROM marts.fct_budget_realization b WHERE b.document_id = d.document_id)
            FROM marts.dim_document d LEFT JOIN marts.dim_region r USING (region_code)
            WHERE d.status NOT IN ('quarantined', 'needs_review') ORDER BY 1, 3""").fetchall()
        others = con.execute("""SELECT status, document_id, coalesce(file_name, ''), status_reason
            FROM marts.dim_document WHERE status IN ('quarantined', 'needs_review') ORDER BY 1, 2""").fetchall()
    click.echo("\nDocuments: " + ", ".join(f"{n} {s}" for s, n in documents))
    click.echo("Facts per document (region, fiscal year of the report): indicators / budget lines")
    for code, name, year, n_ind, n_bud in facts:
        click.echo(f"  {code or '?':6} {name or 'unknown region':32} {year or '?'}  {n_ind:4d} / {n_bud:4d}")
    for status, document_id, file_name, reason in others:
        click.echo(f"  {status} {document_id[:12]} {file_name}: {reason}")
    if any(status == "needs_review" for status, *_ in others):
        click.echo("  What to do for each document in review: lkjip sql \"SELECT * FROM marts.mart_review_queue\"")


def _print_problems(problems: dict) -> None:
    for source in problems.get("sources_failed") or []:
        click.echo(f"  source not reached: {source['source_id']}: {source['reason']}")
    for document in problems.get("documents_failed") or []:
        click.echo(f"  document not read: {(document['document_id'] or '')[:12]} {document.get('file_name') or ''}: "
                   f"{document['reason']}")


if __name__ == "__main__":
    sys.exit(main())
