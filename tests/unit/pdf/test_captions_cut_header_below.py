"""A header line left alone at a page bottom, with no caption above it (the caption is printed below
the table): it is the table's on the next page. Jambi Tabel 3.9 rendered by reportlab (bench/fuzz,
variant 30: landscape, horizontal rules, header not repeated, caption below); the seed prints

    No  Sasaran Strategis  Indikator Sasaran  Kinerja  Anggaran
    ... Persentase Koperasi Berkualitas  46.80  43.64  93.25  Rp 544,605,355  Rp 511,170,358  93.86
"""
from __future__ import annotations

import pandas as pd

from extract.extraction import extract_document, output_dir
from tests.fuzz_variants import fuzz_pdf
from tests.unit.pdf.test_stitch import row_of, stitched, table_holding


def test_header_line_at_a_page_bottom_under_prose_heads_the_body_below():
    """Page 12 ends with the paragraph and the header's first line; page 13 holds the second
    header line ('Target (%) | Realisasi (%) | ...') and the body."""
    table = table_holding(stitched("jambi", "reportlab", 30), "Persentase Koperasi Berkualitas")
    assert [" ".join(c.split()) for c in table.rows[0][:4]] == [
        "No", "Sasaran Strategis", "Indikator Sasaran", "Kinerja"]
    assert "Anggaran" in table.rows[0][4:]
    assert row_of(table, "Persentase Koperasi Berkualitas")[-6:] == [
        "46.80", "43.64", "93.25", "Rp 544,605,355", "Rp 511,170,358", "93.86"]


def test_a_whole_header_at_a_page_bottom_stays_with_its_own_table(tmp_path):
    """Jepara, html 13 (caption below, header not repeated): page 3 ends with the prose, the whole
    header of Tabel 3.3 and its column-number row; page 4 holds the body, no header. The header
    is the word reader's table on page 3, stitched to its body, and no second header is carried
    onto a re-reading of page 4. Seed: '7  Meningkatnya kualitas pelayanan PD  Persentase capaian
    kinerja PD yang mencapai target  %  80,00  83,33  104,16'."""
    pdf, _ = fuzz_pdf("jepara", "html", 13)
    record = extract_document(pdf, tmp_path)
    out = output_dir(tmp_path, record["document_id"])
    indicators = pd.read_parquet(out / "indicators.parquet")
    assert len(indicators[indicators["level"] == "sasaran"]) == 7
    pd_row = indicators[indicators["indicator_name"] == "Persentase capaian kinerja PD yang mencapai target"]
    assert pd_row[["target_raw", "realization_raw", "achievement_raw"]].values.tolist() == [
        ["80,00", "83,33", "104,16"]]
