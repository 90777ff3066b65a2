"""A table's last row alone at a page top, cells aligned to the top: its values, on its first line,
reach past the right edge of its wrapped lines below, as a row carried over in the previous page's
column widths does; but those lines hold no value, they are no rows set to other widths. Layout-fuzz
rendering (bench/fuzz) of the Jambi seed report; the row as the seed prints it
(samples/seeds/lkjip_kota-jambi_2025_disnakerkopukm.txt, Tabel 3.3):
    6  Pemberdayaan Usaha Menengah, Usaha Kecil dan Usaha Mikro (UMKM)  Pertumbuhan wirausaha
       $\\frac{\\text{Jlh UMKM yg Mengajukan Bankharkat + ...}} \\times 100$  52.64  62.42  118.58
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_wrapped_lines_of_a_carried_last_row_stay_in_its_row():
    """jambi_html_107 p. 3 (DejaVu Sans 7.5 pt, unruled, header not repeated): the value line was cut
    from its wrapped lines, 'Pemberdayaan' and 'Pertumbuhan' left without 'Usaha ... (UMKM)' and
    'wirausaha'."""
    tables = [t for t in word_tables_near("jambi", "html", 107, "Pertumbuhan") if t.page == 3]
    table = next(t for t in tables if any("52.64" in row for row in t.rows))
    rows = [[" ".join(cell.split()) for cell in row] for row in table.rows]
    at = next(i for i, row in enumerate(rows) if "52.64" in row)
    assert rows[at][:3] == ["6", "Pemberdayaan", "Pertumbuhan"] and rows[at][-3:] == ["52.64", "62.42", "118.58"]
    below = rows[at + 1:]  # the word reader's rows of evenly spaced lines: the fact reader joins them
    assert " ".join(r[1] for r in below if r[1]) == "Usaha Menengah, Usaha Kecil dan Usaha Mikro (UMKM)"
    assert " ".join(r[2] for r in below if r[2]) == "wirausaha"
