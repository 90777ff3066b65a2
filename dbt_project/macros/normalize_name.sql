{#- A matching key for names printed with different spacing, case, punctuation and the usual
    Indonesian abbreviations (Yg = yang, Dgn = dengan, Jml/Jmh/Jlh = jumlah, & = dan). -#}
{% macro normalize_name(column) -%}
trim(regexp_replace(
    regexp_replace(
        regexp_replace(
            regexp_replace(
                regexp_replace(lower({{ column }}), '[^a-z0-9%]+', ' ', 'g'),
            '\byg\b', 'yang', 'g'),
        '\b(dgn|dg)\b', 'dengan', 'g'),
    '\b(jml|jmh|jlh)\b', 'jumlah', 'g'),
'\s+', ' ', 'g'))
{%- endmacro %}
