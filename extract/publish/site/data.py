"""What the scorecard site shows, read from the published warehouse: marts only, as plain dicts and lists.

Only `marts.*` tables are read (no raw, staging or intermediate), so the site can be built from any
copy of the published marts. Figures are not computed here: per-row values come from the fact marts
(printed capaian / absorption, else the computed one; the cell text as printed from their *_raw columns;
the page from source_page), and the per-agency mean capaian from `marts.mart_scorecard_summary`.

`load_scorecard_data(warehouse)` returns:

    indicators, budget, issues, documents   rows for the tables (budget: program and total lines)
    sectors     urusan code -> name (the nomenclature seeds, through mart_region_scorecard)
    validation, validation_summary   marts.validation_results rows and their counts (None without the mart)
    comparison  marts.mart_indicator_comparison rows: the indicator view (None without the mart)
    summary     mart_scorecard_summary rows: the "mean achievement by regency and agency" bars
    trends      indicator series printed for two or more fiscal years, one dict per series with its points
    has_standard_scale, sector_source, generated_at   notes for the page
"""
from __future__ import annotations

from datetime import UTC, datetime
from itertools import groupby
from pathlib import Path

import duckdb

INDICATORS_SQL = """
    SELECT f.document_id, f.region_code, r.region_name, r.region_type, r.province_code, r.province_name,
           f.agency_name, f.fiscal_year, f.level, f.goal_name, f.indicator_name, f.unit,
           f.target_value, f.realization_value, f.achievement_pct_reported, f.achievement_pct_computed,
           coalesce(f.achievement_pct_reported, f.achievement_pct_computed) AS achievement_pct,
           f.category_reported, f.category_standard,
           coalesce(f.sector_code, f.agency_name, 'unknown') AS sector,
           f.target_raw, f.realization_raw, f.achievement_raw, f.table_id, f.row_index, f.source_page AS page
    FROM marts.fct_performance_indicator f
    LEFT JOIN marts.dim_region r USING (region_code)
    ORDER BY r.province_name, f.fiscal_year, r.region_name, f.agency_name, f.level, f.table_id, f.row_index"""

BUDGET_SQL = """
    SELECT f.document_id, f.region_code, r.region_name, r.province_code, r.province_name, f.agency_name,
           f.fiscal_year, f.level, f.line_name, f.nomenclature_name,
           f.budget_idr, f.realization_idr, f.absorption_pct_reported, f.absorption_pct_computed,
           coalesce(f.absorption_pct_reported, f.absorption_pct_computed) AS absorption_pct,
           coalesce(f.sector_code, f.agency_name, 'unknown') AS sector,
           f.budget_raw, f.realization_raw, f.absorption_raw, f.table_id, f.row_index, f.source_page AS page
    FROM marts.fct_budget_realization f
    LEFT JOIN marts.dim_region r USING (region_code)
    WHERE f.level IN ('program', 'total')
    ORDER BY r.province_name, f.fiscal_year, r.region_name, f.table_id, f.row_index"""

ISSUES_SQL = """
    SELECT q.document_id, d.region_code, r.region_name, r.province_name, d.agency_name,
           coalesce(d.fiscal_year, q.fiscal_year) AS fiscal_year, q.check_name, q.severity,
           q.expected_value, q.found_value, q.detail, q.source_page AS page,
           coalesce(d.agency_name, 'unknown') AS sector
    FROM marts.mart_data_quality_issues q
    JOIN marts.dim_document d USING (document_id)
    LEFT JOIN marts.dim_region r ON r.region_code = d.region_code
    ORDER BY r.province_name, fiscal_year, r.region_name, q.check_name"""

DOCUMENTS_SQL = """
    SELECT d.document_id, d.region_code, r.region_name, r.province_name, d.agency_name, d.fiscal_year,
           d.status, d.status_reason, d.file_name, d.page_count, d.source_url, d.fetched_at
    FROM marts.dim_document d LEFT JOIN marts.dim_region r USING (region_code)
    ORDER BY r.province_name, d.fiscal_year"""

SUMMARY_SQL = """
    SELECT region_code, region_name, province_name, agency_name, fiscal_year, mean_achievement_pct,
           achievement_basis, basis_indicator_count, first_basis_document_id, first_basis_source_page
    FROM marts.mart_scorecard_summary
    ORDER BY province_name, fiscal_year, region_name, agency_name"""

# Indicator rows with a realisasi, one per series (region, level, name with whitespace collapsed, any case)
# and year: the first printed. Only series printed for two or more years are kept.
TRENDS_SQL = r"""
    WITH rows AS (
        SELECT f.*, r.province_name, coalesce(r.province_name, 'unknown') AS province,
               coalesce(r.region_name, f.region_code) AS region,
               lower(trim(regexp_replace(coalesce(f.indicator_name, ''),
                                         '[\s\pZ\x{0B}\x{1C}-\x{1F}\x{85}]+', ' ', 'g'))) AS series_name
        FROM marts.fct_performance_indicator f LEFT JOIN marts.dim_region r USING (region_code)
        WHERE f.realization_value IS NOT NULL),
    firsts AS (
        SELECT * FROM rows
        QUALIFY row_number() OVER (PARTITION BY province, region, level, series_name, fiscal_year
                                   ORDER BY agency_name, table_id, row_index, document_id) = 1)
    SELECT province, province_name, region, level, series_name, indicator_name, fiscal_year,
           realization_value, realization_raw, document_id, source_page AS page,
           coalesce(sector_code, agency_name, 'unknown') AS sector
    FROM firsts
    QUALIFY count(*) OVER (PARTITION BY province, region, level, series_name) >= 2
    ORDER BY province, region, level, series_name, fiscal_year"""

# Names of the urusan (sector) codes the facts carry, from the nomenclature seeds through the marts.
SECTORS_SQL = """
    SELECT DISTINCT sector_code, sector_name FROM marts.mart_region_scorecard
    WHERE sector_name IS NOT NULL ORDER BY sector_code"""

QUERIES = {"indicators": INDICATORS_SQL, "budget": BUDGET_SQL, "issues": ISSUES_SQL,
           "documents": DOCUMENTS_SQL, "summary": SUMMARY_SQL, "sectors": SECTORS_SQL}

# Marts a warehouse may not have yet (built by an older release): their page is left out when absent.
OPTIONAL_QUERIES = {
    "validation": ("validation_results", """
        SELECT suite_name, expectation_type, column_name, expectation_kwargs, severity, success, observed,
               validated_at, run_id
        FROM marts.validation_results
        ORDER BY success, severity, suite_name, expectation_type, column_name"""),
    "validation_summary": ("validation_results", """
        SELECT count(*) AS total, count(*) FILTER (WHERE NOT success) AS failed, max(validated_at) AS validated_at
        FROM marts.validation_results"""),
    "comparison": ("mart_indicator_comparison", """
        SELECT indicator_code, indicator_name, unit, polarity, region_code, region_name, province_code,
               province_name, agency_id, agency_name, fiscal_year, target_value, realization_value,
               achievement_pct, rank_in_province, previous_year_realization_value, change_from_previous_year,
               document_id, source_page, source_url, match_score, match_method
        FROM marts.mart_indicator_comparison
        ORDER BY indicator_name, indicator_code, province_name, region_name, fiscal_year, agency_name"""),
}


def _records(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _series(rows: list[dict]) -> list[dict]:
    """Trend rows (ordered by series, then year) as one dict per series; the latest year names it."""
    series = []
    for (province, region, level, _), group in groupby(
            rows, key=lambda r: (r["province"], r["region"], r["level"], r["series_name"])):
        points = list(group)
        last = points[-1]
        series.append({"province": province, "region": region, "level": level,
                       "indicator_name": last["indicator_name"], "province_name": last["province_name"],
                       "sector": last["sector"], "points": points})
    return series


def _optional(con: duckdb.DuckDBPyConnection) -> dict:
    """OPTIONAL_QUERIES whose mart exists, as records; an absent mart gives None."""
    marts = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts'").fetchall()}
    return {name: _records(con, sql) if table in marts else None
            for name, (table, sql) in OPTIONAL_QUERIES.items()}


def load_scorecard_data(warehouse: Path) -> dict:
    """Everything the pages show, as JSON-serialisable records (see the module docstring)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        data = {name: _records(con, sql) for name, sql in QUERIES.items()}
        data.update(_optional(con))
        trends = _series(_records(con, TRENDS_SQL))
    return {**data, "trends": trends, "has_standard_scale": True, "sector_source": "sector_code (urusan)",
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds")}
