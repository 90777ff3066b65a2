-- Indicator rows of every document with status ok or partial (every version, in review or not) with the
-- document's region/agency/year and a recomputed capaian. int_indicators_enriched keeps the rows of the fact
-- sources; int_review__row_problems and mart_document_revisions read all of them.
-- achievement_pct_computed follows PermenPAN-RB 53/2014: realisasi / target x 100 for higher-is-better
-- indicators, (2 x target - realisasi) / target x 100 for lower-is-better ones (polarity: int_indicator_polarity).
-- category_standard grades it on the Permendagri 86/2017 scale (seed achievement_scale_standard).
-- Many reports compute a lower-is-better capaian as target / realisasi x 100 instead (Sumatera Utara 2021,
-- Tabel 3.4: unemployment 5,4 -> 6,33 printed 85,31): a legitimate formula, kept apart in
-- achievement_pct_target_over_realization so that is_achievement_reported_consistent accepts it, while the
-- warehouse's own figure stays the documented one. It is never accepted for a higher-is-better indicator,
-- where it is what a target and realisasi read from swapped columns would give.
with indicators as (
    select * from {{ ref('stg_raw__indicators') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
    where status in ('ok', 'partial')
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
        case
            when coalesce(p.polarity, 'higher_is_better') = 'lower_is_better'
                and i.target_value is not null and i.realization_value is not null and i.realization_value <> 0
                then i.target_value / i.realization_value * 100
        end                                     as achievement_pct_target_over_realization,
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
    md5(concat_ws('|', j.document_id, j.table_id, j.row_index, j.fiscal_year, j.level, j.indicator_name))
        as performance_indicator_id,
    j.*,
    -- the printed capaian within 1 point of a formula the report may legitimately use; null when not checkable
    case
        when j.achievement_pct_reported is null or j.achievement_pct_computed is null then null
        else abs(j.achievement_pct_reported - j.achievement_pct_computed) <= 1
            or coalesce(abs(j.achievement_pct_reported - j.achievement_pct_target_over_realization) <= 1, false)
    end                                         as is_achievement_reported_consistent,
    s.category                                  as category_standard,
    s.category_rank                             as category_standard_rank,
    l.category_rank                             as category_reported_rank
from joined as j
left join scale as s
    on round(j.achievement_pct_computed, 2) >= coalesce(s.min_pct, -1e300)
        and round(j.achievement_pct_computed, 2) < coalesce(s.max_pct, 1e300)
left join labels as l
    on l.label_key = trim(regexp_replace(lower(coalesce(j.category_reported, '')), '[^a-z]+', ' ', 'g'))
