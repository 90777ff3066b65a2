-- dim_region holds all 38 provinces and all 514 kabupaten/kota (416 Kabupaten + 98 Kota).
with counts as (
    select region_type, count(*) as n_regions
    from {{ ref('dim_region') }}
    group by region_type
),
expected as (
    select * from (values ('Provinsi', 38), ('Kabupaten', 416), ('Kota', 98)) as t(region_type, n_expected)
)
select e.region_type, e.n_expected, coalesce(c.n_regions, 0) as n_found
from expected e
left join counts c using (region_type)
where coalesce(c.n_regions, 0) <> e.n_expected
