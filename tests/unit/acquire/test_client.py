"""PoliteClient against real servers on 127.0.0.1, and the address guard."""
from __future__ import annotations

import ipaddress
import socket
import time
from datetime import UTC

import pytest

from extract.acquire import client as http_module
from extract.acquire.client import (
    BadStatus,
    BlockedAddress,
    FetchTimeout,
    HostNotAllowed,
    NotPdf,
    PoliteClient,
    RobotsDisallowed,
    TooLarge,
    Truncated,
    check_address,
)
from extract.acquire.sources import Source

PDF_HEADERS = {"Content-Type": "application/pdf"}


def loopback_source(*hosts: str, private: bool = True) -> Source:
    return Source(id="test", region_code=None, name="test", listing_urls=[],
                  allowed_hosts=list(hosts or ["127.0.0.1"]), allow_private_network=private)


@pytest.fixture
def client():
    with PoliteClient(min_interval=0, retries=2, backoff=0, connect_timeout=2,
                      read_timeout=0.5) as c:
        yield c


# ---------------------------------------------------------------- address guard

@pytest.mark.parametrize("ip", ["10.0.0.1", "192.168.1.1", "172.16.0.5", "169.254.169.254",
                                "127.0.0.1", "::1", "0.0.0.0", "224.0.0.1", "fe80::1",
                                "::ffff:10.0.0.1", "100.64.0.1"])
def test_check_address_refuses_non_public(ip):
    with pytest.raises(BlockedAddress, match="non-public"):
        check_address(ip, allow_private=False)
    assert check_address(ip, allow_private=True)


@pytest.mark.parametrize("ip", ["8.8.8.8", "2001:4860::8888"])
def test_check_address_allows_public(ip):
    # Only the check runs (a literal IP needs no DNS); nothing connects to these.
    assert check_address(ip, allow_private=False)


def test_loopback_refused_before_connecting_when_not_allowed(http_server, client, make_pdf):
    http_server.route("/a.pdf", (200, PDF_HEADERS, make_pdf()))
    with pytest.raises(BlockedAddress):
        client.fetch(http_server.url + "/a.pdf", loopback_source(private=False))
    assert http_server.hits["/a.pdf"] == 0


# ---------------------------------------------------------------- DNS rebinding: connect to the checked address

class FakeDns:
    """Stands in for DNS in two places, so that the two can disagree as in a rebinding attack.

    - `guard[name]`: the answers the crawler's address guard gets (extract.acquire.client._getaddrinfo),
      one list per lookup; the last one repeats.
    - any other lookup of a fake name (what httpx/socket would do by itself) answers
      127.0.0.2, where nothing listens: a connection that re-resolved would fail.
    Also a safety net: a socket may only connect to 127.0.0.0/8 (never a private or public
    address, even if the code under test were wrong); `connects` records every attempt.
    """

    ELSEWHERE = "127.0.0.2"

    def __init__(self, monkeypatch):
        self.guard: dict[str, list[list[str]]] = {}
        self.lookups: list[str] = []
        self.connects: list[str] = []
        real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect

        def guard_lookup(host):
            self.lookups.append(host)
            if host not in self.guard:
                return real_getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
            answers = self.guard[host]
            ips = answers.pop(0) if len(answers) > 1 else answers[0]
            return [(socket.AF_INET6 if ":" in ip else socket.AF_INET, socket.SOCK_STREAM,
                     socket.IPPROTO_TCP, "", (ip, 0)) for ip in ips]

        def system_lookup(host, port, *args, **kwargs):
            if host in self.guard:
                return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "",
                         (self.ELSEWHERE, port))]
            return real_getaddrinfo(host, port, *args, **kwargs)

        def loopback_only_connect(sock, address):
            self.connects.append(address[0])
            if not ipaddress.ip_address(address[0]).is_loopback:
                raise OSError(f"test safety net: refusing to connect to {address[0]}")
            return real_connect(sock, address)

        monkeypatch.setattr(http_module, "_getaddrinfo", guard_lookup)
        monkeypatch.setattr(socket, "getaddrinfo", system_lookup)
        monkeypatch.setattr(socket.socket, "connect", loopback_only_connect)


@pytest.fixture
def fake_dns(monkeypatch):
    return FakeDns(monkeypatch)


def test_request_goes_to_the_checked_address_with_the_name_as_host(http_server, client,
                                                                   make_pdf, fake_dns):
    pdf = make_pdf()
    http_server.route("/x.pdf", (200, PDF_HEADERS, pdf))
    fake_dns.guard["portal.test"] = [["127.0.0.1"]]
    url = http_server.url_for("portal.test") + "/x.pdf"
    result = client.fetch(url, loopback_source("portal.test", private=True))
    assert result.content == pdf and result.final_url == url
    host_headers = [h["Host"] for path, h in http_server.requests if path == "/x.pdf"]
    assert host_headers == [f"portal.test:{http_server.port}"]
    # every socket went to the checked address, never where the name "would" resolve
    assert fake_dns.connects and set(fake_dns.connects) == {"127.0.0.1"}


def test_name_resolving_to_loopback_is_refused_without_allow_private(http_server, client,
                                                                     make_pdf, fake_dns):
    http_server.route("/x.pdf", (200, PDF_HEADERS, make_pdf()))
    fake_dns.guard["portal.test"] = [["127.0.0.1"]]
    with pytest.raises(BlockedAddress, match="'portal.test' resolves to non-public"):
        client.fetch(http_server.url_for("portal.test") + "/x.pdf",
                     loopback_source("portal.test", private=False))
    assert http_server.hits["/x.pdf"] == 0 and not http_server.requests
    assert fake_dns.connects == []  # no connection was even attempted


def test_dns_rebinding_between_check_and_connect_is_refused(http_server, make_pdf, fake_dns):
    """First answer public (passes the early check), then loopback: the connection step
    checks what it connects to, so it refuses instead of reaching 127.0.0.1."""
    http_server.route("/x.pdf", (200, PDF_HEADERS, make_pdf()))
    fake_dns.guard["portal.test"] = [["8.8.8.8"], ["127.0.0.1"]]  # never connected to
    with PoliteClient(min_interval=0, retries=0, respect_robots=False) as client:
        with pytest.raises(BlockedAddress, match="non-public address 127.0.0.1"):
            client.fetch(http_server.url_for("portal.test") + "/x.pdf",
                         loopback_source("portal.test", private=False))
    assert http_server.hits["/x.pdf"] == 0
    assert fake_dns.connects == []
    assert fake_dns.lookups == ["portal.test", "portal.test"]  # early check, then connect


def test_next_checked_address_is_tried_when_the_first_refuses(http_server, client, make_pdf,
                                                              fake_dns):
    http_server.route("/x.pdf", (200, PDF_HEADERS, make_pdf()))
    fake_dns.guard["portal.test"] = [[FakeDns.ELSEWHERE, "127.0.0.1"]]
    result = client.fetch(http_server.url_for("portal.test") + "/x.pdf",
                          loopback_source("portal.test", private=True))
    assert result.status_code == 200
    assert FakeDns.ELSEWHERE in fake_dns.connects and fake_dns.connects[-1] == "127.0.0.1"


def test_redirect_hop_is_checked_and_pinned_too(http_server, client, make_pdf, fake_dns):
    http_server.route("/a.pdf", (302, {"Location": http_server.url_for("files.test") + "/b.pdf"},
                                 b""))
    http_server.route("/b.pdf", (200, PDF_HEADERS, make_pdf()))
    fake_dns.guard["portal.test"] = [["127.0.0.1"]]
    fake_dns.guard["files.test"] = [["127.0.0.1"]]
    result = client.fetch(http_server.url_for("portal.test") + "/a.pdf",
                          loopback_source("portal.test", "files.test", private=True))
    assert result.final_url == http_server.url_for("files.test") + "/b.pdf"
    host_headers = [h["Host"] for path, h in http_server.requests if path == "/b.pdf"]
    assert host_headers == [f"files.test:{http_server.port}"]
    assert "files.test" in fake_dns.lookups and set(fake_dns.connects) == {"127.0.0.1"}


# ---------------------------------------------------------------- statuses and retries

def test_500_then_200_succeeds_after_retry(http_server, client, make_pdf):
    pdf = make_pdf()
    answers = iter([(500, {}, b"oops"), (200, PDF_HEADERS, pdf)])
    http_server.route("/flaky.pdf", lambda req: next(answers))
    result = client.fetch(http_server.url + "/flaky.pdf", loopback_source())
    assert result.content == pdf and result.status_code == 200
    assert http_server.hits["/flaky.pdf"] == 2


def test_404_is_not_retried(http_server, client):
    with pytest.raises(BadStatus, match="HTTP 404") as info:
        client.fetch(http_server.url + "/missing.pdf", loopback_source())
    assert info.value.status_code == 404
    assert http_server.hits["/missing.pdf"] == 1


def test_persistent_500_gives_up_after_retries(http_server, client):
    http_server.route("/down.pdf", (503, {}, b"maintenance"))
    with pytest.raises(BadStatus, match="HTTP 503"):
        client.fetch(http_server.url + "/down.pdf", loopback_source())
    assert http_server.hits["/down.pdf"] == 3


def test_read_timeout_is_reported(http_server, make_pdf):
    http_server.route("/slow.pdf", lambda req: (time.sleep(4), (200, PDF_HEADERS, make_pdf()))[1])
    with PoliteClient(min_interval=0, retries=0, read_timeout=0.3) as client:
        started = time.monotonic()
        with pytest.raises(FetchTimeout, match="timeout"):
            client.fetch(http_server.url + "/slow.pdf", loopback_source())
    assert time.monotonic() - started < 3  # the 0.3 s timeout, not the 4 s answer


def write_truncated(req, body: bytes):
    req.send_response(200)
    req.send_header("Content-Type", "application/pdf")
    req.send_header("Content-Length", str(len(body) + 1000))
    req.end_headers()
    req.wfile.write(body)  # then the connection closes (HTTP/1.0) short of the promise


def test_truncated_body_is_reported(http_server, client, make_pdf):
    http_server.route("/cut.pdf", lambda req: write_truncated(req, make_pdf()))
    with pytest.raises(Truncated):
        client.fetch(http_server.url + "/cut.pdf", loopback_source())


# ---------------------------------------------------------------- content checks

def test_html_error_page_with_200_is_not_a_pdf(http_server, client):
    http_server.route("/report.pdf", (200, {"Content-Type": "text/html"},
                                      b"<!DOCTYPE html><html><body>Halaman tidak ditemukan"))
    with pytest.raises(NotPdf, match=r"not a PDF.*text/html.*<!DOCTYPE html"):
        client.fetch(http_server.url + "/report.pdf", loopback_source())


def test_body_over_limit_with_content_length(http_server, make_pdf):
    http_server.route("/big.pdf", (200, PDF_HEADERS, make_pdf() + b"0" * 5000))
    with PoliteClient(min_interval=0, retries=0, max_bytes=2000) as client:
        with pytest.raises(TooLarge, match="Content-Length"):
            client.fetch(http_server.url + "/big.pdf", loopback_source())


def write_unsized(req, body: bytes):
    req.send_response(200)
    req.send_header("Content-Type", "application/pdf")
    req.end_headers()
    req.wfile.write(body)


def test_body_over_limit_without_content_length(http_server, make_pdf):
    http_server.route("/stream.pdf", lambda req: write_unsized(req, make_pdf() + b"0" * 50_000))
    with PoliteClient(min_interval=0, retries=0, max_bytes=10_000) as client:
        with pytest.raises(TooLarge, match="more than 10000 bytes"):
            client.fetch(http_server.url + "/stream.pdf", loopback_source())


# ---------------------------------------------------------------- redirects, robots, politeness

def test_redirect_within_allowed_hosts_is_followed(http_server, client, make_pdf):
    http_server.route("/old.pdf", (302, {"Location": "/new.pdf"}, b""))
    http_server.route("/new.pdf", (200, PDF_HEADERS, make_pdf()))
    result = client.fetch(http_server.url + "/old.pdf", loopback_source())
    assert result.final_url.endswith("/new.pdf")
    assert result.redirects == [http_server.url + "/old.pdf"]


def test_redirect_to_host_not_allowed_is_refused(http_server, client, make_pdf):
    http_server.route("/a.pdf", (301, {"Location": http_server.url_for("localhost") + "/b.pdf"}, b""))
    http_server.route("/b.pdf", (200, PDF_HEADERS, make_pdf()))
    with pytest.raises(HostNotAllowed, match="'localhost' is not in allowed_hosts"):
        client.fetch(http_server.url + "/a.pdf", loopback_source("127.0.0.1"))
    assert http_server.hits["/b.pdf"] == 0


def test_robots_disallow_is_honoured(http_server, client, make_pdf):
    http_server.route("/robots.txt", (200, {"Content-Type": "text/plain"},
                                      b"User-agent: *\nDisallow: /private/\n"))
    http_server.route("/private/a.pdf", (200, PDF_HEADERS, make_pdf()))
    http_server.route("/public/a.pdf", (200, PDF_HEADERS, make_pdf()))
    with pytest.raises(RobotsDisallowed):
        client.fetch(http_server.url + "/private/a.pdf", loopback_source())
    assert client.fetch(http_server.url + "/public/a.pdf", loopback_source()).content
    assert http_server.hits["/private/a.pdf"] == 0
    assert http_server.hits["/robots.txt"] == 1  # cached per host


def test_conditional_get_sends_validators(http_server, client):
    def handler(req):
        if req.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, PDF_HEADERS, b"%PDF-1.4 whatever"
    http_server.route("/c.pdf", handler)
    result = client.fetch(http_server.url + "/c.pdf", loopback_source(), etag='"v1"',
                          last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    assert result.not_modified and result.content is None
    path, headers = http_server.requests[-1]
    assert headers["If-Modified-Since"] == "Mon, 01 Jan 2024 00:00:00 GMT"


def test_min_interval_spaces_requests_to_one_host(http_server, make_pdf):
    http_server.route("/a.pdf", (200, PDF_HEADERS, make_pdf()))
    with PoliteClient(min_interval=0.3, retries=0, respect_robots=False) as client:
        started = time.monotonic()
        for _ in range(3):
            client.fetch(http_server.url + "/a.pdf", loopback_source())
    assert time.monotonic() - started >= 0.6


# ---------------------------------------------------------------- 429 / Retry-After, robots.txt errors

def test_429_is_retried_after_the_retry_after_delay(http_server, client, make_pdf):
    pdf = make_pdf()
    answers = iter([(429, {"Retry-After": "1"}, b"slow down"), (200, PDF_HEADERS, pdf)])
    http_server.route("/busy.pdf", lambda req: next(answers))
    started = time.monotonic()
    result = client.fetch(http_server.url + "/busy.pdf", loopback_source())
    assert result.content == pdf and http_server.hits["/busy.pdf"] == 2
    assert time.monotonic() - started >= 0.9  # backoff is 0: the wait came from Retry-After


def test_retry_after_beyond_the_bound_is_not_waited_for(http_server, make_pdf):
    http_server.route("/later.pdf", (503, {"Retry-After": "3600"}, b"come back tomorrow"))
    with PoliteClient(min_interval=0, retries=3, backoff=0, max_retry_after=5) as client:
        started = time.monotonic()
        with pytest.raises(BadStatus, match="Retry-After 3600s exceeds") as info:
            client.fetch(http_server.url + "/later.pdf", loopback_source())
    assert info.value.status_code == 503 and http_server.hits["/later.pdf"] == 1
    assert time.monotonic() - started < 30  # not the hour asked for


def test_persistent_429_gives_up_after_bounded_retries(http_server, client):
    http_server.route("/busy.pdf", (429, {}, b"slow down"))
    with pytest.raises(BadStatus, match="HTTP 429"):
        client.fetch(http_server.url + "/busy.pdf", loopback_source())
    assert http_server.hits["/busy.pdf"] == 3  # 1 + retries=2


def test_parse_retry_after_accepts_seconds_and_http_dates():
    from datetime import datetime, timedelta
    from email.utils import format_datetime

    from extract.acquire.client import parse_retry_after

    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    in_a_minute = format_datetime(datetime.now(UTC) + timedelta(seconds=60), usegmt=True)
    assert 50 <= parse_retry_after(in_a_minute) <= 61
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: no wait


def test_robots_txt_server_error_disallows_the_host_for_the_run(http_server, client, make_pdf):
    http_server.route("/robots.txt", (503, {}, b"backend down"))
    http_server.route("/a.pdf", (200, PDF_HEADERS, make_pdf()))
    for _ in range(2):
        with pytest.raises(RobotsDisallowed, match="HTTP 503.*RFC 9309"):
            client.fetch(http_server.url + "/a.pdf", loopback_source())
    assert http_server.hits["/a.pdf"] == 0
    assert http_server.hits["/robots.txt"] == 1  # the verdict holds for the run


def test_robots_txt_client_error_means_allowed(http_server, client, make_pdf):
    http_server.route("/robots.txt", (403, {}, b"forbidden"))
    http_server.route("/a.pdf", (200, PDF_HEADERS, make_pdf()))
    assert client.fetch(http_server.url + "/a.pdf", loopback_source()).content
