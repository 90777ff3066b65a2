"""Sample PDFs (samples/render_samples.py) and the sample portal (samples/portal/)."""
from __future__ import annotations

import importlib.util
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.paths import REPO

ROOT = REPO
SAMPLES = ROOT / "samples"
PDF_DIR = SAMPLES / "pdf"
PORTAL = SAMPLES / "portal"
EXPECTED = [
    "lkjip_jepara_2024_ruled.pdf",
    "lkjip_jepara_2024_unruled.pdf",
    "lkjip_kota-jambi_2025_ruled.pdf",
    "lkjip_kota-jambi_2025_unruled.pdf",
]


def _load_renderer():
    spec = importlib.util.spec_from_file_location("render_samples", SAMPLES / "render_samples.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look the module up while the class is built
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def renderer():
    return _load_renderer()


@pytest.fixture(scope="module")
def rendered_twice(renderer, tmp_path_factory):
    a = tmp_path_factory.mktemp("render_a")
    b = tmp_path_factory.mktemp("render_b")
    renderer.render_all(a)
    renderer.render_all(b)
    return a, b


def _text(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def test_render_is_reproducible(rendered_twice):
    a, b = rendered_twice
    assert sorted(p.name for p in a.glob("*.pdf")) == EXPECTED
    for name in EXPECTED:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_committed_pdfs_match_renderer(renderer, rendered_twice):
    if renderer.find_font_dir() is None:
        pytest.skip("DejaVu fonts not installed: the committed PDFs cannot be reproduced here")
    a, _ = rendered_twice
    for name in EXPECTED:
        committed = PDF_DIR / name
        assert committed.is_file(), f"{committed} missing: run .venv/bin/python samples/render_samples.py"
        assert committed.stat().st_size < 500_000
        assert committed.read_bytes() == (a / name).read_bytes(), (
            f"{name} is stale: regenerate with .venv/bin/python samples/render_samples.py")


@pytest.mark.parametrize("name", EXPECTED)
def test_text_layer(name):
    text = _text(PDF_DIR / name)
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH" in text
    if "jepara" in name:
        for s in ("Tabel 3.17", "1.871.557.000", "95,22", "5.140.052.105", "KABUPATEN JEPARA"):
            assert s in text, s
    else:
        for s in ("Tabel 3.8", "Rp 6,847,986,125.50", "135.49", "45.00%", "KOTA JAMBI"):
            assert s in text, s


def test_metadata():
    doc = pdfium.PdfDocument(str(PDF_DIR / "lkjip_jepara_2024_ruled.pdf"))
    meta = doc.get_metadata_dict()
    doc.close()
    assert meta["Title"].startswith("LKjIP 2024")
    assert "Jepara" in meta["Author"]
    assert meta["CreationDate"].startswith("D:2000")  # reportlab invariant mode, no real timestamp


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.objects: list[dict] = []
        self._in_object = 0
        self.hrefs_in_object: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
            if self._in_object:
                self.hrefs_in_object.append(a["href"])
        if tag == "object":
            self.objects.append(a)
            self._in_object += 1

    def handle_endtag(self, tag):
        if tag == "object":
            self._in_object -= 1


def _links(name: str) -> _Links:
    p = _Links()
    p.feed((PORTAL / name).read_text(encoding="utf-8"))
    return p


def test_portal_listing_page():
    links = _links("index.html")
    assert "/pdf/lkjip_jepara_2024_ruled.pdf" in links.hrefs
    assert "/pdf/lkjip-2022-hilang.pdf" in links.hrefs
    assert not (SAMPLES / "pdf" / "lkjip-2022-hilang.pdf").exists()  # dead link on purpose
    non_pdf = [h for h in links.hrefs if h.startswith("/portal/files/")]
    assert non_pdf and all((SAMPLES / h.lstrip("/")).is_file() for h in non_pdf)
    assert "page2.html" in links.hrefs
    assert "Selanjutnya" in (PORTAL / "index.html").read_text(encoding="utf-8")


def test_portal_page2_and_detail():
    assert "dokumen-kota-jambi-2025.html" in _links("page2.html").hrefs
    detail = _links("dokumen-kota-jambi-2025.html")
    assert any(o.get("data") == "/pdf/lkjip_kota-jambi_2025_ruled.pdf" and o.get("type") == "application/pdf"
               for o in detail.objects)
    assert "/pdf/lkjip_kota-jambi_2025_ruled.pdf" in detail.hrefs_in_object  # fallback link


def test_portal_reaches_only_ruled_pdfs():
    pdfs = set()
    for page in PORTAL.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        pdfs.update(re.findall(r"/pdf/[\w.-]+\.pdf", text))
    assert pdfs == {
        "/pdf/lkjip_jepara_2024_ruled.pdf",
        "/pdf/lkjip_kota-jambi_2025_ruled.pdf",
        "/pdf/lkjip-2022-hilang.pdf",
    }
    for p in pdfs - {"/pdf/lkjip-2022-hilang.pdf"}:
        assert (SAMPLES / p.lstrip("/")).is_file()
