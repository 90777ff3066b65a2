"""A caption printed below a word-aligned table whose last page holds two blocks: the renderer set
the rows after the seed's own break ('PARA PEMANGKU KEPENTINGAN', a row of its own) to other
column widths, so the word reader reads them as a second block right under the first. The caption
under that block is the whole table's: it goes to the table's start, so the block stays
captionless and is stitched to the table above, and the sub-kegiatan rows keep their level under
the kegiatan. Seed lines (samples/seeds, kota-jambi, Tabel 3.8):
    1.  PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA  Rp 6,847,986,125.50 ...
    3.  Penyusunan Basis Data  Rp 32,017,438.00  Rp 31,296,450.00  97.75
    Tabel 3.8 : Realisasi Anggaran  (printed below the table in this layout)"""
from __future__ import annotations

from extract.pdf.find import find_tables
from extract.pdf.stitch import stitch
from tests.fuzz_variants import fuzz_pdf


def _text(table) -> str:
    return " ".join(" ".join(cell.split()) for row in table.rows for cell in row)


def test_caption_below_a_second_block_is_the_tables():
    """Jambi, reportlab 65 (unruled, landscape, caption below, rows split at page breaks): the
    caption went to the second block of page 10 alone (5 of the 61 budget lines), which was then
    kept apart as a table of its own; budget precision 0.20."""
    pdf, _ = fuzz_pdf("jambi", "reportlab", 65)
    tables = stitch(find_tables(pdf, [], stream_pages=list(range(4, 11))))
    captioned = [t for t in tables if t.caption.startswith("Tabel 3.8")]
    assert len(captioned) == 1
    text = _text(captioned[0])
    assert "PROGRAM PENUNJANG" in text and "Rp 6,847,986,125.50" in text
    assert "Penyusunan Basis Data Rp 32,017,438.00 Rp 31,296,450.00 97.75" in text
