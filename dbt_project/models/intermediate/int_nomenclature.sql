-- The national nomenclature (Permendagri 90/2019, seed ref_nomenclature) with matching keys and its sector.
-- sector_code is the bidang urusan ('2.07' tenaga kerja); 'X.XX' for the Penunjang program shared by every agency.
with nomenclature as (
    select * from {{ ref('ref_nomenclature') }}
),

bidang as (
    select code as sector_code, name as sector_name
    from nomenclature
    where level = 'bidang'
)

select
    n.level,
    n.code                                                 as nomenclature_code,
    n.name                                                 as nomenclature_name,
    n.parent_code,
    {{ nomenclature_key('n.name') }}                       as name_key,
    {{ nomenclature_key('n.alt_name_demonev') }}           as alt_name_key,
    case
        when n.level in ('program', 'kegiatan', 'sub_kegiatan')
            then regexp_extract(n.code, '^([0-9X]+\.[0-9X]+)', 1)
    end                                                    as sector_code,
    coalesce(
        b.sector_name,
        case when n.code like 'X.XX%' then 'PENUNJANG URUSAN PEMERINTAHAN DAERAH' end
    )                                                      as sector_name,
    case
        when n.level in ('program', 'kegiatan', 'sub_kegiatan')
            then regexp_extract(n.code, '^([0-9X]+\.[0-9X]+\.[0-9]+)', 1)
    end                                                    as program_code
from nomenclature as n
left join bidang as b
    on regexp_extract(n.code, '^([0-9X]+\.[0-9X]+)', 1) = b.sector_code
