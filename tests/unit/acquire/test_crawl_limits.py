"""A page contributes at most max_links document links; odd link names keep the log valid."""
from __future__ import annotations

import json
import logging

import pytest

from extract.acquire.client import PoliteClient
from extract.acquire.crawl import crawl_source
from extract.acquire.landing import Landing, url_file_name
from extract.acquire.sources import DEFAULT_MAX_LINKS, Source

PDF = {"Content-Type": "application/pdf"}
HTML = {"Content-Type": "text/html; charset=utf-8"}


def make_source(server, path: str = "/arsip", **overrides) -> Source:
    fields = dict(id="farm", region_code=None, name="Link farm",
                  listing_urls=[server.url + path], allowed_hosts=["127.0.0.1"],
                  allow_private_network=True)
    return Source(**{**fields, **overrides})


@pytest.fixture
def client():
    with PoliteClient(min_interval=0, retries=0, backoff=0, connect_timeout=1,
                      read_timeout=2, respect_robots=False) as c:
        yield c


def link_farm(n: int) -> str:
    """A generated archive page: n PDF links, then the link to page 2 at the bottom."""
    links = "\n".join(f'<a href="/files/lkjip-{i}.pdf">LKjIP {i}</a>' for i in range(n))
    return f"<html><body>{links}\n<a href='/arsip?page=2'>Selanjutnya</a></body></html>"


def test_page_with_ten_thousand_links_queues_at_most_max_links(http_server, client, tmp_path,
                                                                make_pdf, caplog):
    http_server.route("/arsip", (200, HTML, link_farm(10_000)))
    http_server.route("/arsip?page=2", (200, HTML, '<a href="/files/page2.pdf">LKjIP</a>'))
    for i in range(10_000):
        http_server.route(f"/files/lkjip-{i}.pdf", (200, PDF, make_pdf(str(i))))
    http_server.route("/files/page2.pdf", (200, PDF, make_pdf("page2")))
    landing = Landing(tmp_path / "landing")
    with caplog.at_level(logging.WARNING, logger="extract.acquire.crawl"):
        result = crawl_source(make_source(http_server, max_links=25), landing, client)

    assert result.found == 25 + 1  # the cap of page 1, and page 2 (its next link still followed)
    assert len(result.new) == 26 and not result.failed
    assert result.truncated == [{"page": http_server.url + "/arsip", "found": 10_000, "kept": 25}]
    assert "lists 10000 document links; kept the first 25" in caplog.text
    fetched = {path for path in http_server.hits if path.startswith("/files/lkjip-")}
    assert fetched == {f"/files/lkjip-{i}.pdf" for i in range(25)}  # the first ones, in order


def test_repeated_links_and_other_documents_count_once(http_server, client, tmp_path, make_pdf):
    page = "".join(f'<a href="/files/a.pdf">A</a><a href="/files/r{i}.docx">R</a>' for i in range(3))
    http_server.route("/arsip", (200, HTML, page))
    http_server.route("/files/a.pdf", (200, PDF, make_pdf()))
    result = crawl_source(make_source(http_server, max_links=2), Landing(tmp_path / "l"), client)
    assert result.found == 1 and result.skipped == [http_server.url + "/files/r0.docx"]
    assert result.truncated == [{"page": http_server.url + "/arsip", "found": 4, "kept": 2}]


def test_default_cap_is_a_few_hundred():
    assert Source("x", None, "x", [], []).max_links == DEFAULT_MAX_LINKS
    assert 100 <= DEFAULT_MAX_LINKS <= 1000


def test_link_whose_name_is_not_utf8_is_fetched_and_logged(http_server, client, tmp_path, make_pdf):
    http_server.route("/arsip", (200, HTML, '<a href="/files/%FF%FE.pdf">LKjIP \u00e9</a>'
                                            '<a href="/files/%FF%FE-gone.pdf">hilang</a>'))
    http_server.route("/files/%FF%FE.pdf", (200, PDF, make_pdf("bytes")))
    landing = Landing(tmp_path / "landing")
    result = crawl_source(make_source(http_server), landing, client)
    assert len(result.new) == 1 and len(result.failed) == 1

    lines = landing.log_path.read_bytes().decode("utf-8").splitlines()  # strict UTF-8
    records = [json.loads(line) for line in lines]
    assert landing.read_log() == records
    by_outcome = {r["outcome"]: r for r in records}
    assert by_outcome["new"]["url"] == http_server.url + "/files/%FF%FE.pdf"
    assert by_outcome["new"]["link_text"] == "LKjIP \u00e9"
    assert url_file_name(by_outcome["new"]["url"]) == "\\xff\\xfe.pdf"
    assert by_outcome["failed"]["error"].startswith("HTTP 404")
