select
    i.document_id,
    region_code,
    agency_name,
    fiscal_year,
    i.level,
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
    i.table_id,
    i.row_index,
    target_raw,
    realization_raw,
    achievement_raw,
    is_fiscal_year_from_document,
    indicator_key,
    printed_in_tables_count,
    has_conflicting_realization,
    -- standard achievement (PermenPAN-RB 53/2014) and scale (Permendagri 86/2017)
    polarity,
    polarity_source,
    achievement_pct_higher_is_better,
    category_standard,
    -- national nomenclature of the program (program-level indicators only)
    m.nomenclature_code,
    m.nomenclature_name,
    m.match_method,
    m.match_score,
    m.sector_code
from {{ ref('int_indicators_deduplicated') }} as i
left join {{ ref('int_nomenclature_matches') }} as m
    on m.source_kind = 'indicator'
        and m.source_id = i.performance_indicator_id
