"""Only a cell's wrapped lines set a gutter's left edge at the end of their text (gutters._to_text_ends),
not value lines: the gutter search read those already. Grobogan DPUPR's RFK of August 2022 (a
spreadsheet export in ../shared/corpus, page 3) clips a long package name at the budget cell that
follows it, but the clipped words are still in the PDF: 'Rehabilitasi Jaringan Irigasi DI Kuripan Kec
Purwodadi (DAK Bidang Irigasi Tahun 2022)' runs on over '605.109.000', and its last word ended in the
strip after the budget column. Taken for that column's text, it moved the border right and the header
'ANGGARAN PER PAKET' was read as 'ANGGARAN PER ANGGARAN' | 'PAKET'."""
from __future__ import annotations

import pytest

from extract.pdf.unruled import read_word_tables
from tests.paths import CORPUS

RFK = CORPUS / "kab-grobogan-dpupr_2022_rfk-agu.pdf"


@pytest.mark.skipif(not RFK.exists(), reason=f"corpus file not found: {RFK}")
def test_a_clipped_name_on_a_value_line_leaves_the_budget_header_whole():
    (table,) = read_word_tables(RFK, [3])
    header = [" ".join(cell.split()) for cell in table.rows[0]]
    # (the page prints these three header cells; the columns after them are not this rule's)
    assert header[:3] == ["Kode", "PROGRAM/KEGIATAN/SUBKEGIATAN/PEKERJAAN", "ANGGARAN PER PAKET"]
