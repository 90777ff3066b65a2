with source as (
    select * from {{ source('raw', 'budget_lines') }}
),

renamed as (
    select
        cast(document_id as varchar)               as document_id,
        cast(table_id as varchar)                  as table_id,
        cast(row_index as integer)                 as row_index,
        cast(source_page as integer)               as source_page,
        cast(line_number as varchar)               as line_number,
        cast(level as varchar)                     as level,
        cast(level_method as varchar)              as level_method,
        cast(line_name as varchar)                 as line_name,
        cast(budget_raw as varchar)                as budget_raw,
        cast(budget_idr as double)                 as budget_idr,
        cast(realization_raw as varchar)           as realization_raw,
        cast(realization_idr as double)            as realization_idr,
        cast(absorption_raw as varchar)            as absorption_raw,
        cast(absorption_pct_reported as double)    as absorption_pct_reported,
        cast(fiscal_year as integer)               as fiscal_year,
        -- the name as printed; extractions before the column carry none: the name stands in
        cast(coalesce(line_name_raw, line_name) as varchar) as line_name_raw
    from source
)

select * from renamed
