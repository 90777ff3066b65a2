-- The scorecard site's "achievement by regency and agency" bars: one row per region, agency (as printed) and
-- fiscal year of fct_performance_indicator. The capaian of an indicator is the printed one, else the computed one.
-- The mean covers the sasaran indicators that have a capaian; a row without any falls back to all its indicators
-- with a capaian (achievement_basis says which). The first indicator of that basis (by level, table, row) is the
-- page the bar links to.
with indicators as (
    select
        document_id,
        region_code,
        agency_name,
        fiscal_year,
        level,
        table_id,
        row_index,
        source_page,
        coalesce(achievement_pct_reported, achievement_pct_computed)     as achievement_pct
    from {{ ref('fct_performance_indicator') }}
),

flagged as (
    select
        *,
        bool_or(level = 'sasaran' and achievement_pct is not null)
            over (partition by region_code, agency_name, fiscal_year)     as has_sasaran_achievement
    from indicators
),

counts as (
    select
        region_code,
        agency_name,
        fiscal_year,
        count(*)                                                          as indicator_count,
        count(achievement_pct)                                            as indicator_with_achievement_count
    from indicators
    group by region_code, agency_name, fiscal_year
),

basis as (
    select
        region_code,
        agency_name,
        fiscal_year,
        case when bool_or(has_sasaran_achievement) then 'sasaran' else 'all_levels' end
            as achievement_basis,
        count(*)                                                          as basis_indicator_count,
        {{ fixed_order_avg("achievement_pct") }}                         as mean_achievement_pct,
        first(document_id order by level, table_id, row_index, document_id)
            as first_basis_document_id,
        first(source_page order by level, table_id, row_index, document_id)
            as first_basis_source_page
    from flagged
    where achievement_pct is not null
        and (level = 'sasaran' or not has_sasaran_achievement)
    group by region_code, agency_name, fiscal_year
)

select
    md5(concat_ws('|', coalesce(c.region_code, ''), coalesce(c.agency_name, ''), c.fiscal_year))
        as scorecard_summary_id,
    c.region_code,
    r.region_name,
    r.province_code,
    r.province_name,
    c.agency_name,
    c.fiscal_year,
    c.indicator_count,
    c.indicator_with_achievement_count,
    b.achievement_basis,
    coalesce(b.basis_indicator_count, 0)                                  as basis_indicator_count,
    b.mean_achievement_pct,
    b.first_basis_document_id,
    b.first_basis_source_page
from counts as c
left join basis as b
    on b.region_code is not distinct from c.region_code
        and b.agency_name is not distinct from c.agency_name
        and b.fiscal_year = c.fiscal_year
left join {{ ref('dim_region') }} as r
    on r.region_code = c.region_code
