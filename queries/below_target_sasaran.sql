-- Regencies and cities below target on a sasaran (strategic goal) indicator.
-- Achievement (capaian) is the value printed in the report when there is one, else realisasi / target x 100
-- (the printed value already reverses lower-is-better indicators). Below target = achievement < 100.
-- Runs on the serving file (serving.duckdb) and on the warehouse (same schema `marts`).
SELECT
    r.province_name,
    r.region_name,
    f.region_code,
    f.fiscal_year,
    f.agency_name,
    f.goal_name,
    f.indicator_name,
    f.unit,
    f.target_value,
    f.realization_value,
    round(coalesce(f.achievement_pct_reported, f.achievement_pct_computed), 2) AS achievement_pct,
    f.achievement_pct_reported IS NULL AS achievement_is_computed,
    f.document_id,
    f.source_page
FROM marts.fct_performance_indicator AS f
JOIN marts.dim_region AS r USING (region_code)
WHERE f.level = 'sasaran'
  AND r.region_type IN ('Kabupaten', 'Kota')
  AND coalesce(f.achievement_pct_reported, f.achievement_pct_computed) < 100
ORDER BY r.province_name, r.region_name, f.fiscal_year, achievement_pct;
