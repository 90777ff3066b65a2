-- Standard indicator x region x agency x fiscal year: the indicator rows matched to the standard catalog
-- (int_performance_indicator_catalog), side by side across the regions of a province and over the years.
-- When an agency prints the same standard indicator more than once in a year (tujuan and sasaran tables, an
-- ikhtisar), the row kept has a realisasi, then the best match, then the higher level, then the earlier page.
with matched as (
    select
        f.*,
        c.indicator_code,
        c.match_score                           as indicator_match_score,
        c.match_method                          as indicator_match_method
    from {{ ref('fct_performance_indicator') }} as f
    inner join {{ ref('int_performance_indicator_catalog') }} as c
        on f.performance_indicator_id = c.performance_indicator_id
    where c.indicator_code is not null
),

ranked as (
    select
        *,
        row_number() over (
            partition by indicator_code, region_code, agency_id, fiscal_year
            order by
                realization_value is not null desc,
                indicator_match_score desc,
                case level when 'tujuan' then 1 when 'sasaran' then 2 when 'program' then 3 else 4 end,
                source_page,
                performance_indicator_id
        ) as row_rank
    from matched
),

rows_kept as (
    select
        r.*,
        k.indicator_name                        as catalog_indicator_name,
        k.unit                                  as catalog_unit,
        k.polarity                              as catalog_polarity,
        g.region_name,
        g.region_type,
        g.province_code,
        g.province_name,
        case
            when r.target_value is null or r.realization_value is null then null
            when k.polarity = 'lower_is_better' then r.target_value * 100.0 / nullif(r.realization_value, 0)
            else r.realization_value * 100.0 / nullif(r.target_value, 0)
        end                                     as achievement_pct
    from ranked as r
    inner join {{ ref('std_indicator_catalog') }} as k
        on r.indicator_code = k.indicator_code
    inner join {{ ref('dim_region') }} as g
        on r.region_code = g.region_code
    where r.row_rank = 1
),

ranked_in_province as (
    -- ranks the kabupaten/kota of a province by realisasi, best first by the catalog polarity; a province's own
    -- row is not ranked among its regencies, nor is a row without realisasi
    select
        *,
        case
            when ranking_value is not null
                then rank() over (
                        partition by indicator_code, province_code, fiscal_year, ranking_value is null
                        order by ranking_value
                    )
        end                                     as rank_in_province
    from (
        select
            *,
            case
                when region_type = 'Provinsi' then null
                when catalog_polarity = 'lower_is_better' then realization_value
                else -realization_value
            end                                 as ranking_value
        from rows_kept
    )
)

select
    c.indicator_code,
    c.catalog_indicator_name                    as indicator_name,
    c.catalog_unit                              as unit,
    c.catalog_polarity                          as polarity,
    c.region_code,
    c.region_name,
    c.province_code,
    c.province_name,
    c.agency_id,
    a.agency_name,
    c.fiscal_year,
    c.target_value,
    c.realization_value,
    c.achievement_pct,
    c.rank_in_province,
    p.realization_value                         as previous_year_realization_value,
    c.realization_value - p.realization_value   as change_from_previous_year,
    c.document_id,
    c.source_page,
    d.source_url,
    c.indicator_match_score                     as match_score,
    c.indicator_match_method                    as match_method
from ranked_in_province as c
left join rows_kept as p
    on c.indicator_code = p.indicator_code
        and c.region_code = p.region_code
        and c.agency_id is not distinct from p.agency_id
        and p.fiscal_year = c.fiscal_year - 1
left join {{ ref('dim_agency') }} as a
    on c.agency_id = a.agency_id
left join {{ ref('dim_document') }} as d
    on c.document_id = d.document_id
