-- Budget lines of allocation lists (int_budget_lines_joined.is_allocation): the anggaran a Perjanjian Kinerja,
-- a Rencana Aksi or an RKT gives each program, kegiatan or sub-kegiatan, before anything is spent. Kept apart
-- from fct_budget_realization, which the same report's realisation table fills with the same programs.
select
    b.document_id,
    region_code,
    agency_name,
    a.agency_id,
    fiscal_year,
    b.level,
    line_name,
    budget_idr,
    source_page,
    -- provenance
    budget_line_id,
    b.table_id,
    b.row_index,
    line_number,
    level_method,
    budget_raw,
    -- national nomenclature (Permendagri 90/2019), see int_nomenclature_matches
    m.nomenclature_code,
    m.nomenclature_name,
    m.match_method,
    m.match_score,
    m.sector_code
from {{ ref('int_budget_lines_enriched') }} as b
left join {{ ref('int_nomenclature_matches') }} as m
    on m.source_kind = 'budget_line'
        and m.source_id = b.budget_line_id
left join {{ ref('int_document_agencies') }} as a
    on b.document_id = a.document_id
where b.is_allocation
