"""One row per indicator name as printed, printed unit and agency urusan (int_indicator_names): the standard
catalog indicator it stands for (extract/warehouse/indicator_match.py), with score, method and the 3 best
candidates; an analyst's pin in the seed indicator_match_overrides wins (method 'override'). Computed once per
build (a table)."""
import pyarrow as pa

KEY = {"indicator_name": pa.string(), "unit": pa.string(), "bidang_urusan_code": pa.string()}
RESULT = {"indicator_code": pa.string(), "match_score": pa.float64(), "match_method": pa.string(),
          "series_key": pa.string(), "needs_review": pa.bool_()}
CANDIDATES = {f"candidate_{i}_{part}": kind for i in (1, 2, 3)
              for part, kind in (("code", pa.string()), ("score", pa.float64()))}


def _rows(relation):
    cols = relation.columns
    return [dict(zip(cols, r)) for r in relation.fetchall()]


def _matched(name, unit, urusan, catalog, pins, matcher):
    m = matcher.match(name, unit, set((urusan or "").split("|")) - {""}, catalog)
    key = matcher.series_key(name, catalog)
    row = {"indicator_code": m.indicator_code, "match_score": m.score, "match_method": m.method,
           "series_key": key, "needs_review": m.indicator_code is None or m.score < matcher.REVIEW_BELOW}
    pinned = pins.get(key)
    if pinned is not None:
        row.update(indicator_code=None if pinned == "none" else pinned, match_score=1.0, match_method="override",
                   needs_review=False)
    for i in (1, 2, 3):
        c = m.candidates[i - 1] if len(m.candidates) >= i else None
        row[f"candidate_{i}_code"], row[f"candidate_{i}_score"] = (c.code, c.score) if c else (None, None)
    return row


def model(dbt, session):
    dbt.config(materialized="table")
    from extract.warehouse import indicator_match as matcher

    catalog = matcher.Catalog(_rows(dbt.ref("std_indicator_catalog")))
    pins = {matcher.series_key(r["indicator_name"], catalog): r["indicator_code"].strip()
            for r in _rows(dbt.ref("indicator_match_overrides"))}
    rows = []
    for r in _rows(dbt.ref("int_indicator_names")):
        rows.append({**r, **_matched(r["indicator_name"], r["unit"], r["bidang_urusan_code"], catalog, pins,
                                     matcher)})
    schema = pa.schema(list({**KEY, **RESULT, **CANDIDATES}.items()))
    return pa.Table.from_pylist(rows, schema=schema)
