"""A thin row padding is read on the body's steps, not on the step under the column-number row: Chromium
rounds to whole pixels, so Jepara Tabel 3.17 in 10 pt DejaVu Serif with a 1.8 pt padding (bench/fuzz,
html 161: no rules, cells aligned to the middle) sets its rows 15 or 15.75 pt apart over a pitch of
12 pt, and the column-number row, in the header's bold, 14.25 pt above the first row. That one step
fell short of the fifth of a word height over the pitch that a padding adds (14.33 pt), so the padding
was not taken; the 15 pt steps sat on the cut of a line and a quarter (15 pt) and parted no rows, and
the lines of two rows' name cells were shared out one by one ('Pelaksanaan Pelatihan berdasarkan Unit'
into the program above, 'Kompetensi' a row of its own): budget 0.75 (row_spacing._padded_step).
The seed prints (../shared/seeds, Jepara Tabel 3.17)

    <i>Pelaksanaan Pelatihan berdasarkan Unit Kompetensi</i>  1.859.057.000  1.770.074.052  95,21
    <i>Perizinan dan Pendaftaran Lembaga Pelatihan Kerja</i>  4.500.000  4.274.000  94,98
    Pelayanan Antar Kerja di Daerah Kabupaten/ Kota  125.000.000  119.753.000  95,80
    <i>Penataan Persebaran Penduduk yang Berasal dari 1 (Satu) Daerah Kabupaten/Kota</i>  18.929.600  17.069.600  90,17
"""
from __future__ import annotations

import dataclasses

from tests.fuzz_variants import word_tables_near

NAMES = {
    "1.859.057.000": "Pelaksanaan Pelatihan berdasarkan Unit Kompetensi",
    "4.500.000": "Perizinan dan Pendaftaran Lembaga Pelatihan Kerja",
    "125.000.000": "Pelayanan Antar Kerja di Daerah Kabupaten/ Kota",
    "18.929.600": "Penataan Persebaran Penduduk yang Berasal dari 1 (Satu) Daerah Kabupaten/Kota",
}


def _names(tables, amount: str) -> list[str]:
    """The name cells of the rows holding `amount` (the kegiatan and its sub-kegiatan may share it)."""
    return [" ".join(row[1].split()) for t in tables for row in t.rows if amount in row]


def test_thin_padding_read_under_the_column_number_row():
    tables = word_tables_near("jepara", "html", 161, "Alokasi")
    for amount, name in NAMES.items():
        assert name in _names(tables, amount), amount


def test_the_same_knobs_in_landscape(tmp_path):
    """Landscape: the names wrap elsewhere, the same steps (15 and 15.75 pt, 14.25 under the column
    numbers); main read 'PROGRAM HUBUNGAN INDUSTRIAL' with the first line of the next name."""
    import pypdfium2 as pdfium

    from bench.fuzz.render import render_variant
    from bench.fuzz.variants import make_variant
    from extract.pdf.unruled import read_word_tables
    from tests.fuzz_variants import fuzz_pdf

    fuzz_pdf("jepara", "html", 161)  # skips the test without chromium
    knobs = dataclasses.replace(make_variant("jepara", "html", 161), number=916, orientation="landscape")
    pdf = render_variant("jepara", knobs, tmp_path, engine="html")
    tables = read_word_tables(pdf, list(range(1, len(pdfium.PdfDocument(str(pdf))) + 1)))
    assert "PROGRAM HUBUNGAN INDUSTRIAL" in _names(tables, "90.000.000")
    assert "Pelindungan PMI (Pra dan Purna Penempatan) di Daerah Kabupaten/Kota" in _names(tables, "15.000.000")
