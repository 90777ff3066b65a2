-- Standard indicator x fiscal year: how many regions report it (mart_indicator_comparison) of the regions the
-- warehouse holds indicator facts for that year, and of the regions the catalog's scope applies to. Every
-- catalog indicator appears for every fiscal year of the facts, so the gaps show.
with years as (
    select
        fiscal_year,
        count(distinct region_code)                                     as warehouse_region_count
    from {{ ref('fct_performance_indicator') }}
    group by fiscal_year
),

reporting as (
    select
        indicator_code,
        fiscal_year,
        count(distinct region_code)                                     as reporting_region_count,
        count(distinct region_code) filter (where realization_value is not null)
            as realization_region_count,
        count(distinct agency_id)                                       as reporting_agency_count
    from {{ ref('mart_indicator_comparison') }}
    group by indicator_code, fiscal_year
),

scope_sizes as (
    select
        count(*) filter (where region_type = 'Provinsi')                as province_count,
        count(*) filter (where region_type <> 'Provinsi')               as regency_count
    from {{ ref('dim_region') }}
)

select
    k.indicator_code,
    k.indicator_name,
    k.scope,
    y.fiscal_year,
    coalesce(r.reporting_region_count, 0)                               as reporting_region_count,
    coalesce(r.realization_region_count, 0)                             as realization_region_count,
    coalesce(r.reporting_agency_count, 0)                               as reporting_agency_count,
    y.warehouse_region_count,
    case k.scope
        when 'provinsi' then s.province_count
        when 'kabupaten_kota' then s.regency_count
        else s.province_count + s.regency_count
    end                                                                 as eligible_region_count,
    coalesce(r.reporting_region_count, 0) * 100.0 / nullif(y.warehouse_region_count, 0)
        as warehouse_coverage_pct
from {{ ref('std_indicator_catalog') }} as k
cross join years as y
cross join scope_sizes as s
left join reporting as r
    on k.indicator_code = r.indicator_code
        and y.fiscal_year = r.fiscal_year
