"""Great Expectations checkpoint over the built marts.

The suites are defined in the repository (`expectations/*.json`); GX state (context, results, Data Docs
sources) is written under a work folder next to the build database, never into the repo. The marts are read
with a read-only DuckDB connection (after dbt has finished) and snapshotted to Parquet in that work folder, so
one checkpoint validates every table through a pandas filesystem datasource (the GX SQL datasource over
duckdb is broken; see TOOLCHAIN-NOTES).
"""
from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from extract.config import repo_root

EXPECTATIONS_DIR = repo_root() / "expectations"
SUITE_FILES = ("marts.json",)
DATA_DOCS_SITE = "lkjip_data_docs"


@dataclass
class ValidationResult:
    success: bool
    suites: dict[str, bool]
    failed_expectations: list[str]
    data_docs_index: Path | None
    elapsed_s: float = 0.0
    row_counts: dict[str, int] = field(default_factory=dict)


def _camel(snake: str) -> str:
    return "".join(part.capitalize() for part in snake.split("_"))


def _quiet_progress_bars(context) -> None:
    try:
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context.variables.progress_bars = ProgressBarsConfig(globally=False)
    except Exception:  # cosmetic only
        pass


def load_suite_specs(expectations_dir: Path = EXPECTATIONS_DIR) -> list[dict]:
    return [json.loads((expectations_dir / name).read_text()) for name in SUITE_FILES]


def _resolve_kwargs(kwargs: dict, con: duckdb.DuckDBPyConnection) -> dict:
    out = {}
    for key, value in kwargs.items():
        if isinstance(value, dict) and "$query" in value:
            rows = con.execute(value["$query"]).fetchall()
            value = sorted({r[0] for r in rows if r[0] is not None})
        out[key] = value
    return out


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

    specs = load_suite_specs()
    built: list[tuple[str, str, list[tuple[str, dict]]]] = []  # (suite name, parquet file, expectations)
    row_counts: dict[str, int] = {}
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        for spec in specs:
            for table, expectations in spec["tables"].items():
                relation = f'{spec["schema"]}.{table}'
                parquet = snapshot_dir / f'{spec["layer"]}__{table}.parquet'
                con.execute(f"COPY (SELECT * FROM {relation}) TO '{parquet}' (FORMAT parquet)")
                row_counts[relation] = con.execute(f"SELECT count(*) FROM {relation}").fetchone()[0]
                resolved = [(e["expectation"], _resolve_kwargs(e.get("kwargs", {}), con)) for e in expectations]
                built.append((f'{spec["layer"]}.{table}', parquet.name, resolved))
    finally:
        con.close()

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
        for name, kwargs in expectations:
            suite.add_expectation(getattr(gx.expectations, _camel(name))(**kwargs))
        validation_definitions.append(
            context.validation_definitions.add(
                gx.ValidationDefinition(name=f"validate.{suite_name}", data=batch_definition, suite=suite)
            )
        )
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(
            name="warehouse",
            validation_definitions=validation_definitions,
            actions=[gx.checkpoint.UpdateDataDocsAction(name="data_docs", site_names=[DATA_DOCS_SITE])],
            result_format={"result_format": "SUMMARY"},
        )
    )
    result = checkpoint.run()

    suites: dict[str, bool] = {}
    failed: list[str] = []
    for suite_result in result.run_results.values():
        suites[suite_result.suite_name] = bool(suite_result.success)
        for r in suite_result.results:
            if r.success:
                continue
            cfg = r.expectation_config
            column = cfg.kwargs.get("column")
            res = r.result or {}
            detail = ""
            if "unexpected_count" in res:
                detail = f" unexpected={res.get('unexpected_count')}"
                if res.get("partial_unexpected_list"):
                    detail += f" e.g. {res['partial_unexpected_list'][:3]}"
            elif "observed_value" in res:
                detail = f" observed={res['observed_value']}"
            failed.append(f"{suite_result.suite_name}: {cfg.type}" + (f"({column})" if column else "") + detail)

    index = data_docs_dir / "index.html"
    return ValidationResult(
        success=bool(result.success),
        suites=suites,
        failed_expectations=failed,
        data_docs_index=index if index.exists() else None,
        elapsed_s=time.monotonic() - started,
        row_counts=row_counts,
    )
