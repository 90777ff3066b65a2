-- Problems found in the reports themselves (not in the pipeline): listed, never silently fixed.
with totals as (
    select * from {{ ref('int_data_quality__budget_totals') }}
),

indicators as (
    select * from {{ ref('int_indicators_enriched') }}
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
        'capaian printed ' || achievement_raw || ' for "' || indicator_name || '" but realisasi / target * 100 = '
            || cast(round(achievement_pct_computed, 2) as varchar)
            || ' (target ' || coalesce(target_raw, '?') || ', realisasi ' || coalesce(realization_raw, '?') || ')',
        source_page,
        table_id,
        row_index,
        region_code,
        fiscal_year
    from indicators
    where achievement_pct_reported is not null
      and achievement_pct_computed is not null
      and abs(achievement_pct_reported - achievement_pct_computed) > 1
)

select * from total_budget_mismatch
union all
select * from total_realization_mismatch
union all
select * from capaian_mismatch
