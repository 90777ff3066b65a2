"""A column of text that no value line reaches (gutters._around_text_column): Jambi Tabel 3.9 unruled,
its cells aligned to the middle, in a narrow sasaran column whose names wrap onto lines of their own
above and below each row's value line. The search for gutters saw no word of that column on a value
line, so the number column and the sasaran column were one, and a sasaran's first word went to the
indicator beside it. Fuzz variants jambi_libreoffice_535 (held out at the twelfth stop: indicators
0.80) and jambi_reportlab_301 (indicators 0.60 since the fourth stop); the rows as the seed prints them.
"""
from __future__ import annotations

import pytest

from tests.fuzz_variants import squash, word_tables_near
from tests.seed_tables import JAMBI, table_lines


@pytest.mark.parametrize("engine, number", [("libreoffice", 535), ("reportlab", 301)])
def test_a_column_of_wrapped_names_between_value_lines_is_a_column(engine, number):
    printed = [row for row in table_lines(JAMBI, "Tabel 3.9 :") if row[3:4] != ["Target (%)"]][1:]
    assert len(printed) == 4
    tables = word_tables_near("jambi", engine, number, "135.49")
    rows = [[squash(cell) for cell in row] for table in tables for row in table.rows]
    for row in printed:
        assert row in rows
