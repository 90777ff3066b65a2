"""Scanned pages printed sideways (extract/pdf/orientation.py): a landscape table scanned on a portrait
page is turned upright before OCR. Shown on the scan of Jawa Barat's PSDA LKjIP 2016 (its landscape
tables, Tabel 3.2 on p. 28, are scanned with their top at the left) and on the seeds' landscape pages
scanned one way and the other (the benchmark's `scanned-sideways` layout); the values asserted are those
on the page images and in the seed text.
"""
from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bench import expected as exp
from extract.pdf import ocr
from extract.pdf.orientation import TEST_DPI, is_sideways, sideways_pages
from extract.pdf.page_pixels import grey_pixels
from tests.page_cuts import cut_pages
from tests.paths import CORPUS

needs_ocr = pytest.mark.skipif(not ocr.ocr_available(), reason=f"OCR unavailable: {ocr.unavailable_reason()}")
SCAN = "jabar-dsda_2016_lkip-scan.pdf"


def _corpus(name: str) -> Path:
    pdf = CORPUS / name
    if not pdf.is_file():
        pytest.skip(f"corpus file not found: {pdf}")
    return pdf


def _sideways(pdf: Path, page: int) -> bool:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return is_sideways(grey_pixels(doc[page - 1], TEST_DPI))
    finally:
        doc.close()


@pytest.mark.parametrize("name, page, sideways", [
    (SCAN, 27, False),  # Tabel 3.1, upright
    (SCAN, 28, True),  # Tabel 3.2, its top at the left edge
    (SCAN, 34, True),  # Tabel 3.6
    (SCAN, 32, False),  # Tabel 3.4, upright
    ("kediri-bappeda_2018_pk-scan.pdf", 2, False),  # a signed agreement: table, stamps and signatures
    ("jombang-inspektorat_2020_pk-scan.pdf", 1, False),
])
def test_a_page_is_sideways_when_its_letters_stack(name, page, sideways):
    assert _sideways(_corpus(name), page) is sideways


def _scan_pages(pages: list[int], out: Path) -> Path:
    """`pages` (1-based) of the PSDA scan alone in a PDF."""
    return cut_pages(_corpus(SCAN), pages, out)


def _ocred_tables(pdf: Path, tmp_path: Path):
    """The extraction's OCR step (turning sideways pages first), then its table reading."""
    from extract.extraction import _ocr, read_tables
    from extract.pdf.inventory import read_inventory

    record: dict = {}
    ocred, inventory = _ocr(pdf, read_inventory(pdf), record, tmp_path)
    return record, read_tables(ocred, inventory, record.get("ocr_pages", []))


@needs_ocr
def test_a_sideways_scanned_table_is_read_upright(tmp_path):
    """PSDA p. 28 (Tabel 3.2): read as noise before, one letter per line. Its rows, as printed
    (the header is blacked out in the scan)."""
    pdf = _scan_pages([28], tmp_path / "p28.pdf")
    record, tables = _ocred_tables(pdf, tmp_path)
    assert record["turned_pages"] == {"1": 90}
    rows = [[c for c in row if c] for table in tables for row in table.rows]
    assert any(row[-4:] == ["69,65%", "72,06%", "96,74", "100,01"] for row in rows)
    assert any(row[-4:] == ["100%", "100%", "100", "100"] for row in rows)


@needs_ocr
def test_a_sideways_table_whose_header_ocr_misreads_is_read_by_its_header(tmp_path):
    """PSDA p. 34 (Tabel 3.6): its 'Capaian' read 'Capalan' left the capaian column unnamed and the
    budget's absorption (93,51) was taken for the capaian (extract/pdf/scanned.py repair_misread_words).
    The first row as printed: 100% | 100% | 100."""
    from bench.accuracy import extracted_facts
    from extract.extraction import tables_to_frames

    pdf = _scan_pages([34], tmp_path / "p34.pdf")
    _, tables = _ocred_tables(pdf, tmp_path)
    facts = extracted_facts({"region_code": "32", "fiscal_year": 2016}, tables_to_frames("test", tables))
    assert exp.fact(exp.INDICATOR, "32", 2016, "sasaran",
                    "Prosentase rekomendasi teknis pengajuan SIPPA yang diselesaikan tepat waktu",
                    100, 100, 100) in {g.fact for g in facts[exp.INDICATOR]}


@needs_ocr
def test_a_word_table_beside_a_ruled_tail_is_kept_once(tmp_path):
    """PSDA pp. 65-67, turned: the word table of p. 66 replaces a short ruled part there and was also kept as
    a table of its own page, twice under one id, which the warehouse refuses (a whole nightly publish
    stopped by one document)."""
    from extract.extraction import _extract

    pdf = _scan_pages([65, 66, 67], tmp_path / "pp65-67.pdf")
    record, frames = _extract(pdf, "test")
    assert record["turned_pages"] == {"1": 90, "2": 90}
    ids = list(frames["tables"]["table_id"])
    assert ids and len(ids) == len(set(ids))
    assert not any(i.endswith("_2") for i in ids), "the same table read twice, not two tables at one height"


def _landscape_page_scanned(slug: str, caption: str, counterclockwise: bool, out: Path) -> Path:
    """The landscape page of the seed's landscape rendering that prints `caption`, scanned at 200 dpi
    on a portrait page, turned a quarter counterclockwise (its top at the left) or clockwise."""
    import sys

    from tests.paths import REPO
    sys.path.insert(0, str(REPO / "samples"))
    import render_samples as rs

    rendered = rs.render_layouts(out.parent, ["landscape-ruled"], [slug.split("_")[1]])[0]
    doc = pdfium.PdfDocument(str(rendered))
    try:
        page = next(doc[i] for i in range(len(doc)) if doc[i].get_size()[0] > doc[i].get_size()[1]
                    and re.search(rf"{re.escape(caption)}(?!\d)", doc[i].get_textpage().get_text_range()))
        image = page.render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()
    image.rotate(90 if counterclockwise else -90, expand=True).save(out, "PDF", resolution=200.0)
    return out


def _facts(tables, region: str, year: int):
    from bench.accuracy import extracted_facts
    from extract.extraction import tables_to_frames

    return extracted_facts({"region_code": region, "fiscal_year": year}, tables_to_frames("test", tables))


@needs_ocr
@pytest.mark.parametrize("slug, region, year, caption, counterclockwise, turn, level", [
    ("lkjip_jepara_2024", "33.20", 2024, "Tabel 3.3", True, 90, "sasaran"),
    ("lkjip_kota-jambi_2025", "15.71", 2025, "Tabel 3.3", False, 270, "program"),
])
def test_a_seed_table_scanned_sideways_is_exact(tmp_path, slug, region, year, caption, counterclockwise, turn, level):
    pdf = _landscape_page_scanned(slug, caption, counterclockwise, tmp_path / "sideways.pdf")
    record, tables = _ocred_tables(pdf, tmp_path)
    assert record["turned_pages"] == {"1": turn}
    want = {f for f in exp.expected_for(slug)[exp.INDICATOR] if f[3] == level}
    got = {g.fact for g in _facts(tables, region, year)[exp.INDICATOR] if g.caption.startswith(f"{caption} ")}
    assert got == want
    assert len(want) >= 6


@needs_ocr
def test_an_upright_scan_is_left_as_it_is(tmp_path):
    assert sideways_pages(_corpus(SCAN), [27, 32]) == {}
