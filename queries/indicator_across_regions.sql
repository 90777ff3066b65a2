-- One standard indicator in every regency and city of a province, by year: target, realisasi, capaian (computed
-- with the catalog's polarity), rank among the province's regencies, change from the previous year, and the
-- report page each value is printed on. Rows come from marts.mart_indicator_comparison (indicator names as
-- printed, matched to the standard catalog: see marts.mart_indicator_coverage for what is reported where).
-- Parameters: edit the two values in `params` (indicator_code from reference.std_indicator_catalog, e.g.
-- 'MACRO-TPT', 'GOV-SAKIP'; province_code from marts.dim_region, e.g. '33' Jawa Tengah, NULL for every province).
-- Runs on the serving file (serving.duckdb) and on the warehouse (same schema `marts`).
WITH params AS (
    SELECT
        'MACRO-TPAK' AS indicator_code,
        '33' AS province_code
)

SELECT
    c.indicator_code,
    c.indicator_name,
    c.unit,
    c.polarity,
    c.province_name,
    c.region_name,
    c.region_code,
    c.agency_name,
    c.fiscal_year,
    c.target_value,
    c.realization_value,
    round(c.achievement_pct, 2) AS achievement_pct,
    c.rank_in_province,
    c.previous_year_realization_value,
    round(c.change_from_previous_year, 2) AS change_from_previous_year,
    c.source_page,
    c.source_url || '#page=' || c.source_page AS source_link,
    c.match_method
FROM marts.mart_indicator_comparison AS c
CROSS JOIN params AS p
WHERE c.indicator_code = p.indicator_code
    AND (p.province_code IS NULL OR c.province_code = p.province_code)
ORDER BY c.province_name, c.region_name, c.agency_name, c.fiscal_year;
