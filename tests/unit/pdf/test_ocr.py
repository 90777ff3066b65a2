"""OCR of scanned pages (extract/pdf/ocr.py) and what camelot reads from the OCRed scan.

The scanned Perjanjian Kinerja in ../shared/corpus (Inspektorat Kabupaten Jombang, 2020) has no
text layer. The values asserted here were read on the page image (page 2: sasaran / indikator /
target, then the program budget).
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from extract.pdf import ocr
from extract.pdf.inventory import read_inventory
from tests.paths import REPO

REPO_ROOT = REPO
SCAN = REPO_ROOT.parent / "shared" / "corpus" / "jombang-inspektorat_2020_pk-scan.pdf"

needs_ocr = pytest.mark.skipif(not ocr.ocr_available(),
                               reason=f"OCR unavailable: {ocr.unavailable_reason()}")
needs_scan = pytest.mark.skipif(not SCAN.exists(), reason=f"corpus scan not found: {SCAN}")


def test_unavailable_tools_raise_a_clear_reason(monkeypatch, tmp_path):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    assert not ocr.ocr_available()
    assert "tesseract" in ocr.unavailable_reason()
    with pytest.raises(ocr.OcrError) as info:
        ocr.ocr_pages(tmp_path / "in.pdf", tmp_path / "out.pdf")
    assert info.value.reason == "ocr_unavailable"


@needs_ocr
def test_missing_language_is_reported(tmp_path):
    with pytest.raises(ocr.OcrError) as info:
        ocr.ocr_pages(tmp_path / "in.pdf", tmp_path / "out.pdf", language="ind+xyz")
    assert info.value.reason == "ocr_language_missing" and "xyz" in info.value.detail


@needs_ocr
def test_not_a_pdf_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_text("<html>not a pdf</html>")
    with pytest.raises(ocr.OcrError) as info:
        ocr.ocr_pages(bad, tmp_path / "out.pdf")
    assert info.value.reason == "ocr_input_error"
    assert not (tmp_path / "out.pdf").exists()


@pytest.fixture(scope="module")
def ocred(tmp_path_factory):
    if not ocr.ocr_available():
        pytest.skip(f"OCR unavailable: {ocr.unavailable_reason()}")
    if not SCAN.exists():
        pytest.skip(f"corpus scan not found: {SCAN}")
    out = tmp_path_factory.mktemp("ocr") / "pk.pdf"
    return ocr.ocr_pages(SCAN, out)


@needs_scan
def test_scan_has_no_text_layer():
    assert read_inventory(SCAN).text_pages == []


def test_ocr_adds_text_layer_with_metadata_words(ocred):
    inventory = read_inventory(ocred)
    assert inventory.text_pages == [1, 2]
    first = " ".join(inventory.pages[0].text.split())
    assert "PERJANJIAN KINERJA TAHUN 2020" in first and "INSPEKTORAT KABUPATEN JOMBANG" in first
    second = " ".join(inventory.pages[1].text.split())
    assert "JUMLAH Rp 6.705.258.727,71" in second


def _cells(text: str) -> str:
    """One line, without the '|' that OCR reads from ruling lines next to text."""
    return " ".join(t for t in text.split() if t != "|")


def _lattice(path: Path, engine: str):
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return camelot.read_pdf(str(path), pages="2", flavor="lattice", engine=engine, split_text=True,
                                suppress_stdout=True)


def test_vector_lattice_finds_no_grid_on_a_scan(ocred):
    assert len(_lattice(ocred, "vector")) == 0, "the ruling lines exist only in the image"


@pytest.mark.parametrize("engine", ["raster", "combined"])
def test_raster_lattice_reads_the_perjanjian_kinerja(ocred, engine):
    tables = _lattice(ocred, engine)
    assert len(tables) == 1
    rows = [[_cells(c) for c in row] for row in tables[0].df.values.tolist()]
    assert rows[0] == ["NO.", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"]
    body = [r for r in rows[2:]]
    indicators = [(r[2], r[3]) for r in body]
    assert indicators == [
        ("Persentase Tindak Lanjut Selesai", "95,40%"),
        ("Persentase LK SKPD sesuai SAP", "100%"),
        ("Maturitas SPIP", "Level 3 (Terdefiniisi)"),  # sic: the scan prints "Terdefiniisi"
        ("Persentase OPD yang telah melaksanakan Pembangunan ZI menuju WBK", "10,53%"),
        ("Nilai Reformasi Birokrasi", "62"),
        ("Persentase OPD dengan nilai SAKIP minimal A", "15,79%"),
        ("Nilai Evaluasi SAKIP", "81 (A)"),
    ]
    sasaran = [r[1] for r in body if r[1]]
    assert sasaran == [
        "Meningkatnya hasil pengawasan yang berkualitas dan akuntabel",
        "Meningkatnya Akuntabilitas Kinerja SKPD",
        "Meningkatnya kualitas akuntabilitas kinerja Instansi Pemerintah",
    ]
    # the spanning sasaran cell covers the first five indicator rows
    assert [bool(r[1]) for r in body] == [True, False, False, False, False, True, True]
    # row numbers 2. and 3. are read; OCR misreads the "1." of the first row, so only check the rest
    assert [re.sub(r"\D", "", r[0]) for r in body[-2:]] == ["2", "3"]


def test_stream_reads_the_program_budget(ocred):
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = camelot.read_pdf(str(ocred), pages="2", flavor="stream", suppress_stdout=True)
    text = [" ".join(_cells(c) for c in row) for t in tables for row in t.df.values.tolist()]
    amounts = [m for line in text for m in re.findall(r"Rp (\d[\d.]*,\d\d)", line)]
    assert amounts == ["1.393.499.080,00", "916.730.450,00", "37.697.500,00", "3.700.446.697,71",
                       "656.885.000,00", "6.705.258.727,71"]


@needs_scan
@pytest.mark.skipif(not ocr.ocr_available(), reason="ocrmypdf/tesseract with Indonesian data not installed")
def test_scanned_agreement_yields_its_targets(tmp_path):
    """The scanned Perjanjian Kinerja: OCR, raster lattice, then sasaran / indikator / target rows."""
    import pandas as pd

    from extract.extraction import extract_document

    record = extract_document(SCAN, tmp_path)
    assert (record["status"], record["region_code"], record["fiscal_year"], record["doc_type"]) == \
        ("ok", "35.17", 2020, "perjanjian_kinerja")
    assert record["ocr_pages"] == [1, 2]
    rows = pd.read_parquet(tmp_path / record["document_id"] / record["extractor_version"] / "indicators.parquet")
    targets = dict(zip(rows.indicator_name, rows.target_raw))
    assert targets["Persentase Tindak Lanjut Selesai"] == "95,40%"
    assert targets["Persentase OPD dengan nilai SAKIP minimal A"] == "15,79%"
    # an indicator named "Nilai ..." with a printed target is not a summary row: all 7 printed rows
    assert targets["Nilai Reformasi Birokrasi"] == "62"
    assert len(rows) == 7
    assert set(rows.goal_name) >= {"Meningkatnya hasil pengawasan yang berkualitas dan akuntabel",
                                   "Meningkatnya Akuntabilitas Kinerja SKPD"}
