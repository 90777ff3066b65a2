{#- Like dbt_utils.relationships_where (dbt_utils cannot be fetched offline): every non-null value of
    column_name (in the rows of model matching from_condition) is a value of field in the rows of `to`
    matching to_condition, e.g. a fact's document_id is a fact-source document of dim_document. -#}
{% test relationships_where(model, column_name, to, field, from_condition="1 = 1", to_condition="1 = 1") %}
with child as (
    select {{ column_name }} as from_field
    from {{ model }}
    where {{ column_name }} is not null
      and {{ from_condition }}
),

parent as (
    select {{ field }} as to_field
    from {{ to }}
    where {{ to_condition }}
)

select child.from_field
from child
left join parent
    on child.from_field = parent.to_field
where parent.to_field is null
{% endtest %}
