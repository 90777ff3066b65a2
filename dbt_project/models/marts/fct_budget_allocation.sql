-- Budget lines of allocation lists (int_budget_lines_joined.is_allocation): the anggaran a Perjanjian Kinerja,
-- a Rencana Aksi or an RKT gives each program, kegiatan or sub-kegiatan, before anything is spent. Kept apart
-- from fct_budget_realization, which the same report's realisation table fills with the same programs.
select
    document_id,
    region_code,
    agency_name,
    agency_id,
    fiscal_year,
    level,
    line_name,
    budget_idr,
    source_page,
    -- provenance
    budget_line_id,
    table_id,
    row_index,
    line_number,
    level_method,
    budget_raw,
    -- national nomenclature (Permendagri 90/2019), see int_nomenclature_matches
    nomenclature_code,
    nomenclature_name,
    match_method,
    match_score,
    sector_code
from {{ ref('int_budget_lines_matched') }}
where is_allocation
