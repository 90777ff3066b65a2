"""Polite HTTP client for government web sites.

Why each rule exists:
- rate limit and concurrency cap per host: small regional servers fall over easily;
- timeouts, retries with backoff on 5xx / network errors (never on 4xx): they also
  flake a lot, but a 404 will not heal by asking again;
- robots.txt: we are a guest. It is read like any download (size limit counted after
  decompression, an overall deadline) because a hostile or broken host can answer it
  with a gzip bomb or a byte every few seconds; parsed with protego (wildcards, `$`,
  Crawl-delay, which widens the per-host interval);
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

import contextlib
import ipaddress
import logging
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from protego import Protego

from extract import config

log = logging.getLogger(__name__)

USER_AGENT = "lkjip-warehouse/0.1 (+https://github.com/lkjip-warehouse; research crawler)"
REDIRECT_CODES = {301, 302, 303, 307, 308}
MB = 1024 * 1024
KB = 1024
ACCEPT_ENCODING = "gzip, deflate"  # only what _decoded() inflates with a bound
ZLIB_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
DECODE_STEP = 64 * KB  # most bytes one inflate step may produce


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
        """The body as text; an unknown charset (servers send typos) falls back to UTF-8."""
        try:
            return (self.content or b"").decode(_charset(self.content_type), errors="replace")
        except LookupError:
            return (self.content or b"").decode("utf-8", errors="replace")


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
        self.last_start = float("-inf")

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self.semaphore:
            with self.lock:
                now = time.monotonic()
                start = max(now, self.next_start)
                self.last_start, self.next_start = start, start + self.min_interval
            if start > now:
                time.sleep(start - now)
            yield

    def widen(self, interval: float) -> None:
        """Raise the interval (a robots.txt Crawl-delay), never lower it; applies from the
        last start, so the request right after robots.txt is already spaced."""
        with self.lock:
            if interval > self.min_interval:
                self.min_interval = interval
                self.next_start = max(self.next_start, self.last_start + interval)


# ---------------------------------------------------------------- bounded body reading

def _decoded(response: httpx.Response, url: str) -> Iterator[bytes]:
    """The body decoded, piece by piece (network chunks; inflated output DECODE_STEP at most).

    httpx's own decoders inflate a whole network chunk at once (64 kB of gzip can
    become 64 MB), so gzip / deflate are inflated here with a bound on each step:
    the caller's size limit stops a bomb before it is inflated.
    """
    coding = _content_coding(response, url)
    if coding is None:
        yield from response.iter_raw()
        return
    inflater = None
    try:
        for raw in response.iter_raw():
            if raw and inflater is None:
                inflater = zlib.decompressobj(_wbits(coding, raw))
            yield from _inflate(inflater, raw)
        if inflater is not None:
            yield inflater.flush()
    except zlib.error as exc:
        raise FetchError(f"cannot decode {coding} body of {url}: {exc}", url=url) from exc


def _content_coding(response: httpx.Response, url: str) -> str | None:
    """The one zlib coding of the body, or None for identity."""
    codings = [c.strip().lower() for c in response.headers.get("content-encoding", "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        return None
    if len(codings) > 1 or codings[0] not in ZLIB_WBITS:
        raise FetchError(f"unsupported Content-Encoding {', '.join(codings)!r}", url=url,
                         status_code=response.status_code)
    return codings[0]


def _wbits(coding: str, first: bytes) -> int:
    """zlib window bits; `deflate` is zlib-wrapped (RFC 9110) but some servers send it raw,
    which httpx tolerates too, so the first bytes decide."""
    if coding != "deflate":
        return ZLIB_WBITS[coding]
    if len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0:
        return zlib.MAX_WBITS
    return -zlib.MAX_WBITS


def _inflate(inflater, raw: bytes) -> Iterator[bytes]:
    """Inflate one network chunk, DECODE_STEP bytes at a time (bounded: every step
    either produces a full step or consumes the rest of the input)."""
    while raw and inflater is not None and not inflater.eof:
        piece = inflater.decompress(raw, DECODE_STEP)
        raw = inflater.unconsumed_tail
        if piece:
            yield piece


class _Watchdog:
    """Shuts the connection down when the overall deadline passes.

    A server dripping one byte every few seconds keeps every single read under the
    read timeout, so only a clock outside the read can end the transfer on time.
    """

    def __init__(self, deadline: float):
        self.deadline = deadline
        self.expired = threading.Event()

    @contextmanager
    def guard(self, response: httpx.Response) -> Iterator[None]:
        timer = threading.Timer(max(0.0, self.deadline - time.monotonic()), self._fire, (response,))
        timer.daemon = True
        timer.start()
        try:
            yield
        finally:
            timer.cancel()

    def _fire(self, response: httpx.Response) -> None:
        self.expired.set()
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is not None:  # the plain socket call: SSLSocket.shutdown would drop its TLS state
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def passed(self) -> bool:
        return self.expired.is_set() or time.monotonic() > self.deadline


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


@dataclass
class RobotsLimits:
    """How much a robots.txt may cost: it is fetched before anything else on a host, so a
    broken or hostile one must not stall the crawl or fill the memory.

    max_bytes: after decompression (RFC 9309 asks crawlers to read at least 500 KiB);
    timeout: the whole exchange, connection to last byte; retry_interval: how long an
    unreachable robots.txt stays "allowed for now" before it is asked for again;
    max_crawl_delay: the most a Crawl-delay may space requests (an absurd one is capped).
    """
    max_bytes: int = 512 * KB
    timeout: float = 20.0
    retry_interval: float = 300.0
    max_crawl_delay: float = 60.0


class PoliteClient:
    def __init__(self, *, min_interval: float | None = None, max_per_host: int = 2,
                 connect_timeout: float = 10.0, read_timeout: float = 30.0,
                 total_timeout: float = 600.0, retries: int = 3, backoff: float = 1.0,
                 max_bytes: int = 100 * MB, max_page_bytes: int = 10 * MB,
                 max_redirects: int = 5, respect_robots: bool = True,
                 max_retry_after: float = 120.0, user_agent: str = USER_AGENT,
                 robots: RobotsLimits | None = None):
        # None: $LKJIP_CRAWL_INTERVAL or 1 s (see config.crawl_min_interval)
        self.min_interval = config.crawl_min_interval() if min_interval is None else min_interval
        self.max_per_host = max_per_host
        self.connect_timeout, self.read_timeout = connect_timeout, read_timeout
        self.total_timeout = total_timeout
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.max_page_bytes = max_page_bytes
        self.max_redirects = max_redirects
        self.respect_robots = respect_robots
        self.max_retry_after = max_retry_after  # a longer Retry-After: give up for this run
        self.user_agent = user_agent
        self.robots = robots or RobotsLimits()
        self._clients: dict[tuple[bool, bool], httpx.Client] = {}  # (verify, allow_private)
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, _RobotsVerdict] = {}  # per origin
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

    def _request(self, url: str, policy: _Policy, headers: dict, limit: int,
                 total: float | None = None) -> FetchResult | str:
        """One HTTP exchange within `total` seconds (default total_timeout), counted from
        when the host's gate lets it start; returns a FetchResult or a redirect's next URL."""
        total = self.total_timeout if total is None else total
        client = self._client(policy, url)
        with self._gate(url).slot():
            watchdog = _Watchdog(time.monotonic() + total)
            try:
                with client.stream("GET", url, headers=headers,
                                   timeout=self._timeout_within(total)) as response, \
                        watchdog.guard(response):
                    if response.status_code in REDIRECT_CODES and "location" in response.headers:
                        return urljoin(url, response.headers["location"])
                    return self._read(url, response, limit, watchdog, total)
            except httpx.HTTPError as exc:
                raise _transport_error(exc, url, watchdog, total) from exc

    def _timeout_within(self, total: float) -> httpx.Timeout:
        """Per-operation timeouts, none longer than the whole exchange may take."""
        read = min(self.read_timeout, total)
        return httpx.Timeout(read, connect=min(self.connect_timeout, total))

    def _read(self, url: str, response: httpx.Response, limit: int, watchdog: _Watchdog,
              total: float) -> FetchResult:
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
        body = _read_body(response, url, limit, watchdog, total)
        if declared is not None and len(body) < declared and "content-encoding" not in response.headers:
            raise Truncated(f"truncated body: got {len(body)} of {declared} bytes", url=url,
                            status_code=status)
        return FetchResult(url=url, content=body, **meta)

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
                    timeout=self._timeout_within(self.total_timeout), follow_redirects=False,
                    headers={"User-Agent": self.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
                    trust_env=False)
            return self._clients[key]

    def _gate(self, url: str) -> _HostGate:
        key = _origin(url)
        with self._lock:
            if key not in self._gates:
                self._gates[key] = _HostGate(self.min_interval, self.max_per_host)
            return self._gates[key]

    # -- robots.txt

    def _robots_allows(self, url: str, policy: _Policy) -> bool:
        verdict = self._robots_verdict(_origin(url), policy)
        if isinstance(verdict, _RobotsDenied):
            raise RobotsDisallowed(verdict.reason, url=url)
        if isinstance(verdict, Protego):
            return verdict.can_fetch(url, self.user_agent)
        return True  # no robots.txt, or unreachable for now

    def _robots_verdict(self, origin: str, policy: _Policy) -> _RobotsVerdict:
        """The cached verdict of a host; fetched when missing or when 'unreachable' is stale."""
        with self._lock:
            known, verdict = origin in self._robots, self._robots.get(origin)
        if not known or (isinstance(verdict, _RobotsUnreachable) and verdict.stale()):
            verdict = self._load_robots(origin, policy)
            with self._lock:
                self._robots[origin] = verdict
        return verdict

    def _load_robots(self, origin: str, policy: _Policy) -> _RobotsVerdict:
        """robots.txt of a host, read with its own size limit and deadline (RFC 9309 2.3.1).

        200 gives rules; a 4xx (or a redirect) means no rules (allowed). A 5xx (or 429)
        means the rules exist but cannot be read: assume complete disallow for the rest of
        this run. Unreachable (network error, too large, too slow, undecodable): allowed for
        now, asked again after `robots.retry_interval` so one slow host is not paid for on
        every request.
        """
        try:
            result = self._request(origin + "/robots.txt", policy, {}, self.robots.max_bytes,
                                   total=self.robots.timeout)
        except BadStatus as exc:
            return self._robots_status_verdict(origin, exc.status_code or 0)
        except (BlockedAddress, HostNotAllowed):
            raise
        except FetchError as exc:
            log.warning("robots.txt of %s unreachable (%s): allowed for now, asked again in %gs",
                        origin, exc.reason, self.robots.retry_interval)
            return _RobotsUnreachable(time.monotonic() + self.robots.retry_interval)
        if isinstance(result, str) or result.status_code != 200:
            return None
        rules = Protego.parse((result.content or b"").decode("utf-8-sig", errors="replace"))
        self._apply_crawl_delay(origin, rules)
        return rules

    def _robots_status_verdict(self, origin: str, status: int) -> _RobotsVerdict:
        if status >= 500 or status == 429:
            reason = (f"robots.txt of {origin} answered HTTP {status}: "
                      "the whole host is treated as disallowed for this run (RFC 9309 2.3.1.3)")
            log.warning(reason)
            return _RobotsDenied(reason)
        return None

    def _apply_crawl_delay(self, origin: str, rules: Protego) -> None:
        """Crawl-delay widens the host's interval to max(configured, delay), capped."""
        delay = rules.crawl_delay(self.user_agent)
        if delay is None:
            return
        if delay > self.robots.max_crawl_delay:
            log.warning("robots.txt of %s asks Crawl-delay %gs; capped at %gs", origin, delay,
                        self.robots.max_crawl_delay)
            delay = self.robots.max_crawl_delay
        if delay > self.min_interval:
            log.info("robots.txt of %s: Crawl-delay %gs between requests", origin, delay)
        self._gate(origin).widen(max(self.min_interval, delay))


def _read_body(response: httpx.Response, url: str, limit: int, watchdog: _Watchdog,
               total: float) -> bytes:
    """The decoded body, cut as soon as it passes `limit` bytes or the deadline passes."""
    body = bytearray()
    for piece in _decoded(response, url):
        body += piece
        if len(body) > limit:
            raise TooLarge(f"body too large: more than {limit} bytes", url=url,
                           status_code=response.status_code)
        if watchdog.passed():
            break
    if watchdog.passed():
        raise _deadline_error(url, total, response.status_code)
    return bytes(body)


def _deadline_error(url: str, total: float, status_code: int | None = None) -> FetchTimeout:
    return FetchTimeout(f"timeout: transfer exceeded the {total:g}s deadline", url=url,
                        status_code=status_code)


def _transport_error(exc: httpx.HTTPError, url: str, watchdog: _Watchdog,
                     total: float) -> FetchError:
    """The FetchError for an httpx failure; the watchdog's cut is a timeout, not a break. A read
    timeout as long as the deadline can fire before the watchdog's timer on a loaded machine: once
    the deadline has passed, whatever broke the transfer, the deadline is the reason."""
    if watchdog.passed():
        return _deadline_error(url, total)
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeout(f"timeout ({type(exc).__name__}) fetching {url}", url=url)
    if isinstance(exc, httpx.RemoteProtocolError):
        return Truncated(f"connection broken while reading {url}: {exc}", url=url)
    if isinstance(exc, httpx.TransportError):
        return ConnectionFailed(f"connection failed for {url}: {exc or type(exc).__name__}", url=url)
    return FetchError(f"{type(exc).__name__} fetching {url}: {exc}", url=url)


@dataclass
class _RobotsDenied:
    """robots.txt could not be read because of a server error: disallow everything."""
    reason: str


@dataclass
class _RobotsUnreachable:
    """robots.txt could not be fetched: allowed until `until` (time.monotonic())."""
    until: float

    def stale(self) -> bool:
        return time.monotonic() >= self.until


_RobotsVerdict = Protego | _RobotsDenied | _RobotsUnreachable | None


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
