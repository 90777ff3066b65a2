-- Polarity of every indicator name: 'lower_is_better' (unemployment, poverty, inflation, disputes, cases,
-- mortality, stunting, ...: seed indicator_polarity_rules) or 'higher_is_better' (the default).
-- Seed indicator_polarity_overrides wins: an exact indicator_key, else a regex pattern on the key.
-- polarity_source tells which rule decided: 'override_key', 'override_pattern', 'name_keyword' or 'default'.
with names as (
    select distinct {{ normalize_name('indicator_name') }} as indicator_key
    from {{ ref('stg_raw__indicators') }}
    where indicator_name is not null
),

overrides_by_key as (
    select lower(trim(indicator_key)) as indicator_key, polarity
    from {{ ref('indicator_polarity_overrides') }}
    where coalesce(trim(indicator_key), '') <> ''
),

overrides_by_pattern as (
    select pattern, polarity
    from {{ ref('indicator_polarity_overrides') }}
    where coalesce(trim(indicator_key), '') = '' and coalesce(pattern, '') <> ''
),

rules as (
    select pattern, polarity from {{ ref('indicator_polarity_rules') }}
),

decided as (
    select
        n.indicator_key,
        k.polarity                                                           as key_polarity,
        (
            select min(p.polarity) from overrides_by_pattern as p
            where regexp_matches(n.indicator_key, p.pattern)
        )                                                                    as pattern_polarity,
        (
            select min(r.polarity) from rules as r
            where regexp_matches(n.indicator_key, r.pattern)
        )                                                                    as keyword_polarity
    from names as n
    left join overrides_by_key as k on k.indicator_key = n.indicator_key
)

select
    indicator_key,
    coalesce(key_polarity, pattern_polarity, keyword_polarity, 'higher_is_better') as polarity,
    case
        when key_polarity is not null then 'override_key'
        when pattern_polarity is not null then 'override_pattern'
        when keyword_polarity is not null then 'name_keyword'
        else 'default'
    end                                                                            as polarity_source
from decided
