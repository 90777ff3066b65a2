select
    document_id,
    region_code,
    agency_name,
    fiscal_year,
    level,
    line_name,
    budget_idr,
    realization_idr,
    absorption_pct_reported,
    absorption_pct_computed,
    source_page,
    -- provenance
    budget_line_id,
    table_id,
    row_index,
    line_number,
    level_method,
    budget_raw,
    realization_raw,
    absorption_raw
from {{ ref('int_budget_lines_enriched') }}
