-- Fact rows (indicators, budget lines, plan targets) of documents with status ok or partial that cannot satisfy
-- the contract of the fact marts, or that count towards a document's quality thresholds; one row per fact row and
-- problem. int_review__document_problems decides, per document, which of them put the document in review.
-- Contract problems (one row is enough): missing_fiscal_year, year_out_of_range, negative_amount, unknown_level,
-- unknown_plan_kind, missing_indicator_name, missing_plan_target_text, duplicate_row_key.
-- Quality problems (a share of the document's rows, or one row far out of range): implausible_achievement,
-- implausible_absorption, low_realization_parse_rate (a printed realisasi that did not parse, unless its target is
-- text too: a qualitative indicator such as 'Level 3' or 'WTP'), low_budget_parse_rate.
-- printed_text is what the report prints for the row, to show the operator where to look.
{% set year_min, year_max = var('review_year_range', [2000, 2100]) %}
{% set ach_min, ach_max = var('review_achievement_pct_range', [0, 1000]) %}
{% set ach_hard_min, ach_hard_max = var('review_achievement_pct_hard_range', [-1000, 10000]) %}
{% set abs_min, abs_max = var('review_absorption_pct_range', [0, 200]) %}
{% set abs_hard_min, abs_hard_max = var('review_absorption_pct_hard_range', [0, 1000]) %}
{% set indicator_levels = "'tujuan', 'sasaran', 'program', 'kegiatan', 'sub_kegiatan'" %}
{% set budget_levels = "'program', 'kegiatan', 'sub_kegiatan', 'total', 'urusan', 'perangkat_daerah', 'sasaran'" %}
{% set plan_kinds = "'renstra', 'rpjmd', 'unknown'" %}
with indicators as (
    select
        *,
        'indicator "' || coalesce(indicator_name, '?') || '"' as row_label
    from {{ ref('int_indicators_joined') }}
),

budget_lines as (
    select
        *,
        coalesce(level, 'line') || ' "' || coalesce(line_name, '?') || '"' as row_label
    from {{ ref('int_budget_lines_joined') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
    where status in ('ok', 'partial')
),

plan_targets as (
    select
        p.*,
        d.fiscal_year                                        as document_fiscal_year,
        'plan target "' || coalesce(p.indicator_name, '?') || '"' as row_label
    from {{ ref('stg_raw__plan_targets') }} as p
    inner join documents as d
        on p.document_id = d.document_id
),

indicator_missing_year as (
    select
        document_id,
        'indicator'                                          as fact_kind,
        table_id,
        row_index,
        source_page,
        'missing_fiscal_year'                                as problem_code,
        false                                                as is_far_out_of_range,
        row_label || ' with no year in its table and none on the cover' as printed_text
    from indicators
    where fiscal_year is null
),

budget_missing_year as (
    select
        document_id,
        'budget_line',
        table_id,
        row_index,
        source_page,
        'missing_fiscal_year',
        false,
        row_label || ' with no year in its table and none on the cover'
    from budget_lines
    where fiscal_year is null
),

indicator_year_out_of_range as (
    select
        document_id,
        'indicator',
        table_id,
        row_index,
        source_page,
        'year_out_of_range',
        false,
        'year ' || fiscal_year || case when is_fiscal_year_from_document then ' (the cover''s)' else '' end
        || ' for ' || row_label
    from indicators
    where fiscal_year not between {{ year_min }} and {{ year_max }}
),

budget_year_out_of_range as (
    select
        b.document_id,
        'budget_line',
        b.table_id,
        b.row_index,
        b.source_page,
        'year_out_of_range',
        false,
        'year ' || b.fiscal_year
        || case when b.fiscal_year = d.fiscal_year then ' (the cover''s)' else '' end || ' for ' || b.row_label
    from budget_lines as b
    inner join documents as d
        on b.document_id = d.document_id
    where b.fiscal_year not between {{ year_min }} and {{ year_max }}
),

plan_year_out_of_range as (
    select
        document_id,
        'plan_target',
        table_id,
        row_index,
        source_page,
        'year_out_of_range',
        false,
        'target year ' || coalesce(cast(target_year as varchar), '-') || ', baseline year '
        || coalesce(cast(baseline_year as varchar), '-') || ' for ' || row_label
    from plan_targets
    where target_year not between {{ year_min }} and {{ year_max }}
        or baseline_year not between {{ year_min }} and {{ year_max }}
),

unknown_level as (
    select
        document_id,
        'indicator',
        table_id,
        row_index,
        source_page,
        'unknown_level',
        false,
        'level "' || coalesce(level, '') || '" for ' || row_label
    from indicators
    where level is null or level not in ({{ indicator_levels }})
    union all
    select
        document_id,
        'budget_line',
        table_id,
        row_index,
        source_page,
        'unknown_level',
        false,
        'level "' || coalesce(level, '') || '" for ' || row_label
    from budget_lines
    where level is null or level not in ({{ budget_levels }})
    union all
    select
        document_id,
        'plan_target',
        table_id,
        row_index,
        source_page,
        'unknown_level',
        false,
        'level "' || coalesce(level, '') || '" for ' || row_label
    from plan_targets
    where level is null or level not in ({{ indicator_levels }})
),

unknown_plan_kind as (
    select
        document_id,
        'plan_target',
        table_id,
        row_index,
        source_page,
        'unknown_plan_kind',
        false,
        'plan kind "' || coalesce(plan_kind, '') || '" for ' || row_label
    from plan_targets
    where plan_kind is null or plan_kind not in ({{ plan_kinds }})
),

missing_indicator_name as (
    select
        document_id,
        'indicator',
        table_id,
        row_index,
        source_page,
        'missing_indicator_name',
        false,
        'an indicator row without an indicator name (realisasi "' || coalesce(realization_raw, '') || '")'
    from indicators
    where indicator_name is null
    union all
    select
        document_id,
        'plan_target',
        table_id,
        row_index,
        source_page,
        'missing_indicator_name',
        false,
        'a plan target without an indicator name (target "' || coalesce(target_raw, '') || '")'
    from plan_targets
    where indicator_name is null
),

missing_plan_target_text as (
    select
        document_id,
        'plan_target',
        table_id,
        row_index,
        source_page,
        'missing_plan_target_text',
        false,
        row_label || ' for ' || coalesce(cast(target_year as varchar), '?') || ' without a target cell'
    from plan_targets
    where target_raw is null
),

negative_amount as (
    select
        document_id,
        'budget_line',
        table_id,
        row_index,
        source_page,
        'negative_amount',
        false,
        'anggaran "' || coalesce(budget_raw, '') || '" and realisasi "' || coalesce(realization_raw, '')
        || '" for ' || row_label
    from budget_lines
    where budget_idr < 0 or realization_idr < 0
),

-- the surrogate keys of the fact marts (fct_budget_realization.budget_line_id, fct_plan_target's row key,
-- int_indicators_enriched.performance_indicator_id) must be unique: rows the extractor emitted twice
duplicate_row_key as (
    select
        document_id,
        'indicator',
        table_id,
        row_index,
        source_page,
        'duplicate_row_key',
        false,
        row_label || ' emitted twice for table ' || table_id || ', row ' || row_index
    from indicators
    qualify count(*) over (partition by performance_indicator_id) > 1
    union all
    select
        document_id,
        'budget_line',
        table_id,
        row_index,
        source_page,
        'duplicate_row_key',
        false,
        row_label || ' emitted twice for table ' || table_id || ', row ' || row_index
    from budget_lines
    qualify count(*) over (partition by budget_line_id) > 1
    union all
    select
        document_id,
        'plan_target',
        table_id,
        row_index,
        source_page,
        'duplicate_row_key',
        false,
        row_label || ' emitted twice for table ' || table_id || ', row ' || row_index
    from plan_targets
    qualify count(*) over (partition by document_id, table_id, row_index, target_year, is_end_target) > 1
),

implausible_achievement as (
    select
        document_id,
        'indicator',
        table_id,
        row_index,
        source_page,
        'implausible_achievement',
        coalesce(achievement_pct_reported not between {{ ach_hard_min }} and {{ ach_hard_max }}, false)
        or coalesce(achievement_pct_computed not between {{ ach_hard_min }} and {{ ach_hard_max }}, false),
        'capaian ' || coalesce('"' || achievement_raw || '"', 'not printed') || ' (computed '
        || coalesce(cast(round(achievement_pct_computed, 2) as varchar), '-') || ' from target "'
        || coalesce(target_raw, '') || '" and realisasi "' || coalesce(realization_raw, '') || '") for ' || row_label
    from indicators
    where achievement_pct_reported not between {{ ach_min }} and {{ ach_max }}
        or achievement_pct_computed not between {{ ach_min }} and {{ ach_max }}
),

implausible_absorption as (
    select
        document_id,
        'budget_line',
        table_id,
        row_index,
        source_page,
        'implausible_absorption',
        coalesce(absorption_pct_reported not between {{ abs_hard_min }} and {{ abs_hard_max }}, false)
        or coalesce(absorption_pct_computed not between {{ abs_hard_min }} and {{ abs_hard_max }}, false),
        'penyerapan ' || coalesce('"' || absorption_raw || '"', 'not printed') || ' (computed '
        || coalesce(cast(round(absorption_pct_computed, 2) as varchar), '-') || ' from anggaran "'
        || coalesce(budget_raw, '') || '" and realisasi "' || coalesce(realization_raw, '') || '") for ' || row_label
    from budget_lines
    where absorption_pct_reported not between {{ abs_min }} and {{ abs_max }}
        or absorption_pct_computed not between {{ abs_min }} and {{ abs_max }}
),

unparsed_realization as (
    select
        document_id,
        'indicator',
        table_id,
        row_index,
        source_page,
        'low_realization_parse_rate',
        false,
        'realisasi "' || realization_raw || '" for ' || row_label
    from indicators
    where trim(coalesce(realization_raw, '')) <> ''
        and realization_value is null
        -- a qualitative indicator (target printed as text too: 'Level 3', 'WTP') is not a parse failure
        and (trim(coalesce(target_raw, '')) = '' or target_value is not null)
),

unparsed_budget as (
    select
        document_id,
        'budget_line',
        table_id,
        row_index,
        source_page,
        'low_budget_parse_rate',
        false,
        'anggaran "' || budget_raw || '" for ' || row_label
    from budget_lines
    where trim(coalesce(budget_raw, '')) <> '' and budget_idr is null
)

select * from indicator_missing_year
union all
select * from budget_missing_year
union all
select * from indicator_year_out_of_range
union all
select * from budget_year_out_of_range
union all
select * from plan_year_out_of_range
union all
select * from unknown_level
union all
select * from unknown_plan_kind
union all
select * from missing_indicator_name
union all
select * from missing_plan_target_text
union all
select * from negative_amount
union all
select * from duplicate_row_key
union all
select * from implausible_achievement
union all
select * from implausible_absorption
union all
select * from unparsed_realization
union all
select * from unparsed_budget
