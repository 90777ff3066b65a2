-- Budget lines (program / kegiatan / sub-kegiatan) and program-level indicators (through the program name
-- printed as their goal) matched to the national nomenclature, best match per line:
--   1. exact_code       a code printed in the line (number column or name) that exists at the same level
--                       (4-digit sub-kegiatan numbers of Kepmendagri 050-5889/2021 are read as 2-digit ones
--                       and must agree with the name, jaro-winkler >= 0.80); score 1.0 (or the name score)
--   2. normalized_name  same level, equal nomenclature_key (macro); score 1.0
--   3. fuzzy            same level, jaro_winkler_similarity of the keys
--                       >= {{ var('nomenclature_fuzzy_threshold', 0.90) }}; score = similarity
-- Kegiatan and sub-kegiatan candidates under the program matched for the line's parent program are preferred.
-- Lines without a match are kept with match_method null.
-- The match depends only on (level, name key, code key, code width) and the program matched for the parent line,
-- so it runs once per distinct key and is joined back to the lines: the fuzzy join grows with the names, not the lines.
{% set threshold = var('nomenclature_fuzzy_threshold', 0.90) %}
{# a printed nomenclature code: program 2.07.03, kegiatan 2.07.03.1.01, sub-kegiatan 2.07.03.1.01.0001 #}
{% set code_pattern = '[0-9X]\\.[0-9X]{2}\\.[0-9]{2}(\\.[0-9]\\.[0-9]{2}(\\.[0-9]{2,4})?)?' %}
with budget_lines as (
    select
        'budget_line'                       as source_kind,
        budget_line_id                      as source_id,
        document_id,
        table_id,
        row_index,
        level,
        line_name                           as printed_name,
        coalesce(
            nullif(regexp_extract(coalesce(line_number, ''), '({{ code_pattern }})', 1), ''),
            nullif(regexp_extract(line_name, '({{ code_pattern }})', 1), '')
        )                                   as printed_code,
        -- the program line this line belongs to: the nearest preceding program line of the same table
        max(case when level = 'program' then row_index end) over (
            partition by document_id, table_id order by row_index
            rows between unbounded preceding and current row
        )                                   as parent_program_row
    from {{ ref('int_budget_lines_enriched') }}
    where level in ('program', 'kegiatan', 'sub_kegiatan')
),

program_indicators as (
    select
        'indicator'                         as source_kind,
        performance_indicator_id            as source_id,
        document_id,
        table_id,
        row_index,
        'program'                           as level,
        goal_name                           as printed_name,
        nullif(regexp_extract(coalesce(goal_name, ''), '([0-9X]\.[0-9X]{2}\.[0-9]{2})', 1), '') as printed_code,
        cast(null as integer)               as parent_program_row
    from {{ ref('int_indicators_enriched') }}
    where level = 'program' and goal_name is not null
),

lines as (
    select * from budget_lines
    union all
    select * from program_indicators
),

-- the keys of each distinct printed name and code: the regular expressions run once per name, not per line
printed as (
    select
        level,
        printed_name,
        printed_code,
        {{ nomenclature_key("regexp_replace(printed_name, '" ~ code_pattern ~ "', '')") }} as name_key,
        -- the code in the format of the reference list: program 01 is the shared Penunjang program (X.XX.01),
        -- 4-digit sub-kegiatan numbers (0001) become 2-digit (01)
        regexp_replace(
            regexp_replace(printed_code, '^[0-9]\.[0-9]{2}\.01\b', 'X.XX.01'),
            '\.00([0-9]{2})$', '.\1'
        )                                   as code_key,
        -- a 4-digit sub-kegiatan number is trusted only when the name agrees (below)
        length(regexp_extract(printed_code, '([0-9]+)$', 1)) <= 2 as is_short_code
    from (select distinct level, printed_name, printed_code from lines)
),

inputs as (
    select
        l.*,
        p.name_key,
        p.code_key,
        p.is_short_code
    from lines as l
    inner join printed as p
        on l.level = p.level
            and l.printed_name is not distinct from p.printed_name
            and l.printed_code is not distinct from p.printed_code
),

nomenclature as (
    select * from {{ ref('int_nomenclature') }}
    where level in ('program', 'kegiatan', 'sub_kegiatan')
),

match_keys as (
    select distinct
        level,
        name_key,
        code_key,
        is_short_code
    from inputs
    where name_key <> '' or code_key is not null
),

candidates as (
    select
        k.level,
        k.name_key,
        k.code_key,
        k.is_short_code,
        n.nomenclature_code,
        n.program_code,
        case
            when k.code_key = n.nomenclature_code
                and (k.is_short_code or jaro_winkler_similarity(k.name_key, n.name_key) >= 0.80)
                then 'exact_code'
            when k.name_key = n.name_key or k.name_key = n.alt_name_key
                then 'normalized_name'
            else 'fuzzy'
        end                                                         as match_method,
        greatest(
            jaro_winkler_similarity(k.name_key, n.name_key),
            coalesce(jaro_winkler_similarity(k.name_key, n.alt_name_key), 0)
        ) as name_similarity
    from match_keys as k
    inner join nomenclature as n
        on k.level = n.level
            and (
                k.code_key = n.nomenclature_code
                or k.name_key = n.name_key
                or k.name_key = n.alt_name_key
                or jaro_winkler_similarity(k.name_key, n.name_key) >= {{ threshold }}
                or jaro_winkler_similarity(k.name_key, n.alt_name_key) >= {{ threshold }}
            )
),

scored as (
    select
        *,
        case match_method when 'exact_code' then 1 when 'normalized_name' then 2 else 3 end as method_rank,
        case
            when match_method in ('exact_code', 'normalized_name') then 1.0
            else round(name_similarity, 4)
        end as match_score
    from candidates
    where match_method <> 'fuzzy' or name_similarity >= {{ threshold }}
),

program_best as (
    select
        level,
        name_key,
        code_key,
        is_short_code,
        program_code
    from scored
    where level = 'program'
    qualify row_number() over (
            partition by name_key, code_key, is_short_code
            order by method_rank, match_score desc, nomenclature_code
        ) = 1
),

with_parent as (
    select
        i.*,
        p.program_code                      as parent_program_code
    from inputs as i
    left join inputs as parent_line
        on i.source_kind = 'budget_line'
            and parent_line.source_kind = 'budget_line'
            and parent_line.document_id = i.document_id
            and parent_line.table_id = i.table_id
            and parent_line.row_index = i.parent_program_row
    left join program_best as p
        on p.level = parent_line.level
            and p.name_key = parent_line.name_key
            and p.code_key is not distinct from parent_line.code_key
            and p.is_short_code is not distinct from parent_line.is_short_code
),

line_keys as (
    select distinct
        level,
        name_key,
        code_key,
        is_short_code,
        parent_program_code
    from with_parent
),

-- the best match of each key: the ranking below, once per key instead of once per line
key_best as (
    select
        k.level,
        k.name_key,
        k.code_key,
        k.is_short_code,
        k.parent_program_code,
        s.nomenclature_code,
        s.match_method,
        s.match_score,
        s.method_rank,
        coalesce(k.level <> 'program' and s.program_code = k.parent_program_code, false) as is_under_parent
    from line_keys as k
    inner join scored as s
        on s.level = k.level
            and s.name_key = k.name_key
            and s.code_key is not distinct from k.code_key
            and s.is_short_code is not distinct from k.is_short_code
    -- a fuzzy kegiatan / sub-kegiatan match must stay under the program matched for its parent line
    where not (
            s.match_method = 'fuzzy' and k.level <> 'program' and k.parent_program_code is not null
            and s.program_code is distinct from k.parent_program_code
        )
    qualify row_number() over (
            partition by k.level, k.name_key, k.code_key, k.is_short_code, k.parent_program_code
            order by s.method_rank, is_under_parent desc, s.match_score desc, s.nomenclature_code
        ) = 1
),

best as (
    select
        w.source_kind,
        w.source_id,
        b.nomenclature_code,
        b.match_method,
        b.match_score
    from with_parent as w
    inner join key_best as b
        on b.level = w.level
            and b.name_key = w.name_key
            and b.code_key is not distinct from w.code_key
            and b.is_short_code is not distinct from w.is_short_code
            and b.parent_program_code is not distinct from w.parent_program_code
    -- a line whose parent row is printed twice has two keys: the better one, as for one line
    qualify row_number() over (
            partition by w.source_kind, w.source_id
            order by b.method_rank, b.is_under_parent desc, b.match_score desc, b.nomenclature_code
        ) = 1
)

select
    i.source_kind,
    i.source_id,
    i.document_id,
    i.table_id,
    i.row_index,
    i.level,
    i.printed_name,
    i.printed_code,
    i.name_key,
    b.nomenclature_code,
    n.nomenclature_name,
    n.program_code                         as nomenclature_program_code,
    n.sector_code,
    n.sector_name,
    b.match_method,
    b.match_score
from inputs as i
left join best as b
    on b.source_kind = i.source_kind and b.source_id = i.source_id
left join nomenclature as n
    on n.nomenclature_code = b.nomenclature_code
