"""The sample portal keeps one address from run to run, so a second `lkjip demo` finds its PDFs at
the URLs the published warehouse records and can skip its build (a new URL counts as a change)."""

from __future__ import annotations

import urllib.request

from extract import layout
from extract.acquire.portal import DEMO_PORT, serve_samples


def test_the_sample_portal_keeps_its_address_and_moves_when_the_port_is_taken():
    with serve_samples(layout.samples_dir()) as first:
        assert first == f"http://127.0.0.1:{DEMO_PORT}"
        with urllib.request.urlopen(f"{first}/portal/index.html", timeout=10) as response:
            assert response.status == 200
        with serve_samples(layout.samples_dir()) as second:  # the port is taken: any free one
            assert second != first and second.startswith("http://127.0.0.1:")
    with serve_samples(layout.samples_dir()) as again:
        assert again == first
