"""A band between two rules is one row when the table draws a rule between every two of its rows and
the band's value lines never hold two values in one column: LibreOffice set the amounts of one row on
different lines of its band (the budget on the first, realisation and % on the last). Jambi Tabel 3.8
rendered by LibreOffice (bench/fuzz, variant 52: F4 landscape, horizontal rules, cells aligned to the
bottom). The seed prints

    1.	PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA	Rp 6,847,986,125.50	Rp 5,826,197,900.00	85.08
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_a_ruled_band_with_its_amounts_on_two_lines_is_one_row():
    tables = word_tables_near("jambi", "libreoffice", 52, "PROGRAM PENUNJANG URUSAN")
    row = next(r for t in tables for r in t.rows if "Rp 6,847,986,125.50" in r)
    name = next(c for c in row if "PENUNJANG" in c)
    assert " ".join(name.split()) == "PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN / KOTA"
    assert [c for c in row if c.startswith("Rp") or c == "85.08"] == \
        ["Rp 6,847,986,125.50", "Rp 5,826,197,900.00", "85.08"]
