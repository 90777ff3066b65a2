-- The distinct indicator names to match to the standard catalog: name as printed, printed unit and the urusan
-- of the agency that printed it (evidence for the matcher), from indicator rows and multi-year plan targets.
with printed as (
    select i.indicator_name, i.unit, a.bidang_urusan_code
    from {{ ref('int_indicators_deduplicated') }} as i
    left join {{ ref('int_document_agencies') }} as a
        on i.document_id = a.document_id
    union
    select p.indicator_name, p.unit, a.bidang_urusan_code
    from {{ ref('stg_raw__plan_targets') }} as p
    left join {{ ref('int_document_agencies') }} as a
        on p.document_id = a.document_id
)

select distinct
    indicator_name,
    unit,
    bidang_urusan_code
from printed
where indicator_name is not null
