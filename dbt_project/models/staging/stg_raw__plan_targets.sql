-- raw.plan_targets (multi-year Renstra / RPJMD targets: one row per indicator and target year), cast.
-- Empty when an older raw schema (before extractor 0.5.0) has no such table (macro source_or_empty).
with renamed as (
    {{ source_or_empty('plan_targets', [
        ['document_id', 'varchar'], ['table_id', 'varchar'], ['row_index', 'integer'],
        ['source_page', 'integer'], ['plan_kind', 'varchar'], ['level', 'varchar'],
        ['goal_name', 'varchar'], ['indicator_name', 'varchar'], ['unit', 'varchar'],
        ['baseline_year', 'integer'], ['baseline_raw', 'varchar'], ['baseline_value', 'double'],
        ['target_year', 'integer'], ['target_raw', 'varchar'], ['target_value', 'double'],
        ['is_end_target', 'boolean'], ['indicator_name_raw', 'varchar'],
    ]) }}
)

-- the name as printed; extractions before the column carry none: the name stands in
select * replace (coalesce(indicator_name_raw, indicator_name) as indicator_name_raw) from renamed
