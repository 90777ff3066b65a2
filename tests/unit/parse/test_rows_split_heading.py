"""A section heading the word reader split at the numbering column ('BIDANG' | 'KOPERASI') is no
wrapped line of the name above: its words read together are a heading in capitals under a name in
mixed case. Jambi Tabel 3.8 rendered by LibreOffice (bench/fuzz, variant 63: no rules, the heading
starts left of the name column). The seed prints

    1.  Pelaksanaan Operasional Lembaga Kerja Sama Tripartit Daerah Kabupaten/Kota
        Rp 886,478,597.50  Rp 813,454,341.00  91.76
    BIDANG KOPERASI
"""
from __future__ import annotations

from extract.parse.rows import Row, merge_cut_rows, numbering_first
from extract.text import clean_cell
from tests.fuzz_variants import word_tables_near


def test_a_heading_split_at_the_numbering_column_does_not_end_the_name_above():
    tables = word_tables_near("jambi", "libreoffice", 63, "Lembaga Kerja Sama Tripartit")
    table = next(t for t in tables if any("Rp 886,478,597.50" in row for row in t.rows))
    rows = [Row(i, table.page, [clean_cell(numbering_first(c)) for c in row]) for i, row in enumerate(table.rows)]
    assert ["BIDANG", "KOPERASI"] in [[c for c in row.cells if c] for row in rows]  # as the reader split it
    merged = merge_cut_rows(rows, wrapped_lines_are_rows=True)
    names = [" ".join(c for c in row.cells if "Tripartit" in c) for row in merged]
    name = next(n for n in names if n)
    assert name.endswith("Daerah Kabupaten/Kota")
