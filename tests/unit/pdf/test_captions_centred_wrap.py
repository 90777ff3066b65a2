"""A caption set in from the text's left edge (centred) wraps onto lines centred alike; the heading
that follows it at text pitch, starting at the left edge, is the next section's title. Read as the
caption's second line, its 'Tahun 2024' dated the whole budget table to the year before the
report's. Seed lines (samples/seeds, kota-jambi):
    Tabel 3.8. Realisasi Anggaran 2025          (table of contents)
    Perbandingan Realisasi Indikator Kinerja Serta Capaian Kinerja Tahun 2024 dan Target Renstra Tahun 2024-2026
The same centred captions keep their wrapped title lines ('Tabel 3.3' over 'Capaian Kinerja Sasaran
...', Jepara, printed on two centred lines in this layout)."""
from __future__ import annotations

from extract.pdf.find import find_tables
from tests.fuzz_variants import fuzz_pdf


def test_heading_under_a_centred_caption_is_not_its_second_line():
    """Jambi, reportlab 52 (caption below, unruled): Tabel 3.8's caption ends the table on page 9,
    and the section heading follows it at text pitch."""
    pdf, _ = fuzz_pdf("jambi", "reportlab", 52)
    captions = [t.caption for t in find_tables(pdf, [], stream_pages=[9])]
    assert "Tabel 3.8 : Realisasi Anggaran" in captions, captions
    assert not any("Perbandingan" in c for c in captions), captions


def test_wrapped_centred_caption_keeps_its_second_line():
    """Jepara, html 1: 'Tabel 3.3' alone on a centred line, its title centred on the next."""
    pdf, _ = fuzz_pdf("jepara", "html", 1)
    captions = [t.caption for t in find_tables(pdf, [], stream_pages=[3])]
    assert any(c.startswith("Tabel 3.3 Capaian Kinerja Sasaran Dinas Koperasi") for c in captions), captions
