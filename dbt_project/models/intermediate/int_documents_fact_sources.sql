-- Documents whose facts may enter the fact tables: status 'ok' or 'partial' (never 'quarantined').
select
    document_id,
    region_code,
    agency_name,
    fiscal_year,
    doc_type,
    status
from {{ ref('stg_raw__documents') }}
where status in ('ok', 'partial')
