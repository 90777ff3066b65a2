-- Each program (kegiatan) line beside the sum of its kegiatan (sub-kegiatan) lines. A child belongs to the
-- nearest preceding line of the parent level in the same table and year (same rule as the children_sum_to_parent test).
{% set pairs = [('program', 'kegiatan'), ('kegiatan', 'sub_kegiatan')] %}
with lines as (
    select * from {{ ref('int_budget_lines_enriched') }}
),
{% for parent, child in pairs %}
numbered_{{ parent }} as (
    select
        *,
        count(*) filter (where level = '{{ parent }}') over (
            partition by document_id, table_id, fiscal_year order by row_index
            rows between unbounded preceding and current row
        ) as parent_seq,
        -- a new program closes the kegiatan block too
        count(*) filter (where level = 'program') over (
            partition by document_id, table_id, fiscal_year order by row_index
            rows between unbounded preceding and current row
        ) as program_seq
    from lines
    where level in ('program', '{{ parent }}', '{{ child }}')
),
parents_{{ parent }} as (
    select * from numbered_{{ parent }} where level = '{{ parent }}'
),
children_{{ parent }} as (
    select
        document_id, table_id, fiscal_year, parent_seq, program_seq,
        count(*) as n_children, sum(budget_idr) as children_budget_idr,
        sum(realization_idr) as children_realization_idr
    from numbered_{{ parent }}
    where level = '{{ child }}' and parent_seq > 0
    group by all
),
pairs_{{ parent }} as (
    select
        p.document_id, p.table_id, p.row_index, p.source_page, p.region_code, p.fiscal_year,
        p.line_name, p.level as parent_level, '{{ child }}' as child_level, c.n_children,
        p.budget_idr, c.children_budget_idr, p.realization_idr, c.children_realization_idr
    from parents_{{ parent }} as p
    inner join children_{{ parent }} as c
        on c.document_id = p.document_id and c.table_id = p.table_id
            and c.fiscal_year is not distinct from p.fiscal_year
            and c.parent_seq = p.parent_seq
            and c.program_seq = p.program_seq
){{ "," if not loop.last }}
{% endfor %}
{% for parent, child in pairs %}
select * from pairs_{{ parent }}
{{ "union all" if not loop.last }}
{% endfor %}
