select
    region_code,
    region_name,
    region_type,
    province_code,
    province_name,
    bps_code
from {{ ref('int_regions') }}
order by region_code
