"""The raw schema: the one definition of every raw.* table the load writes.

The loader creates the tables from it, the test fixture builds its warehouses from it, and a
test checks dbt's sources.yml against it (tests/unit/warehouse/test_raw_schema.py). Columns added
later go last (`*_name_raw`: the name as printed, beside the clean name), so rows written for an
older schema still line up.
"""
from __future__ import annotations

RAW_DDL = {
    "fetch_log": """source_id VARCHAR, region_code VARCHAR, url VARCHAR, link_text VARCHAR,
        status_code INTEGER, bytes BIGINT, sha256 VARCHAR, content_type VARCHAR,
        fetched_at TIMESTAMP, outcome VARCHAR, error VARCHAR""",
    "documents": """document_id VARCHAR, source_id VARCHAR, source_url VARCHAR, file_name VARCHAR,
        region_code VARCHAR, agency_name VARCHAR, fiscal_year INTEGER, doc_type VARCHAR,
        page_count INTEGER, fetched_at TIMESTAMP, extracted_at TIMESTAMP, extractor_version VARCHAR,
        status VARCHAR, status_reason VARCHAR, metadata_evidence VARCHAR""",
    "tables": """document_id VARCHAR, table_id VARCHAR, page_start INTEGER, page_end INTEGER,
        caption VARCHAR, family VARCHAR, n_rows INTEGER, n_cols INTEGER, flavor VARCHAR,
        header_text VARCHAR""",
    "cells": """document_id VARCHAR, table_id VARCHAR, page INTEGER, row_index INTEGER,
        col_index INTEGER, text VARCHAR""",
    "indicators": """document_id VARCHAR, table_id VARCHAR, row_index INTEGER, source_page INTEGER,
        level VARCHAR, goal_name VARCHAR, indicator_name VARCHAR, unit VARCHAR, fiscal_year INTEGER,
        target_raw VARCHAR, target_value DOUBLE, realization_raw VARCHAR, realization_value DOUBLE,
        achievement_raw VARCHAR, achievement_pct_reported DOUBLE, category_reported VARCHAR,
        indicator_name_raw VARCHAR""",
    "budget_lines": """document_id VARCHAR, table_id VARCHAR, row_index INTEGER, source_page INTEGER,
        line_number VARCHAR, level VARCHAR, level_method VARCHAR, line_name VARCHAR,
        budget_raw VARCHAR, budget_idr DOUBLE, realization_raw VARCHAR, realization_idr DOUBLE,
        absorption_raw VARCHAR, absorption_pct_reported DOUBLE, fiscal_year INTEGER, line_name_raw VARCHAR""",
    "category_scales": """document_id VARCHAR, table_id VARCHAR, source_page INTEGER, category_label VARCHAR,
        lower_pct DOUBLE, upper_pct DOUBLE, raw_text VARCHAR""",
    "plan_targets": """document_id VARCHAR, table_id VARCHAR, row_index INTEGER, source_page INTEGER,
        plan_kind VARCHAR, level VARCHAR, goal_name VARCHAR, indicator_name VARCHAR, unit VARCHAR,
        baseline_year INTEGER, baseline_raw VARCHAR, baseline_value DOUBLE, target_year INTEGER,
        target_raw VARCHAR, target_value DOUBLE, is_end_target BOOLEAN, indicator_name_raw VARCHAR""",
}


def columns(table: str) -> list[tuple[str, str]]:
    """(name, DuckDB type) of every column of raw.<table>, in order."""
    pairs = []
    for part in RAW_DDL[table].replace("\n", " ").split(","):
        name, *kind = part.split()
        pairs.append((name, " ".join(kind)))
    return pairs


def column_names(table: str) -> list[str]:
    return [name for name, _ in columns(table)]


def create_statements(schema: str = "raw") -> list[str]:
    return [f"CREATE TABLE {schema}.{table} ({ddl})" for table, ddl in RAW_DDL.items()]
