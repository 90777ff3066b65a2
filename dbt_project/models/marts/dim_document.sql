-- Every document seen by the pipeline with its status after review (int_documents_status) and its place among the
-- versions of its report (int_document_versions).
with documents as (
    select * from {{ ref('int_documents_status') }}
)

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
    is_fact_source,
    version_group_id,
    is_latest_version,
    superseded_by_document_id
from documents
