-- Budget lines of the fact sources (int_documents_fact_sources): the lines of int_budget_lines_joined whose
-- document is neither in review nor superseded by a later version of the same report.
with budget_lines as (
    select * from {{ ref('int_budget_lines_joined') }}
),

fact_sources as (
    select document_id from {{ ref('int_documents_fact_sources') }}
)

select budget_lines.*
from budget_lines
inner join fact_sources
    on budget_lines.document_id = fact_sources.document_id
