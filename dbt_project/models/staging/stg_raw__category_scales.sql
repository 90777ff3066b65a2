-- raw.category_scales (the report's own achievement scale, e.g. Jepara Tabel 3.1 "75-100% | Baik"), cast.
-- Until every loader writes that table it may be missing from an older raw schema: then this model is an
-- empty relation with the same columns, so the models downstream still build.
{%- set source_relation = source('raw', 'category_scales') %}
{%- set existing = none %}
{%- if execute %}
    {%- set existing = adapter.get_relation(database=source_relation.database, schema=source_relation.schema,
                                            identifier=source_relation.identifier) %}
{%- endif %}
{% if existing is not none %}
with source as (
    select * from {{ source_relation }}
),
{% else %}
with source as (
    select
        cast(null as varchar) as document_id,
        cast(null as varchar) as table_id,
        cast(null as integer) as source_page,
        cast(null as varchar) as category_label,
        cast(null as double)  as lower_pct,
        cast(null as double)  as upper_pct,
        cast(null as varchar) as raw_text
    where false
),
{% endif %}

renamed as (
    select
        cast(document_id as varchar)     as document_id,
        cast(table_id as varchar)        as table_id,
        cast(source_page as integer)     as source_page,
        cast(category_label as varchar)  as category_label,
        cast(lower_pct as double)        as lower_pct,
        cast(upper_pct as double)        as upper_pct,
        cast(raw_text as varchar)        as raw_text
    from source
)

select * from renamed
