"""A table's last lines carried to a page top with its summary rows: the summary label spans the first
columns from the table's edge, left of the row numbers centred in the 'No' column above, yet inside
the table. Jepara's Tabel 3.3 (Capaian Kinerja Sasaran) rendered by Chromium (html 41: rows split by
the page break, cells aligned to the top, caption below). The seed prints: '7 | Meningkatnya kualitas
pelayanan PD | Persentase capaian kinerja PD yang mencapai target | % | 80,00 | 83,33 | 104,16' and
'Rata-rata capaian kinerja | 104,90 %'."""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def test_a_summary_label_at_the_table_edge_takes_the_columns_of_the_table_above():
    tables = word_tables_near("jepara", "html", 41, "pelayanan PD mencapai target", before=True)
    start = next(t for t in tables if any("83,33" in row for row in t.rows))
    tail = next(t for t in tables if t.page == start.page + 1)
    assert len(tail.col_bounds) == len(start.col_bounds)
    assert [" ".join(c.split()) for c in tail.rows[0][1:3]] == ["pelayanan PD", "mencapai target"]
    summary = next(row for row in tail.rows if row[0].startswith("Rata-rata") or row[1].startswith("Rata-rata"))
    assert "104,90 %" in summary


def test_summary_rows_alone_at_a_page_top_take_the_columns_of_the_table_above():
    """html 4: only the summary rows open the page; '104,90 %' stays under '% Capaian'."""
    tables = word_tables_near("jepara", "html", 4, "Rata-rata capaian kinerja", before=True)
    tail = next(t for t in tables if any(c.startswith("Rata-rata") for row in t.rows[:1] for c in row))
    start = next(t for t in tables if t.page == tail.page - 1 and any("83,33" in row for row in t.rows))
    assert len(tail.col_bounds) == len(start.col_bounds)
    column = next(i for i, cell in enumerate(start.rows[0]) if "Capaian" in cell and "%" in cell)
    assert tail.rows[0][column] == "104,90 %"
