select
    document_id,
    region_code,
    agency_name,
    agency_id,
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
    absorption_raw,
    -- national nomenclature (Permendagri 90/2019), see int_nomenclature_matches
    nomenclature_code,
    nomenclature_name,
    match_method,
    match_score,
    sector_code
from {{ ref('int_budget_lines_matched') }}
where not is_allocation  -- allocation lists' lines: fct_budget_allocation
