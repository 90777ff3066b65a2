with source as (
    select * from {{ source('raw', 'indicators') }}
),

renamed as (
    select
        cast(document_id as varchar)                as document_id,
        cast(table_id as varchar)                   as table_id,
        cast(row_index as integer)                  as row_index,
        cast(source_page as integer)                as source_page,
        cast(level as varchar)                      as level,
        cast(goal_name as varchar)                  as goal_name,
        cast(indicator_name as varchar)             as indicator_name,
        cast(unit as varchar)                       as unit,
        cast(fiscal_year as integer)                as fiscal_year,
        cast(target_raw as varchar)                 as target_raw,
        cast(target_value as double)                as target_value,
        cast(realization_raw as varchar)            as realization_raw,
        cast(realization_value as double)           as realization_value,
        cast(achievement_raw as varchar)            as achievement_raw,
        cast(achievement_pct_reported as double)    as achievement_pct_reported,
        cast(category_reported as varchar)          as category_reported,
        -- the name as printed; extractions before the column carry none: the name stands in
        cast(coalesce(indicator_name_raw, indicator_name) as varchar) as indicator_name_raw
    from source
)

select * from renamed
