"""Tables on scanned pages: raster lattice on the OCRed page, then every closed cell re-read.

The integration tests rasterise pages of the committed ruled samples at 200 dpi into an
image-only PDF (what a scanner produces, as bench/accuracy.py does for its 'scanned' layout),
OCR them with extract/pdf/ocr.py and compare the facts with the seed text (bench/expected.py reads
the seeds independently of extract/). The unit tests show the rules that choose between the
page's and the cell's reading on cell texts typed here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bench import expected as exp
from extract.model import RawTable
from extract.pdf import ocr
from extract.pdf.scanned import (
    _keep_percent,
    _lost_words,
    _numbers_differ,
    _repair_percent_signs,
    _repair_row_numbers,
    _vote,
    repair_misread_words,
)
from tests.paths import REPO

REPO_ROOT = REPO
SAMPLES = REPO_ROOT / "samples" / "pdf"


# ---------------------------------------------------------------- choosing a reading


def test_readings_of_a_number_differ_only_in_digits_and_separators():
    assert not _numbers_differ("4.807.190", "4.807.190}")  # a ruling line read as '}'
    assert not _numbers_differ("13", "(13")
    assert _numbers_differ("4.713.423", "4.773.423")
    assert _numbers_differ("2,73", "203")
    assert _numbers_differ("1.", "i;")
    assert not _numbers_differ("Realisasi", "_ Realisasi")  # no digits: nothing to vote on


def test_vote_takes_the_reading_another_one_agrees_with():
    assert _vote(["4.713.423", "4.773.423", "4.773.423}"]) == "4.773.423"
    assert _vote(["2,73", "2,73", "203"]) == "2,73"
    assert _vote(["4.807.19O", "4.807.190", "4.807.190}"]) == "4.807.190"


def test_vote_without_agreement_prefers_a_well_formed_reading():
    assert _vote(["i;", "I.", "1."]) == "1."
    assert _vote(["4.8O7.190", "4.807.19O", "4.807.190"]) == "4.807.190"
    assert _vote(["ik", "Tk", "ta"]) == "ik"  # nothing better: the cell's own reading


def test_a_percent_sign_seen_only_on_the_page_is_kept():
    assert _keep_percent("10,53", "10,53%") == "10,53%"
    assert _keep_percent("10,53", "10,58%") == "10,53"  # another number: no
    assert _keep_percent("Capaian", "% Capaian") == "Capaian"  # not a number


def test_a_cell_reading_that_lost_a_line_keeps_the_page_text():
    page = "Persentase OPD yang telah melaksanakan Pembangunan ZI menuju WBK"
    assert _lost_words("Persentase OPD yang telah\nmelaksanakan\nPembangunan Zi menuju", page)
    assert not _lost_words("Pelatihan Kerja dan Produktivitas Tenaga Kerja",
                           "(Pelatihan Kerjadan Produktivitas Tenaga Kerja")
    assert not _lost_words("Realisasi", "afi Realisasi")  # a short cell: the page adds noise


def _table(rows: list[list[str]]) -> RawTable:
    return RawTable(table_id="p0001_l1", page_start=1, flavor="lattice", rows=rows, row_pages=[1] * len(rows))


def test_misread_row_numbers_are_repaired_in_a_numbering_column():
    numbers = ["1.", "i;", "2.", "3.", "4.", "5.", "6.", "Ta", "8.", "No"]
    table = _table([["No", "Program"], ["1", "2"]] + [[n, f"Kegiatan {i}"] for i, n in enumerate(numbers)])
    _repair_row_numbers(table)
    assert [r[0] for r in table.rows] == ["No", "1", "1.", "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "No"]
    assert [r[1] for r in table.rows][2:] == [f"Kegiatan {i}" for i in range(len(numbers))]


def test_short_words_outside_a_numbering_column_are_left_alone():
    table = _table([["Pendidikan", "Jumlah"], ["S1", "12"], ["S2", "3"], ["SMA", "7"]])
    _repair_row_numbers(table)
    assert [r[0] for r in table.rows] == ["Pendidikan", "S1", "S2", "SMA"]


def test_short_codes_next_to_a_numbering_column_are_left_alone():
    table = _table([["No", "Pendidikan"], ["1", "2"], ["1.", "S2"], ["2.", "S1"], ["3.", "D3"],
                    ["4.", "SMA"], ["5.", "SMP dan SD"], ["6.", "Tidak sekolah"]])
    _repair_row_numbers(table)
    assert [r[1] for r in table.rows][2:] == ["S2", "S1", "D3", "SMA", "SMP dan SD", "Tidak sekolah"]


def test_header_words_misread_by_a_lookalike_letter_are_the_header_words():
    """Misreadings in the OCR of jabar-dsda 2016 (the only document of the corpus with any): 'Capalan'
    over the capaian column of Tabel 3.6, 'Klnerja', 'Prograrn', 'Keglatan'. Words that are no header
    word, or are one already, stay as they are."""
    table = _table([["SASARAN", "INDIKATOR KINERJA", "Target", "Capalan", "Klnerja"],
                    ["Prograrn", "Keglatan Pemeliharaan", "100%", "KINERJA", "Klinik dan Pola 1111"]])
    repair_misread_words(table)
    assert table.rows == [["SASARAN", "INDIKATOR KINERJA", "Target", "Capaian", "Kinerja"],
                          ["Program", "Kegiatan Pemeliharaan", "100%", "KINERJA", "Klinik dan Pola 1111"]]


def test_a_percent_sign_misread_in_a_header_over_fractions_is_a_percent_sign():
    """tesseract's 'Yo' and 'Ya' for a lone '%' in 9-10 pt type at 150 dpi (the seeds' tables pasted as
    pictures, bench/pictured.py: Jambi Tabel 3.3 'Target (%)' read 'Target / Yo', Jepara Tabel 3.17's '%'
    read 'Ya'). A yes/no tally headed 'Ya' over counts keeps its word."""
    table = RawTable("t", 1, "lattice", [
        ["No", "Program", "Target\nYo", "Realisasi\n(Yo)", "Ya", "Ya", "Tidak"],
        ["1", "Pelatihan Kerja", "51.00", "60.97", "95,22", "3", "1"],
        ["2", "Penempatan", "15.00", "16.00", "100,00", "5", "0"],
    ], [1, 1, 1])
    _repair_percent_signs(table)
    assert table.rows[0] == ["No", "Program", "Target\n%", "Realisasi\n(%)", "%", "Ya", "Tidak"]
    assert table.rows[1][2:5] == ["51.00", "60.97", "95,22"]


# ---------------------------------------------------------------- scanned renderings of the seeds

needs_ocr = pytest.mark.skipif(not ocr.ocr_available(), reason=f"OCR unavailable: {ocr.unavailable_reason()}")


def _scanned_pages(pdf: Path, pages: list[int], out: Path, dpi: int = 200) -> Path:
    """`pages` (1-based) of `pdf` as an image-only PDF: grey bitmaps, no text layer."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        images = [doc[p - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for p in pages]
    finally:
        doc.close()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi))
    return out


def _facts(pdf: Path, region: str, year: int) -> dict[str, list[tuple[tuple, str]]]:
    """OCR, then the extraction's own table reading and fact building, as bench facts."""
    from bench.accuracy import extracted_facts
    from extract.extraction import read_tables, tables_to_frames
    from extract.pdf.inventory import read_inventory

    ocred = ocr.ocr_pages(pdf, pdf.with_name("ocred.pdf"))
    inventory = read_inventory(ocred)
    tables = read_tables(ocred, inventory, ocr_pages=inventory.text_pages)
    frames = tables_to_frames("test", tables)
    return extracted_facts({"region_code": region, "fiscal_year": year}, frames)


def _captioned(facts, caption: str) -> set[tuple]:
    """The facts (bench.seed_score.Got) of the tables whose caption starts so."""
    return {g.fact for g in facts if g.caption.startswith(caption)}


@pytest.fixture(scope="module")
def jepara_scan(tmp_path_factory):
    if not ocr.ocr_available():
        pytest.skip(f"OCR unavailable: {ocr.unavailable_reason()}")
    # page 23: Tabel 3.3 (sasaran indicators); page 34: the first page of Tabel 3.17 (budget)
    pdf = _scanned_pages(SAMPLES / "lkjip_jepara_2024_ruled.pdf", [23, 34],
                         tmp_path_factory.mktemp("jepara") / "scan.pdf")
    return _facts(pdf, "33.20", 2024)


@pytest.fixture(scope="module")
def jambi_scan(tmp_path_factory):
    if not ocr.ocr_available():
        pytest.skip(f"OCR unavailable: {ocr.unavailable_reason()}")
    # page 26: Tabel 3.3 (program indicators); pages 38-39: Tabel 3.8 starts and continues
    pdf = _scanned_pages(SAMPLES / "lkjip_kota-jambi_2025_ruled.pdf", [26, 38, 39],
                         tmp_path_factory.mktemp("jambi") / "scan.pdf")
    return _facts(pdf, "15.71", 2025)


@needs_ocr
def test_scanned_jepara_indicators_are_exact(jepara_scan):
    """Every sasaran indicator of Tabel 3.3, including 'Jumlah masyarakat ... transmigrasi'
    (orang, 13 / 13 / 100), whose target the page OCR read as '(13' next to a ruling line."""
    want = set(exp.expected_for("lkjip_jepara_2024")[exp.INDICATOR])
    got = _captioned(jepara_scan[exp.INDICATOR], "Tabel 3.3 ")
    assert got == want
    assert exp.fact(exp.INDICATOR, "33.20", 2024, "sasaran",
                    "Jumlah masyarakat yang berminat ikut program transmigrasi", 13, 13, 100) in got


@needs_ocr
def test_scanned_jepara_budget_lines_are_exact(jepara_scan):
    """The first page of Tabel 3.17: every line found is printed so in the seed, with its level
    (Jepara numbers only its sub-kegiatan, so the row numbers must be read too)."""
    want = set(exp.expected_for("lkjip_jepara_2024")[exp.BUDGET])
    got = _captioned(jepara_scan[exp.BUDGET], "Tabel 3.17")
    assert got <= want
    assert len(got) >= 25
    # '4.807.190}' and '4.773.423}' on the page: a ruling line read as '}'
    assert exp.fact(exp.BUDGET, "33.20", 2024, "sub_kegiatan", "Penyediaan Layanan Terpadu pada Calon Pekerja Migran",
                    5_000_000, 4_807_190, 96.14) in got
    assert exp.fact(exp.BUDGET, "33.20", 2024, "sub_kegiatan", "Pemberdayaan Pekerja Migran Indonesia Purna Penempatan",
                    5_000_000, 4_773_423, 95.47) in got


@needs_ocr
def test_scanned_jambi_program_indicators_are_exact(jambi_scan):
    """Tabel 3.3: its 'Target % | Realisasi % | Capaian %' header, two lines of small bold type,
    is read cell by cell, so the table is recognised and its six indicators come out."""
    want = {f for f in exp.expected_for("lkjip_kota-jambi_2025")[exp.INDICATOR] if f[3] == "program"}
    assert len(want) == 6
    assert _captioned(jambi_scan[exp.INDICATOR], "Tabel 3.3 ") == want


@needs_ocr
def test_scanned_jambi_budget_continues_across_pages(jambi_scan):
    """Tabel 3.8 starts at the foot of one page and continues on the next under a repeated
    header: stitched, every line is the seed's, with its row number kept out of its name."""
    want = set(exp.expected_for("lkjip_kota-jambi_2025")[exp.BUDGET])
    got = _captioned(jambi_scan[exp.BUDGET], "Tabel 3.8 ")
    assert got <= want
    assert exp.fact(exp.BUDGET, "15.71", 2025, "program", "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA",
                    6_847_986_125.50, 5_826_197_900.00, 85.08) in got
    assert exp.fact(exp.BUDGET, "15.71", 2025, "sub_kegiatan", "Penyediaan Gaji dan Tunjangan ASN",
                    5_551_547_000.00, 4_610_145_933.00, 83.04) in got
    assert len(got) >= 15
