-- Documents whose facts may enter the fact tables: status 'ok' or 'partial' (never 'quarantined' or
-- 'needs_review'), and the latest version of their report (int_documents_status).
select
    document_id,
    region_code,
    agency_name,
    fiscal_year,
    doc_type,
    status
from {{ ref('int_documents_status') }}
where is_fact_source
