-- What changed between consecutive versions of a report (int_document_versions: same issuer, fiscal year and
-- doc_type). Facts are matched by kind, level, normalised name and fiscal year: an indicator (one row per document,
-- level, indicator_key and fiscal year, as in fct_performance_indicator) or a budget line (the n-th line of that
-- level and name in the document, in page order). A matched fact gives one row per value that changed
-- ('changed'); a fact of only one version gives one row ('added' in the new version, 'removed' from it).
-- An identical re-upload gives no row.
{% set indicator_values = [
    ('target_value', 'target_value', 'target_raw'),
    ('realization_value', 'realization_value', 'realization_raw'),
    ('achievement_pct_reported', 'achievement_pct_reported', 'achievement_raw'),
] %}
{% set budget_values = [
    ('budget_idr', 'budget_idr', 'budget_raw'),
    ('realization_idr', 'realization_idr', 'realization_raw'),
    ('absorption_pct_reported', 'absorption_pct_reported', 'absorption_raw'),
] %}
with versions as (
    select * from {{ ref('int_document_versions') }}
    where version_group_id is not null
),

indicators as (
    select
        *,
        coalesce(indicator_key, '')                                 as fact_key,
        1                                                           as occurrence
    from {{ ref('int_indicators_deduplicated') }}
),

budget_lines as (
    select
        *,
        coalesce({{ normalize_name('line_name') }}, '')             as fact_key,
        row_number() over (
            partition by document_id, level, coalesce({{ normalize_name('line_name') }}, ''), fiscal_year
            order by source_page, table_id, row_index
        )                                                           as occurrence
    from {{ ref('int_budget_lines_joined') }}
),

pairs as (
    select
        older.version_group_id,
        older.document_id                                           as old_document_id,
        newer.document_id                                           as new_document_id
    from versions as older
    inner join versions as newer
        on older.version_group_id = newer.version_group_id
            and newer.version_number = older.version_number + 1
),

fact_values as (
    {% for value_name, value, raw in indicator_values %}
    select
        document_id,
        'indicator'                                                 as fact_kind,
        level,
        fact_key,
        occurrence,
        fiscal_year,
        indicator_name                                              as fact_name,
        source_page,
        '{{ value_name }}'                                          as value_name,
        {{ value }}                                                 as fact_value,
        {{ raw }}                                                   as fact_value_raw
    from indicators
    union all
    {% endfor %}
    {% for value_name, value, raw in budget_values %}
    select
        document_id,
        'budget_line'                                               as fact_kind,
        level,
        fact_key,
        occurrence,
        fiscal_year,
        line_name                                                   as fact_name,
        source_page,
        '{{ value_name }}'                                          as value_name,
        {{ value }}                                                 as fact_value,
        {{ raw }}                                                   as fact_value_raw
    from budget_lines
    {{ "union all" if not loop.last }}
    {% endfor %}
),

old_values as (
    select
        p.version_group_id,
        p.old_document_id,
        p.new_document_id,
        f.*
    from pairs as p
    inner join fact_values as f
        on p.old_document_id = f.document_id
),

new_values as (
    select
        p.version_group_id,
        p.old_document_id,
        p.new_document_id,
        f.*
    from pairs as p
    inner join fact_values as f
        on p.new_document_id = f.document_id
),

compared as (
    select
        coalesce(o.version_group_id, n.version_group_id)            as version_group_id,
        coalesce(o.old_document_id, n.old_document_id)              as old_document_id,
        coalesce(o.new_document_id, n.new_document_id)              as new_document_id,
        coalesce(o.fact_kind, n.fact_kind)                          as fact_kind,
        coalesce(o.level, n.level)                                  as level,
        coalesce(o.fact_key, n.fact_key)                            as fact_key,
        coalesce(o.occurrence, n.occurrence)                        as occurrence,
        coalesce(o.fiscal_year, n.fiscal_year)                      as fiscal_year,
        coalesce(n.fact_name, o.fact_name)                          as fact_name,
        coalesce(o.value_name, n.value_name)                        as value_name,
        o.document_id is not null                                   as is_in_old,
        n.document_id is not null                                   as is_in_new,
        o.fact_value                                                as old_value,
        n.fact_value                                                as new_value,
        o.fact_value_raw                                            as old_value_raw,
        n.fact_value_raw                                            as new_value_raw,
        o.source_page                                               as old_source_page,
        n.source_page                                               as new_source_page
    from old_values as o
    full outer join new_values as n
        on o.old_document_id = n.old_document_id
            and o.new_document_id = n.new_document_id
            and o.fact_kind = n.fact_kind
            and o.level is not distinct from n.level
            and o.fact_key = n.fact_key
            and o.occurrence = n.occurrence
            and o.fiscal_year is not distinct from n.fiscal_year
            and o.value_name = n.value_name
),

changed as (
    select
        * exclude (is_in_old, is_in_new),
        'changed'                                                   as change_kind
    from compared
    where is_in_old
        and is_in_new
        and (
            old_value is distinct from new_value
            or (
                old_value is null and new_value is null
                and coalesce(trim(old_value_raw), '') <> coalesce(trim(new_value_raw), '')
            )
        )
),

added_or_removed as (
    select
        version_group_id,
        old_document_id,
        new_document_id,
        fact_kind,
        level,
        fact_key,
        occurrence,
        fiscal_year,
        any_value(fact_name)                                        as fact_name,
        cast(null as varchar)                                       as value_name,
        cast(null as double)                                        as old_value,
        cast(null as double)                                        as new_value,
        cast(null as varchar)                                       as old_value_raw,
        cast(null as varchar)                                       as new_value_raw,
        min(old_source_page)                                        as old_source_page,
        min(new_source_page)                                        as new_source_page,
        case when bool_or(is_in_new) then 'added' else 'removed' end as change_kind
    from compared
    where not (is_in_old and is_in_new)
    group by all
),

revisions as (
    select * from changed
    union all
    select * from added_or_removed
)

select
    md5(concat_ws(
        '|', old_document_id, new_document_id, fact_kind, coalesce(level, ''), fact_key, occurrence,
        coalesce(cast(fiscal_year as varchar), ''), coalesce(value_name, '')
    ))                                                              as document_revision_id,
    version_group_id,
    old_document_id,
    new_document_id,
    fact_kind,
    change_kind,
    level,
    fact_name,
    fact_key,
    fiscal_year,
    value_name,
    old_value,
    new_value,
    old_value_raw,
    new_value_raw,
    old_source_page,
    new_source_page
from revisions
