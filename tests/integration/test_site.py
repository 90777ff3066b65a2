"""The static scorecard site (extract.publish.site): Indonesian and English pages with the seed values in each
language's number format, provenance links, sector names, portal URLs, the validation page, the indicator view
(present only with marts.mart_indicator_comparison), the changes link, no network, glossary."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from extract.publish.site import build_site
from extract.publish.site.charts import band, fmt_number
from extract.publish.site.i18n import fmt_date
from extract.publish.site.render import script_json
from tests.integration.test_export import seed_warehouse

pytestmark = pytest.mark.slow
ASSET = re.compile(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]+)"')


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


def embedded_json(html: str) -> str:
    return re.search(r'<script type="application/json" id="scorecard-data">(.*?)</script>', html, re.S).group(1)


def jepara_doc(html: str) -> tuple[str, dict]:
    data = json.loads(embedded_json(html))
    return next(d["document_id"] for d in data["documents"] if d["region_code"] == "33.20"), data


def warehouse_copy(folder: Path) -> Path:
    copy = folder / "lkjip.duckdb"
    shutil.copyfile(seed_warehouse()[0], copy)
    return copy


def test_number_and_date_formats():
    assert fmt_number(1871557000.0) == "1.871.557.000" and fmt_number(1871557000.0, lang="en") == "1,871,557,000"
    assert fmt_number(95.22) == "95,22" and fmt_number(95.22, lang="en") == "95.22"
    assert fmt_number(6847986125.5, 2) == "6.847.986.125,50" and fmt_number(None) == "–"
    assert fmt_date("2026-11-30T11:34:52", "id") == "30 November 2026"
    assert fmt_date("2026-08-17T09:05:00", "id", with_time=True) == "17 Agustus 2026 09.05"
    assert fmt_date("2026-08-17T09:05:00", "en", with_time=True) == "17 August 2026 09:05"
    assert [band(v) for v in (49.9, 50, 85, 99, 100, 135.49)] == ["band-1", "band-2", "band-3", "band-4", "band-5",
                                                                  "band-5"]


def test_seed_indicator_values_link_to_their_page(site):
    out, _ = site
    html = (out / "index.html").read_text()
    doc, data = jepara_doc(html)
    page23 = f"pdf/{doc}.pdf#page=23"          # Jepara Tabel 3.3 is printed on page 23
    assert {"href": page23, "raw": "2,90"} in links(html, "2,90")
    assert {"href": page23, "raw": "2,73"} in links(html, "2,73")
    assert {"href": page23, "raw": "94,14"} in links(html, "94,14")
    assert 'data-value="2.73"' in html                         # the machine value, for the CSV download
    english = (out / "index.en.html").read_text()
    assert {"href": page23, "raw": "2,73"} in links(english, "2.73")
    assert "Persentase tenaga kerja siap kerja" in html
    assert any(r["indicator_name"] == "Persentase tenaga kerja siap kerja" and r["target_value"] == 2.9
               for r in data["indicators"])                               # data embedded as JSON


def test_seed_budget_values_in_indonesian_format(site):
    out, _ = site
    html = (out / "index.html").read_text()
    doc, _ = jepara_doc(html)
    assert {"href": f"pdf/{doc}.pdf#page=34", "raw": "1.871.557.000"} in links(html, "1.871.557.000")
    assert {"href": f"pdf/{doc}.pdf#page=34", "raw": "1.782.123.052"} in links(html, "1.782.123.052")
    assert {"href": f"pdf/{doc}.pdf#page=34", "raw": "95,22"} in links(html, "95,22")
    jambi = links(html, "6.847.986.125,50")
    assert len(jambi) == 1 and jambi[0]["raw"] == "Rp 6,847,986,125.50" and jambi[0]["href"].endswith("#page=38")
    english = (out / "index.en.html").read_text()
    assert links(english, "1,871,557,000") and links(english, "6,847,986,125.50")
    # the data-quality issue on Tabel 3.17's JUMLAH (page 36)
    assert "printed_total_differs_from_program_sum" in html
    assert links(html, "5.140.052.105")[0]["href"] == f"pdf/{doc}.pdf#page=36"


def test_languages_sections_filters_charts_and_glossary(site):
    out, summary = site
    html, english = (out / "index.html").read_text(), (out / "index.en.html").read_text()
    assert '<html lang="id">' in html and '<html lang="en">' in english
    assert "<title>Kartu skor provinsi LKjIP</title>" in html and "<title>LKjIP province scorecard</title>" in english
    assert 'id="lang-switch" class="lang" href="index.en.html"' in html
    assert 'id="lang-switch" class="lang" href="index.html"' in english
    assert 'data-province="Jawa Tengah" data-year="2024"' in html and 'data-province="Jambi" data-year="2025"' in html
    for control in ("f-province", "f-year", "f-sector", "f-search"):
        assert f'id="{control}"' in html
    # sectors by their urusan names (ref_nomenclature through the marts), not bare codes
    assert '<option value="2.07">URUSAN PEMERINTAHAN BIDANG TENAGA KERJA (2.07)</option>' in html
    assert '<option value="X.XX">PENUNJANG URUSAN PEMERINTAHAN DAERAH (X.XX)</option>' in html
    # bars coloured by band: Jambi's 85,08 % and 99,00 % absorption in different bands
    assert re.search(r'class="bar band-3"[^>]*>.*?\n?.*?85,08 %', html)
    assert re.search(r'class="bar band-4"[^>]*>.*?\n?.*?99,00 %', html)
    assert "Penyerapan anggaran per program" in html and "Budget absorption by program" in english
    assert "1,85" in html                                    # trend: Jepara 2023 -> 2024: 1,85 -> 2,73
    assert 'href="glossary.html"' in html and 'href="glossary.en.html"' in english
    glossary = (out / "glossary.html").read_text()
    for term in ("sasaran", "indikator", "capaian", "realisasi", "program", "kegiatan", "sub-kegiatan", "urusan",
                 "Perjanjian Kinerja", "Renstra", "strategic goal", "performance agreement"):
        assert term in glossary, term
    # self-contained: the cited PDFs are copied, every asset is a file of the site
    assert sorted(p.name for p in (out / "pdf").iterdir()) == sorted(summary["pdfs"]) and len(summary["pdfs"]) == 2
    for name in summary["pages"]:
        assets = ASSET.findall((out / name).read_text())
        assert assets and all(a.startswith("static/") for a in assets), name


def test_documents_show_local_copy_and_portal_url(tmp_path):
    copy = warehouse_copy(tmp_path)
    with duckdb.connect(str(copy)) as con:      # a crawled report: the portal URL instead of the local path
        con.execute("UPDATE marts.dim_document SET source_url = 'https://ppid.jepara.go.id/lkjip/' || file_name "
                    "WHERE region_code = '33.20'")
        fetched = con.execute("SELECT fetched_at FROM marts.dim_document WHERE region_code = '33.20'").fetchone()[0]
    build_site(copy, tmp_path / "site", "pdf")
    html = (tmp_path / "site" / "index.html").read_text()
    item = re.search(r'<li class="row doc"[^>]*><a href="pdf/[0-9a-f]{64}\.pdf">lkjip_jepara_2024_ruled\.pdf</a>'
                     r'[^<]*<a class="portal" href="([^"]+)"', html)
    assert item and item.group(1) == "https://ppid.jepara.go.id/lkjip/lkjip_jepara_2024_ruled.pdf"
    assert f"diunduh {fmt_date(fetched, 'id')}" in html


def test_validation_page_from_the_mart(site):
    out, _ = site
    with duckdb.connect(str(seed_warehouse()[0]), read_only=True) as con:
        total, failed = con.execute("SELECT count(*), count(*) FILTER (WHERE NOT success) "
                                    "FROM marts.validation_results").fetchone()
        suites = {r[0] for r in con.execute("SELECT suite_name FROM marts.validation_results").fetchall()}
    html = (out / "validation.html").read_text()
    assert f"{total} ekspektasi, {failed} gagal" in html
    assert html.count('<tr class="row ') == total and total > 0
    assert all(suite in html for suite in suites) and "marts.dim_region" in suites
    assert f"{total} expectations, {failed} failed" in (out / "validation.en.html").read_text()
    assert '<a href="validation.html">Validasi data</a>' in (out / "index.html").read_text()


def test_indicator_view_absent_without_the_mart_present_with_it(site, tmp_path):
    without = warehouse_copy(tmp_path)
    with duckdb.connect(str(without)) as con:
        con.execute("DROP TABLE IF EXISTS marts.mart_indicator_comparison")
    summary = build_site(without, tmp_path / "without", "pdf")
    assert "indicators.html" not in summary["pages"] and not (tmp_path / "without" / "indicators.html").exists()
    assert "indicators.html" not in (tmp_path / "without" / "index.html").read_text()

    out, summary = site                                                     # the seed warehouse has the mart
    assert {"indicators.html", "indicators.en.html"} <= set(summary["pages"])
    html = (out / "indicators.html").read_text()
    assert '<a href="indicators.html" aria-current="page">Perbandingan indikator</a>' in html
    # Jepara's TPAK, sasaran table: 71,57 in 2023 (page 24), 71,94 in 2024 (page 23)
    assert re.search(r'href="pdf/[0-9a-f]{64}\.pdf#page=24"[^>]*>71,57</a>', html)
    assert re.search(r'href="pdf/[0-9a-f]{64}\.pdf#page=23"[^>]*>71,94</a>', html)


def test_changes_link_only_with_the_changes_page(site, tmp_path):
    out, _ = site
    assert 'id="nav-changes" href="changes.html" class="hidden" data-probe="changes.html"' in \
        (out / "index.html").read_text()
    warehouse, _ = seed_warehouse()
    target = tmp_path / "site"
    build_site(warehouse, target, "https://data.example.go.id/landing/")
    (target / "changes.html").write_text("<p>2 dokumen baru</p>")          # the publish step, after the build
    (target / "changes.json").write_text('{"new_documents": []}')
    build_site(warehouse, target, "https://data.example.go.id/landing/")     # the next publish
    assert (target / "changes.html").read_text() == "<p>2 dokumen baru</p>"
    assert (target / "changes.json").read_text() == '{"new_documents": []}'  # the page's link still works
    for page, label in (("index.html", "Perubahan"), ("validation.en.html", "Changes")):
        assert f'<a id="nav-changes" href="changes.html">{label}</a>' in (target / page).read_text()


def test_landing_prefix_and_rebuild(site, tmp_path):
    warehouse, _ = seed_warehouse()
    out = tmp_path / "site"
    build_site(warehouse, out, "https://data.example.go.id/landing/")
    build_site(warehouse, out, "https://data.example.go.id/landing/")      # swapped in again, no leftovers
    html = (out / "index.html").read_text()
    assert re.search(r'href="https://data\.example\.go\.id/landing/[0-9a-f]{64}\.pdf#page=23"', html)
    assert not (out / "pdf").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


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
    assert "data-filter" in (out / "static" / "site.js").read_text()
    assert 'href="static/site.css"' in (out / "glossary.html").read_text()


def test_site_reads_marts_only(site, tmp_path):
    """Built from a copy holding only the marts: same pages (raw, staging, intermediate not needed)."""
    out, _ = site
    copy = warehouse_copy(tmp_path)
    with duckdb.connect(str(copy)) as con:
        for schema in ("raw", "staging", "intermediate", "reference"):
            con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    summary = build_site(copy, tmp_path / "site", "pdf")
    generated = re.compile(r'Dibuat [^<]+ UTC\.|Generated [^<]+ UTC\.|"generated_at": "[^"]+"')
    for name in summary["pages"]:
        assert (generated.sub("", (tmp_path / "site" / name).read_text())
                == generated.sub("", (out / name).read_text())), name
