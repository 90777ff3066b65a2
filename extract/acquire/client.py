"""Polite HTTP client for government web sites.

Why each rule exists:
- rate limit and concurrency cap per host: small regional servers fall over easily;
- timeouts, retries with backoff on 5xx / network errors (never on 4xx): they also
  flake a lot, but a 404 will not heal by asking again;
- robots.txt: we are a guest;
- size limit, streaming, `%PDF-` sniffing: many portals answer 200 with an HTML
  error page, or link multi-GB archives;
- manual redirects restricted to the source's allowed hosts and an address guard
  before every connection: a registry entry must not be turned into a way to reach
  internal services (SSRF via redirects or DNS). The guard runs inside the
  connection step itself (`_GuardedBackend`): the name is resolved once, every
  answer is checked, and the socket connects only to those checked addresses, so a
  DNS server cannot answer one address to the check and another to the connection
  (DNS rebinding).
"""
from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from extract import config

log = logging.getLogger(__name__)

USER_AGENT = "lkjip-warehouse/0.1 (+https://github.com/lkjip-warehouse; research crawler)"
REDIRECT_CODES = {301, 302, 303, 307, 308}
MB = 1024 * 1024


class FetchError(Exception):
    """A fetch failed; `reason` is the human-readable cause recorded in the fetch log."""

    retryable = False

    def __init__(self, reason: str, *, url: str | None = None, status_code: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.url = url
        self.status_code = status_code


class BlockedAddress(FetchError):
    """The host resolves to an address we must not connect to."""


class HostNotAllowed(FetchError):
    """A URL or redirect points outside the source's allowed_hosts."""


class RobotsDisallowed(FetchError):
    pass


class BadStatus(FetchError):
    """Non-success HTTP status; 5xx and 429 are retried, other 4xx are not."""

    retry_after: float | None = None  # seconds, from a Retry-After header

    @property
    def retryable(self) -> bool:  # type: ignore[override]
        return (self.status_code or 0) >= 500 or self.status_code == 429


class TooLarge(FetchError):
    pass


class NotPdf(FetchError):
    pass


class FetchTimeout(FetchError):
    retryable = True


class ConnectionFailed(FetchError):
    retryable = True


class Truncated(FetchError):
    retryable = True


class TooManyRedirects(FetchError):
    pass


@dataclass
class FetchResult:
    url: str                      # the URL asked for
    final_url: str                # after redirects
    status_code: int
    content: bytes | None         # None when not_modified
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    redirects: list[str] = field(default_factory=list)

    def text(self) -> str:
        return (self.content or b"").decode(_charset(self.content_type), errors="replace")


def _charset(content_type: str | None) -> str:
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip('"')
    return "utf-8"


# ---------------------------------------------------------------- address guard

def is_forbidden_ip(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped  # ::ffff:10.0.0.1 is 10.0.0.1
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
            or ip.is_reserved or ip.is_unspecified or not ip.is_global)


def check_address(host: str, allow_private: bool = False) -> list[str]:
    """Resolve `host`; raise BlockedAddress if any address is non-public (unless allowed).

    Every resolved address is checked, not just the first, because the
    connection may use any of them.
    """
    host = host.strip("[]")
    try:
        infos = _getaddrinfo(host)
    except (socket.gaierror, UnicodeError) as exc:
        raise ConnectionFailed(f"cannot resolve host {host!r}: {exc}") from exc
    # dedupe, keeping the resolver's preference order (the order connections try them)
    addresses = list(dict.fromkeys(info[4][0].split("%")[0] for info in infos))
    if not allow_private:
        for address in addresses:
            if is_forbidden_ip(ipaddress.ip_address(address)):
                raise BlockedAddress(f"host {host!r} resolves to non-public address {address}"
                                     " (set allow_private_network to permit)")
    return addresses


def _getaddrinfo(host: str) -> list:
    """The DNS lookup behind the guard (its own function so tests can stand in for DNS)."""
    return socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)


class _GuardedBackend(httpcore.SyncBackend):
    """httpcore network backend that connects only to addresses it has just checked.

    httpcore hands `connect_tcp` the URL's host name; instead of letting
    `socket.create_connection` resolve it again, we resolve it once with
    `check_address` and connect to those literal IPs, in the resolver's order. TLS
    (SNI and certificate verification) is layered on top by httpcore with the
    original name, and the pool stays keyed by name, so nothing else changes.
    """

    def __init__(self, allow_private: bool):
        self.allow_private = allow_private

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:
        try:
            addresses = check_address(host, self.allow_private)  # BlockedAddress propagates
        except ConnectionFailed as exc:
            raise httpcore.ConnectError(exc.reason) from exc  # an ordinary network error
        last_error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout=timeout,
                                           local_address=local_address,
                                           socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        assert last_error is not None  # check_address never returns an empty list
        raise last_error

    def connect_unix_socket(self, *args, **kwargs):  # pragma: no cover - never configured
        raise httpcore.ConnectError("unix sockets are not used by the crawler")


def _guarded_transport(verify: bool, allow_private: bool) -> httpx.HTTPTransport:
    """An httpx transport whose connection pool uses `_GuardedBackend`.

    httpx 0.28 does not take a network backend as an argument, so the transport's
    pool is replaced by an equivalent httpcore pool built with the guarded backend
    (same TLS context and limits); test_http checks the guard really is in the path.
    """
    transport = httpx.HTTPTransport(verify=verify, trust_env=False)
    transport._pool = httpcore.ConnectionPool(  # limits: httpx's defaults
        ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
        max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0,
        network_backend=_GuardedBackend(allow_private))
    return transport


# ---------------------------------------------------------------- per-host gate

class _HostGate:
    """Caps concurrent requests to one host and spaces their starts by min_interval."""

    def __init__(self, min_interval: float, max_concurrent: int):
        self.min_interval = min_interval
        self.semaphore = threading.Semaphore(max_concurrent)
        self.lock = threading.Lock()
        self.next_start = 0.0

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self.semaphore:
            with self.lock:
                now = time.monotonic()
                wait = self.next_start - now
                self.next_start = max(now, self.next_start) + self.min_interval
            if wait > 0:
                time.sleep(wait)
            yield


# ---------------------------------------------------------------- the client

@dataclass
class _Policy:
    """What a source permits: the subset of Source the client needs."""
    allowed_hosts: set[str]
    verify_tls: bool = True
    allow_private_network: bool = False
    source_id: str = "?"

    @classmethod
    def of(cls, source, url: str) -> _Policy:
        if source is None:  # ad-hoc fetch: only the URL's own host, public addresses
            return cls({(urlsplit(url).hostname or "").lower()})
        return cls({h.lower() for h in source.allowed_hosts}, source.verify_tls,
                   source.allow_private_network, source.id)


class PoliteClient:
    def __init__(self, *, min_interval: float | None = None, max_per_host: int = 2,
                 connect_timeout: float = 10.0, read_timeout: float = 30.0,
                 total_timeout: float = 600.0, retries: int = 3, backoff: float = 1.0,
                 max_bytes: int = 100 * MB, max_page_bytes: int = 10 * MB,
                 max_redirects: int = 5, respect_robots: bool = True,
                 max_retry_after: float = 120.0, user_agent: str = USER_AGENT):
        # None: $LKJIP_CRAWL_INTERVAL or 1 s (see config.crawl_min_interval)
        self.min_interval = config.crawl_min_interval() if min_interval is None else min_interval
        self.max_per_host = max_per_host
        self.timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
        self.total_timeout = total_timeout
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.max_page_bytes = max_page_bytes
        self.max_redirects = max_redirects
        self.respect_robots = respect_robots
        self.max_retry_after = max_retry_after  # a longer Retry-After: give up for this run
        self.user_agent = user_agent
        self._clients: dict[tuple[bool, bool], httpx.Client] = {}  # (verify, allow_private)
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, RobotFileParser | None] = {}
        self._warned_tls: set[str] = set()
        self._lock = threading.Lock()

    # -- public API

    def fetch(self, url: str, source=None, *, etag: str | None = None,
              last_modified: str | None = None, expect_pdf: bool = True,
              max_bytes: int | None = None) -> FetchResult:
        """GET a document with retries; raise a FetchError subclass on failure."""
        policy = _Policy.of(source, url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        limit = max_bytes or self.max_bytes
        attempt = 0
        while True:
            try:
                result = self._fetch_once(url, policy, headers, limit)
                break
            except FetchError as exc:
                if not exc.retryable or attempt >= self.retries:
                    raise
                delay = self.backoff * (2 ** attempt)
                retry_after = getattr(exc, "retry_after", None)
                if retry_after is not None:
                    if retry_after > self.max_retry_after:
                        exc.reason += (f" (Retry-After {retry_after:.0f}s exceeds "
                                       f"{self.max_retry_after:.0f}s: not retried this run)")
                        exc.args = (exc.reason,)
                        raise
                    delay = max(delay, retry_after)  # the server said when: never sooner
                log.info("retrying %s in %.2fs after: %s", url, delay, exc.reason)
                time.sleep(delay)
                attempt += 1
        if expect_pdf and not result.not_modified:
            check_pdf_signature(result)
        return result

    def get_page(self, url: str, source=None) -> FetchResult:
        """GET an HTML listing page (no PDF check, smaller size limit)."""
        return self.fetch(url, source, expect_pdf=False, max_bytes=self.max_page_bytes)

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- one attempt, following redirects by hand

    def _fetch_once(self, url: str, policy: _Policy, headers: dict, limit: int) -> FetchResult:
        redirects: list[str] = []
        current = url
        while True:
            self._check_target(current, policy)
            response_or_redirect = self._request(current, policy, headers, limit)
            if isinstance(response_or_redirect, str):
                if len(redirects) >= self.max_redirects:
                    raise TooManyRedirects(f"more than {self.max_redirects} redirects", url=url)
                redirects.append(current)
                current = response_or_redirect
                continue
            result = response_or_redirect
            result.url, result.redirects = url, redirects
            return result

    def _check_target(self, url: str, policy: _Policy) -> None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https") or not host:
            raise FetchError(f"unsupported URL {url!r}", url=url)
        if host not in policy.allowed_hosts:
            raise HostNotAllowed(f"host {host!r} is not in allowed_hosts of source "
                                 f"{policy.source_id!r}", url=url)
        # Early refusal with a clear reason, before robots.txt or any request. The check
        # that decides where a socket connects is repeated in _GuardedBackend.connect_tcp.
        check_address(host, policy.allow_private_network)
        if self.respect_robots and not self._robots_allows(url, policy):
            raise RobotsDisallowed(f"robots.txt of {host} disallows {parts.path or '/'}", url=url)

    def _request(self, url: str, policy: _Policy, headers: dict, limit: int) -> FetchResult | str:
        """One HTTP exchange; returns a FetchResult or the next URL of a redirect."""
        client = self._client(policy, url)
        deadline = time.monotonic() + self.total_timeout
        with self._gate(url).slot():
            try:
                with client.stream("GET", url, headers=headers) as response:
                    if response.status_code in REDIRECT_CODES and "location" in response.headers:
                        return urljoin(url, response.headers["location"])
                    return self._read(url, response, limit, deadline)
            except httpx.TimeoutException as exc:
                raise FetchTimeout(f"timeout ({type(exc).__name__}) fetching {url}", url=url) from exc
            except httpx.RemoteProtocolError as exc:
                raise Truncated(f"connection broken while reading {url}: {exc}", url=url) from exc
            except httpx.TransportError as exc:
                raise ConnectionFailed(f"connection failed for {url}: {exc or type(exc).__name__}",
                                       url=url) from exc

    def _read(self, url: str, response: httpx.Response, limit: int, deadline: float) -> FetchResult:
        status = response.status_code
        meta = dict(final_url=str(response.url), status_code=status,
                    content_type=response.headers.get("content-type"),
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"))
        if status == 304:
            return FetchResult(url=url, content=None, not_modified=True, **meta)
        if status >= 400 or status < 200 or status in REDIRECT_CODES:
            error = BadStatus(f"HTTP {status} {response.reason_phrase}".strip(), url=url,
                              status_code=status)
            error.retry_after = parse_retry_after(response.headers.get("retry-after"))
            raise error
        declared = _content_length(response)
        if declared is not None and declared > limit:
            raise TooLarge(f"body too large: Content-Length {declared} > limit {limit}",
                           url=url, status_code=status)
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > limit:
                raise TooLarge(f"body too large: more than {limit} bytes", url=url, status_code=status)
            if time.monotonic() > deadline:
                raise FetchTimeout(f"download exceeded {self.total_timeout}s", url=url,
                                   status_code=status)
        if declared is not None and len(body) < declared and "content-encoding" not in response.headers:
            raise Truncated(f"truncated body: got {len(body)} of {declared} bytes", url=url,
                            status_code=status)
        return FetchResult(url=url, content=bytes(body), **meta)

    # -- helpers

    def _client(self, policy: _Policy, url: str) -> httpx.Client:
        if not policy.verify_tls and url.startswith("https:"):
            host = urlsplit(url).hostname or ""
            if host not in self._warned_tls:
                self._warned_tls.add(host)
                log.warning("TLS certificate verification disabled for %s (source %s)",
                            host, policy.source_id)
        # One client (and connection pool) per (verify_tls, allow_private_network): a
        # connection opened under allow_private must never be reused by a source without it.
        key = (policy.verify_tls, policy.allow_private_network)
        with self._lock:
            if key not in self._clients:
                self._clients[key] = httpx.Client(
                    transport=_guarded_transport(policy.verify_tls, policy.allow_private_network),
                    timeout=self.timeout, follow_redirects=False,
                    headers={"User-Agent": self.user_agent}, trust_env=False)
            return self._clients[key]

    def _gate(self, url: str) -> _HostGate:
        key = _origin(url)
        with self._lock:
            if key not in self._gates:
                self._gates[key] = _HostGate(self.min_interval, self.max_per_host)
            return self._gates[key]

    def _robots_allows(self, url: str, policy: _Policy) -> bool:
        origin = _origin(url)
        with self._lock:
            cached = origin in self._robots
        if not cached:
            parser, final = self._load_robots(origin, policy)
            if not final:
                return True  # robots.txt unreachable right now: ask again next time
            with self._lock:
                self._robots[origin] = parser
        parser = self._robots[origin]
        if isinstance(parser, _RobotsDenied):
            raise RobotsDisallowed(parser.reason, url=url)
        return parser is None or parser.can_fetch(self.user_agent, url)

    def _load_robots(self, origin: str, policy: _Policy) -> tuple[RobotFileParser | None, bool]:
        """(rules or None for 'no rules', whether the answer is worth caching).

        200 gives rules; a 4xx means the site has no robots.txt (allowed). A 5xx (or
        429) means the rules exist but cannot be read: RFC 9309 section 2.3.1.3 says assume
        complete disallow, so the host is skipped for the rest of this run, with that
        reason. A network error is not cached (allowed for now, asked again next time).
        """
        try:
            client = self._client(policy, origin)
            with self._gate(origin).slot():
                response = client.get(origin + "/robots.txt")
        except httpx.HTTPError as exc:
            log.info("robots.txt of %s unavailable (%s); allowed for now", origin, exc)
            return None, False
        if response.status_code >= 500 or response.status_code == 429:
            reason = (f"robots.txt of {origin} answered HTTP {response.status_code}: "
                      "the whole host is treated as disallowed for this run (RFC 9309 2.3.1.3)")
            log.warning(reason)
            return _RobotsDenied(reason), True  # type: ignore[return-value]
        if response.status_code != 200:
            return None, True
        parser = RobotFileParser()
        parser.parse(response.text[:500_000].splitlines())
        return parser, True


@dataclass
class _RobotsDenied:
    """robots.txt could not be read because of a server error: disallow everything."""
    reason: str


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date (RFC 9110 10.2.3); None if absent/bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from datetime import datetime
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _content_length(response: httpx.Response) -> int | None:
    try:
        return int(response.headers["content-length"])
    except (KeyError, ValueError):
        return None


def check_pdf_signature(result: FetchResult) -> None:
    """Reject bodies that are not PDFs (typically an HTML error page served with 200)."""
    head = (result.content or b"")[:1024]
    if b"%PDF-" in head:
        return
    preview = head[:40].decode("latin-1").replace("\n", " ").strip()
    raise NotPdf(f"not a PDF (content-type {result.content_type or 'unknown'}, "
                 f"starts with {preview!r})", url=result.url, status_code=result.status_code)
