-- The Great Expectations results of the build, one row per expectation: dbt owns the table's structure
-- (an empty table here, under an enforced contract); extract/warehouse/validate.py (write_results_table)
-- fills it after the checkpoint has run on the built warehouse.
select
    cast(null as varchar)    as run_id,
    cast(null as timestamp)  as validated_at,
    cast(null as varchar)    as suite_name,
    cast(null as varchar)    as expectation_type,
    cast(null as varchar)    as column_name,
    cast(null as varchar)    as expectation_kwargs,
    cast(null as varchar)    as severity,
    cast(null as boolean)    as success,
    cast(null as varchar)    as observed
where false
