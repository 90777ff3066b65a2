"""What each page of the scorecard site lays out, arranged from `data.load_scorecard_data` records.

Arrangement only (grouping rows into sections, blocks and columns, chart layout, filter options): every
figure printed comes as read from the marts. `PdfUrl` is `pdf(document_id, page)` -> the PDF page's URL.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from extract.publish.site import charts
from extract.publish.site.i18n import TEXT

KINDS = ("indicators", "budget", "issues")
PdfUrl = Callable[[str, object], str]


def _group(rows: list[dict]) -> dict[tuple, list[dict]]:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        groups[(r["province_name"] or "unknown", r["fiscal_year"])].append(r)
    return groups


def _achievement_bars(summary: list[dict], pdf: PdfUrl, lang: str) -> dict | None:
    return charts.bars([(f"{s['region_name'] or s['region_code']} · {s['agency_name'] or ''}",
                         s["mean_achievement_pct"], pdf(s["first_basis_document_id"], s["first_basis_source_page"]))
                        for s in summary], TEXT[lang]["achievement_chart"], lang)


def _budget_bars(budget: list[dict], pdf: PdfUrl, lang: str) -> dict | None:
    return charts.bars([(f"{r['region_name']} · {r['nomenclature_name'] or r['line_name']}", r["absorption_pct"],
                         pdf(r["document_id"], r["page"])) for r in budget if r["level"] == "program"],
                       TEXT[lang]["budget_chart"], lang)


def sections(data: dict, pdf: PdfUrl, lang: str) -> list[dict]:
    """One section per province and fiscal year that has indicators, budget lines or issues."""
    grouped = {kind: _group(data[kind]) for kind in (*KINDS, "summary")}
    keys = sorted(set().union(*(grouped[kind] for kind in KINDS)), key=lambda k: (k[0], k[1] or 0))
    found = []
    for province, year in keys:
        section = {kind: grouped[kind].get((province, year), []) for kind in KINDS}
        section.update(province=province, year=year, budget_chart=_budget_bars(section["budget"], pdf, lang),
                       achievement_chart=_achievement_bars(grouped["summary"].get((province, year), []), pdf, lang))
        found.append(section)
    return found


def trend_blocks(series: list[dict], lang: str) -> list[dict]:
    """The multi-year series grouped per province (trends span years, so not per scorecard section)."""
    blocks: dict[str, list[dict]] = {}
    for s in series:
        chart = charts.trend([(p["fiscal_year"], p["realization_value"]) for p in s["points"]],
                             s["indicator_name"], lang)
        blocks.setdefault(s["province"], []).append(dict(s, chart=chart))
    return [{"province": province, "series": rows} for province, rows in blocks.items()]


def filters(data: dict, found_sections: list[dict]) -> dict:
    """Filter options; a sector reads as its urusan name (code in brackets), an agency fallback as itself."""
    names = {s["sector_code"]: s["sector_name"] for s in data["sectors"]}
    sectors = sorted({r["sector"] for kind in KINDS for r in data[kind] if r["sector"]})
    return {"provinces": sorted({s["province"] for s in found_sections}),
            "years": sorted({s["year"] for s in found_sections if s["year"] is not None}),
            "sectors": [(v, f"{names[v]} ({v})" if v in names else v) for v in sectors]}


def comparison_blocks(rows: list[dict]) -> list[dict]:
    """mart_indicator_comparison as one block per indicator and province: a row per region (and agency),
    a column per fiscal year, each cell the mart's row for that year."""
    blocks: dict[tuple, dict] = {}
    for r in rows:
        key = (r["indicator_code"], r["province_code"])
        block = blocks.setdefault(key, {"indicator_code": r["indicator_code"], "indicator_name": r["indicator_name"],
                                        "unit": r["unit"], "polarity": r["polarity"], "province": r["province_name"],
                                        "province_code": r["province_code"], "years": set(), "rows": {}})
        block["years"].add(r["fiscal_year"])
        line = block["rows"].setdefault((r["region_code"], r["agency_name"]), {
            "region_name": r["region_name"] or r["region_code"], "agency_name": r["agency_name"], "cells": {}})
        line["cells"][r["fiscal_year"]] = r
    return [dict(b, years=sorted(b["years"]), rows=list(b["rows"].values())) for b in blocks.values()]


def comparison_options(blocks: list[dict]) -> dict:
    indicators = {b["indicator_code"]: b["indicator_name"] for b in blocks}
    return {"indicators": sorted(indicators.items(), key=lambda item: (item[1] or "", item[0])),
            "provinces": sorted({b["province"] for b in blocks if b["province"]})}
