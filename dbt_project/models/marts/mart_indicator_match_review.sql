-- Indicator names (as printed, with unit and the agency's urusan) that the catalog matching left unmatched or
-- matched with a low score (int_indicator_matches.needs_review), with the 3 best catalog candidates and where they
-- are printed: the list an analyst works through, pinning matches in the seed indicator_match_overrides.
with printed as (
    select f.indicator_name, f.unit, a.bidang_urusan_code, f.document_id, f.region_code, f.source_page
    from {{ ref('fct_performance_indicator') }} as f
    left join {{ ref('dim_agency') }} as a
        on f.agency_id = a.agency_id
    union all
    select p.indicator_name, p.unit, a.bidang_urusan_code, p.document_id, p.region_code, p.source_page
    from {{ ref('fct_plan_target') }} as p
    left join {{ ref('dim_agency') }} as a
        on p.agency_id = a.agency_id
),

usage as (
    select
        indicator_name,
        unit,
        bidang_urusan_code,
        count(*)                                                        as row_count,
        count(distinct document_id)                                     as document_count,
        count(distinct region_code)                                     as region_count,
        min(document_id)                                                as example_document_id,
        -- the lowest page of that document: arg_min alone picks any page when a document has several
        arg_min(source_page, document_id || lpad(source_page::varchar, 6, '0')) as example_source_page
    from printed
    group by indicator_name, unit, bidang_urusan_code
),

candidates as (
    select
        m.*,
        u.row_count,
        u.document_count,
        u.region_count,
        u.example_document_id,
        u.example_source_page
    from {{ ref('int_indicator_matches') }} as m
    inner join usage as u
        on m.indicator_name = u.indicator_name
            and m.unit is not distinct from u.unit
            and m.bidang_urusan_code is not distinct from u.bidang_urusan_code
    where m.needs_review
)

select
    md5(concat_ws('|', c.indicator_name, coalesce(c.unit, ''), coalesce(c.bidang_urusan_code, '')))
        as match_review_id,
    c.indicator_name,
    c.unit,
    c.bidang_urusan_code,
    case when c.indicator_code is null then 'unmatched' else 'low_score' end as review_reason,
    c.indicator_code,
    c.match_score,
    c.match_method,
    c.candidate_1_code,
    k1.indicator_name                                                   as candidate_1_name,
    c.candidate_1_score,
    c.candidate_2_code,
    k2.indicator_name                                                   as candidate_2_name,
    c.candidate_2_score,
    c.candidate_3_code,
    k3.indicator_name                                                   as candidate_3_name,
    c.candidate_3_score,
    c.row_count,
    c.document_count,
    c.region_count,
    c.example_document_id,
    c.example_source_page
from candidates as c
left join {{ ref('std_indicator_catalog') }} as k1
    on c.candidate_1_code = k1.indicator_code
left join {{ ref('std_indicator_catalog') }} as k2
    on c.candidate_2_code = k2.indicator_code
left join {{ ref('std_indicator_catalog') }} as k3
    on c.candidate_3_code = k3.indicator_code
