"""robots.txt read like any download (size limit after decompression, deadline), parsed
with protego (wildcards, Crawl-delay); bounded gzip / deflate decoding of every body."""
from __future__ import annotations

import logging
import time
import tracemalloc
import zlib

import pytest

from extract.acquire.client import FetchTimeout, PoliteClient, RobotsDisallowed, RobotsLimits
from extract.acquire.sources import Source

PDF_HEADERS = {"Content-Type": "application/pdf"}
TEXT = {"Content-Type": "text/plain"}
KB, MB = 1024, 1024 * 1024


def loopback_source() -> Source:
    return Source(id="test", region_code=None, name="test", listing_urls=[],
                  allowed_hosts=["127.0.0.1"], allow_private_network=True)


def polite(**overrides) -> PoliteClient:
    options = dict(min_interval=0, retries=0, backoff=0, connect_timeout=2, read_timeout=5)
    return PoliteClient(**{**options, **overrides})


def compressed(size: int, wbits: int) -> bytes:
    """`size` zero bytes compressed with zlib window bits `wbits`, built 1 MB at a time."""
    packer, block = zlib.compressobj(9, zlib.DEFLATED, wbits), bytes(MB)
    parts = [packer.compress(block) for _ in range(size // MB)]
    return b"".join(parts) + packer.flush()


def drip(interval: float, count: int, content_length: int | None = None):
    """A handler sending headers, then one byte every `interval` s (at most `count`)."""
    def handler(req):
        req.send_response(200)
        req.send_header("Content-Type", "text/plain")
        if content_length is not None:
            req.send_header("Content-Length", str(content_length))
        req.end_headers()
        for _ in range(count):
            try:
                req.wfile.write(b"#")
                req.wfile.flush()
            except OSError:
                return None  # the client hung up: what the test expects
            time.sleep(interval)
        return None
    return handler


def paced(total: int, chunk: int, pause: float, written: list[int]):
    """A handler streaming `total` bytes without Content-Length, `chunk` per `pause` s."""
    def handler(req):
        req.send_response(200)
        req.send_header("Content-Type", "text/plain")
        req.end_headers()
        for _ in range(total // chunk):
            try:
                req.wfile.write(b"#" * chunk)
                req.wfile.flush()
            except OSError:
                return None
            written[0] += chunk
            time.sleep(pause)
        return None
    return handler


# ---------------------------------------------------------------- protego rules

def test_wildcard_disallow_refuses_a_matching_pdf_and_allows_others(http_server, make_pdf):
    http_server.route("/robots.txt", (200, TEXT, b"User-agent: *\nDisallow: /arsip/*.pdf$\n"))
    for path in ("/arsip/2020/lkjip.pdf", "/dokumen/lkjip.pdf", "/arsip/2020/lkjip.pdf?v=2"):
        http_server.route(path.split("?")[0], (200, PDF_HEADERS, make_pdf()))
    with polite() as client:
        with pytest.raises(RobotsDisallowed, match="disallows /arsip/2020/lkjip.pdf"):
            client.fetch(http_server.url + "/arsip/2020/lkjip.pdf", loopback_source())
        assert client.fetch(http_server.url + "/dokumen/lkjip.pdf", loopback_source()).content
        # `$` anchors the pattern: with a query string the path no longer ends in .pdf
        assert client.fetch(http_server.url + "/arsip/2020/lkjip.pdf?v=2", loopback_source())
    assert http_server.hits["/arsip/2020/lkjip.pdf"] == 0


def test_rules_for_our_user_agent_win_over_the_wildcard_group(http_server, make_pdf):
    http_server.route("/robots.txt", (200, TEXT, b"User-agent: *\nDisallow: /\n\n"
                                      b"User-agent: lkjip-warehouse\nAllow: /\n"))
    http_server.route("/a.pdf", (200, PDF_HEADERS, make_pdf()))
    with polite() as client:
        assert client.fetch(http_server.url + "/a.pdf", loopback_source()).content


def test_crawl_delay_spaces_downloads_from_the_host(http_server, make_pdf):
    http_server.route("/robots.txt", (200, TEXT, b"User-agent: *\nCrawl-delay: 1.5\n"))
    arrivals: list[float] = []
    pdf = make_pdf()
    http_server.route("/a.pdf", lambda req: (arrivals.append(time.monotonic()),
                                             (200, PDF_HEADERS, pdf))[1])
    with polite(min_interval=0) as client:
        for _ in range(2):
            client.fetch(http_server.url + "/a.pdf", loopback_source())
    assert len(arrivals) == 2 and arrivals[1] - arrivals[0] >= 1.45


def test_absurd_crawl_delay_is_capped_and_logged(http_server, make_pdf, caplog):
    http_server.route("/robots.txt", (200, TEXT, b"User-agent: *\nCrawl-delay: 3600\n"))
    http_server.route("/a.pdf", (200, PDF_HEADERS, make_pdf()))
    with polite(robots=RobotsLimits(max_crawl_delay=0.2)) as client:
        with caplog.at_level(logging.WARNING, logger="extract.acquire.client"):
            client.fetch(http_server.url + "/a.pdf", loopback_source())
        assert client._gate(http_server.url).min_interval == pytest.approx(0.2)
    assert "Crawl-delay 3600s; capped at 0.2s" in caplog.text


def test_gzip_encoded_robots_txt_is_read(http_server, make_pdf):
    rules = zlib.compress(b"User-agent: *\nDisallow: /private/\n", wbits=31)
    http_server.route("/robots.txt", (200, {**TEXT, "Content-Encoding": "gzip"}, rules))
    http_server.route("/private/a.pdf", (200, PDF_HEADERS, make_pdf()))
    with polite() as client, pytest.raises(RobotsDisallowed):
        client.fetch(http_server.url + "/private/a.pdf", loopback_source())


# ---------------------------------------------------------------- limits: size, bombs, deadline

def test_oversized_robots_txt_is_cut_without_reading_it_all(http_server, make_pdf, caplog):
    written = [0]  # 5 MB in 64 kB pieces, 50 ms apart: all of it takes 4 s
    http_server.route("/robots.txt", paced(5 * MB, 64 * KB, 0.05, written))
    http_server.route("/a.pdf", (200, PDF_HEADERS, make_pdf()))
    with polite(robots=RobotsLimits(max_bytes=64 * KB)) as client:
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="extract.acquire.client"):
            assert client.fetch(http_server.url + "/a.pdf", loopback_source()).content
        elapsed = time.monotonic() - started
    assert elapsed < 2.0, elapsed  # cut after the first pieces; wide margin for a loaded machine
    assert "unreachable (body too large: more than 65536 bytes)" in caplog.text
    assert "allowed for now" in caplog.text
    time.sleep(0.1)  # let the server notice the hang-up
    assert written[0] < 5 * MB


@pytest.mark.parametrize("coding, wbits", [("gzip", 31), ("deflate", 15), ("deflate", -15)])
def test_compression_bomb_is_cut_at_the_limit_and_memory_stays_low(http_server, make_pdf,
                                                                   caplog, coding, wbits):
    bomb = compressed(200 * MB, wbits)  # about 200 kB on the wire
    assert len(bomb) < MB
    http_server.route("/robots.txt", (200, {**TEXT, "Content-Encoding": coding}, bomb))
    http_server.route("/a.pdf", (200, PDF_HEADERS, make_pdf()))
    with polite(robots=RobotsLimits(max_bytes=MB)) as client:
        tracemalloc.start()
        try:
            with caplog.at_level(logging.WARNING, logger="extract.acquire.client"):
                assert client.fetch(http_server.url + "/a.pdf", loopback_source()).content
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < 16 * MB, f"peak {peak / MB:.0f} MB"
    assert f"more than {MB} bytes" in caplog.text


def test_compressed_pdf_download_is_decoded(http_server, make_pdf):
    pdf = make_pdf("gzip on the wire")
    http_server.route("/z.pdf", (200, {**PDF_HEADERS, "Content-Encoding": "gzip"},
                                 zlib.compress(pdf, wbits=31)))
    with polite(respect_robots=False) as client:
        assert client.fetch(http_server.url + "/z.pdf", loopback_source()).content == pdf


def test_dripping_robots_txt_is_abandoned_at_the_deadline(http_server, make_pdf, caplog):
    # a byte every 8 s: each read is under the read timeout; 80 s if read to the end
    http_server.route("/robots.txt", drip(interval=8, count=10))
    http_server.route("/a.pdf", (200, PDF_HEADERS, make_pdf()))
    with polite(read_timeout=10, robots=RobotsLimits(timeout=1.5)) as client:
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="extract.acquire.client"):
            assert client.fetch(http_server.url + "/a.pdf", loopback_source()).content
        elapsed = time.monotonic() - started
    assert elapsed < 6.0, elapsed  # the deadline (1.5 s), not the next byte (8 s); slack for a loaded machine
    assert "exceeded the 1.5s deadline" in caplog.text


def test_unreachable_robots_txt_is_asked_again_only_after_the_retry_interval(http_server,
                                                                             make_pdf):
    http_server.route("/robots.txt", (200, TEXT, b"#" * (100 * KB)))  # over the limit
    http_server.route("/a.pdf", (200, PDF_HEADERS, make_pdf()))
    limits = RobotsLimits(max_bytes=64 * KB, retry_interval=60)
    with polite(robots=limits) as client:
        for _ in range(3):
            client.fetch(http_server.url + "/a.pdf", loopback_source())
    assert http_server.hits["/robots.txt"] == 1 and http_server.hits["/a.pdf"] == 3


def test_dripping_download_ends_at_the_deadline_not_at_the_next_byte(http_server):
    """A byte every 10 s keeps each read under the 12 s read timeout; the watchdog ends the
    transfer at the 1 s deadline instead of when the next byte arrives."""
    http_server.route("/slow.pdf", drip(interval=10, count=5, content_length=100))
    with polite(read_timeout=12, total_timeout=1.0, respect_robots=False) as client:
        started = time.monotonic()
        with pytest.raises(FetchTimeout, match="exceeded the 1s deadline"):
            client.fetch(http_server.url + "/slow.pdf", loopback_source())
    assert time.monotonic() - started < 6.0  # the deadline (1 s), not the next byte (10 s); slack for load


def test_unknown_charset_falls_back_to_utf8():
    from extract.acquire.client import FetchResult

    page = FetchResult(url="u", final_url="u", status_code=200, content="Ä".encode(),
                       content_type="text/html; charset=x-no-such-charset")
    assert page.text() == "Ä"
