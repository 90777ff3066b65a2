-- Problems found in the reports themselves (not in the pipeline): listed, never silently fixed.
with totals as (
    select * from {{ ref('int_data_quality__budget_totals') }}
),

indicators as (
    select * from {{ ref('int_indicators_enriched') }}
),

hierarchy as (
    select * from {{ ref('int_data_quality__budget_hierarchy') }}
),

budget_lines as (
    select * from {{ ref('int_budget_lines_enriched') }}
),

kept as (
    select * from {{ ref('int_indicators_deduplicated') }}
),

report_scale as (
    select * from {{ ref('int_data_quality__category_report_scale') }}
),

total_budget_mismatch as (
    select
        document_id,
        'printed_total_differs_from_program_sum'       as check_name,
        'warn'                                         as severity,
        program_budget_idr                             as expected_value,
        total_budget_idr                               as found_value,
        'budget_idr: printed "' || line_name || '" ' || cast(total_budget_idr as bigint)
        || ' but its ' || n_programs || ' program lines sum to ' || cast(program_budget_idr as bigint)
            as detail,
        source_page,
        table_id,
        row_index,
        region_code,
        fiscal_year
    from totals
    where abs(total_budget_idr - program_budget_idr) > 1
),

total_realization_mismatch as (
    select
        document_id,
        'printed_total_differs_from_program_sum',
        'warn',
        program_realization_idr,
        total_realization_idr,
        'realization_idr: printed "' || line_name || '" ' || cast(total_realization_idr as bigint)
        || ' but its ' || n_programs || ' program lines sum to ' || cast(program_realization_idr as bigint),
        source_page,
        table_id,
        row_index,
        region_code,
        fiscal_year
    from totals
    where abs(total_realization_idr - program_realization_idr) > 1
),

capaian_mismatch as (
    select
        document_id,
        'reported_capaian_differs_from_computed',
        'warn',
        round(achievement_pct_computed, 2),
        achievement_pct_reported,
        'capaian printed ' || achievement_raw || ' for "' || indicator_name || '" but '
        || case
            when polarity = 'lower_is_better'
                then '(2 x target - realisasi) / target * 100 = ' || cast(round(achievement_pct_computed, 2) as varchar)
                    || ' and target / realisasi * 100 = '
                    || coalesce(cast(round(achievement_pct_target_over_realization, 2) as varchar), '?')
                    || ' (lower is better)'
            else 'realisasi / target * 100 = ' || cast(round(achievement_pct_computed, 2) as varchar)
        end
        || ' (target ' || coalesce(target_raw, '?') || ', realisasi ' || coalesce(realization_raw, '?') || ')',
        source_page,
        table_id,
        row_index,
        region_code,
        fiscal_year
    from indicators
    where not is_achievement_reported_consistent  -- null (nothing to compare) is not an issue
),

-- the same indicator (document, level, year) printed with another realisasi in another table
value_conflict as (
    select
        o.document_id,
        'indicator_value_conflict_across_tables',
        'warn',
        k.realization_value,
        o.realization_value,
        'realisasi of "' || o.indicator_name || '" (' || o.fiscal_year || ') printed '
        || coalesce(o.realization_raw, '?')
        || ' in table ' || o.table_id || ' (page ' || o.source_page || ') but ' || coalesce(k.realization_raw, '?')
        || ' in table ' || k.table_id || ' (page ' || k.source_page || '), the row kept in fct_performance_indicator',
        o.source_page,
        o.table_id,
        o.row_index,
        o.region_code,
        o.fiscal_year
    from indicators as o
    inner join kept as k
        on k.document_id = o.document_id
            and k.level = o.level
            and k.fiscal_year = o.fiscal_year
            and k.indicator_key = {{ normalize_name('o.indicator_name') }}
    where k.has_conflicting_realization
        and o.realization_value is not null
        and k.realization_value is not null
        and abs(o.realization_value - k.realization_value) > 0.005
),

realization_above_budget as (
    select
        document_id,
        'realization_above_budget',
        'warn',
        budget_idr,
        realization_idr,
        level || ' "' || line_name || '": realisasi ' || coalesce(realization_raw, '?') || ' above anggaran '
        || coalesce(budget_raw, '?'),
        source_page,
        table_id,
        row_index,
        region_code,
        fiscal_year
    from budget_lines
    where budget_idr is not null and realization_idr is not null and realization_idr > budget_idr + 1
),

children_budget_mismatch as (
    select
        document_id,
        'children_do_not_sum_to_parent',
        'warn',
        children_budget_idr,
        budget_idr,
        'budget_idr: ' || parent_level || ' "' || line_name || '" ' || cast(budget_idr as bigint) || ' but its '
        || n_children || ' ' || child_level || ' lines sum to ' || cast(children_budget_idr as bigint),
        source_page,
        table_id,
        row_index,
        region_code,
        fiscal_year
    from hierarchy
    where abs(coalesce(budget_idr, 0) - coalesce(children_budget_idr, 0)) > 1
),

children_realization_mismatch as (
    select
        document_id,
        'children_do_not_sum_to_parent',
        'warn',
        children_realization_idr,
        realization_idr,
        'realization_idr: ' || parent_level || ' "' || line_name || '" ' || cast(realization_idr as bigint)
        || ' but its ' || n_children || ' ' || child_level || ' lines sum to '
        || cast(children_realization_idr as bigint),
        source_page,
        table_id,
        row_index,
        region_code,
        fiscal_year
    from hierarchy
    where abs(coalesce(realization_idr, 0) - coalesce(children_realization_idr, 0)) > 1
),

-- the printed category against the standard scale (Permendagri 86/2017): reports use their own scales, so
-- this is information, not an error; the report's own scale is not extracted yet
category_vs_standard as (
    select
        document_id,
        'category_differs_from_standard_scale',
        'info',
        category_standard_rank,
        category_reported_rank,
        'category printed "' || category_reported || '" for capaian '
        || coalesce(achievement_raw, cast(round(achievement_pct_computed, 2) as varchar))
        || ' of "' || indicator_name || '"; the Permendagri 86/2017 scale says "' || category_standard || '"',
        source_page,
        table_id,
        row_index,
        region_code,
        fiscal_year
    from indicators
    where category_reported_rank is not null
        and category_standard_rank is not null
        and category_reported_rank <> category_standard_rank
),

category_unknown as (
    select
        document_id,
        'category_label_not_recognised',
        'info',
        cast(null as double),
        cast(null as double),
        'category printed "' || category_reported || '" for "' || indicator_name
        || '" is not a known grade label (seed achievement_category_labels)',
        source_page,
        table_id,
        row_index,
        region_code,
        fiscal_year
    from indicators
    where category_reported is not null and trim(category_reported) <> '' and category_reported_rank is null
),

-- the printed category against the report's own scale (raw.category_scales): the report contradicts itself
category_vs_report_scale as (
    select
        document_id,
        'category_contradicts_report_scale',
        'warn',
        cast(null as double),
        achievement_pct_reported,
        'category printed "' || category_reported || '" for capaian '
        || coalesce(achievement_raw, cast(achievement_pct_reported as varchar))
        || ' of "' || indicator_name || '"; the report''s own scale (table ' || scale_table_id
        || ', page ' || coalesce(cast(scale_source_page as varchar), '?')
        || ') gives "' || scale_category_labels || '" (' || coalesce(scale_raw_texts, '') || ')',
        source_page,
        table_id,
        row_index,
        region_code,
        fiscal_year
    from report_scale
    where contradicts_report_scale
)

select * from total_budget_mismatch
union all
select * from category_vs_report_scale
union all
select * from total_realization_mismatch
union all
select * from capaian_mismatch
union all
select * from value_conflict
union all
select * from realization_above_budget
union all
select * from children_budget_mismatch
union all
select * from children_realization_mismatch
union all
select * from category_vs_standard
union all
select * from category_unknown
