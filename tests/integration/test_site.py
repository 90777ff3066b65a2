"""The static province scorecard (extract.publish.site): seed values, provenance links, no network, glossary."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from extract.publish.site import build_site
from extract.publish.site.render import script_json
from tests.integration.test_export import seed_warehouse

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, dict]:
    warehouse, data_dir = seed_warehouse()
    out = tmp_path_factory.mktemp("site") / "site"
    summary = build_site(warehouse, out, "pdf", pdf_source_dir=data_dir / "landing")
    return out, summary


def links(html: str, text: str) -> list[dict]:
    found = []
    pattern = r'<a class="num" href="([^"]+)"[^>]*data-raw="([^"]*)"[^>]*>' + re.escape(text) + "</a>"
    for m in re.finditer(pattern, html):
        found.append({"href": m.group(1), "raw": m.group(2)})
    return found


def jepara_doc(html: str) -> str:
    data = json.loads(re.search(r'<script type="application/json" id="scorecard-data">(.*?)</script>', html, re.S)
                      .group(1).replace("<\\/", "</"))
    return next(d["document_id"] for d in data["documents"] if d["region_code"] == "33.20"), data


def test_seed_indicator_values_link_to_their_page(site):
    out, _ = site
    html = (out / "index.html").read_text()
    doc, data = jepara_doc(html)
    page23 = f"pdf/{doc}.pdf#page=23"          # Jepara Tabel 3.3 is printed on page 23
    assert {"href": page23, "raw": "2,90"} in links(html, "2.90")
    assert {"href": page23, "raw": "2,73"} in links(html, "2.73")
    assert {"href": page23, "raw": "94,14"} in links(html, "94.14")
    assert "Persentase tenaga kerja siap kerja" in html
    assert any(r["indicator_name"] == "Persentase tenaga kerja siap kerja" and r["target_value"] == 2.9
               for r in data["indicators"])                               # data embedded as JSON


def test_seed_budget_values_link_to_their_page(site):
    out, _ = site
    html = (out / "index.html").read_text()
    doc, _ = jepara_doc(html)
    assert {"href": f"pdf/{doc}.pdf#page=34", "raw": "1.871.557.000"} in links(html, "1,871,557,000")
    assert {"href": f"pdf/{doc}.pdf#page=34", "raw": "1.782.123.052"} in links(html, "1,782,123,052")
    assert {"href": f"pdf/{doc}.pdf#page=34", "raw": "95,22"} in links(html, "95.22")
    jambi = links(html, "6,847,986,125.50")
    assert len(jambi) == 1 and jambi[0]["raw"] == "Rp 6,847,986,125.50" and jambi[0]["href"].endswith("#page=38")
    # the data-quality issue on Tabel 3.17's JUMLAH (page 36)
    assert "printed_total_differs_from_program_sum" in html
    assert links(html, "5,140,052,105")[0]["href"] == f"pdf/{doc}.pdf#page=36"


def test_sections_filters_charts_trends_and_glossary(site):
    out, summary = site
    html = (out / "index.html").read_text()
    assert 'data-province="Jawa Tengah" data-year="2024"' in html
    assert 'data-province="Jambi" data-year="2025"' in html
    for select in ("f-province", "f-year", "f-sector"):
        assert f'id="{select}"' in html
    assert html.count("<svg") >= 4 and "Budget absorption by program" in html
    assert "Trends" in html and "1.85" in html                     # Jepara 2023 -> 2024: 1.85 -> 2.73
    assert 'href="glossary.html"' in html
    glossary = (out / "glossary.html").read_text()
    for term in ("sasaran", "indikator", "capaian", "realisasi", "program", "kegiatan", "sub-kegiatan", "urusan",
                 "Perjanjian Kinerja", "Renstra", "strategic goal", "performance agreement"):
        assert term in glossary, term
    # self-contained: the cited PDFs are copied, nothing is loaded from the network
    assert sorted(p.name for p in (out / "pdf").iterdir()) == sorted(summary["pdfs"]) and len(summary["pdfs"]) == 2
    assert not re.search(r'(src|href)="(https?:)?//', html + glossary)


def test_landing_prefix_and_rebuild(site, tmp_path):
    warehouse, _ = seed_warehouse()
    out = tmp_path / "site"
    build_site(warehouse, out, "https://data.example.go.id/landing/")
    build_site(warehouse, out, "https://data.example.go.id/landing/")      # swapped in again, no leftovers
    html = (out / "index.html").read_text()
    assert re.search(r'href="https://data\.example\.go\.id/landing/[0-9a-f]{64}\.pdf#page=23"', html)
    assert not (out / "pdf").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def embedded_json(html: str) -> str:
    return re.search(r'<script type="application/json" id="scorecard-data">(.*?)</script>', html, re.S).group(1)


def test_embedded_json_escapes_markup_characters(site):
    out, _ = site
    assert not re.search(r"[<>&]", embedded_json((out / "index.html").read_text()))
    text = str(script_json({"detail": "</script><!-- a & b -->"}))
    assert not re.search(r"[<>&]", text)
    assert "\\u003c/script\\u003e\\u003c!-- a \\u0026 b --\\u003e" in text
    assert json.loads(text) == {"detail": "</script><!-- a & b -->"}


def test_static_assets_are_files_of_the_site(site):
    out, _ = site
    html = (out / "index.html").read_text()
    assert 'href="static/site.css"' in html and 'src="static/site.js"' in html
    assert (out / "static" / "site.css").stat().st_size > 500
    assert "scorecard-data" in (out / "static" / "site.js").read_text()
    assert 'href="static/site.css"' in (out / "glossary.html").read_text()


def test_site_reads_marts_only(site, tmp_path):
    """Built from a copy holding only the marts: same page (raw, staging, intermediate not needed)."""
    out, _ = site
    warehouse, _ = seed_warehouse()
    copy = tmp_path / "marts_only.duckdb"
    shutil.copyfile(warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        for schema in ("raw", "staging", "intermediate", "reference"):
            con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    build_site(copy, tmp_path / "site", "pdf")
    generated = re.compile(r'Generated [^.]+\.|"generated_at": "[^"]+"')
    assert (generated.sub("", (tmp_path / "site" / "index.html").read_text())
            == generated.sub("", (out / "index.html").read_text()))
