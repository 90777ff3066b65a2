-- Multi-year plan targets (Renstra / RPJMD) of usable documents: one row per indicator, target year and
-- kind of target (a year's column or the end-of-period "target akhir") as printed in each table, with the
-- document's region and agency. indicator_key joins fct_performance_indicator (same document, level and
-- indicator_key, target_year = fiscal_year) to compare a year's realisasi with the plan.
with plan_targets as (
    select * from {{ ref('stg_raw__plan_targets') }}
),

documents as (
    select * from {{ ref('int_documents_fact_sources') }}
)

select
    md5(concat_ws('|', p.document_id, p.table_id, p.row_index, p.target_year, p.is_end_target)) as plan_target_id,
    p.document_id,
    d.region_code,
    d.agency_name,
    a.agency_id,
    d.fiscal_year                               as report_fiscal_year,
    p.plan_kind,
    p.level,
    p.goal_name,
    p.indicator_name,
    {{ normalize_name('p.indicator_name') }}    as indicator_key,
    p.unit,
    p.baseline_year,
    p.baseline_value,
    p.target_year,
    p.target_value,
    p.is_end_target,
    p.source_page,
    -- provenance
    p.table_id,
    p.row_index,
    p.baseline_raw,
    p.target_raw
from plan_targets as p
inner join documents as d
    on p.document_id = d.document_id
left join {{ ref('int_document_agencies') }} as a
    on p.document_id = a.document_id
