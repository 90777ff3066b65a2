with source as (
    select * from {{ source('raw', 'fetch_log') }}
),

renamed as (
    select
        cast(source_id as varchar)     as source_id,
        cast(url as varchar)           as fetched_url,
        cast(link_text as varchar)     as link_text,
        cast(status_code as integer)   as http_status_code,
        cast(bytes as bigint)          as content_bytes,
        cast(sha256 as varchar)        as content_sha256,
        cast(content_type as varchar)  as content_type,
        cast(fetched_at as timestamp)  as fetched_at,
        cast(error as varchar)         as error_message
    from source
)

select * from renamed
