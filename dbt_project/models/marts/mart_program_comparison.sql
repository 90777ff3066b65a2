-- National-nomenclature program x region x fiscal year: the program budget lines of every report of that
-- region and year (several agencies can run the same program, e.g. X.XX.01 Penunjang) and the program-level
-- indicators linked to the same program code (a program with indicators but no budget line in that year
-- has null amounts and document_count 0 = no budget line). Program lines without a nomenclature code are left out
-- (they are counted in mart_nomenclature_match_summary).
with program_lines as (
    select *
    from {{ ref('fct_budget_realization') }}
    where level = 'program' and nomenclature_code is not null
),

budget as (
    select
        nomenclature_code                                                 as program_code,
        region_code,
        fiscal_year,
        count(*)                                                          as program_line_count,
        count(distinct document_id)                                       as document_count,
        sum(budget_idr)                                                   as budget_idr,
        sum(realization_idr)                                              as realization_idr,
        sum(realization_idr) filter (where budget_idr is not null) * 100.0
        / nullif(sum(budget_idr) filter (where realization_idr is not null), 0)
            as absorption_pct
    from program_lines
    group by all
),

indicators as (
    select
        nomenclature_code                                                 as program_code,
        region_code,
        fiscal_year,
        count(*)                                                          as program_indicator_count,
        count(*) filter (where achievement_pct_computed >= 100)           as indicator_meeting_target_count,
        {{ fixed_order_avg("achievement_pct_computed") }}                as mean_achievement_pct_computed
    from {{ ref('fct_performance_indicator') }}
    where level = 'program' and nomenclature_code is not null
    group by all
),

nomenclature as (
    select nomenclature_code, nomenclature_name, sector_code, sector_name
    from {{ ref('int_nomenclature') }}
    where level = 'program'
),

combined as (
    select
        coalesce(b.program_code, i.program_code)                          as program_code,
        coalesce(b.region_code, i.region_code)                            as region_code,
        coalesce(b.fiscal_year, i.fiscal_year)                            as fiscal_year,
        coalesce(b.document_count, 0)                                     as document_count,
        coalesce(b.program_line_count, 0)                                 as program_line_count,
        b.budget_idr,
        b.realization_idr,
        b.absorption_pct,
        coalesce(i.program_indicator_count, 0)                            as program_indicator_count,
        coalesce(i.indicator_meeting_target_count, 0)                     as indicator_meeting_target_count,
        i.mean_achievement_pct_computed
    from budget as b
    full outer join indicators as i
        on i.program_code = b.program_code
            and i.region_code is not distinct from b.region_code
            and i.fiscal_year = b.fiscal_year
)

select
    c.program_code,
    n.nomenclature_name                                                   as program_name,
    n.sector_code,
    n.sector_name,
    c.region_code,
    r.region_name,
    c.fiscal_year,
    c.document_count,
    c.program_line_count,
    c.budget_idr,
    c.realization_idr,
    c.absorption_pct,
    c.program_indicator_count,
    c.indicator_meeting_target_count,
    c.mean_achievement_pct_computed,
    p.fiscal_year is not null                                             as has_previous_year,
    c.absorption_pct - p.absorption_pct                                   as absorption_change_pct_points,
    c.budget_idr - p.budget_idr                                           as budget_change_idr
from combined as c
left join combined as p
    on p.program_code = c.program_code
        and p.region_code is not distinct from c.region_code
        and p.fiscal_year = c.fiscal_year - 1
left join nomenclature as n
    on n.nomenclature_code = c.program_code
left join {{ ref('dim_region') }} as r
    on r.region_code = c.region_code
