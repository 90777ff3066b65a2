"""Great Expectations checkpoint over the built warehouse: raw, staging and marts.

The suites are defined in the repository (`expectations/raw.json`, `staging.json`, `marts.json`). A table entry
is a list of expectations over `<schema>.<table>`, or `{"query": SQL, "expectations": [...]}` over the result of
a read-only query (cross-table checks such as "every ok document has a table"). Every expectation has a
severity, in dbt's words: "error" (default; a failure makes `ValidationResult.success` False and blocks
publishing) or "warn" (a failure is only listed in `ValidationResult.warnings`). Keys, not-null, accepted values
and relationships are dbt tests, not expectations: the suites hold only what dbt tests do not express.
`ValidationResult.results_rows()` gives one row per expectation, and `write_results_table()` stores them in
`marts.validation_results` (a dbt model: dbt owns its columns). GX state (context, results, Data Docs
sources) is written under a work folder next to the build database, never into the repo. The marts are read
with a read-only DuckDB connection (after dbt has finished) and snapshotted to Parquet in that work folder, so
one checkpoint validates every table through a pandas filesystem datasource (the GX SQL datasource over
duckdb is broken; see TOOLCHAIN-NOTES).

Only checks of the warehouse's structure are severity "error" (row counts, key formats): a check that one document
can fail (a parse rate, a plausible range) is judged per document by dbt, which puts that document in review
(marts.mart_review_queue) instead of failing the run; the suites keep such checks as warehouse-wide statistics with
severity "warn". `compare_with_published()` compares the build with the published warehouse (no mart emptied, no
document lost) before publishing. docs/OPERATIONS.md, "Which checks block a publish", lists every blocking check.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from extract import layout

EXPECTATIONS_DIR = layout.expectations_dir()
SUITE_FILES = ("marts.json", "raw.json", "staging.json")
DATA_DOCS_SITE = "lkjip_data_docs"
SEVERITIES = ("error", "warn")  # dbt's words (a dbt test's severity)
_GX_SEVERITY = {"error": "critical", "warn": "warning"}  # ours -> GX's own severity levels
OBSERVED_MAX_CHARS = 300

# marts.validation_results: created (empty, contracted) by the dbt model
# dbt_project/models/marts/validation_results.sql, filled by write_results_table() after validation (one row per
# expectation). The DDL below is the same contract, used only for a warehouse built before dbt owned the table.
RESULTS_TABLE = "marts.validation_results"
RESULTS_COLUMNS = ("run_id", "validated_at", "suite_name", "expectation_type", "column_name", "expectation_kwargs",
                   "severity", "success", "observed")
RESULTS_TABLE_DDL = f"""
CREATE TABLE IF NOT EXISTS {RESULTS_TABLE} (
    run_id            VARCHAR,    -- the pipeline run (ctx['run_id']); null outside a run
    validated_at      TIMESTAMP,  -- when the checkpoint finished (UTC)
    suite_name        VARCHAR,    -- '<layer>.<table>' (layer raw, staging or marts)
    expectation_type  VARCHAR,    -- GX type, e.g. expect_column_values_to_be_between
    column_name       VARCHAR,    -- the column checked (null for table-level expectations)
    expectation_kwargs VARCHAR,   -- the expectation's arguments as JSON (value sets from queries abbreviated)
    severity          VARCHAR,    -- 'error' (blocks publishing) or 'warn' (recorded only)
    success           BOOLEAN,
    observed          VARCHAR     -- short text: unexpected counts and examples, or the observed value
)"""


@dataclass
class ValidationResult:
    success: bool  # False when an error-severity expectation failed (warnings never block)
    suites: dict[str, bool]  # suite -> no error-severity failure in it
    failed_expectations: list[str]  # error-severity failures
    data_docs_index: Path | None
    elapsed_s: float = 0.0
    row_counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # warn-severity failures
    rows: list[dict] = field(default_factory=list, repr=False)
    validated_at: datetime | None = None

    def results_rows(self) -> list[dict]:
        """One dict per expectation: suite_name, expectation_type, column, kwargs (JSON text), success,
        severity ('error' | 'warn'), observed (short text)."""
        return [dict(r) for r in self.rows]


def _camel(snake: str) -> str:
    return "".join(part.capitalize() for part in snake.split("_"))


def _quiet_progress_bars(context) -> None:
    try:
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context.variables.progress_bars = ProgressBarsConfig(globally=False)
    except Exception:  # noqa: BLE001 - cosmetic only
        pass


def load_suite_specs(expectations_dir: Path = EXPECTATIONS_DIR) -> list[dict]:
    return [json.loads((expectations_dir / name).read_text()) for name in SUITE_FILES]


def _table_entry(schema: str, table: str, entry) -> tuple[str, list[dict]]:
    """(SQL of the rows to validate, expectation specs) of one table entry of a suite file."""
    if isinstance(entry, dict):
        return entry["query"], entry["expectations"]
    return f"SELECT * FROM {schema}.{table}", entry


def _severity(spec: dict) -> str:
    severity = spec.get("severity", "error")
    if severity not in SEVERITIES:
        raise ValueError(f"severity must be one of {SEVERITIES}: {spec}")
    return severity


def _short(value, limit: int = OBSERVED_MAX_CHARS) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _observed(r) -> str:
    """A short text of what GX saw for one expectation result."""
    info = getattr(r, "exception_info", None) or {}
    if info.get("raised_exception"):
        return _short(f"exception: {info.get('exception_message')}")
    res = r.result or {}
    if "unexpected_count" in res:
        text = f"{res.get('unexpected_count')} of {res.get('element_count')} unexpected"
        pct = res.get("unexpected_percent")
        if pct is not None:
            text += f" ({pct:.1f}%)"
        if res.get("partial_unexpected_list"):
            text += f" e.g. {_short(res['partial_unexpected_list'][:3], 200)}"
        return _short(text)
    if "observed_value" in res:
        return _short(f"observed {_short(res['observed_value'], 250)}")
    return ""


def _kwargs_text(kwargs: dict) -> str:
    shown = {k: (f"<{len(v)} values>" if isinstance(v, list) and len(v) > 10 else v)
             for k, v in kwargs.items() if k not in ("batch_id",)}
    return _short(shown, 500)


def _resolve_kwargs(kwargs: dict, con: duckdb.DuckDBPyConnection) -> dict:
    out = {}
    for key, value in kwargs.items():
        if isinstance(value, dict) and "$query" in value:
            rows = con.execute(value["$query"]).fetchall()
            value = sorted({r[0] for r in rows if r[0] is not None})
        out[key] = value
    return out


def _build_data_docs(context, result) -> None:
    """The Data Docs of every suite and result in one build. (GX's UpdateDataDocsAction builds the site, index
    included, once per validated suite: 12 times per run, half of the validation's time.)"""
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    resources = [identifier for key, suite_result in result.run_results.items()
                 for identifier in (key, ExpectationSuiteIdentifier(name=suite_result.suite_name))]
    context.build_data_docs(site_names=[DATA_DOCS_SITE], resource_identifiers=resources)


def validate_warehouse(
    db_path: Path, data_docs_dir: Path, *, work_dir: Path | None = None
) -> ValidationResult:
    """Run every suite of `expectations/` against the marts of `db_path` in one checkpoint.

    `work_dir` (default: `<db dir>/gx`) holds the GX file context and the Parquet snapshots; it is recreated
    on every call. Data Docs are built into `data_docs_dir` (its `index.html` is returned).
    """
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx  # slow import: only when validating

    started = time.monotonic()
    db_path = Path(db_path).resolve()
    data_docs_dir = Path(data_docs_dir).resolve()
    work_dir = Path(work_dir).resolve() if work_dir else db_path.parent / "gx"
    if work_dir.exists():
        shutil.rmtree(work_dir)
    snapshot_dir = work_dir / "snapshots"
    snapshot_dir.mkdir(parents=True)

    built, row_counts = _snapshot_tables(db_path, snapshot_dir)
    result = _run_checkpoint(gx, work_dir, snapshot_dir, data_docs_dir, built)
    suites, failed, warnings, rows = _read_results(result)

    index = data_docs_dir / "index.html"
    return ValidationResult(
        success=not failed and all(suites.values()),
        suites=suites,
        failed_expectations=failed,
        data_docs_index=index if index.exists() else None,
        elapsed_s=time.monotonic() - started,
        row_counts=row_counts,
        warnings=warnings,
        rows=rows,
        validated_at=datetime.now(UTC).replace(tzinfo=None),
    )


# (suite name, parquet file, [(expectation type, kwargs, severity)])
Built = list[tuple[str, str, list[tuple[str, dict, str]]]]


def _snapshot_tables(db_path: Path, snapshot_dir: Path) -> tuple[Built, dict[str, int]]:
    """Write each validated relation to Parquet, with the expectations its suite gives it."""
    built: Built = []
    row_counts: dict[str, int] = {}
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        for spec in load_suite_specs():
            for table, entry in spec["tables"].items():
                sql, expectations = _table_entry(spec["schema"], table, entry)
                relation = f'{spec["schema"]}.{table}'
                parquet = snapshot_dir / f'{spec["layer"]}__{table}.parquet'
                # Ordered, so the examples GX reports (partial_unexpected_list) are the same every run.
                # COPY returns the rows it wrote: the query (a view may be costly) runs once.
                row_counts[relation] = con.execute(
                    f"COPY (SELECT * FROM ({sql}) ORDER BY ALL) TO '{parquet}' (FORMAT parquet)").fetchone()[0]
                resolved = [(e["expectation"], _resolve_kwargs(e.get("kwargs", {}), con), _severity(e))
                            for e in expectations]
                built.append((f'{spec["layer"]}.{table}', parquet.name, resolved))
    finally:
        con.close()
    return built, row_counts


def _run_checkpoint(gx, work_dir: Path, snapshot_dir: Path, data_docs_dir: Path, built: Built):
    """One GX checkpoint over every snapshot, its Data Docs built once."""
    context = gx.get_context(mode="file", project_root_dir=str(work_dir))
    _quiet_progress_bars(context)
    context.add_data_docs_site(
        site_name=DATA_DOCS_SITE,
        site_config={
            "class_name": "SiteBuilder",
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(data_docs_dir)},
        },
    )
    datasource = context.data_sources.add_pandas_filesystem(name="warehouse", base_directory=snapshot_dir)
    validation_definitions = []
    for suite_name, parquet_name, expectations in built:
        asset = datasource.add_parquet_asset(name=suite_name)
        batch_definition = asset.add_batch_definition_path(name=f"{suite_name}.snapshot", path=parquet_name)
        suite = context.suites.add(gx.ExpectationSuite(name=suite_name))
        for name, kwargs, severity in expectations:
            suite.add_expectation(getattr(gx.expectations, _camel(name))(
                **kwargs, severity=_GX_SEVERITY[severity], meta={"severity": severity}))
        validation_definitions.append(
            context.validation_definitions.add(
                gx.ValidationDefinition(name=f"validate.{suite_name}", data=batch_definition, suite=suite)
            )
        )
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(
            name="warehouse",
            validation_definitions=validation_definitions,
            result_format={"result_format": "SUMMARY"},
        )
    )
    result = checkpoint.run()
    _build_data_docs(context, result)
    return result


def _read_results(result) -> tuple[dict[str, bool], list[str], list[str], list[dict]]:
    """Per suite whether it passed; failed and warning expectations as one line each; one row per expectation."""
    suites: dict[str, bool] = {}
    failed: list[str] = []
    warnings: list[str] = []
    rows: list[dict] = []
    for suite_result in result.run_results.values():
        name = suite_result.suite_name
        suites.setdefault(name, True)
        for r in suite_result.results:
            cfg = r.expectation_config
            severity = (cfg.meta or {}).get("severity", "error")
            column = cfg.kwargs.get("column")
            observed = _observed(r)
            rows.append({"suite_name": name, "expectation_type": cfg.type, "column": column,
                         "kwargs": _kwargs_text(dict(cfg.kwargs)), "success": bool(r.success),
                         "severity": severity, "observed": observed})
            if r.success:
                continue
            text = f"{name}: {cfg.type}" + (f"({column})" if column else "") + (f" {observed}" if observed else "")
            if severity == "warn":
                warnings.append(text)
            else:
                failed.append(text)
                suites[name] = False
    return suites, failed, warnings, rows


def write_results_table(db_path: Path, result: ValidationResult, *, run_id: str | None = None) -> int:
    """Fill `marts.validation_results` in `db_path` with one row per expectation of `result`.

    The table is a dbt model (built empty by `dbt build`); its rows are replaced by those of `result`. It is
    created here only when an older warehouse lacks it. Opens `db_path` read-write: call it after
    `validate_warehouse` (which has closed its read-only connection) and before publishing. Returns the number of
    rows written.
    """
    rows = [(run_id, result.validated_at, r["suite_name"], r["expectation_type"], r["column"], r["kwargs"],
             r["severity"], r["success"], r["observed"]) for r in result.results_rows()]
    con = duckdb.connect(str(db_path))
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute("CREATE SCHEMA IF NOT EXISTS marts")
        con.execute(RESULTS_TABLE_DDL)
        con.execute(f"DELETE FROM {RESULTS_TABLE}")
        if rows:
            columns = ", ".join(RESULTS_COLUMNS)
            placeholders = ", ".join("?" for _ in RESULTS_COLUMNS)
            con.executemany(f"INSERT INTO {RESULTS_TABLE} ({columns}) VALUES ({placeholders})", rows)
        con.execute("COMMIT")
    finally:
        con.close()
    return len(rows)


# ---------------------------------------------------------------- the build against the previous publish

# Marts whose rows may all go away legitimately: lists of findings to act on (empty when everything is fixed),
# validation_results (written after dbt and validation), and fct_budget_allocation: few reports print an
# allocation list, and a later version of the one report that did may give none (the unruled Jepara sample's
# lists are not read), so one document can empty it. Every other mart that had rows must keep some.
NOT_COMPARED_MARTS = frozenset({"validation_results", "mart_review_queue", "mart_data_quality_issues",
                                "mart_document_revisions", "mart_indicator_match_review", "fct_budget_allocation"})
MISSING_EXAMPLES = 5


def _mart_row_counts(con: duckdb.DuckDBPyConnection, schema: str = "marts") -> dict[str, int]:
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name",
        [schema]).fetchall()]
    return {name: con.execute(f'SELECT count(*) FROM "{schema}"."{name}"').fetchone()[0] for name in names}


def _document_ids(con: duckdb.DuckDBPyConnection, counts: dict[str, int]) -> set[str] | None:
    if "dim_document" not in counts:
        return None
    return {r[0] for r in con.execute("SELECT document_id FROM marts.dim_document").fetchall()}


def _read(path: Path) -> tuple[dict[str, int], set[str] | None]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        counts = _mart_row_counts(con)
        return counts, _document_ids(con, counts)
    finally:
        con.close()


def compare_with_published(build_path, published_path) -> list[str]:
    """What blocks publishing the build at `build_path` over the warehouse at `published_path`: one sentence per
    problem, an empty list when the build may be published (also when nothing was published yet).

    - a mart that had rows in the published warehouse has none (or is missing) in the build: a broken model or
      input, never one odd document (a document in review only withholds its own rows). Marts that list findings
      (NOT_COMPARED_MARTS) may become empty;
    - dim_document has fewer documents than the published one, or lacks one of them: the landing area is
      append-only, so documents are never removed.

    Both files are opened read-only. The pipeline calls it before publishing; a problem means: do not publish.
    """
    published_path = Path(published_path)
    if not published_path.exists():
        return []
    published, published_ids = _read(published_path)
    built, built_ids = _read(Path(build_path))
    problems = []
    for table, n_published in sorted(published.items()):
        if table in NOT_COMPARED_MARTS or n_published == 0:
            continue
        if table not in built:
            problems.append(f"marts.{table}: {n_published} rows in the published warehouse, "
                            "and the table is missing from this build")
        elif built[table] == 0:
            problems.append(f"marts.{table}: {n_published} rows in the published warehouse, none in this build")
    if published_ids:
        missing = sorted(published_ids - (built_ids or set()))
        if missing:
            examples = ", ".join(missing[:MISSING_EXAMPLES]) + (", ..." if len(missing) > MISSING_EXAMPLES else "")
            problems.append(f"marts.dim_document: {len(built_ids or ())} documents in this build, "
                            f"{len(published_ids)} in the published warehouse; {len(missing)} published documents "
                            f"are missing (documents are never removed): {examples}")
    return problems
