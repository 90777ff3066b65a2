-- Printed total lines (JUMLAH / Total) against the sum of the program lines of the same table and year.
with lines as (
    select * from {{ ref('int_budget_lines_enriched') }}
),

program_sums as (
    select
        document_id,
        table_id,
        fiscal_year,
        count(*)              as n_programs,
        sum(budget_idr)       as program_budget_idr,
        sum(realization_idr)  as program_realization_idr,
        -- account-coded sheets: the code the program codes hang from ('5.2' for '5.2.15')
        min(regexp_extract(line_number, '^(.+)\.[0-9]+$', 1)) filter (where level_method = 'account_code')
            as program_parent_code
    from lines
    where level = 'program'
    group by document_id, table_id, fiscal_year
),

totals as (
    select * from lines where level = 'total'
)

select
    t.document_id,
    t.table_id,
    t.row_index,
    t.source_page,
    t.region_code,
    t.fiscal_year,
    t.line_name,
    p.n_programs,
    t.budget_idr             as total_budget_idr,
    p.program_budget_idr,
    t.realization_idr        as total_realization_idr,
    p.program_realization_idr
from totals as t
inner join program_sums as p
    on t.document_id = p.document_id
        and t.table_id = p.table_id
        and t.fiscal_year is not distinct from p.fiscal_year
-- an account-coded sheet prints totals at several depths (5 BELANJA, 5.1 BELANJA TIDAK LANGSUNG, 5.2 BELANJA
-- LANGSUNG): only the one the program codes hang from is the sum of the program lines
where t.level_method is distinct from 'account_code' or t.line_number = p.program_parent_code
