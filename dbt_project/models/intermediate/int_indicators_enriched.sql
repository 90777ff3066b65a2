-- Indicator rows of usable documents with the document's region/agency/year and a recomputed capaian.
-- achievement_pct_computed follows PermenPAN-RB 53/2014: realisasi / target x 100 for higher-is-better
-- indicators, (2 x target - realisasi) / target x 100 for lower-is-better ones (polarity: int_indicator_polarity).
-- category_standard grades it on the Permendagri 86/2017 scale (seed achievement_scale_standard).
with indicators as (
    select * from {{ ref('stg_raw__indicators') }}
),

documents as (
    select * from {{ ref('int_documents_fact_sources') }}
),

polarity as (
    select * from {{ ref('int_indicator_polarity') }}
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
        coalesce(p.polarity, 'higher_is_better') as polarity,
        coalesce(p.polarity_source, 'default')  as polarity_source,
        case
            when i.target_value is not null
             and i.realization_value is not null
             and i.target_value <> 0
            then i.realization_value / i.target_value * 100
        end                                     as achievement_pct_higher_is_better,
        case
            when i.target_value is null or i.realization_value is null or i.target_value = 0 then null
            when coalesce(p.polarity, 'higher_is_better') = 'lower_is_better'
            then (2 * i.target_value - i.realization_value) / i.target_value * 100
            else i.realization_value / i.target_value * 100
        end                                     as achievement_pct_computed,
        i.category_reported
    from indicators as i
    inner join documents as d
        on i.document_id = d.document_id
    left join polarity as p
        on p.indicator_key = {{ normalize_name('i.indicator_name') }}
),

scale as (
    select * from {{ ref('achievement_scale_standard') }}
),

labels as (
    select * from {{ ref('achievement_category_labels') }}
)

select
    md5(concat_ws('|', j.document_id, j.table_id, j.row_index, j.fiscal_year, j.level, j.indicator_name)) as performance_indicator_id,
    j.*,
    s.category                                  as category_standard,
    s.category_rank                             as category_standard_rank,
    l.category_rank                             as category_reported_rank
from joined as j
left join scale as s
    on round(j.achievement_pct_computed, 2) >= coalesce(s.min_pct, -1e300)
   and round(j.achievement_pct_computed, 2) < coalesce(s.max_pct, 1e300)
left join labels as l
    on l.label_key = trim(regexp_replace(lower(coalesce(j.category_reported, '')), '[^a-z]+', ' ', 'g'))
