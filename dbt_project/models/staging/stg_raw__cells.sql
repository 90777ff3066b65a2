with source as (
    select * from {{ source('raw', 'cells') }}
),

renamed as (
    select
        cast(document_id as varchar)  as document_id,
        cast(table_id as varchar)     as table_id,
        cast(page as integer)         as source_page,
        cast(row_index as integer)    as row_index,
        cast(col_index as integer)    as col_index,
        cast(text as varchar)         as cell_text
    from source
)

select * from renamed
