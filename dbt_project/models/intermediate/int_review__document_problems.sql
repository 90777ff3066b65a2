-- The problems that put a document (status ok or partial) in review: one row per document and problem_code, with
-- a sentence saying what is wrong, the first page concerned, how many rows (tables for the table problems) it
-- affects, and how to fix it. int_documents_status turns the latest version of a document with a problem into
-- status 'needs_review'; mart_review_queue lists them.
-- Contract problems (see int_review__row_problems) count from one row, and so do the region problems below.
-- Quality problems count above a threshold per document (the checks that were warehouse-wide Great Expectations
-- suites, now per document): implausible_achievement / implausible_absorption when more than
-- review_max_out_of_range_share of the rows with a capaian / penyerapan are outside the plausible range, or one row
-- is beyond the hard range; low_realization_parse_rate / low_budget_parse_rate when fewer than
-- review_min_realization_parse_rate / review_min_budget_parse_rate of the printed realisasi / anggaran cells parsed.
-- Table problems (were raw suites): no_tables_extracted (status ok, no table) and empty_table (no text in any cell).
{% set year_min, year_max = var('review_year_range', [2000, 2100]) %}
{% set ach_min, ach_max = var('review_achievement_pct_range', [0, 1000]) %}
{% set ach_hard_min, ach_hard_max = var('review_achievement_pct_hard_range', [-1000, 10000]) %}
{% set abs_min, abs_max = var('review_absorption_pct_range', [0, 200]) %}
{% set abs_hard_min, abs_hard_max = var('review_absorption_pct_hard_range', [0, 1000]) %}
{% set max_share = var('review_max_out_of_range_share', 0.05) %}
{% set min_realization_rate = var('review_min_realization_parse_rate', 0.9) %}
{% set min_budget_rate = var('review_min_budget_parse_rate', 0.95) %}
{% set reprocess = "fix the extractor, then run `lkjip reprocess`" %}
with row_problems as (
    select * from {{ ref('int_review__row_problems') }}
),

documents as (
    select
        *,
        'lkjip ingest data/landing/' || document_id || '.pdf'                 as ingest_command,
        coalesce(file_name, 'the report')                                   as file_label,
        nullif(regexp_extract(coalesce(file_name, ''), '(^|[^0-9])(20[0-9]{2})([^0-9]|$)', 2), '')
            as file_name_year
    from {{ ref('stg_raw__documents') }}
    where status in ('ok', 'partial')
),

regions as (
    select region_code from {{ ref('int_regions') }}
),

indicators as (
    select * from {{ ref('int_indicators_joined') }}
),

budget_lines as (
    select * from {{ ref('int_budget_lines_joined') }}
),

plan_targets as (
    select * from {{ ref('stg_raw__plan_targets') }}
),

tables as (
    select * from {{ ref('stg_raw__tables') }}
),

cells as (
    select * from {{ ref('stg_raw__cells') }}
),

fact_rows as (
    select document_id, source_page from indicators
    union all
    select document_id, source_page from budget_lines
    union all
    select document_id, source_page from plan_targets
),

fact_counts as (
    select
        document_id,
        count(*) as fact_row_count
    from fact_rows
    group by document_id
),

-- denominators of the quality thresholds
indicator_counts as (
    select
        document_id,
        count(*) filter (
            where achievement_pct_reported is not null or achievement_pct_computed is not null
        )                                                                 as achievement_row_count,
        -- printed realisasi cells, without those of qualitative indicators (target printed as text too)
        count(*) filter (
            where trim(coalesce(realization_raw, '')) <> ''
            and (trim(coalesce(target_raw, '')) = '' or target_value is not null)
        )                                                                 as realization_text_count
    from indicators
    group by document_id
),

budget_counts as (
    select
        document_id,
        count(*) filter (
            where absorption_pct_reported is not null or absorption_pct_computed is not null
        )                                                                 as absorption_row_count,
        count(*) filter (where trim(coalesce(budget_raw, '')) <> '')      as budget_text_count
    from budget_lines
    group by document_id
),

grouped as (
    select
        document_id,
        problem_code,
        count(*)                                                          as rows_affected,
        count(*) filter (where fact_kind = 'indicator')                   as indicator_row_count,
        count(*) filter (where fact_kind = 'budget_line')                 as budget_line_count,
        count(*) filter (where fact_kind = 'plan_target')                 as plan_target_count,
        count(*) filter (where is_far_out_of_range)                       as far_out_of_range_count,
        first(source_page order by source_page nulls last, table_id, row_index)  as source_page,
        first(table_id order by source_page nulls last, table_id, row_index)     as table_id,
        coalesce(first(printed_text order by source_page nulls last, table_id, row_index), '?') as printed_text
    from row_problems
    group by document_id, problem_code
),

judged as (
    select
        g.*,
        d.fiscal_year                                                     as document_fiscal_year,
        d.ingest_command,
        d.file_label,
        d.file_name_year,
        concat_ws(
            ', ',
            case when g.indicator_row_count = 1 then '1 indicator row'
                when g.indicator_row_count > 1 then g.indicator_row_count || ' indicator rows'
            end,
            case when g.budget_line_count = 1 then '1 budget line'
                when g.budget_line_count > 1 then g.budget_line_count || ' budget lines'
            end,
            case when g.plan_target_count = 1 then '1 plan target'
                when g.plan_target_count > 1 then g.plan_target_count || ' plan targets'
            end
        )                                                                 as rows_phrase,
        coalesce(i.achievement_row_count, 0)                              as achievement_row_count,
        coalesce(i.realization_text_count, 0)                             as realization_text_count,
        coalesce(b.absorption_row_count, 0)                               as absorption_row_count,
        coalesce(b.budget_text_count, 0)                                  as budget_text_count,
        case g.problem_code
            when 'implausible_achievement'
                then g.far_out_of_range_count > 0
                    or g.rows_affected > {{ max_share }} * coalesce(i.achievement_row_count, 0)
            when 'implausible_absorption'
                then g.far_out_of_range_count > 0
                    or g.rows_affected > {{ max_share }} * coalesce(b.absorption_row_count, 0)
            when 'low_realization_parse_rate'
                then i.realization_text_count - g.rows_affected < {{ min_realization_rate }} * i.realization_text_count
            when 'low_budget_parse_rate'
                then b.budget_text_count - g.rows_affected < {{ min_budget_rate }} * b.budget_text_count
            else true
        end                                                               as is_problem
    from grouped as g
    inner join documents as d
        on g.document_id = d.document_id
    left join indicator_counts as i
        on g.document_id = i.document_id
    left join budget_counts as b
        on g.document_id = b.document_id
),

row_level as (
    select
        document_id,
        problem_code,
        case problem_code
            when 'low_realization_parse_rate'
                then 'realisasi parsed for ' || (realization_text_count - rows_affected) || ' of '
                    || realization_text_count || ' indicator rows that print one ('
                    || round(100.0 * (realization_text_count - rows_affected) / realization_text_count, 1)
                    || ' %, below {{ '%g' % (min_realization_rate * 100) }} %; qualitative indicators left out)'
            when 'low_budget_parse_rate'
                then 'anggaran parsed for ' || (budget_text_count - rows_affected) || ' of '
                    || budget_text_count || ' budget lines that print one ('
                    || round(100.0 * (budget_text_count - rows_affected) / budget_text_count, 1)
                    || ' %, below {{ '%g' % (min_budget_rate * 100) }} %)'
            when 'implausible_achievement'
                then rows_affected || ' of ' || achievement_row_count || ' indicator rows with a capaian outside '
                    || '{{ ach_min }}-{{ ach_max }} % (at most {{ '%g' % (max_share * 100) }} % tolerated, none beyond '
                    || '{{ ach_hard_min }}..{{ ach_hard_max }} %)'
            when 'implausible_absorption'
                then rows_affected || ' of ' || absorption_row_count || ' budget lines with a penyerapan outside '
                    || '{{ abs_min }}-{{ abs_max }} % (at most {{ '%g' % (max_share * 100) }} % tolerated, none beyond '
                    || '{{ abs_hard_min }}..{{ abs_hard_max }} %)'
            else rows_phrase || ' with ' || case problem_code
                    when 'missing_fiscal_year' then 'no fiscal year (neither their table nor the cover prints one)'
                    when 'year_out_of_range' then 'a year outside {{ year_min }}-{{ year_max }}'
                    when 'negative_amount' then 'a negative anggaran or realisasi'
                    when 'unknown_level' then 'a level the fact marts do not accept'
                    when 'unknown_plan_kind' then 'a plan kind other than renstra, rpjmd or unknown'
                    when 'missing_indicator_name' then 'no indicator name'
                    when 'missing_plan_target_text' then 'no target cell'
                    when 'duplicate_row_key' then 'the same table row emitted more than once'
                end
        end || '; first on page ' || coalesce(cast(source_page as varchar), '?') || ': ' || printed_text
            as problem,
        source_page,
        rows_affected,
        case
            when problem_code = 'missing_fiscal_year'
                or (
                    problem_code = 'year_out_of_range'
                    and document_fiscal_year not between {{ year_min }} and {{ year_max }}
                )
                then ingest_command || ' --year N  (N: the fiscal year printed on the cover of ' || file_label
                    || coalesce('; the file name says ' || file_name_year, '') || ')'
            when problem_code in (
                    'negative_amount', 'implausible_achievement', 'implausible_absorption',
                    'low_realization_parse_rate', 'low_budget_parse_rate', 'year_out_of_range'
                )
                then 'check the page (page ' || coalesce(cast(source_page as varchar), '?') || '); the report prints '
                    || printed_text || ', as extracted. If the page says otherwise (a shifted column, a number format'
                    || ' read wrongly), {{ reprocess }}'
            else 'check page ' || coalesce(cast(source_page as varchar), '?') || ' (table ' || coalesce(table_id, '?')
                || '): the extractor emitted ' || printed_text || '; {{ reprocess }}'
        end                                                               as how_to_fix
    from judged
    where is_problem
),

region_problems as (
    select
        d.document_id,
        case when d.region_code is null then 'missing_region' else 'unknown_region_code' end as problem_code,
        case
            when d.region_code is null
                then 'no region: the cover names no government of dim_region, and the source gives none; '
            else 'region_code "' || d.region_code || '" is not a Kemendagri code of dim_region; '
        end || coalesce(f.fact_row_count, 0) || ' fact rows have no valid region' as problem,
        cast(null as integer)                                             as source_page,
        coalesce(f.fact_row_count, 0)                                     as rows_affected,
        d.ingest_command || ' --region CODE  (CODE: the Kemendagri code of the government on the cover of '
        || d.file_label || ', e.g. 33.20 for Kabupaten Jepara; see marts.dim_region)' as how_to_fix
    from documents as d
    left join fact_counts as f
        on d.document_id = f.document_id
    left join regions as r
        on d.region_code = r.region_code
    -- an unknown code always (dim_document.region_code of a fact source is a dim_region code); no region only
    -- when the document has fact rows (a fact row needs a region)
    where (d.region_code is not null and r.region_code is null)
        or (d.region_code is null and f.fact_row_count > 0)
),

-- the cover's year out of range on a document without fact rows (with rows, row_level has it)
document_year as (
    select
        d.document_id,
        'year_out_of_range'                                               as problem_code,
        'fiscal year ' || d.fiscal_year || ' of the document is outside {{ year_min }}-{{ year_max }}' as problem,
        cast(null as integer)                                             as source_page,
        cast(0 as bigint)                                                 as rows_affected,
        d.ingest_command || ' --year N  (N: the fiscal year printed on the cover of ' || d.file_label
        || coalesce('; the file name says ' || d.file_name_year, '') || ')' as how_to_fix
    from documents as d
    where d.fiscal_year not between {{ year_min }} and {{ year_max }}
        and not exists (
            select 1 from row_level as r
            where r.document_id = d.document_id and r.problem_code = 'year_out_of_range'
        )
),

table_cells as (
    select
        t.document_id,
        t.table_id,
        t.page_start,
        count(*) filter (where trim(coalesce(c.cell_text, '')) <> '')    as non_empty_cell_count
    from tables as t
    left join cells as c
        on t.document_id = c.document_id
            and t.table_id = c.table_id
    group by t.document_id, t.table_id, t.page_start
),

empty_tables as (
    select
        c.document_id,
        'empty_table'                                                     as problem_code,
        count(*) || ' tables without text in any cell; first: table '
        || first(c.table_id order by c.page_start nulls last, c.table_id) || ' on page '
        || coalesce(cast(min(c.page_start) as varchar), '?')             as problem,
        min(c.page_start)                                                 as source_page,
        count(*)                                                          as rows_affected,
        'check page ' || coalesce(cast(min(c.page_start) as varchar), '?') || ' (table '
        || first(c.table_id order by c.page_start nulls last, c.table_id)
        || '): the extractor kept a table without text; {{ reprocess }}' as how_to_fix
    from table_cells as c
    inner join documents as d
        on c.document_id = d.document_id
    where c.non_empty_cell_count = 0
    group by c.document_id
),

no_tables as (
    select
        d.document_id,
        'no_tables_extracted'                                             as problem_code,
        'status ok but no table in raw.tables'                           as problem,
        cast(null as integer)                                             as source_page,
        cast(0 as bigint)                                                 as rows_affected,
        'run `lkjip reprocess`; if the document still has no table, file an extractor issue with its document id'
            as how_to_fix
    from documents as d
    where d.status = 'ok'
        and not exists (select 1 from tables as t where t.document_id = d.document_id)
)

select * from row_level
union all
select * from region_problems
union all
select * from document_year
union all
select * from empty_tables
union all
select * from no_tables
