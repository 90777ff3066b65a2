"""Serve a folder over HTTP on the loopback interface.

`lkjip demo` and the tests crawl the sample portal exactly like a real
government site, through the same crawler and client, instead of reading
the files from disk.
"""
from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass  # the crawler logs every fetch; per-request server lines are noise


DEMO_PORT = 8731  # the sample portal's port when free: its PDFs keep one URL from run to run


@contextmanager
def serve_samples(root: str | Path) -> Iterator[str]:
    """The sample portal on DEMO_PORT, or on any free port when that one is taken. A PDF found at a new
    URL counts as a change, so a second `lkjip demo` skips its build only when the address is the same."""
    with ExitStack() as stack:
        try:
            url = stack.enter_context(serve_directory(root, port=DEMO_PORT))
        except OSError:
            url = stack.enter_context(serve_directory(root))
        yield url


@contextmanager
def serve_directory(root: str | Path, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Run a threaded static file server in the background; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(Path(root).resolve()))
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.1,), name="lkjip-portal",
                              daemon=True)
    thread.start()
    try:
        bound_host, bound_port = server.server_address[:2]
        yield f"http://{bound_host}:{bound_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
