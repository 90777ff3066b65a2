select
    document_id,
    region_code,
    agency_name,
    fiscal_year,
    level,
    goal_name,
    indicator_name,
    unit,
    target_value,
    realization_value,
    achievement_pct_reported,
    achievement_pct_computed,
    category_reported,
    source_page,
    -- provenance
    performance_indicator_id,
    table_id,
    row_index,
    target_raw,
    realization_raw,
    achievement_raw,
    is_fiscal_year_from_document
from {{ ref('int_indicators_enriched') }}
