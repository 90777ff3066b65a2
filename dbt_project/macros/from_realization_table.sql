{#- True for a budget line read from a realisation table, false for one of an allocation list (a Perjanjian
    Kinerja's program list, a Rencana Aksi, an RKT: families budget_allocation and plan_target), whose budget
    the realisation table of the same report prints again. Sums of budget over a region and year take the
    realisation tables' lines only, so a program is not counted twice; fct_budget_realization keeps both. -#}
{% macro from_realization_table(line) -%}
not exists (
    select 1
    from {{ ref('stg_raw__tables') }} as allocation
    where allocation.document_id = {{ line }}.document_id
        and allocation.table_id = {{ line }}.table_id
        and allocation.table_family in ('budget_allocation', 'plan_target')
)
{%- endmacro %}
