"""One row per region and agency name as printed in a document: the agency it is (agency_id), its standard type,
name and urusan (extract/warehouse/agency_match.py against the seeds std_agency_types, std_agency_renamings)."""
import hashlib

import pyarrow as pa

COLUMNS = {"region_code": pa.string(), "agency_name_printed": pa.string(), "agency_id": pa.string(),
           "agency_key": pa.string(), "agency_type": pa.string(), "agency_standard_name": pa.string(),
           "bidang_urusan_code": pa.string(), "agency_match_method": pa.string()}


def agency_id(region_code, agency_key):
    return hashlib.md5(f"{region_code or ''}|{agency_key}".encode()).hexdigest()


def model(dbt, session):
    dbt.config(materialized="table")
    from extract.warehouse.agency_match import resolve

    # the seeds are read by the module from dbt_project/seeds; ref them so the build orders them first
    dbt.ref("std_agency_types")
    dbt.ref("std_agency_renamings")
    printed = dbt.ref("stg_raw__documents").project("region_code, agency_name").distinct().fetchall()
    rows = []
    for region_code, agency_name in sorted(printed, key=lambda r: (r[0] or "", r[1] or "")):
        r = resolve(agency_name)
        rows.append({"region_code": region_code, "agency_name_printed": agency_name,
                     "agency_id": agency_id(region_code, r.agency_key), "agency_key": r.agency_key,
                     "agency_type": r.agency_type, "agency_standard_name": r.agency_name or None,
                     "bidang_urusan_code": r.bidang_urusan_code, "agency_match_method": r.match_method})
    return pa.Table.from_pylist(rows, schema=pa.schema(list(COLUMNS.items())))
