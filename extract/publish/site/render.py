"""Render the static province scorecard with Jinja2 and write the site folder; no CDN, no network to view it.

`build_site(warehouse, out_dir, landing_url_prefix, pdf_source_dir)` writes, through a staged folder
swapped in whole (`extract.fsutil.staged_folder`):

    out_dir/index.html      the scorecard: per province and fiscal year, achievement by regency and agency,
                            budget absorption by program, data-quality issues, multi-year trends;
                            charts are inline SVG, the data is embedded as JSON (<script id="scorecard-data">,
                            with <, > and & escaped), and static/site.js filters by province, year and sector
    out_dir/glossary.html   docs/GLOSSARY.md (Indonesian and English terms), linked from every page
    out_dir/static/         site.css and site.js, copied from this package
    out_dir/pdf/<document_id>.pdf   the cited landing PDFs, when `pdf_source_dir` is given (self-contained site)

Provenance: every number links to `<landing_url_prefix>/<document_id>.pdf#page=N`, the page its row was
printed on, and carries the cell text as printed (`title` and `data-raw`; the provenance panel shows it).
The data comes from `data.load_scorecard_data` (marts only); templates are in templates/, assets in static/.
"""
from __future__ import annotations

import json
import shutil
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markdown_it import MarkdownIt
from markupsafe import Markup

from extract import reference
from extract.fsutil import staged_folder
from extract.publish.site import charts
from extract.publish.site.data import load_scorecard_data

KINDS = ("indicators", "budget", "issues")
EMBEDDED = ("indicators", "budget", "issues", "documents", "has_standard_scale", "sector_source", "generated_at")
JSON_ESCAPES = {"&": "\\u0026", "<": "\\u003c", ">": "\\u003e"}
PdfUrl = Callable[[str, object], str]


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader(__package__, "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(number=charts.fmt_number, money_decimals=charts.money_decimals)
    return env


def pdf_url(prefix: str) -> PdfUrl:
    """`pdf(document_id, page)` -> '<prefix>/<document_id>.pdf#page=N' (no fragment without a page)."""
    prefix = prefix.rstrip("/")

    def pdf(document_id: str, page=None) -> str:
        url = f"{prefix}/{document_id}.pdf"
        return f"{url}#page={int(page)}" if page else url
    return pdf


def script_json(value) -> Markup:
    """JSON safe inside a <script> element: <, > and & as \\u escapes (so no '</script>' or '<!--')."""
    text = json.dumps(value, default=str, ensure_ascii=False)
    for char, escaped in JSON_ESCAPES.items():
        text = text.replace(char, escaped)
    return Markup(text)


def _group(rows: list[dict]) -> dict[tuple, list[dict]]:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        groups[(r["province_name"] or "unknown", r["fiscal_year"])].append(r)
    return groups


def _achievement_bars(summary: list[dict], pdf: PdfUrl) -> dict | None:
    return charts.bars([(f"{s['region_name'] or s['region_code']} · {s['agency_name'] or ''}",
                         s["mean_achievement_pct"], pdf(s["first_basis_document_id"], s["first_basis_source_page"]))
                        for s in summary], "Mean achievement by regency and agency")


def _budget_bars(budget: list[dict], pdf: PdfUrl) -> dict | None:
    return charts.bars([(f"{r['region_name']} · {r['nomenclature_name'] or r['line_name']}", r["absorption_pct"],
                         pdf(r["document_id"], r["page"])) for r in budget if r["level"] == "program"],
                       "Budget absorption by program")


def _sections(data: dict, pdf: PdfUrl) -> list[dict]:
    """One section per province and fiscal year that has indicators, budget lines or issues."""
    grouped = {kind: _group(data[kind]) for kind in (*KINDS, "summary")}
    keys = sorted(set().union(*(grouped[kind] for kind in KINDS)), key=lambda k: (k[0], k[1] or 0))
    sections = []
    for province, year in keys:
        section = {kind: grouped[kind].get((province, year), []) for kind in KINDS}
        section.update(province=province, year=year, budget_chart=_budget_bars(section["budget"], pdf),
                       achievement_chart=_achievement_bars(grouped["summary"].get((province, year), []), pdf))
        sections.append(section)
    return sections


def _trend_blocks(series: list[dict]) -> list[dict]:
    """The multi-year series grouped per province (trends span years, so not per scorecard section)."""
    blocks: dict[str, list[dict]] = {}
    for s in series:
        chart = charts.trend([(p["fiscal_year"], p["realization_value"]) for p in s["points"]], s["indicator_name"])
        blocks.setdefault(s["province"], []).append(dict(s, chart=chart))
    return [{"province": province, "series": rows} for province, rows in blocks.items()]


def _filters(data: dict, sections: list[dict]) -> dict:
    return {"provinces": sorted({s["province"] for s in sections}),
            "years": sorted({s["year"] for s in sections if s["year"] is not None}),
            "sectors": sorted({r["sector"] for kind in KINDS for r in data[kind] if r["sector"]})}


def render_index(data: dict, pdf: PdfUrl) -> str:
    sections = _sections(data, pdf)
    payload = script_json({**{key: data[key] for key in EMBEDDED}, "sections": len(sections)})
    return environment().get_template("index.html").render(
        title="LKjIP province scorecard", pdf=pdf, sections=sections, trend_blocks=_trend_blocks(data["trends"]),
        filters=_filters(data, sections), documents=data["documents"], payload=payload,
        has_standard_scale=data["has_standard_scale"], sector_source=data["sector_source"],
        generated_at=data["generated_at"])


def render_glossary() -> str:
    text = reference.glossary_markdown()
    body = Markup(MarkdownIt("commonmark", {"html": False}).enable("table").render(text))
    return environment().get_template("glossary.html").render(title="Glossary: LKjIP terms", glossary=body)


def _copy_static(folder: Path) -> None:
    (folder / "static").mkdir()
    for item in resources.files(__package__).joinpath("static").iterdir():
        if item.is_file():
            (folder / "static" / item.name).write_bytes(item.read_bytes())


def _copy_pdfs(folder: Path, data: dict, pdf_source_dir: Path) -> list[str]:
    (folder / "pdf").mkdir()
    cited = {r["document_id"] for kind in (*KINDS, "documents") for r in data[kind]}
    copied = []
    for document_id in sorted(cited):
        source = Path(pdf_source_dir) / f"{document_id}.pdf"
        if source.exists():
            shutil.copyfile(source, folder / "pdf" / source.name)
            copied.append(source.name)
    return copied


def build_site(warehouse: Path, out_dir: Path, landing_url_prefix: str = "pdf",
               pdf_source_dir: Path | None = None) -> dict:
    """Write the scorecard into `out_dir` (built in a temp folder, then swapped in).

    `landing_url_prefix` is where the PDFs are served from, relative to the site (`pdf`) or absolute
    (`https://host/landing`). With `pdf_source_dir` (the landing area, files `<sha256>.pdf`), the cited
    PDFs are copied into `out_dir/pdf/` so the site is self-contained (use prefix `pdf`).
    """
    warehouse, out_dir = Path(warehouse), Path(out_dir).absolute()
    data = load_scorecard_data(warehouse)
    with staged_folder(out_dir) as folder:
        (folder / "index.html").write_text(render_index(data, pdf_url(landing_url_prefix)), encoding="utf-8")
        (folder / "glossary.html").write_text(render_glossary(), encoding="utf-8")
        _copy_static(folder)
        copied = _copy_pdfs(folder, data, pdf_source_dir) if pdf_source_dir is not None else []
    return {"site": str(out_dir), "index": str(out_dir / "index.html"), "pdfs": copied,
            "indicators": len(data["indicators"]), "budget_lines": len(data["budget"]),
            "issues": len(data["issues"])}
