with source as (
    select * from {{ source('raw', 'tables') }}
),

renamed as (
    select
        cast(document_id as varchar)  as document_id,
        cast(table_id as varchar)     as table_id,
        cast(page_start as integer)   as page_start,
        cast(page_end as integer)     as page_end,
        cast(caption as varchar)      as caption,
        cast(family as varchar)       as table_family,
        cast(n_rows as integer)       as row_count,
        cast(n_cols as integer)       as column_count,
        cast(flavor as varchar)       as camelot_flavor,
        cast(header_text as varchar)  as header_text
    from source
)

select * from renamed
