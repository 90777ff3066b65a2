{#- Rows with a negative amount (budgets and realizations are never below zero); NULL passes. -#}
{% test not_negative(model, column_name) %}
select {{ column_name }} as value_found, *
from {{ model }}
where {{ column_name }} < 0
{% endtest %}
