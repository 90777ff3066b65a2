"""Two tables printed one under the other without a caption or paragraph between them, and a table
under a heading at a page top after a table of other years. Jambi's whole report, section 3.1.2-3.1.3
(seed lines): Tabel 3.4's second table 'No | Indikator Sasaran | 2025 (Target | Realisasi)' with
'4	Persentase UMKM yang Tangguh dan Mandiri	8.00%	12.03%'; then Tabel 3.5, a table of 2024, 2025
and 2026 ('3.	Persentase Koperasi Modern	15,46%	12,37%	17,39%	-	20,00%	-') and right under it
a second one 'No | Indikator Sasaran | 2025 | Target 2026 | ... | Target 2029' with
'3	Persentase Koperasi Berkualitas	46.80%	43.64%	48.60%	50.40%	52.20%	54.00%'."""
from __future__ import annotations

import pypdfium2 as pdfium

from extract.model import RawTable
from extract.pdf.find import find_tables
from extract.pdf.stitch import stitch
from tests.fuzz_variants import fuzz_pdf


def _pages_with(pdf, needle: str) -> list[int]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [i + 1 for i in range(len(doc)) if needle in doc[i].get_textpage().get_text_range()]
    finally:
        doc.close()


def _row(table: RawTable, name: str) -> list[str]:
    return next([" ".join(c.split()) for c in r] for r in table.rows if any(name in " ".join(c.split()) for c in r))


def _holding(tables: list[RawTable], text: str) -> list[RawTable]:
    return [t for t in tables if any(text in " ".join(" ".join(r).split()) for r in t.rows)]


def test_a_header_under_a_tables_rows_starts_another_table():
    """jambi whole report, reportlab 2 (no captions, no rules): Tabel 3.5's two tables open page 27
    under the heading of 3.1.3; they were read as one block (the 2024 values of four columns in one
    cell) and stitched to Tabel 3.4's 2025 table ending page 26, whose 2025 header does not name
    2024 or 2026."""
    pdf, meta = fuzz_pdf("jambi", "reportlab", 2, whole=True)
    assert meta["variant"]["caption"] == "absent"
    [page] = _pages_with(pdf, "17,39%")  # Tabel 3.5: the 2025 Renstra target of Persentase Koperasi Modern
    tables = stitch(find_tables(pdf, [], stream_pages=[page - 1, page]))
    [table_34] = _holding(tables, "Tangguh dan Mandiri 8.00% 12.03%")
    assert table_34.page_end == page - 1
    assert _row(table_34, "Persentase UMKM yang Tangguh dan Mandiri")[-2:] == ["8.00%", "12.03%"]
    [modern] = _holding(tables, "17,39%")
    assert _row(modern, "Persentase Koperasi Modern")[-6:] == ["15,46%", "12,37%", "17,39%", "-", "20,00%", "-"]
    [plan] = _holding(tables, "Berkualitas")
    assert plan is not modern and plan.page_start == page
    assert _row(plan, "Berkualitas")[-6:] == ["46.80%", "43.64%", "48.60%", "50.40%", "52.20%", "54.00%"]


def _blocks(pdf, number: int) -> list[list[str]]:
    from extract.pdf.line_kinds import text_body
    from extract.pdf.page_words import group_lines, page_words
    from extract.pdf.running_lines import without_running_lines
    from extract.pdf.word_blocks import table_blocks
    from extract.pdf.word_cache import cached_words

    doc = pdfium.PdfDocument(str(pdf))
    try:
        lines = without_running_lines(doc, number, group_lines(cached_words(doc, number, page_words)))
    finally:
        doc.close()
    blocks = table_blocks(lines, *text_body(lines))
    return [[" ".join(w.text for w in line.words) for line in block] for block in blocks]


def test_a_header_over_its_own_first_row_is_not_cut_off():
    """jabar-dinkes 2016 p. 65: numbered headings ('2. Misi 2 : ...', '1). Sasaran 1 : ...') above a
    table whose header spans five lines ('2015 2016', 'INDIKATOR', 'CAPAIAN CAPAIAN SASARAN', 'TARGET
    REALISASI PENILAIAN ...'): the headings' numbers are no value rows of a table above, so the
    header's lines stay together."""
    from tests.paths import CORPUS

    pdf = CORPUS / "jabar-dinkes_2016_lakip.pdf"
    if not pdf.is_file():
        import pytest

        pytest.skip("corpus not present")
    [first] = [b for b in _blocks(pdf, 65) if any(line.startswith("TARGET REALISASI PENILAIAN") for line in b)]
    assert "INDIKATOR" in first and "CAPAIAN CAPAIAN SASARAN" in first


def test_a_header_repeated_on_its_page_is_the_same_table():
    """jambi whole report, reportlab 1 (landscape, no rules): Tabel 2.8 (Rencana Aksi) has its header
    'No | PROGRAM | KEGIATAN | SUB KEGIATAN | RENCANA AKSI | ANGGARAN (RP.) | ...' printed again under a
    row the renderer split within the page; it is the same table's header, not another table."""
    pdf, _ = fuzz_pdf("jambi", "reportlab", 1, whole=True)
    pages = _pages_with(pdf, "Pembinaan BKK")
    headers = [sum(line.startswith("No PROGRAM KEGIATAN") for line in block) for block in _blocks(pdf, pages[0])]
    assert max(headers) == 2
