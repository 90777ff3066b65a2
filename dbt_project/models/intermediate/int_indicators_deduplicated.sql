-- One row per indicator, level and fiscal year in a document, for every document with status ok or partial
-- (int_indicators_joined: every version, in review or not); fct_performance_indicator keeps the fact sources.
-- Reports print the same indicator in several tables (achievement, comparison with last year,
-- analysis, efficiency). The row kept is the most complete one, then the one whose printed
-- capaian agrees with its own target and realisasi (is_achievement_reported_consistent), then the one printed
-- later in the report (the summary tables come last). How many tables printed it, and whether they agreed, is kept.
with candidates as (
    select
        *,
        {{ normalize_name('indicator_name') }} as indicator_key,
        (target_value is not null)::int
        + (realization_value is not null)::int
        + (achievement_pct_reported is not null)::int
        + (unit is not null)::int
        + (category_reported is not null)::int as completeness_score,
        coalesce(is_achievement_reported_consistent, false) as is_internally_consistent
    from {{ ref('int_indicators_joined') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by document_id, level, indicator_key, fiscal_year
            order by completeness_score desc, is_internally_consistent desc, source_page desc, row_index desc
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
