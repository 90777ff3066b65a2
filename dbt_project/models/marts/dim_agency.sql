-- One row per agency of a region: the perangkat daerah that wrote the documents, resolved from the names printed on
-- their covers (int_agency_matches; seeds std_agency_types and std_agency_renamings), and the region's whole
-- government (agency_type 'pemda') for reports without an agency. A renamed agency keeps its id (BP3AKB -> DP3AKB).
with matches as (
    select m.*, r.region_name
    from {{ ref('int_agency_matches') }} as m
    inner join {{ ref('int_regions') }} as r
        on m.region_code = r.region_code
),

years as (
    select
        a.agency_id,
        min(d.fiscal_year) as valid_from_year,
        max(d.fiscal_year) as valid_to_year
    from {{ ref('int_documents_status') }} as d
    inner join {{ ref('int_document_agencies') }} as a
        on d.document_id = a.document_id
    where d.status <> 'quarantined'
    group by a.agency_id
)

select
    m.agency_id,
    any_value(m.region_code)                                                    as region_code,
    coalesce(
        any_value(m.agency_standard_name),
        case when any_value(m.agency_type) = 'pemda' then 'Pemerintah ' || any_value(m.region_name) end,
        min(m.agency_name_printed)
    )                                                                           as agency_name,
    any_value(m.agency_type)                                                    as agency_type,
    any_value(m.bidang_urusan_code)                                             as bidang_urusan_code,
    string_agg(distinct m.agency_name_printed, ' | ' order by m.agency_name_printed) as aliases,
    any_value(y.valid_from_year)                                                as valid_from_year,
    any_value(y.valid_to_year)                                                  as valid_to_year
from matches as m
left join years as y
    on m.agency_id = y.agency_id
group by m.agency_id
