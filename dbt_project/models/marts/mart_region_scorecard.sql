-- Region x fiscal year x sector (bidang urusan of the national nomenclature): indicators and budget side by side.
-- Indicators: every row of fct_performance_indicator; the sector is the one of its matched program
-- (program-level indicators), else 'unknown' (sasaran / tujuan indicators carry no nomenclature code).
-- Budget: program lines of fct_budget_realization only (kegiatan and sub-kegiatan lines are parts of their
-- program, the printed total is a sum), by the sector of the matched program code, else 'unknown'.
-- Year-over-year changes compare with the same region and sector in fiscal_year - 1, when that row exists.
with indicators as (
    select
        region_code,
        fiscal_year,
        coalesce(sector_code, 'unknown')  as sector_code,
        document_id,
        achievement_pct_computed
    from {{ ref('fct_performance_indicator') }}
),

indicator_stats as (
    select
        region_code,
        fiscal_year,
        sector_code,
        count(*)                                                          as indicator_count,
        count(achievement_pct_computed)                                   as indicator_with_achievement_count,
        count(*) filter (where achievement_pct_computed >= 100)           as indicator_meeting_target_count,
        {{ fixed_order_avg("achievement_pct_computed") }}                as mean_achievement_pct_computed,
        count(*) filter (where achievement_pct_computed >= 100) * 100.0
        / nullif(count(achievement_pct_computed), 0)                  as indicator_meeting_target_pct,
        list(distinct document_id order by document_id)                   as document_ids
    from indicators
    group by region_code, fiscal_year, sector_code
),

budget as (
    select
        region_code,
        fiscal_year,
        coalesce(sector_code, 'unknown')  as sector_code,
        document_id,
        budget_idr,
        realization_idr
    from {{ ref('fct_budget_realization') }}
    where level = 'program'
),

budget_stats as (
    select
        region_code,
        fiscal_year,
        sector_code,
        count(*)                                                          as program_line_count,
        sum(budget_idr)                                                   as budget_idr,
        sum(realization_idr)                                              as realization_idr,
        -- absorption over the lines that print both numbers
        sum(realization_idr) filter (where budget_idr is not null) * 100.0
        / nullif(sum(budget_idr) filter (where realization_idr is not null), 0)
            as absorption_pct,
        list(distinct document_id order by document_id)                   as document_ids
    from budget
    group by region_code, fiscal_year, sector_code
),

sectors as (
    select distinct sector_code, sector_name
    from {{ ref('int_nomenclature') }}
    where sector_code is not null and sector_name is not null
),

combined as (
    select
        coalesce(i.region_code, b.region_code)                            as region_code,
        coalesce(i.fiscal_year, b.fiscal_year)                            as fiscal_year,
        coalesce(i.sector_code, b.sector_code)                            as sector_code,
        coalesce(i.indicator_count, 0)                                    as indicator_count,
        coalesce(i.indicator_with_achievement_count, 0)                   as indicator_with_achievement_count,
        coalesce(i.indicator_meeting_target_count, 0)                     as indicator_meeting_target_count,
        i.mean_achievement_pct_computed,
        i.indicator_meeting_target_pct,
        coalesce(b.program_line_count, 0)                                 as program_line_count,
        b.budget_idr,
        b.realization_idr,
        b.absorption_pct,
        len(list_distinct(list_concat(coalesce(i.document_ids, []), coalesce(b.document_ids, []))))
            as document_count
    from indicator_stats as i
    full outer join budget_stats as b
        on b.region_code is not distinct from i.region_code
            and b.fiscal_year is not distinct from i.fiscal_year
            and b.sector_code = i.sector_code
)

select
    c.region_code,
    r.region_name,
    c.fiscal_year,
    c.sector_code,
    case when c.sector_code = 'unknown' then null else s.sector_name end as sector_name,
    c.document_count,
    c.indicator_count,
    c.indicator_with_achievement_count,
    c.indicator_meeting_target_count,
    c.indicator_meeting_target_pct,
    c.mean_achievement_pct_computed,
    c.program_line_count,
    c.budget_idr,
    c.realization_idr,
    c.absorption_pct,
    p.fiscal_year is not null                                             as has_previous_year,
    c.mean_achievement_pct_computed - p.mean_achievement_pct_computed     as mean_achievement_change_pct_points,
    c.absorption_pct - p.absorption_pct                                   as absorption_change_pct_points
from combined as c
left join combined as p
    on p.region_code is not distinct from c.region_code
        and p.sector_code = c.sector_code
        and p.fiscal_year = c.fiscal_year - 1
left join {{ ref('dim_region') }} as r
    on r.region_code = c.region_code
left join sectors as s
    on s.sector_code = c.sector_code
