"""Captions printed below their table, followed by prose. Jambi's seed prints 'Tabel 3.3 :
Pengukuran Kinerja Program Tahun 2025', then the sentence 'Kegiatan-kegiatan yang dilaksanakan
untuk menunjang program, telah diuraikan pada BAB I.' and a paragraph that spells out an amount
('... lima belas juta ...'); the budget table Tabel 3.8 follows. Its first program line prints
'Rp 6,847,986,125.50' (seed line 'PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA')."""
from __future__ import annotations

import pandas as pd

from extract.extraction import extract_document, output_dir
from extract.pdf.captions import caption_from_text
from tests.fuzz_variants import fuzz_pdf

CAPTION = "Tabel 3.3 : Pengukuran Kinerja Program Tahun 2025"
PROSE = "Kegiatan-kegiatan yang dilaksanakan untuk menunjang program, telah diuraikan pada BAB I."


def test_caption_text_stops_where_the_prose_starts():
    assert caption_from_text(f"{CAPTION}\n{PROSE}\n") == CAPTION


def test_two_line_caption_is_kept_whole():
    assert caption_from_text("Tabel 3.8 : Realisasi Anggaran\n(dalam rupiah)\n") == \
        "Tabel 3.8 : Realisasi Anggaran (dalam rupiah)"


def test_caption_below_the_table_above_is_not_the_budget_tables(tmp_path):
    """libreoffice 23 (captions below): the budget table no longer takes 'Tabel 3.3' and the
    spelled-out 'juta' of the paragraph under it, so its amounts are read as printed."""
    pdf, _ = fuzz_pdf("jambi", "libreoffice", 23)
    record = extract_document(pdf, tmp_path)
    out = output_dir(tmp_path, record["document_id"])
    tables = pd.read_parquet(out / "tables.parquet")
    budget = tables[tables["family"] == "budget_realization"]
    assert len(budget) == 1 and "Tabel 3.3" not in budget["caption"].iloc[0]
    lines = pd.read_parquet(out / "budget_lines.parquet")
    program = lines[lines["line_name"].str.startswith("PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH")]
    assert program["budget_raw"].tolist() == ["Rp 6,847,986,125.50"]
    assert program["budget_idr"].tolist() == [6847986125.50]
