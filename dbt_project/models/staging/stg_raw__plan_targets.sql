-- raw.plan_targets (multi-year Renstra / RPJMD targets: one row per indicator and target year), cast.
-- A raw schema written before extractor 0.5.0 has no such table: then this model is an empty relation with
-- the same columns, so the models downstream still build.
{%- set source_relation = source('raw', 'plan_targets') %}
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
        cast(null as integer) as row_index,
        cast(null as integer) as source_page,
        cast(null as varchar) as plan_kind,
        cast(null as varchar) as level,
        cast(null as varchar) as goal_name,
        cast(null as varchar) as indicator_name,
        cast(null as varchar) as unit,
        cast(null as integer) as baseline_year,
        cast(null as varchar) as baseline_raw,
        cast(null as double)  as baseline_value,
        cast(null as integer) as target_year,
        cast(null as varchar) as target_raw,
        cast(null as double)  as target_value,
        cast(null as boolean) as is_end_target
    where false
),
{% endif %}

renamed as (
    select
        cast(document_id as varchar)     as document_id,
        cast(table_id as varchar)        as table_id,
        cast(row_index as integer)       as row_index,
        cast(source_page as integer)     as source_page,
        cast(plan_kind as varchar)       as plan_kind,
        cast(level as varchar)           as level,
        cast(goal_name as varchar)       as goal_name,
        cast(indicator_name as varchar)  as indicator_name,
        cast(unit as varchar)            as unit,
        cast(baseline_year as integer)   as baseline_year,
        cast(baseline_raw as varchar)    as baseline_raw,
        cast(baseline_value as double)   as baseline_value,
        cast(target_year as integer)     as target_year,
        cast(target_raw as varchar)      as target_raw,
        cast(target_value as double)     as target_value,
        cast(is_end_target as boolean)   as is_end_target
    from source
)

select * from renamed
