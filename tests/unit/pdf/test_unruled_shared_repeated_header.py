"""A table that starts at a page bottom with its header and two rows shares its columns with its
continuation on the next page; the header repeated over that continuation is left out of the joint
gutter search where the borders it hides part two value columns (unruled._joint_columns). Read as body, the wide
'Realisasi Tahun 2024' header line ran over the gutter between a narrow realisation ('13', set in the
middle of its cell) and the target column, and the target values fell under 'Realisasi Tahun'.
Jepara's Tabel 3.3 (Capaian Kinerja Sasaran) rendered by Chromium (html 63: unruled, landscape,
repeated header, integers set in the middle); asserted are the cells the seed prints
(samples/seeds, kabupaten-jepara):
    1  ...  Persentase tenaga kerja siap kerja  %  2,90  2,73  94,14  Baik  Diskopuk mnakertrans
    4  ...  Jumlah masyarakat yang berminat ikut program transmigrasi  orang  13  13  100  Baik"""
from __future__ import annotations

from tests.fuzz_variants import word_tables_near


def _rows(tables, value: str) -> list[list[str]]:
    return [[" ".join(cell.split()) for cell in row] for table in tables for row in table.rows if value in row]


def test_a_table_start_and_its_continuation_under_the_repeated_header_share_the_body_columns():
    tables = word_tables_near("jepara", "html", 63, "Target Tahun", before=True)
    (first,) = _rows(tables, "2,73")
    assert first[3:8] == ["%", "2,90", "2,73", "94,14", "Baik"]
    (fourth,) = _rows(tables, "100")
    assert fourth[3:8] == ["orang", "13", "13", "100", "Baik"]
    start = next(t for t in tables if any("2,73" in row for row in t.rows))
    rest = next(t for t in tables if t.page == start.page + 1)
    assert len(start.col_bounds) == len(rest.col_bounds) == 9


def test_the_repeated_header_does_not_join_category_and_source_columns():
    """html 40 (Noto Serif, landscape F4, 2 pt padding: 'Sangat Baik' ends a word space and a
    little left of 'Diskopuk'): read with the repeated header as body, the two columns were one,
    'Baik Diskopuk mnakertrans'; the seed prints 'Baik | Diskopuk mnakertrans'. (The score did not
    show it: neither column is a fact.) The repeated header still bridges a word space inside a text
    cell (reportlab 16, 'Sangat' / 'Baik'), so it is kept in the search between text columns; the
    header cells 'Kategori' and 'Sumber Data', each centred over its own column, part the two
    (gutters._headed_gutters)."""
    tables = word_tables_near("jepara", "html", 40, "Target Tahun", before=True)
    (first,) = _rows(tables, "2,73")
    assert first[4:9] == ["2,90", "2,73", "94,14", "Baik", "Diskopuk mnakertrans"]
