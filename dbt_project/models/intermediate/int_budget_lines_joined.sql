-- Budget lines of every document with status ok or partial (every version, in review or not) with the document's
-- region/agency/year and a recomputed absorption. int_budget_lines_enriched keeps the lines of the fact sources;
-- int_review__row_problems and mart_document_revisions read all of them.
-- is_allocation: the line comes from an allocation list (a Perjanjian Kinerja's program list, a Rencana Aksi, an
-- RKT: table families budget_allocation and plan_target), which prints the budget alone. fct_budget_allocation
-- holds those lines and fct_budget_realization the others, so a program is not summed twice beside its realisasi.
with budget_lines as (
    select * from {{ ref('stg_raw__budget_lines') }}
),

tables as (
    select
        document_id,
        table_id,
        table_family
    from {{ ref('stg_raw__tables') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
    where status in ('ok', 'partial')
),

joined as (
    select
        b.document_id,
        b.table_id,
        b.row_index,
        b.source_page,
        b.line_number,
        d.region_code,
        d.agency_name,
        coalesce(b.fiscal_year, d.fiscal_year)  as fiscal_year,
        b.level,
        b.level_method,
        b.line_name,
        b.budget_raw,
        b.budget_idr,
        b.realization_raw,
        b.realization_idr,
        b.absorption_raw,
        b.absorption_pct_reported,
        case
            when b.budget_idr is not null
                and b.realization_idr is not null
                and b.budget_idr <> 0
                then b.realization_idr / b.budget_idr * 100
        end                                     as absorption_pct_computed,
        coalesce(t.table_family in ('budget_allocation', 'plan_target'), false) as is_allocation
    from budget_lines as b
    inner join documents as d
        on b.document_id = d.document_id
    left join tables as t
        on b.document_id = t.document_id
            and b.table_id = t.table_id
)

select
    -- the year too: a table of several years gives a line per year from one row
    md5(concat_ws('|', document_id, table_id, row_index, fiscal_year)) as budget_line_id,
    *
from joined
