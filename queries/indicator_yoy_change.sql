-- Year-over-year change of each indicator within a region and level.
-- Reports print the previous year next to the current one, so one report can give two years.
-- Indicators are matched by name (case and spaces ignored); change = this year's realisasi - last year's.
WITH series AS (
    SELECT
        f.region_code,
        r.region_name,
        f.level,
        f.indicator_name,
        lower(regexp_replace(trim(f.indicator_name), '\s+', ' ', 'g')) AS indicator_match,
        f.unit,
        f.fiscal_year,
        f.target_value,
        f.realization_value,
        coalesce(f.achievement_pct_reported, f.achievement_pct_computed) AS achievement_pct
    FROM marts.fct_performance_indicator AS f
    JOIN marts.dim_region AS r USING (region_code)
), with_previous AS (
    SELECT
        *,
        lag(fiscal_year) OVER w AS previous_year,
        lag(realization_value) OVER w AS previous_realization,
        lag(achievement_pct) OVER w AS previous_achievement_pct
    FROM series
    WINDOW w AS (PARTITION BY region_code, level, indicator_match ORDER BY fiscal_year)
)
SELECT
    region_code,
    region_name,
    level,
    indicator_name,
    unit,
    previous_year,
    fiscal_year,
    previous_realization,
    realization_value,
    round(realization_value - previous_realization, 4) AS realization_change,
    round(100 * (realization_value - previous_realization) / nullif(previous_realization, 0), 2)
        AS realization_change_pct,
    round(achievement_pct - previous_achievement_pct, 2) AS achievement_change_pts
FROM with_previous
WHERE previous_year IS NOT NULL
ORDER BY region_code, level, indicator_name, fiscal_year;
