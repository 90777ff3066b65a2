-- How the budget lines and program indicators of each document matched the national nomenclature:
-- one row per document, source kind and level, with the number of lines per match method and unmatched.
select
    document_id,
    source_kind,
    level,
    count(*)                                                    as n_lines,
    count(*) filter (where match_method = 'exact_code')         as n_exact_code,
    count(*) filter (where match_method = 'normalized_name')    as n_normalized_name,
    count(*) filter (where match_method = 'fuzzy')              as n_fuzzy,
    count(*) filter (where match_method is null)                as n_unmatched,
    min(match_score)                                            as min_match_score
from {{ ref('int_nomenclature_matches') }}
group by document_id, source_kind, level
