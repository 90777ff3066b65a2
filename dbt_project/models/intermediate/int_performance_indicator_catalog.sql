-- Every indicator row (int_indicators_deduplicated) with the standard catalog indicator it stands for
-- (int_indicator_matches, by printed name, printed unit and the agency's urusan) and its series: rows of one
-- agency with the same catalog code, else the same normalised name, are one indicator_series_id across years.
select
    i.performance_indicator_id,
    i.document_id,
    a.agency_id,
    m.indicator_code,
    m.match_score,
    m.match_method,
    m.needs_review,
    md5(concat_ws('|', a.agency_id, coalesce(m.indicator_code, m.series_key))) as indicator_series_id
from {{ ref('int_indicators_deduplicated') }} as i
left join {{ ref('int_document_agencies') }} as a
    on i.document_id = a.document_id
left join {{ ref('int_indicator_matches') }} as m
    on i.indicator_name = m.indicator_name
        and i.unit is not distinct from m.unit
        and a.bidang_urusan_code is not distinct from m.bidang_urusan_code
