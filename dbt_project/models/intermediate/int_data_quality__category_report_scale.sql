-- Each indicator row with a printed kategori and capaian, against the scale printed in its own report
-- (stg_raw__category_scales). Labels compare lower-cased with punctuation and repeated spaces removed.
-- A row contradicts the scale when at least one band of its document contains the printed capaian
-- (bounds inclusive, null = open) and no band containing it carries the printed label. Bands that overlap
-- at a shared bound ("75-100%" and "Lebih dari 100%" read as >= 100) therefore accept either label there.
with indicators as (
    select * from {{ ref('int_indicators_enriched') }}
    where achievement_pct_reported is not null
        and category_reported is not null
        and trim(category_reported) <> ''
),

scales as (
    select
        *,
        trim(regexp_replace(lower(coalesce(category_label, '')), '[^a-z0-9]+', ' ', 'g')) as category_key
    from {{ ref('stg_raw__category_scales') }}
),

matching_bands as (
    select
        i.performance_indicator_id,
        s.category_label,
        s.category_key,
        s.raw_text,
        s.table_id  as scale_table_id,
        s.source_page as scale_source_page
    from indicators as i
    inner join scales as s
        on s.document_id = i.document_id
            and i.achievement_pct_reported >= coalesce(s.lower_pct, -1e300)
            and i.achievement_pct_reported <= coalesce(s.upper_pct, 1e300)
),

judged as (
    select
        i.performance_indicator_id,
        i.document_id,
        i.table_id,
        i.row_index,
        i.source_page,
        i.region_code,
        i.fiscal_year,
        i.indicator_name,
        i.achievement_raw,
        i.achievement_pct_reported,
        i.category_reported,
        trim(regexp_replace(lower(i.category_reported), '[^a-z0-9]+', ' ', 'g'))  as category_reported_key,
        string_agg(distinct m.category_label, ' / ' order by m.category_label)  as scale_category_labels,
        string_agg(distinct m.raw_text, ' / ' order by m.raw_text)              as scale_raw_texts,
        min(m.scale_table_id)                                                   as scale_table_id,
        min(m.scale_source_page)                                                as scale_source_page,
        bool_or(m.category_key = trim(regexp_replace(lower(i.category_reported), '[^a-z0-9]+', ' ', 'g')))
            as label_agrees
    from indicators as i
    inner join matching_bands as m
        on m.performance_indicator_id = i.performance_indicator_id
    group by all
)

select * exclude (label_agrees), not label_agrees as contradicts_report_scale
from judged
