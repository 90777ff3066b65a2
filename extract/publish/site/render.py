"""Render the static scorecard site with Jinja2 and write its folder; no CDN, no network to view it.

`build_site(warehouse, out_dir, landing_url_prefix, pdf_source_dir)` writes, through a staged folder
swapped in whole (`extract.fsutil.staged_folder`), each page in Indonesian (`page.html`) and English
(`page.en.html`, the language switch keeps the filters):

    index.html        the scorecard: per province and fiscal year, capaian by regency and agency, budget
                      absorption by program, data-quality issues, multi-year trends, the source documents
                      (local copy and portal URL); the data is embedded as JSON (<script id="scorecard-data">,
                      with <, > and & escaped); static/site.js filters by province, year, sector and search
                      text, keeps the filters in the URL (#province=..&year=..) and downloads any table as CSV
    indicators.html   the standard-indicator view (marts.mart_indicator_comparison), when that mart exists
    validation.html   the Great Expectations results (marts.validation_results), when that mart exists
    glossary.html     docs/GLOSSARY.md (Indonesian and English terms)
    static/           site.css and site.js, copied from this package
    pdf/<document_id>.pdf   the cited landing PDFs, when `pdf_source_dir` is given (self-contained site)
    changes.html      written by the publish step after this; kept across a rebuild, linked when present

Provenance: every number links to `<landing_url_prefix>/<document_id>.pdf#page=N`, the page its row was
printed on, and carries the cell text as printed (`title` and `data-raw`; the provenance panel shows it).
"""
from __future__ import annotations

import json
import shutil
from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markdown_it import MarkdownIt
from markupsafe import Markup

from extract import reference
from extract.fsutil import staged_folder
from extract.publish.changes import PAGE as CHANGES_PAGE
from extract.publish.changes import PAGE_JSON as CHANGES_JSON
from extract.publish.site import charts, views
from extract.publish.site.data import load_scorecard_data
from extract.publish.site.i18n import LANGS, TEXT, fmt_date, page_name
from extract.publish.site.views import KINDS, PdfUrl

EMBEDDED = ("indicators", "budget", "issues", "documents", "has_standard_scale", "sector_source", "generated_at")
JSON_ESCAPES = {"&": "\\u0026", "<": "\\u003c", ">": "\\u003e"}
# Pages in nav order, and the data key that must not be None for the page to exist.
PAGES = (("index", "nav_scorecard", None), ("indicators", "nav_indicators", "comparison"),
         ("validation", "nav_validation", "validation"), ("glossary", "nav_glossary", None))


@pass_context
def _number(context, value, decimals=None) -> str:
    return charts.fmt_number(value, decimals, context["lang"])


@pass_context
def _date(context, value, with_time: bool = False) -> str:
    return fmt_date(value, context["lang"], with_time)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader(__package__, "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(number=_number, date=_date, money_decimals=charts.money_decimals)
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


def _pages(data: dict) -> list[tuple[str, str]]:
    """(page, nav label key) of the pages this warehouse has data for."""
    return [(page, label) for page, label, needs in PAGES if needs is None or data[needs] is not None]


def _render(page: str, lang: str, site: dict, **context) -> str:
    """One page in one language, with the nav (pages, language switch, changes link) every page carries."""
    nav = [{"href": page_name(p, lang), "label": TEXT[lang][label], "current": p == page} for p, label in site["pages"]]
    other = next(code for code in LANGS if code != lang)
    return environment().get_template(f"{page}.html").render(
        lang=lang, t=TEXT[lang], nav=nav, switch_href=page_name(page, other), changes=site["changes"],
        pdf=site["pdf"], **context)


def render_index(data: dict, lang: str, site: dict) -> str:
    found = views.sections(data, site["pdf"], lang)
    payload = script_json({**{key: data[key] for key in EMBEDDED}, "sections": len(found)})
    return _render("index", lang, site, title=TEXT[lang]["title"], sections=found,
                   trend_blocks=views.trend_blocks(data["trends"], lang), filters=views.filters(data, found),
                   documents=data["documents"], payload=payload, has_standard_scale=data["has_standard_scale"],
                   generated_at=data["generated_at"])


def render_indicators(data: dict, lang: str, site: dict) -> str:
    blocks = views.comparison_blocks(data["comparison"])
    return _render("indicators", lang, site, title=TEXT[lang]["iv_title"], blocks=blocks,
                   options=views.comparison_options(blocks))


def render_validation(data: dict, lang: str, site: dict) -> str:
    return _render("validation", lang, site, title=TEXT[lang]["validation_title"], results=data["validation"],
                   summary=data["validation_summary"][0])


def render_glossary(data: dict, lang: str, site: dict) -> str:
    text = reference.glossary_markdown()
    body = Markup(MarkdownIt("commonmark", {"html": False}).enable("table").render(text))
    return _render("glossary", lang, site, title=TEXT[lang]["glossary_title"], glossary=body)


RENDERERS = {"index": render_index, "indicators": render_indicators, "validation": render_validation,
             "glossary": render_glossary}


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
    site = {"pages": _pages(data), "pdf": pdf_url(landing_url_prefix), "changes": (out_dir / CHANGES_PAGE).exists()}
    written = []
    with staged_folder(out_dir) as folder:
        for name in (CHANGES_PAGE, CHANGES_JSON):    # the publish step's page outlives a rebuild of the rest
            if (out_dir / name).exists():
                shutil.copyfile(out_dir / name, folder / name)
        for page, _ in site["pages"]:
            for lang in LANGS:
                (folder / page_name(page, lang)).write_text(RENDERERS[page](data, lang, site), encoding="utf-8")
                written.append(page_name(page, lang))
        _copy_static(folder)
        copied = _copy_pdfs(folder, data, pdf_source_dir) if pdf_source_dir is not None else []
    return {"site": str(out_dir), "index": str(out_dir / "index.html"), "pages": written, "pdfs": copied,
            "indicators": len(data["indicators"]), "budget_lines": len(data["budget"]),
            "issues": len(data["issues"])}
