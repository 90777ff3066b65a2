-- Provinces and kabupaten/kota in one list keyed by the Kemendagri code.
with regencies as (
    select
        regency_code   as region_code,
        regency_name   as region_name,
        regency_type   as region_type,
        province_code,
        province_name,
        bps_code
    from {{ ref('ref_regency') }}
),

provinces as (
    select
        province_code               as region_code,
        'Provinsi ' || province_name as region_name,
        'Provinsi'                  as region_type,
        province_code,
        province_name,
        bps_code
    from {{ ref('ref_province') }}
)

select * from provinces
union all
select * from regencies
