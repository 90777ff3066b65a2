with source as (
    select * from {{ source('raw', 'documents') }}
),

renamed as (
    select
        cast(document_id as varchar)        as document_id,
        cast(source_id as varchar)          as source_id,
        cast(source_url as varchar)         as source_url,
        cast(file_name as varchar)          as file_name,
        cast(region_code as varchar)        as region_code,
        cast(agency_name as varchar)        as agency_name,
        cast(fiscal_year as integer)        as fiscal_year,
        cast(doc_type as varchar)           as doc_type,
        cast(page_count as integer)         as page_count,
        cast(fetched_at as timestamp)       as fetched_at,
        cast(extracted_at as timestamp)     as extracted_at,
        cast(extractor_version as varchar)  as extractor_version,
        cast(status as varchar)             as status,
        cast(status_reason as varchar)      as status_reason,
        cast(metadata_evidence as varchar)  as metadata_evidence
    from source
)

select * from renamed
