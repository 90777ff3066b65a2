{#-
  Budget lines: the amounts of the child lines (kegiatan under a program, sub-kegiatan under a kegiatan)
  add up to their parent line within `tolerance` (absolute, in the column's unit). Parent/child links come
  from the ordered line sequence of one table and year: a child belongs to the nearest preceding line of the parent level.
  Reports do contain arithmetic errors, so this test is meant to run with severity warn; the
  data-quality mart lists every mismatch.
-#}
{% test children_sum_to_parent(model, column_name, parent_level, child_level, tolerance=1) %}
with lines as (
    select document_id, table_id, fiscal_year, row_index, level, {{ column_name }} as amount
    from {{ model }}
    where level in ('{{ parent_level }}', '{{ child_level }}')
),
numbered as (
    select *,
        count(*) filter (where level = '{{ parent_level }}') over (
            partition by document_id, table_id, fiscal_year order by row_index
            rows between unbounded preceding and current row
        ) as parent_seq
    from lines
),
parents as (
    select document_id, table_id, fiscal_year, parent_seq, row_index, amount as parent_amount
    from numbered where level = '{{ parent_level }}'
),
children as (
    select document_id, table_id, fiscal_year, parent_seq, sum(amount) as children_amount, count(*) as n_children
    from numbered where level = '{{ child_level }}' and parent_seq > 0
    group by all
)
select p.*, c.children_amount, c.n_children
from parents p
join children c using (document_id, table_id, fiscal_year, parent_seq)
where abs(coalesce(p.parent_amount, 0) - coalesce(c.children_amount, 0)) > {{ tolerance }}
{% endtest %}
