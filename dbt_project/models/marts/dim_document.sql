select
    document_id,
    source_url,
    region_code,
    agency_name,
    fiscal_year,
    doc_type,
    page_count,
    fetched_at,
    extracted_at,
    extractor_version,
    status,
    status_reason,
    source_id,
    file_name,
    status in ('ok', 'partial') as is_fact_source
from {{ ref('stg_raw__documents') }}
