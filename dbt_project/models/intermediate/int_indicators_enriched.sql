-- Indicator rows of usable documents with the document's region/agency/year and a recomputed capaian.
with indicators as (
    select * from {{ ref('stg_raw__indicators') }}
),

documents as (
    select * from {{ ref('int_documents_fact_sources') }}
),

joined as (
    select
        i.document_id,
        i.table_id,
        i.row_index,
        i.source_page,
        d.region_code,
        d.agency_name,
        coalesce(i.fiscal_year, d.fiscal_year)  as fiscal_year,
        i.fiscal_year is null                   as is_fiscal_year_from_document,
        i.level,
        i.goal_name,
        i.indicator_name,
        i.unit,
        i.target_raw,
        i.target_value,
        i.realization_raw,
        i.realization_value,
        i.achievement_raw,
        i.achievement_pct_reported,
        case
            when i.target_value is not null
             and i.realization_value is not null
             and i.target_value <> 0
            then i.realization_value / i.target_value * 100
        end                                     as achievement_pct_computed,
        i.category_reported
    from indicators as i
    inner join documents as d
        on i.document_id = d.document_id
)

select
    md5(concat_ws('|', document_id, table_id, row_index, fiscal_year, level, indicator_name)) as performance_indicator_id,
    *
from joined
