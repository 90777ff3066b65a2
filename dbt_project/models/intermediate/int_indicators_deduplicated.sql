-- One row per indicator, level and fiscal year in a document, for every document with status ok or partial
-- (int_indicators_joined: every version, in review or not); fct_performance_indicator keeps the fact sources.
-- Reports print the same indicator in several tables (achievement, comparison with last year,
-- analysis, efficiency). The row kept is the most complete one, then the one whose printed
-- capaian agrees with its own target and realisasi (is_achievement_reported_consistent), then the one printed
-- later in the report (the summary tables come last). How many tables printed it, and whether they agreed, is kept.
-- A name printed with a small spelling difference ("Prevalensi" / "Pevalensi": at most one edit per ten letters of
-- the normalised name) and the same realisasi is the same indicator: its key is the spelling printed most often
-- (then the first in order). raw.indicators keeps every printed row.
with printed as (
    select
        *,
        {{ normalize_name('indicator_name') }} as printed_key
    from {{ ref('int_indicators_joined') }}
),

spellings as (
    select document_id, level, fiscal_year, printed_key, realization_value, count(*) as printed_count
    from printed
    group by document_id, level, fiscal_year, printed_key, realization_value
),

spelling_variants as (
    select
        a.document_id, a.level, a.fiscal_year, a.printed_key,
        first(b.printed_key order by b.printed_count desc, b.printed_key) as indicator_key
    from spellings as a
    inner join spellings as b
        on a.document_id = b.document_id
            and a.level = b.level
            and a.fiscal_year is not distinct from b.fiscal_year
            and a.realization_value = b.realization_value
            and levenshtein(a.printed_key, b.printed_key) <= greatest(1, length(a.printed_key) // 10)
    group by a.document_id, a.level, a.fiscal_year, a.printed_key
),

candidates as (
    select
        p.* exclude (printed_key),
        coalesce(v.indicator_key, p.printed_key) as indicator_key,
        (target_value is not null)::int
        + (realization_value is not null)::int
        + (achievement_pct_reported is not null)::int
        + (unit is not null)::int
        + (category_reported is not null)::int as completeness_score,
        coalesce(p.is_achievement_reported_consistent, false) as is_internally_consistent
    from printed as p
    left join spelling_variants as v
        on p.document_id = v.document_id
            and p.level = v.level
            and p.fiscal_year is not distinct from v.fiscal_year
            and p.printed_key = v.printed_key
),

ranked as (
    select
        *,
        row_number() over (
            partition by document_id, level, indicator_key, fiscal_year
            -- table_id last: two readers of one page (lattice, words) print the same row, and a build must not
            -- pick between them at random (an incremental build is compared with a full one row for row)
            order by completeness_score desc, is_internally_consistent desc, source_page desc, row_index desc, table_id
        ) as candidate_rank,
        count(*) over (partition by document_id, level, indicator_key, fiscal_year) as printed_in_tables_count,
        count(distinct realization_value) over (
            partition by document_id, level, indicator_key, fiscal_year
        ) as distinct_realization_count
    from candidates
)

select
    * exclude (candidate_rank, distinct_realization_count),
    distinct_realization_count > 1 as has_conflicting_realization
from ranked
where candidate_rank = 1
