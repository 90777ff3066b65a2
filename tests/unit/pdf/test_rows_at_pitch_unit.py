"""Jambi Tabel 3.8 (LibreOffice, F4 landscape, no rules, cells aligned to the bottom, names on one line,
jambi_libreoffice_249): the indent of a sub-activity's name is set in the body's larger type, so its
row stands 18.8 pt under the row above, an unindented row 17.1 pt. No name wraps: the smallest step,
17.1 pt, read as the pitch of wrapped text, made the 18.8 pt steps a row padding, and rows 17.1 pt
apart one band. The band of 'Ikhtisar Realisasi Kinerja SKPD' (a name's last line, a row of its own
in the seed) and the value line under it voted the cells aligned to the bottom: the line went with
the row below, and the heading 'BIDANG SEKRETARIAT' with the first program. Rows whose value lines
follow each other at that pitch tell it is a row's step (row_spacing._rows_at_pitch). The seed prints

    BIDANG SEKRETARIAT
    1.  PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA  Rp 6,847,986,125.50 ...  85.08
    2.  Koordinasi dan Penyusunan Laporan Capaian Kinerja dan  Rp 12,849,390.00  Rp 12,261,200.00  95.42
            Ikhtisar Realisasi Kinerja SKPD
    2.  ADMINISTRASI KEUANGAN PERANGKAT DAERAH  Rp 5,781,103,415.43  Rp 4,839,258,433.00  83.71
"""
from __future__ import annotations

import dataclasses

from tests.fuzz_variants import cells_after, word_tables_near

EXPECTED = {
    "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA":
        ("Rp 6,847,986,125.50", "Rp 5,826,197,900.00", "85.08"),
    "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD":
        ("Rp 12,849,390.00", "Rp 12,261,200.00", "95.42"),
    "ADMINISTRASI KEUANGAN PERANGKAT DAERAH": ("Rp 5,781,103,415.43", "Rp 4,839,258,433.00", "83.71"),
}


def test_rows_at_the_pitch_make_it_a_rows_step():
    tables = word_tables_near("jambi", "libreoffice", 249, "BIDANG SEKRETARIAT")
    assert cells_after(tables, EXPECTED, 3) == EXPECTED


def test_rows_at_the_pitch_in_another_font(tmp_path):
    """The same layout in Noto Sans (0.951 before the rule, as the variant)."""
    import pypdfium2 as pdfium

    from bench.fuzz.render import render_variant
    from bench.fuzz.variants import make_variant
    from extract.pdf.unruled import read_word_tables
    from tests.fuzz_variants import fuzz_pdf

    fuzz_pdf("jambi", "libreoffice", 249)  # skipped when soffice is missing
    variant = dataclasses.replace(make_variant("jambi", "libreoffice", 249), font="Noto Sans")
    pdf = render_variant("jambi", variant, tmp_path, engine="libreoffice")
    doc = pdfium.PdfDocument(str(pdf))
    try:
        pages = [i + 1 for i in range(len(doc)) if "BIDANG SEKRETARIAT" in doc[i].get_textpage().get_text_range()]
    finally:
        doc.close()
    assert cells_after(read_word_tables(pdf, pages), EXPECTED, 3) == EXPECTED
