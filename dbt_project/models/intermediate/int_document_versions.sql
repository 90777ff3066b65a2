-- Versions of one report. Two documents with status ok or partial are versions of the same report when they have
-- the same issuer (region_code and the normalised agency_name; no agency = the whole government), fiscal_year and
-- doc_type: a re-upload with one byte changed, a "revisi", a "perubahan". Documents without a region or a fiscal
-- year (they are in review), of an unknown doc_type (two unidentified documents are not known to be one report)
-- and quarantined documents belong to no version group.
-- Order within a group, oldest first:
--   1. version_fetched_at: when the bytes were first fetched (earliest fetch of the sha256 in the fetch log, else
--      the document's fetched_at), so that re-fetching an old version that is still online never makes it newer;
--   2. revision_rank: a revision mark in the file name, the link text or the status text ('revisi', 'perubahan',
--      'rev', 'revised', 'revision'), 1 for a bare mark, n for 'revisi 2' / 'rev2', 0 without one;
--   3. extracted_at; then document_id, so the order is total.
-- The latest version is the one whose facts reach the fact marts (int_documents_status).
{% set revision_mark = '(revisi|perubahan|revised|revision|rev)' %}
with documents as (
    select * from {{ ref('stg_raw__documents') }}
),

fetch_log as (
    select * from {{ ref('stg_raw__fetch_log') }}
    where content_sha256 is not null
),

fetches as (
    select
        content_sha256                                        as document_id,
        min(fetched_at)                                       as first_fetched_at,
        string_agg(distinct link_text, ' ' order by link_text) as link_texts
    from fetch_log
    group by content_sha256
),

marked as (
    select
        d.document_id,
        d.status,
        d.extracted_at,
        coalesce(f.first_fetched_at, d.fetched_at)            as version_fetched_at,
        -- file name, link text and status text as words: 'lkjip_2024_revisi-2.pdf' -> 'lkjip 2024 revisi 2 pdf'
        ' ' || trim(regexp_replace(
            lower(concat_ws(' ', d.file_name, f.link_texts, d.status_reason)), '[^a-z0-9]+', ' ', 'g'
        )) || ' '                                             as revision_text,
        case
            when d.status in ('ok', 'partial')
                and d.region_code is not null
                and d.fiscal_year is not null
                and coalesce(lower(trim(d.doc_type)), 'unknown') <> 'unknown'
                then md5(concat_ws(
                        '|',
                        d.region_code,
                        coalesce({{ normalize_name('d.agency_name') }}, ''),
                        d.fiscal_year,
                        lower(trim(d.doc_type))
                    ))
        end                                                   as version_group_id
    from documents as d
    left join fetches as f
        on d.document_id = f.document_id
),

ranked as (
    select
        *,
        case
            when not regexp_matches(revision_text, ' {{ revision_mark }} ?[0-9]{0,2} ') then 0
            else coalesce(
                    try_cast(
                        nullif(regexp_extract(revision_text, ' {{ revision_mark }} ?([0-9]{1,2}) ', 2), '') as integer
                    ),
                    1
                )
        end                                                   as revision_rank
    from marked
),

numbered as (
    select
        document_id,
        version_group_id,
        row_number() over (
            partition by version_group_id
            order by
                version_fetched_at asc nulls first,
                revision_rank asc,
                extracted_at asc nulls first,
                document_id asc
        )                                                     as version_number,
        count(*) over (partition by version_group_id)         as version_count
    from ranked
    where version_group_id is not null
)

select
    r.document_id,
    r.version_group_id,
    n.version_number,
    n.version_count,
    r.version_fetched_at,
    r.revision_rank,
    later.document_id                                         as superseded_by_document_id,
    later.document_id is null                                 as is_latest_version
from ranked as r
left join numbered as n
    on r.document_id = n.document_id
left join numbered as later
    on n.version_group_id = later.version_group_id
        and later.version_number = n.version_number + 1
