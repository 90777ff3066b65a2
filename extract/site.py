"""A static province scorecard: one HTML page per site, no CDN, no network needed to view it.

`build_site(warehouse, out_dir, landing_url_prefix)` writes:

    out_dir/index.html      the scorecard: per province and fiscal year, achievement by regency and agency,
                            budget absorption by program, data-quality issues, multi-year trends;
                            charts are inline SVG, the data is embedded as JSON (<script id="scorecard-data">),
                            and a few lines of vanilla JS filter by province, year and sector
    out_dir/glossary.html   docs/GLOSSARY.md (Indonesian and English terms), linked from every page
    out_dir/pdf/<document_id>.pdf   the cited landing PDFs, when `pdf_source_dir` is given (self-contained site)

Provenance: every number is a link to `<landing_url_prefix>/<document_id>.pdf#page=N`, the page its
table row was printed on (from raw.cells, else the fact's source_page), and carries the raw cell text
as printed (`title` and `data-raw`; the "provenance" panel shows it on hover or focus).

Columns added by later marts are used when present (checked in information_schema):
`category_standard` (the standard achievement scale), `sector_code` (urusan, for the sector filter;
the agency name stands in otherwise), `nomenclature_name` (national program name).
"""
from __future__ import annotations

import html
import json
import os
import shutil
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from extract.config import repo_root

GLOSSARY_MD = repo_root() / "docs" / "GLOSSARY.md"


# ------------------------------------------------------------------ data


def _columns(con, table: str) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'marts' AND table_name = ?",
        [table]).fetchall()}


def _has_table(con, schema: str, table: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = ? "
                            "AND table_name = ?", [schema, table]).fetchone()[0])


def _opt(cols: set[str], name: str, alias: str | None = None, prefix: str = "f") -> str:
    return f"{prefix}.{name} AS {alias or name}" if name in cols else f"NULL AS {alias or name}"


def _records(con, sql: str, params=None) -> list[dict]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def load_scorecard_data(warehouse: Path) -> dict:
    """Everything the page shows, as JSON-serialisable records."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        ind_cols = _columns(con, "fct_performance_indicator")
        bud_cols = _columns(con, "fct_budget_realization")
        has_cells = _has_table(con, "raw", "cells")
        cell_page = ("(SELECT min(c.page) FROM raw.cells c WHERE c.document_id = f.document_id "
                     "AND c.table_id = f.table_id AND c.row_index = f.row_index)") if has_cells else "NULL"
        sector_i = "f.sector_code" if "sector_code" in ind_cols else "f.agency_name"
        sector_b = "f.sector_code" if "sector_code" in bud_cols else "f.agency_name"
        indicators = _records(con, f"""
            SELECT f.document_id, f.region_code, r.region_name, r.region_type, r.province_code, r.province_name,
                   f.agency_name, f.fiscal_year, f.level, f.goal_name, f.indicator_name, f.unit,
                   f.target_value, f.realization_value, f.achievement_pct_reported, f.achievement_pct_computed,
                   coalesce(f.achievement_pct_reported, f.achievement_pct_computed) AS achievement_pct,
                   f.category_reported, {_opt(ind_cols, 'category_standard')},
                   coalesce({sector_i}, f.agency_name, 'unknown') AS sector,
                   f.target_raw, f.realization_raw, f.achievement_raw, f.table_id, f.row_index,
                   coalesce({cell_page}, f.source_page) AS page
            FROM marts.fct_performance_indicator f
            LEFT JOIN marts.dim_region r USING (region_code)
            ORDER BY r.province_name, f.fiscal_year, r.region_name, f.agency_name, f.level, f.table_id, f.row_index""")
        budget = _records(con, f"""
            SELECT f.document_id, f.region_code, r.region_name, r.province_code, r.province_name, f.agency_name,
                   f.fiscal_year, f.level, f.line_name, {_opt(bud_cols, 'nomenclature_name')},
                   f.budget_idr, f.realization_idr, f.absorption_pct_reported, f.absorption_pct_computed,
                   coalesce(f.absorption_pct_reported, f.absorption_pct_computed) AS absorption_pct,
                   coalesce({sector_b}, f.agency_name, 'unknown') AS sector,
                   f.budget_raw, f.realization_raw, f.absorption_raw, f.table_id, f.row_index,
                   coalesce({cell_page}, f.source_page) AS page
            FROM marts.fct_budget_realization f
            LEFT JOIN marts.dim_region r USING (region_code)
            WHERE f.level IN ('program', 'total')
            ORDER BY r.province_name, f.fiscal_year, r.region_name, f.table_id, f.row_index""")
        issues = _records(con, """
            SELECT q.document_id, d.region_code, r.region_name, r.province_name, d.agency_name,
                   coalesce(d.fiscal_year, q.fiscal_year) AS fiscal_year, q.check_name, q.severity,
                   q.expected_value, q.found_value, q.detail, q.source_page AS page,
                   coalesce(d.agency_name, 'unknown') AS sector
            FROM marts.mart_data_quality_issues q
            JOIN marts.dim_document d USING (document_id)
            LEFT JOIN marts.dim_region r ON r.region_code = d.region_code
            ORDER BY r.province_name, fiscal_year, r.region_name, q.check_name""")
        documents = _records(con, """
            SELECT d.document_id, d.region_code, r.region_name, r.province_name, d.agency_name, d.fiscal_year,
                   d.status, d.status_reason, d.file_name, d.page_count
            FROM marts.dim_document d LEFT JOIN marts.dim_region r USING (region_code)
            ORDER BY r.province_name, d.fiscal_year""") if "file_name" in _columns(con, "dim_document") else \
            _records(con, """
            SELECT d.document_id, d.region_code, r.region_name, r.province_name, d.agency_name, d.fiscal_year,
                   d.status, d.status_reason, NULL AS file_name, d.page_count
            FROM marts.dim_document d LEFT JOIN marts.dim_region r USING (region_code)
            ORDER BY r.province_name, d.fiscal_year""")
    return {"indicators": indicators, "budget": budget, "issues": issues, "documents": documents,
            "has_standard_scale": "category_standard" in ind_cols,
            "sector_source": "sector_code (urusan)" if "sector_code" in ind_cols else "agency_name",
            "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}


# ------------------------------------------------------------------ formatting

e = html.escape


def fmt_number(value, decimals: int | None = None) -> str:
    if value is None:
        return "–"
    if decimals is None:
        decimals = 0 if abs(value) >= 1000 and float(value).is_integer() else 2
    return f"{value:,.{decimals}f}"


class Links:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix.rstrip("/")

    def pdf(self, document_id: str, page) -> str:
        url = f"{self.prefix}/{document_id}.pdf"
        return f"{url}#page={int(page)}" if page else url

    def num(self, value, document_id: str, page, raw, what: str, decimals: int | None = None) -> str:
        text = fmt_number(value, decimals)
        if value is None and not raw:
            return '<span class="num missing">–</span>'
        raw_text = "" if raw is None else str(raw)
        title = f'{what}: printed "{raw_text}" on page {page} of document {document_id[:12]}…'
        return (f'<a class="num" href="{e(self.pdf(document_id, page))}" target="_blank" rel="noopener" '
                f'data-raw="{e(raw_text)}" data-page="{e(str(page))}" data-doc="{e(document_id)}" '
                f'title="{e(title)}">{e(text)}</a>')


def _attrs(province, year, sector) -> str:
    return (f'data-province="{e(str(province or "unknown"))}" data-year="{e(str(year))}" '
            f'data-sector="{e(str(sector or "unknown"))}"')


# ------------------------------------------------------------------ SVG charts


def svg_bars(items: list[tuple[str, float | None, str]], title: str, reference: float | None = 100,
             unit: str = "%") -> str:
    """Horizontal bars: (label, value, link). A reference line at `reference` (100 % = on target)."""
    items = [i for i in items if i[1] is not None]
    if not items:
        return ""
    label_w, bar_w, row_h = 330, 360, 22
    top = max(max(v for _, v, _ in items), reference or 0) * 1.1 or 1
    height = row_h * len(items) + 30
    parts = [f'<svg class="chart" role="img" aria-label="{e(title)}" width="{label_w + bar_w + 70}" '
             f'height="{height}" viewBox="0 0 {label_w + bar_w + 70} {height}" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{e(title)}</title>"]
    for i, (label, value, link) in enumerate(items):
        y = 10 + i * row_h
        w = max(1.0, bar_w * value / top)
        cls = "bar below" if reference is not None and value < reference else "bar"
        short = label if len(label) <= 48 else label[:46] + "…"
        parts.append(f'<a href="{e(link)}" target="_blank"><text x="{label_w - 6}" y="{y + 14}" '
                     f'text-anchor="end" class="label">{e(short)}<title>{e(label)}</title></text>'
                     f'<rect class="{cls}" x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}">'
                     f'<title>{e(label)}: {fmt_number(value)}{unit}</title></rect>'
                     f'<text x="{label_w + w + 4:.1f}" y="{y + 14}" class="value">{fmt_number(value)}{unit}</text></a>')
    if reference is not None:
        x = label_w + bar_w * reference / top
        parts.append(f'<line class="reference" x1="{x:.1f}" x2="{x:.1f}" y1="4" y2="{height - 18}"/>'
                     f'<text x="{x:.1f}" y="{height - 4}" text-anchor="middle" class="value">{reference:g}{unit}</text>')
    parts.append("</svg>")
    return "".join(parts)


def svg_trend(points: list[tuple[int, float]], label: str) -> str:
    """A small line chart of realisasi over fiscal years."""
    if len(points) < 2:
        return ""
    w, h, pad = 220, 70, 18
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(ys), max(ys)
    span_y = (y1 - y0) or 1

    def px(x):
        return pad + (w - 2 * pad) * (x - x0) / ((x1 - x0) or 1)

    def py(y):
        return h - pad - (h - 2 * pad) * (y - y0) / span_y

    path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in points)
    dots = "".join(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3"><title>{x}: {fmt_number(y)}</title></circle>'
                   f'<text x="{px(x):.1f}" y="{h - 3}" text-anchor="middle" class="value">{x}</text>'
                   f'<text x="{px(x):.1f}" y="{py(y) - 6:.1f}" text-anchor="middle" class="value">{fmt_number(y)}</text>'
                   for x, y in points)
    return (f'<svg class="chart trend" role="img" aria-label="{e(label)}" width="{w}" height="{h}" '
            f'viewBox="0 0 {w} {h}" xmlns="http://www.w3.org/2000/svg"><title>{e(label)}</title>'
            f'<polyline points="{path}" fill="none" class="line"/>{dots}</svg>')


# ------------------------------------------------------------------ page


def _indicator_section(rows, links: Links, standard: bool) -> str:
    by_agency: dict[tuple, list] = defaultdict(list)
    for r in rows:
        by_agency[(r["region_name"] or r["region_code"], r["agency_name"])].append(r)
    chart_items = []
    for (region, agency), group in by_agency.items():
        sasaran = [g for g in group if g["level"] == "sasaran" and g["achievement_pct"] is not None] or \
                  [g for g in group if g["achievement_pct"] is not None]
        if sasaran:
            mean = sum(g["achievement_pct"] for g in sasaran) / len(sasaran)
            chart_items.append((f"{region} · {agency or ''}", mean,
                                links.pdf(sasaran[0]["document_id"], sasaran[0]["page"])))
    body = []
    for r in rows:
        grade = r["category_standard"] if standard else r["category_reported"]
        below = r["achievement_pct"] is not None and r["achievement_pct"] < 100
        body.append(
            f'<tr class="row{" below" if below else ""}" {_attrs(r["province_name"], r["fiscal_year"], r["sector"])}>'
            f'<td>{e(r["region_name"] or r["region_code"])}</td><td>{e(r["agency_name"] or "")}</td>'
            f'<td>{e(r["level"])}</td><td class="name">{e(r["indicator_name"] or "")}</td><td>{e(r["unit"] or "")}</td>'
            f'<td>{links.num(r["target_value"], r["document_id"], r["page"], r["target_raw"], "target")}</td>'
            f'<td>{links.num(r["realization_value"], r["document_id"], r["page"], r["realization_raw"], "realisasi")}</td>'
            f'<td>{links.num(r["achievement_pct"], r["document_id"], r["page"], r["achievement_raw"] or "(computed: realisasi / target × 100)", "capaian")}</td>'
            f'<td>{e(grade or "")}</td></tr>')
    grade_head = "grade (standard scale)" if standard else "grade (as printed)"
    return (f'<h3>Achievement (capaian) by regency and agency</h3>'
            f'<p class="note">Bars: mean capaian of the sasaran indicators of each regency and agency '
            f'(printed capaian, else realisasi / target × 100); the line marks 100 % (on target).</p>'
            + svg_bars(chart_items, "Mean achievement by regency and agency") +
            f'<table class="data indicators"><thead><tr><th>region</th><th>agency</th><th>level</th>'
            f'<th>indicator</th><th>unit</th><th>target</th><th>realisasi</th><th>capaian %</th>'
            f'<th>{grade_head}</th></tr></thead><tbody>{"".join(body)}</tbody></table>')


def _budget_section(rows, links: Links) -> str:
    programs = [r for r in rows if r["level"] == "program"]
    if not rows:
        return ""
    chart = svg_bars([(f'{r["region_name"]} · {r["nomenclature_name"] or r["line_name"]}', r["absorption_pct"],
                       links.pdf(r["document_id"], r["page"])) for r in programs],
                     "Budget absorption by program")
    body = []
    for r in rows:
        body.append(
            f'<tr class="row level-{e(r["level"])}" {_attrs(r["province_name"], r["fiscal_year"], r["sector"])}>'
            f'<td>{e(r["region_name"] or r["region_code"])}</td><td>{e(r["level"])}</td>'
            f'<td class="name">{e(r["line_name"] or "")}</td><td>{e(r["nomenclature_name"] or "")}</td>'
            f'<td class="money">{links.num(r["budget_idr"], r["document_id"], r["page"], r["budget_raw"], "anggaran (Rp)", 2 if r["budget_idr"] and not float(r["budget_idr"]).is_integer() else 0)}</td>'
            f'<td class="money">{links.num(r["realization_idr"], r["document_id"], r["page"], r["realization_raw"], "realisasi (Rp)", 2 if r["realization_idr"] and not float(r["realization_idr"]).is_integer() else 0)}</td>'
            f'<td>{links.num(r["absorption_pct"], r["document_id"], r["page"], r["absorption_raw"] or "(computed)", "penyerapan %")}</td></tr>')
    return (f'<h3>Budget absorption by program</h3>' + chart +
            f'<table class="data budget"><thead><tr><th>region</th><th>level</th><th>program (as printed)</th>'
            f'<th>national program</th><th>anggaran (Rp)</th><th>realisasi (Rp)</th><th>absorption %</th>'
            f'</tr></thead><tbody>{"".join(body)}</tbody></table>')


def _issues_section(rows, links: Links) -> str:
    if not rows:
        return '<h3>Data-quality issues</h3><p class="note">None found in these reports.</p>'
    body = "".join(
        f'<tr class="row" {_attrs(r["province_name"], r["fiscal_year"], r["sector"])}>'
        f'<td>{e(r["region_name"] or r["region_code"] or "")}</td><td>{e(r["check_name"])}</td>'
        f'<td>{e(r["severity"] or "")}</td>'
        f'<td>{links.num(r["expected_value"], r["document_id"], r["page"], "expected (computed from the lines)", "expected")}</td>'
        f'<td>{links.num(r["found_value"], r["document_id"], r["page"], r["detail"], "printed")}</td>'
        f'<td class="name">{e(r["detail"] or "")}</td></tr>' for r in rows)
    return ('<h3>Data-quality issues (in the reports themselves, not corrected)</h3>'
            '<table class="data issues"><thead><tr><th>region</th><th>check</th><th>severity</th>'
            f'<th>expected</th><th>found</th><th>detail</th></tr></thead><tbody>{body}</tbody></table>')


def _trend_section(rows, links: Links) -> str:
    series: dict[tuple, dict] = defaultdict(dict)
    for r in rows:
        key = (r["region_name"] or r["region_code"], r["level"], " ".join((r["indicator_name"] or "").lower().split()))
        if r["realization_value"] is not None:
            series[key].setdefault(r["fiscal_year"], r)
    multi = {k: v for k, v in series.items() if len(v) >= 2}
    if not multi:
        return ""
    body = []
    for (region, level, _), years in sorted(multi.items()):
        ordered = [years[y] for y in sorted(years)]
        first = ordered[-1]
        cells = " → ".join(
            f'{y["fiscal_year"]}: {links.num(y["realization_value"], y["document_id"], y["page"], y["realization_raw"], "realisasi")}'
            for y in ordered)
        body.append(f'<tr class="row" {_attrs(first["province_name"], "", first["sector"])} '
                    f'data-years="{e(" ".join(str(y["fiscal_year"]) for y in ordered))}">'
                    f'<td>{e(region)}</td><td>{e(level)}</td><td class="name">{e(first["indicator_name"])}</td>'
                    f'<td>{cells}</td><td>{svg_trend([(y["fiscal_year"], y["realization_value"]) for y in ordered], first["indicator_name"])}</td></tr>')
    return ('<h3>Trends (indicators printed for several years)</h3>'
            '<table class="data trends"><thead><tr><th>region</th><th>level</th><th>indicator</th>'
            f'<th>realisasi by year</th><th>trend</th></tr></thead><tbody>{"".join(body)}</tbody></table>')


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#fafafa}
header{background:#12355b;color:#fff;padding:12px 20px}header a{color:#cfe3ff}
main{padding:10px 20px 40px}nav.filters{display:flex;gap:16px;align-items:center;padding:10px 0;flex-wrap:wrap}
section.scorecard{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 16px;margin:14px 0}
table.data{border-collapse:collapse;font-size:13px;margin:6px 0 14px;width:100%}
table.data th,table.data td{border-bottom:1px solid #e5e5e5;padding:3px 6px;text-align:left;vertical-align:top}
td.name{max-width:420px}tr.below td{background:#fff4f2}tr.level-total td{font-weight:600}
a.num{color:#0b5cad;text-decoration:none;border-bottom:1px dotted #0b5cad;font-variant-numeric:tabular-nums}
.chart .bar{fill:#3b82c4}.chart .bar.below{fill:#d9534f}.chart .label,.chart .value{font-size:11px;fill:#333}
.chart .reference{stroke:#333;stroke-dasharray:3 3}.chart .line{stroke:#3b82c4;stroke-width:2}.chart circle{fill:#12355b}
.note{color:#555;font-size:13px}#provenance{position:fixed;right:12px;bottom:12px;max-width:420px;background:#fffbe6;
border:1px solid #e0c96a;padding:8px 10px;font-size:12px;border-radius:4px;white-space:pre-wrap}
#provenance:empty{display:none}.hidden{display:none!important}
"""

JS = r"""
(function () {
  var data = JSON.parse(document.getElementById('scorecard-data').textContent);
  var sel = {province: document.getElementById('f-province'), year: document.getElementById('f-year'),
             sector: document.getElementById('f-sector')};
  function apply() {
    var p = sel.province.value, y = sel.year.value, s = sel.sector.value;
    document.querySelectorAll('section.scorecard').forEach(function (sec) {
      var ok = (!p || sec.dataset.province === p) && (!y || sec.dataset.year === y);
      sec.classList.toggle('hidden', !ok);
    });
    document.querySelectorAll('tr.row').forEach(function (tr) {
      var ok = (!s || tr.dataset.sector === s) && (!p || tr.dataset.province === p) &&
               (!y || !tr.dataset.years || tr.dataset.years.split(' ').indexOf(y) >= 0);
      tr.classList.toggle('hidden', !ok);
    });
    var shown = document.querySelectorAll('section.scorecard:not(.hidden)').length;
    document.getElementById('f-count').textContent = shown + ' of ' + data.sections + ' province-year scorecards shown';
  }
  Object.keys(sel).forEach(function (k) { sel[k].addEventListener('change', apply); });
  var panel = document.getElementById('provenance');
  function show(ev) {
    var a = ev.target.closest('a.num'); if (!a) return;
    panel.textContent = 'Printed in the report: "' + a.dataset.raw + '"\nDocument ' + a.dataset.doc +
                        ', page ' + a.dataset.page + '\n' + a.getAttribute('href');
  }
  document.addEventListener('mouseover', show); document.addEventListener('focusin', show);
  apply();
})();
"""


def _page(title: str, body: str) -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{e(title)}</title><style>{CSS}</style></head><body>{body}</body></html>')


def render_index(data: dict, links: Links) -> str:
    groups: dict[tuple, dict] = defaultdict(lambda: {"indicators": [], "budget": [], "issues": []})
    for kind in ("indicators", "budget", "issues"):
        for r in data[kind]:
            groups[(r["province_name"] or "unknown", r["fiscal_year"])][kind].append(r)
    provinces = sorted({k[0] for k in groups})
    years = sorted({k[1] for k in groups if k[1] is not None})
    sectors = sorted({r["sector"] for kind in ("indicators", "budget", "issues") for r in data[kind] if r["sector"]})
    sections = []
    for (province, year), g in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        sections.append(
            f'<section class="scorecard" data-province="{e(province)}" data-year="{e(str(year))}">'
            f'<h2>Provinsi {e(province)} · {e(str(year))}</h2>'
            + (_indicator_section(g["indicators"], links, data["has_standard_scale"]) if g["indicators"] else "")
            + _budget_section(g["budget"], links) + _issues_section(g["issues"], links) + '</section>')
    # trends span years, so they are grouped per province only
    trend_blocks = []
    by_province = defaultdict(list)
    for r in data["indicators"]:
        by_province[r["province_name"] or "unknown"].append(r)
    for province, rows in sorted(by_province.items()):
        block = _trend_section(rows, links)
        if block:
            trend_blocks.append(f'<section class="trends-block" data-province="{e(province)}">'
                                f'<h2>Provinsi {e(province)}: trends</h2>{block}</section>')
    docs = "".join(
        f'<li><a href="{e(links.pdf(d["document_id"], None))}">{e(d["file_name"] or d["document_id"][:12])}</a> '
        f'{e(d["region_name"] or "")} {e(str(d["fiscal_year"] or ""))} ({e(d["status"] or "")})</li>'
        for d in data["documents"])
    embedded = dict(data, sections=len(sections))

    def options(values):
        return "".join(f'<option value="{e(str(v))}">{e(str(v))}</option>' for v in values)

    payload = json.dumps(embedded, default=str, ensure_ascii=False).replace("</", "<\\/")
    body = (
        '<header><h1>LKjIP province scorecard</h1>'
        '<p>Performance (capaian) and budget absorption from the regencies\' and cities\' LKjIP reports. '
        'Every number links to the report page it was printed on; hover a number to see the cell as printed. '
        '<a href="glossary.html">Glossary (Indonesian – English)</a></p></header><main>'
        '<nav class="filters">'
        f'<label>Province <select id="f-province"><option value="">all</option>{options(provinces)}</select></label>'
        f'<label>Year <select id="f-year"><option value="">all</option>{options(years)}</select></label>'
        f'<label>Sector <select id="f-sector"><option value="">all</option>{options(sectors)}</select></label>'
        '<span id="f-count" class="note"></span></nav>'
        + "".join(sections) + "".join(trend_blocks) +
        f'<h2>Source documents</h2><ul class="documents">{docs}</ul>'
        f'<p class="note">Generated {e(data["generated_at"])}. Sector: '
        f'{e(data["sector_source"])}.</p>'
        '<div id="provenance" aria-live="polite"></div></main>'
        f'<script type="application/json" id="scorecard-data">{payload}</script><script>{JS}</script>')
    return _page("LKjIP province scorecard", body)


def render_glossary(markdown_path: Path = GLOSSARY_MD) -> str:
    from markdown_it import MarkdownIt

    text = markdown_path.read_text(encoding="utf-8") if markdown_path.exists() else "# Glossary\n"
    rendered = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    return _page("Glossary: LKjIP terms", '<header><h1>Glossary</h1><p><a href="index.html">← scorecard</a></p>'
                 f'</header><main class="glossary">{rendered}</main>')


def build_site(warehouse: Path, out_dir: Path, landing_url_prefix: str = "pdf",
               pdf_source_dir: Path | None = None) -> dict:
    """Write the scorecard into `out_dir` (built in a temp folder, then swapped in).

    `landing_url_prefix` is where the PDFs are served from, relative to the site (`pdf`) or absolute
    (`https://host/landing`). With `pdf_source_dir` (the landing area, files `<sha256>.pdf`), the cited
    PDFs are copied into `out_dir/pdf/` so the site is self-contained (use prefix `pdf`).
    """
    warehouse, out_dir = Path(warehouse), Path(out_dir).absolute()
    data = load_scorecard_data(warehouse)
    links = Links(landing_url_prefix)
    incoming = out_dir.with_name(f".{out_dir.name}.incoming-{os.getpid()}")
    shutil.rmtree(incoming, ignore_errors=True)
    incoming.mkdir(parents=True)
    (incoming / "index.html").write_text(render_index(data, links), encoding="utf-8")
    (incoming / "glossary.html").write_text(render_glossary(), encoding="utf-8")
    copied = []
    if pdf_source_dir is not None:
        (incoming / "pdf").mkdir()
        cited = {r["document_id"] for kind in ("indicators", "budget", "issues", "documents") for r in data[kind]}
        for document_id in sorted(cited):
            source = Path(pdf_source_dir) / f"{document_id}.pdf"
            if source.exists():
                shutil.copyfile(source, incoming / "pdf" / source.name)
                copied.append(source.name)
    outgoing = out_dir.with_name(f".{out_dir.name}.outgoing-{os.getpid()}")
    shutil.rmtree(outgoing, ignore_errors=True)
    if out_dir.exists():
        os.replace(out_dir, outgoing)
    os.replace(incoming, out_dir)
    shutil.rmtree(outgoing, ignore_errors=True)
    return {"site": str(out_dir), "index": str(out_dir / "index.html"), "pdfs": copied,
            "indicators": len(data["indicators"]), "budget_lines": len(data["budget"]),
            "issues": len(data["issues"])}
