-- Every document with the agency it was written by (int_agency_matches: agency_id, type, urusan); a document
-- without an agency name is the region's whole government (agency_type 'pemda').
select
    d.document_id,
    m.agency_id,
    m.agency_type,
    m.bidang_urusan_code
from {{ ref('stg_raw__documents') }} as d
inner join {{ ref('int_agency_matches') }} as m
    on d.region_code is not distinct from m.region_code
        and d.agency_name is not distinct from m.agency_name_printed
