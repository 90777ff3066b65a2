-- Documents in review (dim_document.status 'needs_review'): one row per document and problem, with what is wrong,
-- where to look and the operator command or check that fixes it. The document's rows stay in raw and staging;
-- none reach the fact marts until an override (`lkjip ingest FILE --year N` / `--region CODE`) or a reprocess
-- clears the problem. Everything else publishes.
with problems as (
    select * from {{ ref('int_review__document_problems') }}
),

documents as (
    select * from {{ ref('int_documents_status') }}
    where status = 'needs_review'
)

select
    p.document_id,
    d.file_name,
    d.region_code,
    d.fiscal_year,
    p.problem_code,
    p.problem,
    p.source_page,
    p.rows_affected,
    p.how_to_fix
from problems as p
inner join documents as d
    on p.document_id = d.document_id
