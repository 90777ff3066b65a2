"""Crawler against a small fake government portal on 127.0.0.1."""
from __future__ import annotations

import hashlib
import socket
import time

import pytest

from extract import layout
from extract.acquire.client import PoliteClient
from extract.acquire.crawl import crawl_source, crawl_sources, parse_links, pdf_candidate
from extract.acquire.landing import Landing
from extract.acquire.sources import Source, load_sources

PDF = {"Content-Type": "application/pdf"}
HTML = {"Content-Type": "text/html; charset=utf-8"}

LISTING_1 = """<html><body>
<h1>Dokumen LKjIP</h1>
<a href="/berita/1">Berita terbaru</a>
<a href="/files/report-2023.pdf"> LKjIP   Tahun 2023 </a>
<object data="/files/object.pdf" type="application/pdf"></object>
<embed src="embed.pdf" type="application/pdf">
<iframe src="/files/iframe.pdf"></iframe>
<a href="/files/renstra.docx">Renstra 2021-2026</a>
<a href="/files/dead.pdf">LKjIP 2019</a>
<a href="/files/html.pdf">LKjIP 2018</a>
<a href="/files/slow.pdf">LKjIP 2017</a>
<a href="/files/cut.pdf">LKjIP 2016</a>
<a href="/files/huge.pdf">LKjIP 2015</a>
<a href="/dokumen/detail-1">Unduh Laporan Kinerja Dinas Kominfo</a>
<a href="/lkjip/?page=2">Selanjutnya &raquo;</a>
</body></html>"""
LISTING_2 = """<a href="/files/page2.pdf">LAKIP 2022</a>
<a rel="next" href="/lkjip/?page=3">3</a>"""
LISTING_3 = """<a href="/files/page3.pdf">LAKIP 2021</a>"""
DETAIL_1 = """<p>Laporan Kinerja</p><a href="/files/detail.pdf">Download</a>
<a href="/dokumen/detail-2">Dokumen lainnya</a>"""
DETAIL_2 = """<a href="/files/too-deep.pdf">Download</a>"""


def pdf_with_etag(pdf: bytes):
    """A PDF route that answers 304 to a matching If-None-Match, like most web servers."""
    etag = f'"{hashlib.md5(pdf).hexdigest()}"'

    def handler(req):
        if req.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {**PDF, "ETag": etag}, pdf
    return handler


def truncated(req):
    req.send_response(200)
    req.send_header("Content-Length", "10000")
    req.end_headers()
    req.wfile.write(b"%PDF-1.4 only the beginning")


@pytest.fixture
def portal(http_server, make_pdf):
    routes = {
        "/lkjip/": (200, HTML, LISTING_1),
        "/lkjip/?page=2": (200, HTML, LISTING_2),
        "/lkjip/?page=3": (200, HTML, LISTING_3),
        "/dokumen/detail-1": (200, HTML, DETAIL_1),
        "/dokumen/detail-2": (200, HTML, DETAIL_2),
        "/berita/1": (200, HTML, "<a href='/files/news.pdf'>LKjIP</a>"),
        "/files/object.pdf": (200, PDF, make_pdf("object")),  # no validators: 'unchanged'
        "/files/renstra.docx": (200, {}, b"PK\x03\x04"),
        "/files/html.pdf": (200, HTML, "<!DOCTYPE html><title>404 Halaman tidak ada</title>"),
        "/files/slow.pdf": lambda req: (time.sleep(1.0), (200, PDF, make_pdf("slow")))[1],
        "/files/cut.pdf": truncated,
        "/files/huge.pdf": (200, PDF, make_pdf("huge") + b"0" * 60_000),
    }
    for name in ("report-2023", "iframe", "page2", "page3", "detail", "too-deep"):
        routes[f"/files/{name}.pdf"] = pdf_with_etag(make_pdf(name))
    routes["/lkjip/embed.pdf"] = pdf_with_etag(make_pdf("embed"))
    for path, route in routes.items():
        http_server.route(path, route)
    return http_server


def make_source(server, **overrides) -> Source:
    fields = dict(id="fake-portal", region_code="33.20", name="Fake portal",
                  listing_urls=[server.url + "/lkjip/"], allowed_hosts=["127.0.0.1"],
                  allow_private_network=True)
    return Source(**{**fields, **overrides})


@pytest.fixture
def client():
    with PoliteClient(min_interval=0, retries=1, backoff=0, connect_timeout=1,
                      read_timeout=0.3, max_bytes=50_000) as c:
        yield c


@pytest.fixture
def landing(tmp_path):
    return Landing(tmp_path / "landing")


GOOD = {"report-2023", "object", "embed", "iframe", "page2", "page3", "detail"}


def test_crawl_finds_stores_and_records_failures(portal, client, landing):
    result = crawl_source(make_source(portal), landing, client)

    assert result.found == len(GOOD) + 5  # good ones + dead, html, slow, cut, huge
    assert len(result.new) == len(GOOD) and not result.unchanged
    assert all(landing.has(sha) for sha in result.new)
    assert result.skipped == [portal.url + "/files/renstra.docx"]
    assert portal.hits["/files/renstra.docx"] == 0
    assert portal.hits["/berita/1"] == 0            # not a document page
    assert portal.hits["/files/too-deep.pdf"] == 0  # detail pages are one level deep

    reasons = {f["url"].rsplit("/", 1)[1]: f["reason"] for f in result.failed}
    assert set(reasons) == {"dead.pdf", "html.pdf", "slow.pdf", "cut.pdf", "huge.pdf"}
    assert "HTTP 404" in reasons["dead.pdf"]
    assert "not a PDF" in reasons["html.pdf"]
    assert "timeout" in reasons["slow.pdf"]
    assert "connection broken" in reasons["cut.pdf"] or "truncated" in reasons["cut.pdf"]
    assert "too large" in reasons["huge.pdf"]
    assert portal.hits["/files/dead.pdf"] == 1      # 4xx: no retry

    log = landing.read_log()
    assert len(log) == result.found
    by_name = {r["url"].rsplit("/", 1)[1]: r for r in log}
    assert by_name["report-2023.pdf"]["outcome"] == "new"
    assert by_name["report-2023.pdf"]["link_text"] == "LKjIP Tahun 2023"
    assert by_name["report-2023.pdf"]["region_code"] == "33.20"
    assert by_name["report-2023.pdf"]["etag"]
    assert by_name["dead.pdf"]["outcome"] == "failed"
    assert by_name["dead.pdf"]["status_code"] == 404


def test_second_crawl_downloads_nothing_new(portal, client, landing):
    source = make_source(portal)
    crawl_source(source, landing, client)
    before = sorted(p.name for p in landing.root.iterdir())

    again = crawl_source(source, landing, client, progress=True)

    assert again.new == []
    assert len(again.unchanged) == len(GOOD)
    outcomes = {r["url"].rsplit("/", 1)[1]: r["outcome"] for r in landing.read_log()[-again.found:]}
    assert outcomes["report-2023.pdf"] == "not_modified"  # ETag → 304
    assert outcomes["object.pdf"] == "unchanged"          # no validators: same bytes
    etag_requests = [h for p, h in portal.requests if p == "/files/page2.pdf"]
    assert "If-None-Match" in etag_requests[-1]
    assert sorted(p.name for p in landing.root.iterdir()) == before


def test_max_pages_bounds_pagination(portal, client, landing):
    result = crawl_source(make_source(portal, max_pages=2), landing, client)
    assert portal.hits["/lkjip/?page=3"] == 0
    assert portal.url + "/files/page3.pdf" not in {r["url"] for r in landing.read_log()}
    assert result.pages == 3  # two listing pages + one detail page


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_site_down_is_recorded_and_other_sources_go_on(portal, client, landing):
    dead = make_source(portal, id="down", listing_urls=[f"http://127.0.0.1:{unused_port()}/"])
    alive = make_source(portal, id="alive")
    down_result, alive_result = crawl_sources([dead, alive], landing, client)
    assert down_result.found == 0
    [failure] = down_result.failed
    assert failure["kind"] == "listing" and "connection failed" in failure["reason"]
    assert len(alive_result.new) == len(GOOD)
    assert any(r["source_id"] == "down" and r["outcome"] == "failed" for r in landing.read_log())


def test_redirect_off_allowed_hosts_is_a_failure(http_server, client, landing, make_pdf):
    http_server.route("/list", (200, HTML, '<a href="/go.pdf">LKjIP</a>'))
    http_server.route("/go.pdf", (302, {"Location": http_server.url_for("localhost") + "/x.pdf"}, b""))
    http_server.route("/x.pdf", (200, PDF, make_pdf()))
    result = crawl_source(make_source(http_server, listing_urls=[http_server.url + "/list"]),
                          landing, client)
    [failure] = result.failed
    assert "not in allowed_hosts" in failure["reason"]
    assert http_server.hits["/x.pdf"] == 0


def test_links_in_every_element_and_google_drive():
    html = """<base href="http://127.0.0.1:9/docs/">
    <a href="a.pdf#page=2">A</a>
    <a href="https://drive.google.com/file/d/1AbC_d-9/view?usp=sharing">LKjIP (Drive)</a>
    <a href="https://drive.google.com/open?id=XyZ">LAKIP</a>
    <object data="/o.pdf"></object><embed src="e.pdf"><iframe src="/pdfjs/viewer.html?file=/v.pdf">
    <a href="report.docx">Word</a><a href="javascript:void(0)">js</a>"""
    links = parse_links(html, "http://127.0.0.1:9/index.html")
    targets = [pdf_candidate(link) for link in links]
    assert targets == [
        "http://127.0.0.1:9/docs/a.pdf",
        "https://drive.google.com/uc?export=download&id=1AbC_d-9",
        "https://drive.google.com/uc?export=download&id=XyZ",
        "http://127.0.0.1:9/o.pdf",
        "http://127.0.0.1:9/docs/e.pdf",
        "http://127.0.0.1:9/v.pdf",
        None,
    ]


def test_demo_registry_crawls_the_sample_portal(portal_url, monkeypatch, tmp_path, client):
    if not (layout.samples_dir() / "portal" / "index.html").exists():
        pytest.skip("samples/portal/index.html not generated yet")
    monkeypatch.setenv("LKJIP_PORTAL_URL", portal_url)
    [source] = load_sources(layout.sources_dir() / "demo.yaml")
    with PoliteClient(min_interval=0, retries=0, max_bytes=100 * 2**20) as demo_client:
        result = crawl_source(source, Landing(tmp_path / "landing"), demo_client)
    assert result.found >= 2 and len(result.new) >= 2, result.failed


def test_landing_is_content_addressed_and_never_rewrites(tmp_path, make_pdf):
    landing = Landing(tmp_path / "landing")
    pdf = make_pdf("same")
    sha = landing.store(pdf)
    assert sha == hashlib.sha256(pdf).hexdigest() and landing.path(sha).read_bytes() == pdf
    stat = landing.path(sha).stat()
    assert landing.store(pdf) == sha
    assert landing.path(sha).stat().st_mtime_ns == stat.st_mtime_ns
    assert not [p for p in landing.root.iterdir() if p.name.startswith(".tmp-")]

    landing.append_log({"url": "u", "sha256": sha, "etag": '"1"', "outcome": "new"})
    landing.append_log({"url": "u", "outcome": "failed", "error": "HTTP 500"})
    with open(landing.log_path, "a") as fh:
        fh.write('{"torn": ')  # a crash mid-write must not hide the other records
    assert len(landing.read_log()) == 2
    landing.append_log({"url": "v", "outcome": "failed"})
    assert [r["url"] for r in landing.read_log()] == ["u", "u", "v"]
    assert landing.latest_by_url()["u"]["etag"] == '"1"'
    assert set(landing.read_log()[1]) >= {"source_id", "fetched_at", "outcome", "error"}
