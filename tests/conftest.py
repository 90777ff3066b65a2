"""Shared fixtures: real HTTP servers on 127.0.0.1 (no mocked HTTP), tiny PDFs.

`http_server` gives a loopback server whose routes a test configures:

    http_server.route("/a.pdf", (200, {"Content-Type": "application/pdf"}, pdf))
    http_server.route("/slow", lambda req: (time.sleep(2), (200, {}, b"x"))[1])
    http_server.url + "/a.pdf"            # http://127.0.0.1:PORT/a.pdf
    http_server.url_for("localhost")      # same server under another host name
    http_server.hits["/a.pdf"]            # how many times it was requested

A handler gets the `BaseHTTPRequestHandler` (for `.headers`, `.path`) and returns
(status, headers, body), or None if it wrote the response itself (e.g. a truncated
body). Unknown paths answer 404. `portal_url` serves the repository's `samples/`.
"""
from __future__ import annotations

import threading
import zlib
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from extract.acquire.portal import serve_directory
from tests.paths import REPO

REPO_ROOT = REPO
Response = tuple  # (status: int, headers: dict, body: bytes | str)
Route = Response | Callable[[BaseHTTPRequestHandler], Response | None]


class LoopbackServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter = Counter()
        self.requests: list[tuple[str, dict]] = []  # (path, headers) in arrival order
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._server.block_on_close = False  # a handler still sleeping must not hang teardown
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True)
        self._thread.start()

    def url_for(self, host: str) -> str:
        return f"http://{host}:{self.port}"

    def route(self, path: str, response: Route) -> None:
        """Register a response for a path ('/x' or '/x?page=2'; exact query wins)."""
        self.routes[path] = response

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _lookup(self, raw_path: str) -> Route | None:
        return self.routes.get(raw_path) or self.routes.get(raw_path.split("?", 1)[0])

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # the name http.server calls
                server.hits[self.path] += 1
                server.requests.append((self.path, dict(self.headers)))
                route = server._lookup(self.path)
                result = (404, {}, b"not found") if route is None else (
                    route(self) if callable(route) else route)
                if result is not None:
                    self._send(*result)

            def _send(self, status: int, headers: dict, body: bytes | str) -> None:
                body = body.encode() if isinstance(body, str) else body
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if not any(k.lower() == "content-length" for k in headers):
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (size limit, timeout): expected in tests

            def log_message(self, format: str, *args) -> None:  # noqa: A002
                pass

        return Handler


@pytest.fixture
def http_server():
    server = LoopbackServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def portal_url():
    """Base URL of the repository's samples/ folder served on 127.0.0.1."""
    with serve_directory(REPO_ROOT / "samples") as url:
        yield url


def make_pdf(text: str = "LKjIP test") -> bytes:
    """A tiny valid one-page PDF whose bytes depend on `text`."""
    stream = zlib.compress(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture(name="make_pdf")
def make_pdf_fixture():
    return make_pdf
