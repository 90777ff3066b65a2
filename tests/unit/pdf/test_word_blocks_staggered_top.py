"""At a page top, lines of one cell each set less than a word height apart, side by side a column
gap apart, are a table's rows whose cells sit at different heights (cells aligned to the middle), and
a label set half a pitch above its row's value is that row's cell, not a header. Jepara Tabel 3.3
rendered by the layout fuzzer (bench/fuzz, reportlab variant 59: FreeSans 11.5 pt, no rules, cells
aligned to the middle) ends a page inside row 7 and opens the next with the name's last line over the
summary rows 'Rata-rata capaian kinerja' / '104,90 %'. The seed prints

    7	Meningkatnya kualitas pelayanan PD	Persentase capaian kinerja PD yang mencapai target	%	80,00	...
    Rata-rata capaian kinerja						104,90 %
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_summary_rows_at_a_page_top_carry_the_last_line_of_the_row_before():
    tables = word_tables_near("jepara", "reportlab", 59, "Rata-rata capaian", before=True)
    top = next(t for t in tables if any("104,90 %" in row for row in t.rows))
    before = next(t for t in tables if any("104,16" in row for row in t.rows))
    assert top.col_bounds[1:] == before.col_bounds[1:]  # the first widened to the summary label
    assert top.rows[0][2] == "mencapai target" and not any(top.rows[0][3:])
    # the label's lines half a pitch above and below its value: the seed's 'Rata-rata capaian kinerja'
    assert " ".join(next(row for row in top.rows if "104,90 %" in row)[0].split()) == "Rata-rata capaian kinerja"
