"""Jepara Tabel 3.3 (LibreOffice, A4 portrait, rules between rows, header not repeated, a row may break
across pages, 4.2 pt cell padding, jepara_libreoffice_199): the page break cuts row 7, and the next page
opens with the rest of its indicator name and the two summary rows alone. Those last rows are too few to
show their columns and take those of the block ending the page before (unruled._tail_columns) when they
lie within its width; but the summary labels start at the table's left edge, 16 pt left of the 'NO' and
row numbers centred in the wide first column above (more than the word height that was allowed), and
they end in the 'Kategori' column, short of 'Sumber Data': the page top was no table, and row 7 lost
'mencapai target'. The seed prints

    7  Meningkatnya kualitas pelayanan PD  Persentase capaian kinerja PD yang mencapai target  %  80,00 ...
    Rata-rata capaian kinerja                          104,90 %
    Kategori                                           Sangat Baik
"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _flat(cell: str) -> str:
    return " ".join(cell.split())


def test_summary_rows_at_a_page_top_take_the_columns_of_the_rows_above():
    tables = word_tables_near("jepara", "libreoffice", 199, "mencapai target", before=True)
    start = next(t for t in tables if any(_flat(row[1]) == "Meningkatnya kualitas pelayanan PD" for row in t.rows))
    tails = [t for t in tables if t.page == start.page + 1 and any("mencapai target" in _flat(c) for r in t.rows
                                                                   for c in r)]
    tail = tails[0] if tails else None
    assert tail is not None, "the page top was read as no table"
    row7 = next(row for row in start.rows if _flat(row[1]) == "Meningkatnya kualitas pelayanan PD")
    assert _flat(row7[2]) == "Persentase capaian kinerja PD yang" and row7[4:7] == ["80,00", "83,33", "104,16"]
    assert len(tail.col_bounds) == len(start.col_bounds)
    cells = {_flat(row[0]) or _flat(row[2]): row for row in tail.rows}
    assert _flat(cells["mencapai target"][2]) == "mencapai target"  # the indicator column, as above
    assert cells["Rata-rata capaian kinerja"][6] == "104,90 %"  # under '% Capaian'
    assert _flat(cells["Kategori"][6]) == "Sangat Baik"
