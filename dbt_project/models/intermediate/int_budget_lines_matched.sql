-- Budget lines of the fact sources (int_budget_lines_enriched) with their agency and their national
-- nomenclature match (Permendagri 90/2019, int_nomenclature_matches): what fct_budget_realization and
-- fct_budget_allocation select from, each keeping its own lines (is_allocation).
select
    b.*,
    a.agency_id,
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
