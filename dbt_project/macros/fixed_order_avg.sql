{#- Mean of a DOUBLE column added in sorted order. DuckDB's avg adds in whatever order its threads and the
    table's physical row order give, so two builds of the same rows (incremental or full) could differ in the
    last bit; summing the sorted list makes the mean a function of the values alone. (Rupiah sums need no such
    care: whole numbers below 2^53 add exactly in any order.) -#}
{% macro fixed_order_avg(column) -%}
list_avg(list({{ column }} order by {{ column }}))
{%- endmacro %}
