{#- The rows of a raw source table, or an empty relation with the given columns when the table is
    missing (a raw schema written before the extractor produced it), so downstream models still build.
    columns: a list of [name, type] pairs. -#}
{% macro source_or_empty(table_name, columns) %}
    {%- set relation = source('raw', table_name) %}
    {%- set existing = none %}
    {%- if execute %}
        {%- set existing = adapter.get_relation(database=relation.database, schema=relation.schema,
                                                identifier=relation.identifier) %}
    {%- endif %}
    {%- if existing is not none %}
    select {% for name, type in columns %}cast({{ name }} as {{ type }}) as {{ name }}{{ ", " if not loop.last }}{% endfor %}
    from {{ relation }}
    {%- else %}
    select {% for name, type in columns %}cast(null as {{ type }}) as {{ name }}{{ ", " if not loop.last }}{% endfor %}
    where false
    {%- endif %}
{% endmacro %}
