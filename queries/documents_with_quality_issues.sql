-- Documents whose reports have data-quality problems (found in the reports themselves, never corrected),
-- with the region, agency, year, the number of issues by severity and the checks that fired.
-- Quarantined documents (not readable at all) are listed too, with their reason.
SELECT
    d.document_id,
    d.file_name,
    d.source_url,
    r.region_name,
    d.region_code,
    d.agency_name,
    d.fiscal_year,
    d.status,
    d.status_reason,
    count(q.check_name) AS issues,
    count(q.check_name) FILTER (WHERE q.severity = 'error') AS errors,
    count(q.check_name) FILTER (WHERE q.severity = 'warn') AS warnings,
    string_agg(DISTINCT q.check_name, ', ' ORDER BY q.check_name) AS checks,
    string_agg(DISTINCT CAST(q.source_page AS VARCHAR), ', ') AS pages
FROM marts.dim_document AS d
LEFT JOIN marts.mart_data_quality_issues AS q USING (document_id)
LEFT JOIN marts.dim_region AS r ON r.region_code = d.region_code
GROUP BY ALL
HAVING count(q.check_name) > 0 OR d.status = 'quarantined'
ORDER BY issues DESC, d.region_code, d.fiscal_year;
