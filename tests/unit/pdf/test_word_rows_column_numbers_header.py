"""An unruled table without caption whose header's second line ('Anggaran  %' under 'Realisasi')
sits as close above the column-number line ('1 2 3 4') as that line above the first row: the
column-number line ends the header, so the header line is no text of a first body row and every
budget line keeps its absorption column. Seed lines (samples/seeds, Jepara Tabel 3.17):
'No | Program /Kegiatan | Alokasi Anggaran | Realisasi', ' | | | Anggaran | %', '1 | 2 | 3 | 4' and
' | PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA | 1.871.557.000 | 1.782.123.052 | 95,22'."""
from __future__ import annotations

import pandas as pd

from extract.extraction import extract_document, output_dir
from extract.pdf.unruled import read_word_tables
from tests.fuzz_variants import fuzz_pdf

PAGE = 39  # Tabel 3.17's first page in the whole report jepara html 2 (landscape, rules none, no caption)


def _whole_pdf():
    pdf, meta = fuzz_pdf("jepara", "html", 2, whole=True)
    assert (meta["variant"]["caption"], meta["variant"]["rules"]) == ("absent", "none")
    return pdf


def test_header_line_above_the_column_numbers_stays_in_the_header():
    table = next(t for t in read_word_tables(_whole_pdf(), [PAGE]) if t.rows[0][0] == "No")
    assert table.rows[1:4] == [["", "", "", "Anggaran", "%"], ["1", "2", "3", "4", ""],
                               ["", "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA",
                                "1.871.557.000", "1.782.123.052", "95,22"]]


def test_budget_lines_keep_their_absorption(tmp_path):
    record = extract_document(_whole_pdf(), tmp_path)
    lines = pd.read_parquet(output_dir(tmp_path, record["document_id"]) / "budget_lines.parquet")
    got = {(r.line_name, r.budget_idr, r.realization_idr, r.absorption_pct_reported) for r in lines.itertuples()}
    assert ("PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA", 1_871_557_000, 1_782_123_052, 95.22) in got
