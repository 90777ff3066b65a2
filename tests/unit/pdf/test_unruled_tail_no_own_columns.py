"""The last rows of a table carried to a page top, headless, take the columns of the table before however
many rows they hold when their own lines show fewer than three columns: the summary row's wide values
close the gaps between the centred value columns. Jepara Tabel 3.17 rendered by Chromium (bench/fuzz,
variant 98: horizontal rules only, header not repeated, values centred, six rows on page 10). The seed prints

      PROGRAM PEMBANGUNAN KAWASAN TRANSMIGRASI  18.929.600  17.069.600  90,17
      JUMLAH  5.140.052.105  4.887.834.646  95,05
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_a_tail_whose_own_lines_show_no_columns_takes_those_of_the_page_before():
    tables = word_tables_near("jepara", "html", 98, "5.140.052.105", before=True)
    rows = [[" ".join(c.split()) for c in r] for t in tables for r in t.rows]
    assert ["", "PROGRAM PEMBANGUNAN KAWASAN TRANSMIGRASI", "18.929.600", "17.069.600", "90,17"] in rows
    assert ["", "JUMLAH", "5.140.052.105", "4.887.834.646", "95,05"] in rows
