-- One row per indicator, level and fiscal year of a fact-source document (int_documents_fact_sources: status ok
-- or partial, not in review, the latest version of its report).
with indicators as (
    select * from {{ ref('int_indicators_deduplicated') }}
),

fact_sources as (
    select document_id from {{ ref('int_documents_fact_sources') }}
),

matches as (
    select * from {{ ref('int_nomenclature_matches') }}
    where source_kind = 'indicator'
)

select
    i.document_id,
    region_code,
    agency_name,
    a.agency_id,
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
from indicators as i
inner join fact_sources as d
    on i.document_id = d.document_id
left join matches as m
    on m.source_id = i.performance_indicator_id
left join {{ ref('int_document_agencies') }} as a
    on i.document_id = a.document_id
