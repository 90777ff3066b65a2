-- Budget absorption (realisasi / anggaran) by program across regencies and cities.
-- One row per program name (all fiscal years pooled: regions report different years): how many regions
-- report it, in which years, total budget and spending, the pooled absorption, and the lowest and highest
-- absorption printed by a region (reported value, else computed).
-- Program names are matched as printed (upper-cased, trimmed); the national nomenclature code is not used here.
WITH programs AS (
    SELECT
        upper(trim(b.line_name)) AS program_name,
        b.fiscal_year,
        b.region_code,
        r.region_name,
        b.budget_idr,
        b.realization_idr,
        coalesce(b.absorption_pct_reported, b.absorption_pct_computed,
                 100 * b.realization_idr / nullif(b.budget_idr, 0)) AS absorption_pct
    FROM marts.fct_budget_realization AS b
    JOIN marts.dim_region AS r USING (region_code)
    WHERE b.level = 'program'
)
SELECT
    program_name,
    string_agg(DISTINCT CAST(fiscal_year AS VARCHAR), ', ' ORDER BY CAST(fiscal_year AS VARCHAR)) AS fiscal_years,
    count(DISTINCT region_code) AS regions,
    string_agg(DISTINCT region_name, ', ' ORDER BY region_name) AS region_names,
    sum(budget_idr) AS budget_idr,
    sum(realization_idr) AS realization_idr,
    round(100 * sum(realization_idr) / nullif(sum(budget_idr), 0), 2) AS absorption_pct,
    round(min(absorption_pct), 2) AS min_absorption_pct,
    round(max(absorption_pct), 2) AS max_absorption_pct
FROM programs
GROUP BY program_name
ORDER BY regions DESC, program_name;
