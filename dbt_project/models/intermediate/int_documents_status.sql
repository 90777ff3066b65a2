-- Every document with the status the marts show: 'needs_review' replaces 'ok' / 'partial' for the latest version of
-- a report that has a problem in int_review__document_problems (status_reason lists the problem codes, then the
-- extraction's own reason); quarantined documents and superseded versions keep their status. is_fact_source: the
-- document's rows reach the fact marts (status ok or partial after review, and the latest version of its report).
-- A table (one row per document): every fact model reads it through int_documents_fact_sources, and a view would
-- recompute the review models each time.
{{ config(materialized='table') }}
with documents as (
    select * from {{ ref('stg_raw__documents') }}
),

versions as (
    select * from {{ ref('int_document_versions') }}
),

problems as (
    select
        document_id,
        string_agg(problem_code || ' (' || rows_affected || ')', ', ' order by problem_code) as problem_list
    from {{ ref('int_review__document_problems') }}
    group by document_id
),

reviewed as (
    select
        d.*,
        v.version_group_id,
        v.version_number,
        v.version_count,
        coalesce(v.is_latest_version, true)                          as is_latest_version,
        v.superseded_by_document_id,
        d.status in ('ok', 'partial')
        and coalesce(v.is_latest_version, true)
        and p.document_id is not null                                as is_in_review,
        d.status in ('ok', 'partial')
        and coalesce(v.is_latest_version, true)
        and p.document_id is null                                    as is_fact_source,
        p.problem_list
    from documents as d
    left join versions as v
        on d.document_id = v.document_id
    left join problems as p
        on d.document_id = p.document_id
)

select
    * exclude (status, status_reason, is_in_review, problem_list),
    case when is_in_review then 'needs_review' else status end      as status,
    case
        when is_in_review
            then 'review: ' || problem_list || coalesce('; ' || status || ': ' || status_reason, '')
        else status_reason
    end                                                              as status_reason
from reviewed
